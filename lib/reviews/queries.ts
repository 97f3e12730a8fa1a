// Reads of the review loop: a post's reviews and what the caller may do with it, the review queue,
// preview links, and the shared preview an outside approver opens (by token, without an account).
import "server-only";
import { sql } from "drizzle-orm";
import { iso } from "@/lib/db/sql";
import { adminExecute } from "@/lib/db/admin";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import type { OrgRole } from "@/lib/db/schema";
import type { PostStatus } from "@/lib/posts/constants";
import { hashPreviewToken } from "@/lib/reviews/mutations";
import type { ReviewKind, ReviewSettings } from "@/lib/reviews/schemas";

const nameOf = (alias: string) =>
  sql.raw(`coalesce(nullif(btrim(${alias}.full_name), ''), ${alias}.email, 'Former member')`);

export type ReviewItem = {
  id: string;
  kind: ReviewKind;
  body: string | null;
  versionId: string;
  versionNo: number;
  reviewerId: string | null;
  reviewerName: string;
  createdAt: string;
};

export type ReviewState = {
  rules: ReviewSettings;
  status: PostStatus;
  currentVersionId: string | null;
  authorId: string | null;
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
  /** The caller may approve or request changes (when the post is in review). */
  canReview: boolean;
  canSubmit: boolean;
  /** Approvals of the current version so far, and whether the member's is still missing. */
  approvals: { reviewerId: string | null; reviewerName: string }[];
  waitingForMember: boolean;
  reviews: ReviewItem[];
};

export async function getReviewSettings(claims: JwtClaims, orgId: string): Promise<ReviewSettings> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<ReviewSettings>(sql`
      select coalesce((settings #>> '{reviews,require_approval}')::boolean, false) as "requireApproval",
             coalesce((settings #>> '{reviews,require_member_approval}')::boolean, false) as "requireMemberApproval"
        from public.organizations where id = ${orgId}`),
  );
  return [...rows][0] ?? { requireApproval: false, requireMemberApproval: false };
}

export async function getReviewState(
  claims: JwtClaims,
  me: { id: string; role: OrgRole },
  orgId: string,
  postId: string,
): Promise<ReviewState | null> {
  const rules = await getReviewSettings(claims, orgId);
  return withRls(claims, async (tx) => {
    const [post] = await tx.execute<{
      status: PostStatus;
      currentVersionId: string | null;
      authorId: string | null;
      onBehalfOf: string | null;
      onBehalfOfName: string | null;
    }>(sql`
      select p.status, p.current_version_id as "currentVersionId", p.author_id as "authorId",
             p.on_behalf_of as "onBehalfOf", ${nameOf("ob")} as "onBehalfOfName"
        from public.posts p left join public.profiles ob on ob.id = p.on_behalf_of
       where p.id = ${postId} and p.org_id = ${orgId}`);
    if (!post) return null;
    const reviews = [
      ...(await tx.execute<ReviewItem>(sql`
        select r.id, r.kind, r.body, r.version_id as "versionId", v.version_no as "versionNo",
               r.reviewer_id as "reviewerId", ${nameOf("pr")} as "reviewerName",
               ${iso("r.created_at")} as "createdAt"
          from public.reviews r
          join public.post_versions v on v.id = r.version_id
          left join public.profiles pr on pr.id = r.reviewer_id
         where r.post_id = ${postId}
         order by r.created_at, r.id`)),
    ];
    const approvals = reviews
      .filter((r) => r.kind === "approve" && r.versionId === post.currentVersionId)
      .filter((r) => r.reviewerId !== post.authorId)
      .map((r) => ({ reviewerId: r.reviewerId, reviewerName: r.reviewerName }));
    const memberNeeded =
      rules.requireMemberApproval && !!post.onBehalfOf && post.onBehalfOf !== post.authorId;
    const isComposer = ["owner", "admin", "brand_creator"].includes(me.role);
    const isMember = me.id === post.onBehalfOf;
    const isAuthor = me.id === post.authorId;
    return {
      rules,
      ...post,
      canReview:
        post.status === "in_review" &&
        !isAuthor &&
        (isComposer || isMember) &&
        !approvals.some((a) => a.reviewerId === me.id),
      canSubmit:
        ["draft", "changes_requested"].includes(post.status) &&
        me.role !== "viewer" &&
        (isComposer || isAuthor || isMember),
      approvals,
      waitingForMember: memberNeeded && !approvals.some((a) => a.reviewerId === post.onBehalfOf),
      reviews,
    };
  });
}

export type ReviewQueueItem = {
  id: string;
  title: string | null;
  body: string;
  status: PostStatus;
  authorName: string;
  onBehalfOf: string | null;
  onBehalfOfName: string;
  onBehalfOfHeadline: string | null;
  onBehalfOfAvatarUrl: string | null;
  currentVersionId: string | null;
  updatedAt: string;
  comments: number;
};

/**
 * Posts waiting for the caller: in review and theirs to review (not their own; an employee's are
 * those on behalf of them), then their own posts that came back with changes requested.
 */
