// /[org]/credits — the org's AI credits: this month's balance, plan and renewal, and the ledger of
// every grant, generation, refund and expiry. Owners and admins only.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CreditLedgerTable } from "@/components/ai/credit-ledger-table";
import { CreditSummaryCard } from "@/components/ai/credit-summary-card";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCreditSummary, listCreditLedger, planLabels } from "@/lib/ai/credits";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";

export const metadata: Metadata = { title: "Credits" };

const creditsPageParams = z.object({
  before: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .catch(undefined),
});

export default async function CreditsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/credits`);
  const org = await getMyOrgBySlug(user, slug);
  // Owners and admins only; to anyone else the page does not exist (as Activity and Publishing).
  if (!org || !can(org.role, "credits.ledger")) notFound();
  const { before } = creditsPageParams.parse(await searchParams);
  const [summary, ledger] = await Promise.all([
    getCreditSummary(user.claims, org.id),
    listCreditLedger(user.claims, org.id, before),
  ]);
  const orgView = { slug: org.slug, timezone: org.timezone };

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Credits</h1>
        <p className="text-sm text-muted-foreground">
          The AI credits {org.name} spends on drafts and edits. Times in{" "}
          {org.timezone.replaceAll("_", " ")}.
        </p>
      </div>
      <CreditSummaryCard
        summary={summary}
        planLabel={summary ? (planLabels[summary.plan] ?? null) : null}
        timeZone={org.timezone}
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2" id="ledger-title">
            Ledger
          </CardTitle>
          <CardDescription>Every change to the balance, newest first.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreditLedgerTable org={orgView} entries={ledger.entries} isFirstPage={!before} />
        </CardContent>
      </Card>
      {ledger.nextBefore || before ? (
        <nav aria-label="Ledger pages" className="flex justify-between">
          {before ? (
            <Button asChild variant="outline">
              <Link href={`/${org.slug}/credits`}>Newest</Link>
            </Button>
          ) : (
            <span />
          )}
          {ledger.nextBefore ? (
            <Button asChild variant="outline">
              <Link
                href={`/${org.slug}/credits?before=${ledger.nextBefore}`}
                data-testid="ledger-older"
              >
                Older
              </Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
