import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Composer } from "@/components/posts/composer";
import { requireSessionUser } from "@/lib/auth/session";
import { createLogger } from "@/lib/logger";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { loadComposer } from "@/lib/posts/composer-data";

export const metadata: Metadata = { title: "Post" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PostPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org: slug, id } = await params;
  const user = await requireSessionUser(`/${slug}/posts/${id}`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !uuid.test(id)) notFound();
  const log = createLogger({ userId: user.id, orgId: org.id, postId: id });
  const data = await loadComposer(user, org, id, { log });
  // Another org's post, or one an employee may not read, looks like one that does not exist.
  if (!data) notFound();
  // Keyed by post and revision: another post, or this one saved elsewhere since (a refresh after a
  // conflict, Back to an older copy), starts the editor over from what the server has.
  return <Composer key={`${id}:${data.post.revision}`} data={data} />;
}