export async function listReviewQueue(
  claims: JwtClaims,
  me: { id: string; role: OrgRole },
  orgId: string,
): Promise<{ toReview: ReviewQueueItem[]; changesRequested: ReviewQueueItem[] }> {
  const composer = ["owner", "admin", "brand_creator"].includes(me.role);
  const rows = await withRls(claims, (tx) =>
    tx.execute<ReviewQueueItem & { bucket: "review" | "changes" }>(sql`
      select p.id, p.title, coalesce(v.body, '') as body, p.status, ${nameOf("au")} as "authorName",
             p.on_behalf_of as "onBehalfOf", ${nameOf("ob")} as "onBehalfOfName",
             ob.headline as "onBehalfOfHeadline", ob.avatar_url as "onBehalfOfAvatarUrl",
             p.current_version_id as "currentVersionId", ${iso("p.updated_at")} as "updatedAt",
             (select count(*)::int from public.reviews r where r.post_id = p.id and r.kind <> 'approve') as comments,
             case when p.status = 'in_review' then 'review' else 'changes' end as bucket
        from public.posts p
        left join public.post_versions v on v.id = p.current_version_id
        left join public.profiles au on au.id = p.author_id
        left join public.profiles ob on ob.id = p.on_behalf_of
       where p.org_id = ${orgId}
         and ((p.status = 'in_review' and p.author_id is distinct from ${me.id}
               and (${composer} or p.on_behalf_of = ${me.id})
               and not exists (select 1 from public.reviews r where r.post_id = p.id
                                and r.version_id = p.current_version_id and r.kind = 'approve'
                                and r.reviewer_id = ${me.id}))
           or (p.status = 'changes_requested' and (p.author_id = ${me.id} or p.on_behalf_of = ${me.id})))
       order by p.updated_at
       limit 200`),
  );
  const list = [...rows];
  return {
    toReview: list.filter((r) => r.bucket === "review"),
    changesRequested: list.filter((r) => r.bucket === "changes"),
  };
}

export type PreviewLinkItem = {
  id: string;
  expiresAt: string;
  /** Past its expiry (by the database's clock). */
  expired: boolean;
  revokedAt: string | null;
  views: number;
  lastViewedAt: string | null;
  createdAt: string;
};

export async function listPreviewLinks(
  claims: JwtClaims,
  postId: string,
): Promise<PreviewLinkItem[]> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<PreviewLinkItem>(sql`
      select id, ${iso("expires_at")} as "expiresAt", expires_at <= now() as expired,
             ${iso("revoked_at")} as "revokedAt", views,
             ${iso("last_viewed_at")} as "lastViewedAt", ${iso("created_at")} as "createdAt"
        from public.preview_links where post_id = ${postId} order by created_at desc`),
  );
  return [...rows];
}

export type SharedMedia = {
  path: string;
  mime: string;
  alt: string | null;
  width: number | null;
  height: number | null;
  fileName: string | null;
};

export type SharedPreview =
  | { ok: false; reason: "unknown" | "expired" | "revoked" | "gone" }
  | {
      ok: true;
      orgName: string;
      title: string | null;
      body: string;
      author: { name: string; headline: string | null; avatarUrl: string | null };
      media: SharedMedia[];
      expiresAt: string;
    };

/**
 * The post behind a preview link, for someone without an account: the token is the only key, so it
 * is looked up by its hash as the system, and the view is counted. Nothing else of the org shows.
 */
export async function getSharedPreview(token: string): Promise<SharedPreview> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return { ok: false, reason: "unknown" };
  const [link] = await adminExecute<{
    id: string;
    postId: string;
    expired: boolean;
    revoked: boolean;
    expiresAt: string;
  }>(sql`
    select id, post_id as "postId", expires_at <= now() as expired, revoked_at is not null as revoked,
           ${iso("expires_at")} as "expiresAt"
      from public.preview_links where token_hash = ${hashPreviewToken(token)}`);
  if (!link) return { ok: false, reason: "unknown" };
  if (link.revoked) return { ok: false, reason: "revoked" };
  if (link.expired) return { ok: false, reason: "expired" };
  const [post] = await adminExecute<{
    orgName: string;
    title: string | null;
    body: string;
    status: PostStatus;
    name: string;
    headline: string | null;
    avatarUrl: string | null;
    media: SharedMedia[];
  }>(sql`
    select o.name as "orgName", p.title, coalesce(v.body, '') as body, p.status,
           coalesce(nullif(btrim(ob.full_name), ''), nullif(btrim(au.full_name), ''), 'Member') as name,
           coalesce(ob.headline, au.headline) as headline,
           coalesce(ob.avatar_url, au.avatar_url) as "avatarUrl",
           (select coalesce(jsonb_agg(jsonb_build_object('path', m.path, 'mime', m.mime,
                     'alt', coalesce(pm.alt_override, m.alt_text), 'width', m.width, 'height', m.height,
                     'fileName', m.file_name) order by pm.position), '[]'::jsonb)
              from public.post_media pm join public.media_assets m on m.id = pm.media_id
             where pm.post_id = p.id and m.deleted_at is null) as media
      from public.posts p join public.organizations o on o.id = p.org_id
      left join public.post_versions v on v.id = p.current_version_id
      left join public.profiles ob on ob.id = p.on_behalf_of
      left join public.profiles au on au.id = p.author_id
     where p.id = ${link.postId} and o.deleted_at is null`);
  if (!post || post.status === "archived") return { ok: false, reason: "gone" };
  // Only a preview that is shown counts as viewed.
  await adminExecute(sql`
    update public.preview_links set views = views + 1, last_viewed_at = now() where id = ${link.id}`);
  return {
    ok: true,
    orgName: post.orgName,
    title: post.title,
    body: post.body,
    author: { name: post.name, headline: post.headline, avatarUrl: post.avatarUrl },
    media: post.media,
    expiresAt: link.expiresAt,
  };
}
