import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseOAuthFlash } from "@/components/social/account-groups";
import { AccountsView } from "@/components/social/accounts-view";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { listAccounts } from "@/lib/social/accounts";
import { canConnect } from "@/lib/social/oauth";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/accounts`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "accounts.view")) notFound();
  const [accounts, sp] = await Promise.all([listAccounts(user.claims, org.id), searchParams]);

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Accounts</h1>
        <p className="text-sm text-muted-foreground">
          The LinkedIn and X profiles {org.name} publishes to. Times in{" "}
          {org.timezone.replaceAll("_", " ")}.
        </p>
      </div>
      {org.role === "viewer" ? (
        <Alert data-testid="accounts-read-only">
          <AlertDescription>
            You are a viewer here, so you can see the accounts but not connect or disconnect them.
          </AlertDescription>
        </Alert>
      ) : null}
      <AccountsView
        org={{ slug: org.slug, timezone: org.timezone }}
        userId={user.id}
        role={org.role}
        sandboxEnabled={getEnv().SANDBOX_NETWORK}
        serverReasons={{
          linkedin: canConnect("linkedin", "member"),
          x: canConnect("x", "member"),
          linkedinPages: canConnect("linkedin", "organization"),
        }}
        accounts={accounts}
        flash={parseOAuthFlash(sp)}
      />
    </div>
  );
}
