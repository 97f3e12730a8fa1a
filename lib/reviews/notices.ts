// Who hears about a review step, in the app and by email (category "review", so it can be turned
// off): a submitted post tells its reviewers — the member it is for and the org's owners, admins and
// brand creators, never its author —, every later step tells the author (and the member it is for,
// of comments). Nobody is told about their own action.
import "server-only";
import { sql } from "drizzle-orm";
import { adminExecute } from "@/lib/db/admin";
import { queueUserEmail } from "@/lib/email/queue-email";
import { createLogger } from "@/lib/logger";
import { notify } from "@/lib/notifications/notify";

const log = createLogger({ component: "review-notices" });

export type ReviewEvent =
  "submitted" | "changes_requested" | "approved" | "approval_recorded" | "commented";

type PostFacts = {
  orgSlug: string;
  title: string | null;
  body: string;
  authorId: string | null;
  onBehalfOf: string | null;
  actorName: string;
  composers: string[];
};

const titles: Record<ReviewEvent, (actor: string, post: string) => string> = {
  submitted: (a, p) => `${a} asks you to review: ${p}`,
  changes_requested: (a, p) => `${a} asked for changes: ${p}`,
  approved: (a, p) => `Approved by ${a}: ${p}`,
  approval_recorded: (a, p) => `${a} approved, more approval needed: ${p}`,
  commented: (a, p) => `${a} commented: ${p}`,
};

export async function noticeReview(
  actor: { orgId: string; userId: string },
  input: { postId: string; event: ReviewEvent; comment?: string | null },
): Promise<void> {
  try {
    const [post] = await adminExecute<PostFacts>(sql`
      select o.slug as "orgSlug", p.title, coalesce(v.body, '') as body, p.author_id as "authorId",
             p.on_behalf_of as "onBehalfOf",
             coalesce((select nullif(btrim(full_name), '') from public.profiles where id = ${actor.userId}),
                      'Someone') as "actorName",
             coalesce((select array_agg(m.user_id) from public.memberships m
                        where m.org_id = p.org_id and m.role in ('owner', 'admin', 'brand_creator')), '{}') as composers
        from public.posts p join public.organizations o on o.id = p.org_id
        left join public.post_versions v on v.id = p.current_version_id
       where p.id = ${input.postId} and p.org_id = ${actor.orgId}`);
    if (!post) return;
    const recipients =
      input.event === "submitted"
        ? [post.onBehalfOf, ...post.composers]
        : input.event === "commented"
          ? [post.authorId, post.onBehalfOf]
          : [post.authorId];
    const postTitle = post.title?.trim() || excerpt(post.body);
    const path = `/${post.orgSlug}/posts/${input.postId}`;
    for (const userId of new Set(recipients)) {
      if (!userId || userId === actor.userId) continue;
      if (input.event === "submitted" && userId === post.authorId) continue;
      await notify(actor.orgId, userId, {
        kind: `review_${input.event}`,
        title: titles[input.event](post.actorName, postTitle).slice(0, 200),
        body: input.comment?.slice(0, 1000) ?? null,
        link: path,
      });
      // The step in between two approvals is worth a notice, not an email.
      if (input.event === "approval_recorded") continue;
      await queueUserEmail({
        userId,
        template: "review_update",
        data: {
          event: input.event,
          actorName: post.actorName,
          postTitle,
          comment: input.comment ?? null,
          path,
        },
        category: "review",
        dedupeKey: `review:${input.postId}:${input.event}:${userId}:${Date.now()}`,
      });
    }
  } catch (err) {
    // The review itself is saved; a lost notice must not undo it or show as an error.
    log.error("review notice failed", { err, postId: input.postId, event: input.event });
  }
}

function excerpt(body: string): string {
  const line = body.trim().split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || "Untitled post";
}
