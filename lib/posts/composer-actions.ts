"use server";
// Server actions of the composer (components/posts/composer.tsx). The composer calls them one at a
// time with the revision it holds; a stale revision comes back as `{ conflict }` data, not an error,
// so the editor can keep the user's text and offer a way out (DESIGN: nothing lost, no silent
// overwrite). Every check happens again in the database's post functions.
//
// No revalidatePath here: it would make Next re-render the current route in the action's answer,
// and after a new post's first save the URL (history.replaceState) names another route than the one
// rendered, so the editor would be remounted mid-typing. Every page is dynamic (the client router
// keeps no stale copy of them), so the posts list and calendar read fresh data when opened.
import { z } from "zod";
import { orgAction, type OrgCtx } from "@/lib/actions/client";
import { AppError } from "@/lib/errors";
import { checkPost, describeProblems } from "@/lib/posts/composer-rules";
import { countText } from "@/lib/posts/count";
import { isNetwork } from "@/lib/posts/networks";
import {
  createPost,
  PostConflictError,
  publishPostNow,
  restorePostVersion,
  savePostVersion,
  schedulePost,
  setPostMedia,
  setPostTargets,
  unschedulePost,
  updatePost,
  type PostRow,
} from "@/lib/posts/mutations";
import { requirePostInOrg } from "@/lib/posts/post-in-org";
import { getPostWithVersions, type PostVersionItem } from "@/lib/posts/queries";
import { noticeReview } from "@/lib/reviews/notices";
import {
  createPostInput,
  restorePostVersionInput,
  savePostVersionInput,
  schedulePostInput,
  setPostMediaInput,
  setPostTargetsInput,
  unschedulePostInput,
  updatePostInput,
} from "@/lib/posts/schemas";
import { splitThread } from "@/lib/posts/x-thread";

export type PostConflict = {
  message: string;
  revision: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
};

/**
 * A write's answer: the post as it now is (with a `notice` when the server did more than asked,
 * e.g. moved a scheduled post back to drafts), or the conflict that stopped it.
 */
export type PostWrite =
  | { post: PostRow; conflict?: undefined; notice?: string }
  | { post?: undefined; conflict: PostConflict; notice?: undefined };

const org = { org: z.string() };

async function write(ctx: OrgCtx, postId: string, fn: () => Promise<PostRow>): Promise<PostWrite> {
  await requirePostInOrg(ctx, postId);
  return attempt(ctx, fn);
}

/** Runs the write; a stale revision comes back as `{ conflict }`. */
async function attempt(ctx: OrgCtx, fn: () => Promise<PostRow>): Promise<PostWrite> {
  try {
    const post = await fn();
    return { post };
  } catch (err) {
    if (err instanceof PostConflictError) {
      ctx.log.info("post write refused: stale revision", { currentRevision: err.currentRevision });
      return {
        conflict: {
          message: err.message,
          revision: err.currentRevision,
          updatedAt: err.updatedAt,
          updatedBy: err.updatedBy,
        },
      };
    }
    throw err;
  }
}

/** Why the post cannot go out as it is now (the rules scheduling checks), or null. */
async function scheduleProblem(ctx: OrgCtx, postId: string): Promise<string | null> {
  const found = await getPostWithVersions(ctx.user.claims, postId);
  if (!found) return null;
  const targets = found.targets.filter((t) => isNetwork(t.network));
  if (found.targets.length === 0) return "Pick at least one network to post to.";
  const problem = describeProblems(
    checkPost({
      networks: targets.map((t) => t.network).filter(isNetwork),
      textFor: (n) => targets.find((t) => t.network === n)?.textOverride ?? found.post.body,
      media: found.media.filter((m) => !m.deleted),
      count: countText,
      threadLength: (text) => splitThread(text).length,
    }),
  );
  if (problem) return problem;
  if (found.media.some((m) => m.deleted))
    return "One of the files was deleted from the library. Remove it from the post first.";
  return null;
}

/**
 * An edit of a scheduled post that breaks the rules (over-long text, no network, a document next to
 * images…) takes the post back to drafts, so nothing invalid stays queued; the notice says why. An
 * edit of an approved post, when the org requires approval, sends it back to review (the database
 * does that): the notice says so, and the reviewers are asked again.
 */
async function editWrite(
  ctx: OrgCtx,
  postId: string,
  fn: () => Promise<PostRow>,
): Promise<PostWrite> {
  const before = await requirePostInOrg(ctx, postId);
  const result = await attempt(ctx, fn);
  if (result.post?.status === "in_review" && ["approved", "scheduled", "failed"].includes(before)) {
    await noticeReview({ orgId: ctx.org.id, userId: ctx.user.id }, { postId, event: "submitted" });
    return {
      post: result.post,
      notice:
        before === "scheduled"
          ? "This post changed after it was approved, so it is back in review and no longer scheduled. Its reviewers were asked again."
          : "This post changed after it was approved, so it is back in review. Its reviewers were asked again.",
    };
  }
  if (!result.post || result.post.status !== "scheduled") return result;
  const problem = await scheduleProblem(ctx, postId);
  if (!problem) return result;
  const back = await write(ctx, postId, () =>
    unschedulePost(ctx.user.claims, { postId, expectedRevision: result.post!.revision }, ctx),
  );
  if (!back.post) return result;
  ctx.log.info("scheduled post moved back to drafts after an edit", { postId });
  return {
    post: back.post,
    notice: `This post is no longer scheduled: ${problem} Schedule it again once it is fixed.`,
  };
}

