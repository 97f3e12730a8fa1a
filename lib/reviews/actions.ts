"use server";
// Server actions of the review loop: the composer's review panel, the Review queue page, preview
// links, and the org's rules (Settings). Every rule is checked again in SQL.
import { z } from "zod";
import { orgAction, type OrgCtx } from "@/lib/actions/client";
import { AppError } from "@/lib/errors";
import { requirePostInOrg } from "@/lib/posts/post-in-org";
import {
  createPreviewLink,
  reviewPost,
  revokePreviewLink,
  saveReviewSettings,
  submitPostForReview,
} from "@/lib/reviews/mutations";
import { getReviewState, listPreviewLinks } from "@/lib/reviews/queries";
import {
  createPreviewLinkInput,
  reviewPostInput,
  reviewSettingsInput,
  revokePreviewLinkInput,
  submitForReviewInput,
} from "@/lib/reviews/schemas";

const org = z.object({ org: z.string() });

const actor = (ctx: OrgCtx) => ({
  claims: ctx.user.claims,
  orgId: ctx.org.id,
  orgSlug: ctx.org.slug,
  userId: ctx.user.id,
});

export const reviewStateAction = orgAction(
  "posts.view",
  org.extend({ postId: z.uuid() }),
  async (input, ctx) => {
    const [state, links] = await Promise.all([
      getReviewState(
        ctx.user.claims,
        { id: ctx.user.id, role: ctx.role },
        ctx.org.id,
        input.postId,
      ),
      listPreviewLinks(ctx.user.claims, input.postId),
    ]);
    if (!state) throw new AppError("not_found", "That post does not exist.");
    return { state, links };
  },
);

export const submitForReviewAction = orgAction(
  "posts.submit",
  submitForReviewInput.extend(org.shape),
  async (input, ctx) => {
    await requirePostInOrg(ctx, input.postId);
    return submitPostForReview(actor(ctx), input, ctx);
  },
);

export const reviewPostAction = orgAction(
  "posts.review",
  org.extend({ review: reviewPostInput }),
  async (input, ctx) => {
    await requirePostInOrg(ctx, input.review.postId);
    return reviewPost(actor(ctx), input.review, ctx);
  },
);

export const createPreviewLinkAction = orgAction(
  "posts.share_preview",
  createPreviewLinkInput.extend(org.shape),
  async (input, ctx) => {
    await requirePostInOrg(ctx, input.postId);
    return createPreviewLink(actor(ctx), input, ctx);
  },
);

export const revokePreviewLinkAction = orgAction(
  "posts.share_preview",
  revokePreviewLinkInput.extend(org.shape),
  async (input, ctx) => {
    await revokePreviewLink(actor(ctx), input, ctx);
    return { revoked: true };
  },
);

export const saveReviewSettingsAction = orgAction(
  "reviews.settings",
  reviewSettingsInput.extend(org.shape),
  async (input, ctx) => saveReviewSettings(actor(ctx), input, ctx),
);
