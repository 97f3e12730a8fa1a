import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Composer } from "@/components/posts/composer";
import { requireSessionUser } from "@/lib/auth/session";
import { createLogger } from "@/lib/logger";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { loadComposer } from "@/lib/posts/composer-data";

export const metadata: Metadata = { title: "Compose" };

export default async function ComposePage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ campaign?: string | string[] }>;
}) {
  const { org: slug } = await params;
  const { campaign } = await searchParams;
  const user = await requireSessionUser(`/${slug}/compose`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org) notFound();
  if (!can(org.role, "posts.create")) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold tracking-tight">Compose</h1>
        <p className="mt-2 text-sm text-muted-foreground">
          Viewers can read posts but not write them. Ask an admin for another role.
        </p>
      </div>
    );
  }
  const log = createLogger({ userId: user.id, orgId: org.id });
  const data = await loadComposer(user, org, null, {
    campaignId: typeof campaign === "string" ? campaign : null,
    log,
  });
  if (!data) notFound();
  // A new key per visit: after a first save the URL names the post but this route stays mounted,
  // and opening Compose again must start a new post, not keep editing that one.
  return <Composer key={randomUUID()} data={data} />;
}
