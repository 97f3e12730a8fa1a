import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlaskConical } from "lucide-react";
import { SandboxPostCard } from "@/components/social/sandbox-post-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { listSandboxPosts } from "@/lib/publishing/queries";

export const metadata: Metadata = { title: "Sandbox" };

const FEED_LIMIT = 50;

export default async function SandboxPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/sandbox`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "accounts.view")) notFound();
  const posts = await listSandboxPosts(user.claims, org.id, FEED_LIMIT);
  const enabled = getEnv().SANDBOX_NETWORK;

  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sandbox</h1>
        <p className="text-sm text-muted-foreground">
          Posts {org.name} published to the Sandbox, Ghostart&apos;s practice network, newest first.
          Nothing here left Ghostart. Times in {org.timezone.replaceAll("_", " ")}.
        </p>
      </div>
      {!enabled ? (
        <Alert data-testid="sandbox-off">
          <AlertDescription>
            The Sandbox network is turned off on this server: nothing new will appear here.
          </AlertDescription>
        </Alert>
      ) : null}
      {posts.length === 0 ? (
        <EmptyState
          icon={FlaskConical}
          title="Nothing published to the Sandbox yet"
          description="Connect the Sandbox on the Accounts page, then pick Sandbox as a network when you compose a post and publish or schedule it. It appears here once it is published."
          action={
            <>
              <Button asChild variant="outline">
                <Link href={`/${org.slug}/accounts#sandbox`}>Go to Accounts</Link>
              </Button>
              {can(org.role, "posts.create") ? (
                <Button asChild>
                  <Link href={`/${org.slug}/compose`}>Compose a post</Link>
                </Button>
              ) : null}
            </>
          }
        />
      ) : (
        <ol className="grid gap-4" aria-label="Sandbox posts" data-testid="sandbox-feed">
          {posts.map((p) => (
            <li key={p.id}>
              <SandboxPostCard org={org.slug} post={p} timeZone={org.timezone} />
            </li>
          ))}
        </ol>
      )}
      {posts.length === FEED_LIMIT ? (
        <p className="text-center text-sm text-muted-foreground">
          The {FEED_LIMIT} most recent posts are shown.
        </p>
      ) : null}
    </div>
  );
}
