// The review loop's writes, as the signed-in member (RLS): submit, approve / request changes /
// comment, preview links, and the org's rules. The rules themselves live in SQL
// (20261204000300_reviews.sql); who is told what is lib/reviews/notices.ts.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { getEnv } from "@/lib/env";
import { AppError, fromDbError, parseInput } from "@/lib/errors";
import type { PostStatus } from "@/lib/posts/constants";
import { noticeReview } from "@/lib/reviews/notices";
import {
  createPreviewLinkInput,
  reviewPostInput,
  reviewSettingsInput,
  revokePreviewLinkInput,
  submitForReviewInput,
  type ReviewPostInput,
  type ReviewSettings,
} from "@/lib/reviews/schemas";

export type AuditMeta = { requestId: string | null; ip: string | null };
export type ReviewActor = { claims: JwtClaims; orgId: string; orgSlug: string; userId: string };

const rethrow = (err: unknown): never => {
  throw fromDbError(err) ?? err;
};

export const hashPreviewToken = (token: string) =>
  createHash("sha256").update(token).digest("base64url");

export async function submitPostForReview(
  actor: ReviewActor,
  raw: { postId: string; expectedRevision: number },
  meta: AuditMeta,
): Promise<{ status: PostStatus; revision: number }> {
  const input = parseInput(submitForReviewInput, raw);
  const row = await withRls(actor.claims, async (tx) => {
    const [r] = await tx.execute<{ status: PostStatus; revision: number }>(sql`
      select p.status, p.revision from app.submit_post_for_review(${input.postId}::uuid,
        ${input.expectedRevision}::int, ${meta.requestId}, ${meta.ip}::inet) p`);
    return r!;
  }).catch(rethrow);
  await noticeReview(actor, { postId: input.postId, event: "submitted" });
  return row;
}

export async function reviewPost(
  actor: ReviewActor,
  raw: ReviewPostInput,
  meta: AuditMeta,
): Promise<{ reviewId: string; status: PostStatus; revision: number }> {
  const input = parseInput(reviewPostInput, raw);
  const row = await withRls(actor.claims, async (tx) => {
    const [r] = await tx.execute<{ reviewId: string; status: PostStatus; revision: number }>(sql`
      select r.review_id as "reviewId", r.post_status as status, r.post_revision as revision
        from app.review_post(${input.postId}::uuid, ${input.versionId}::uuid, ${input.kind},
          ${input.body ?? null}, ${meta.requestId}, ${meta.ip}::inet) r`);
    return r!;
  }).catch(rethrow);
  await noticeReview(actor, {
    postId: input.postId,
    event:
      input.kind === "comment"
        ? "commented"
        : input.kind === "request_changes"
          ? "changes_requested"
          : row.status === "approved"
            ? "approved"
            : "approval_recorded",
    comment: input.body ?? null,
  });
  return row;
}

/** A read-only link for someone outside the org; the token is returned once and stored hashed. */
export async function createPreviewLink(
  actor: ReviewActor,
  raw: { postId: string; days: number },
  meta: AuditMeta,
): Promise<{ id: string; url: string; expiresAt: string }> {
  const input = parseInput(createPreviewLinkInput, raw);
  const token = randomBytes(24).toString("base64url");
  const link = await withRls(actor.claims, async (tx) => {
    const [created] = await tx.execute<{ id: string }>(sql`
      select app.create_preview_link(${input.postId}::uuid, ${hashPreviewToken(token)},
        ${input.days}::int, ${meta.requestId}, ${meta.ip}::inet) as id`);
    const [r] = await tx.execute<{ id: string; expiresAt: string }>(sql`
      select id, (to_json(expires_at) #>> '{}') as "expiresAt" from public.preview_links
       where id = ${created!.id}`);
    return r!;
  }).catch(rethrow);
  return { ...link, url: new URL(`/share/${token}`, getEnv().APP_URL).toString() };
}

export async function revokePreviewLink(
  actor: ReviewActor,
  raw: { linkId: string },
  meta: AuditMeta,
): Promise<void> {
  const input = parseInput(revokePreviewLinkInput, raw);
  await withRls(actor.claims, (tx) =>
    tx.execute(
      sql`select app.revoke_preview_link(${input.linkId}::uuid, ${meta.requestId}, ${meta.ip}::inet)`,
    ),
  ).catch(rethrow);
}

/** Owners and admins (the organizations update policy) set the org's approval rules. */
export async function saveReviewSettings(
  actor: ReviewActor,
  raw: ReviewSettings,
  meta: AuditMeta,
): Promise<ReviewSettings> {
  const input = parseInput(reviewSettingsInput, raw);
  const rules = {
    require_approval: input.requireApproval,
    // Member approval is a kind of approval: it means nothing when approval is off.
    require_member_approval: input.requireApproval && input.requireMemberApproval,
  };
  await withRls(actor.claims, async (tx) => {
    const updated = await tx.execute(sql`
      update public.organizations
         set settings = jsonb_set(settings, '{reviews}', ${JSON.stringify(rules)}::jsonb)
       where id = ${actor.orgId} returning id`);
    // RLS lets only owners and admins update the organization: nothing updated = not allowed.
    if ([...updated].length === 0)
      throw new AppError("forbidden", "Only owners and admins can change the review rules.");
    await tx.execute(sql`select app.log_activity(${actor.orgId}::uuid, 'org.review_rules_updated',
      'organization', ${actor.orgId}, ${JSON.stringify(rules)}::jsonb, ${meta.requestId}, ${meta.ip}::inet)`);
  }).catch(rethrow);
  return {
    requireApproval: rules.require_approval,
    requireMemberApproval: rules.require_member_approval,
  };
}
