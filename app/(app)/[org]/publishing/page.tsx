import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishingHealthPanel } from "@/components/social/publishing-health-panel";
import { requireSessionUser } from "@/lib/auth/session";
import { getNow } from "@/lib/clock";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { getPublishingHealth } from "@/lib/publishing/queries";

export const metadata: Metadata = { title: "Publishing" };

export default async function PublishingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/publishing`);
  const org = await getMyOrgBySlug(user, slug);
  // Owners and admins only; to anyone else the page does not exist (as the activity log).
  if (!org || !can(org.role, "publishing.health")) notFound();
  const health = await getPublishingHealth(user.claims, org.id);

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Publishing</h1>
        <p className="text-sm text-muted-foreground">
          How {org.name}&apos;s scheduled posts are going out. Times in{" "}
          {org.timezone.replaceAll("_", " ")}.
        </p>
      </div>
      <PublishingHealthPanel
        org={{ slug: org.slug, timezone: org.timezone }}
        initial={health}
        loadedAt={getNow().toISOString()}
      />
    </div>
  );
}