export const createPostAction = orgAction(
  "posts.create",
  createPostInput.extend(org),
  async ({ org: _org, ...input }, ctx) => {
    const post = await createPost(ctx.user.claims, ctx.org.id, input, ctx);
    ctx.log.info("post created", { postId: post.id });
    return { post };
  },
);

export const savePostTextAction = orgAction(
  "posts.edit",
  savePostVersionInput.extend(org),
  async ({ org: _org, ...input }, ctx) =>
    editWrite(ctx, input.postId, () => savePostVersion(ctx.user.claims, input, ctx)),
);

export const setPostTargetsAction = orgAction(
  "posts.edit",
  setPostTargetsInput.extend(org),
  async ({ org: _org, ...input }, ctx) =>
    editWrite(ctx, input.postId, () => setPostTargets(ctx.user.claims, input, ctx)),
);

export const setPostMediaAction = orgAction(
  "posts.edit",
  setPostMediaInput.extend(org),
  async ({ org: _org, ...input }, ctx) =>
    editWrite(ctx, input.postId, () => setPostMedia(ctx.user.claims, input, ctx)),
);

export const updatePostDetailsAction = orgAction(
  "posts.edit",
  updatePostInput.extend(org),
  async ({ org: _org, ...input }, ctx) =>
    editWrite(ctx, input.postId, () => updatePost(ctx.user.claims, input, ctx)),
);

export const restorePostVersionAction = orgAction(
  "posts.edit",
  restorePostVersionInput.extend(org),
  async ({ org: _org, ...input }, ctx) => {
    const result = await editWrite(ctx, input.postId, () =>
      restorePostVersion(ctx.user.claims, input, ctx),
    );
    if (result.conflict) return { ...result, body: null };
    const current = await getPostWithVersions(ctx.user.claims, input.postId);
    return { ...result, body: current?.post.body ?? "" };
  },
);

const historyInput = z.object({ org: z.string(), postId: z.uuid("Pick a post from the list.") });

/** The post's versions, newest first, with the current revision. */
export const postHistoryAction = orgAction("posts.view", historyInput, async (input, ctx) => {
  const found = await getPostWithVersions(ctx.user.claims, input.postId);
  if (!found || found.post.orgId !== ctx.org.id)
    throw new AppError("not_found", "That post does not exist.");
  return {
    versions: found.versions satisfies PostVersionItem[],
    currentVersionId: found.post.currentVersionId,
    revision: found.post.revision,
  };
});

/**
 * Schedules the post for a local date and time in the org's zone, after checking its text and files
 * against every network it targets (the same rules the composer shows).
 */
export const schedulePostAction = orgAction(
  "posts.schedule",
  schedulePostInput.extend(org),
  async ({ org: _org, ...input }, ctx) => {
    await requirePostInOrg(ctx, input.postId);
    const problem = await scheduleProblem(ctx, input.postId);
    if (problem === "Pick at least one network to post to.")
      throw new AppError("validation_failed", problem, { fieldErrors: { targets: problem } });
    if (problem) throw new AppError("rule_violation", problem);
    const result = await write(ctx, input.postId, () => schedulePost(ctx.user.claims, input, ctx));
    if (result.post) {
      ctx.log.info("post scheduled", { postId: input.postId, at: result.post.scheduledAt });
    }
    return result;
  },
);

export const unschedulePostAction = orgAction(
  "posts.schedule",
  unschedulePostInput.extend(org),
  async ({ org: _org, ...input }, ctx) => {
    const result = await write(ctx, input.postId, () =>
      unschedulePost(ctx.user.claims, input, ctx),
    );
    if (result.post) ctx.log.info("post unscheduled", { postId: input.postId });
    return result;
  },
);

/** "Publish now": the same checks as scheduling, due at once. */
export const publishPostNowAction = orgAction(
  "posts.publish",
  unschedulePostInput.extend(org),
  async ({ org: _org, ...input }, ctx) => {
    await requirePostInOrg(ctx, input.postId);
    const problem = await scheduleProblem(ctx, input.postId);
    if (problem) throw new AppError("rule_violation", problem);
    const result = await write(ctx, input.postId, () =>
      publishPostNow(ctx.user.claims, input, ctx),
    );
    if (result.post) ctx.log.info("post sent to publish now", { postId: input.postId });
    return result;
  },
);
