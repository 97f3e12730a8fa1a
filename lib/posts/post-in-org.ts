// For server actions on one post: the post must be one of the org named in the URL (the permission
// checked was for that org).
import "server-only";
import type { OrgCtx } from "@/lib/actions/client";
import { AppError } from "@/lib/errors";
import type { PostStatus } from "@/lib/posts/constants";
import { postStatusInOrg } from "@/lib/posts/queries";

/** The post's status before the action, or a not_found AppError. */
export async function requirePostInOrg(ctx: OrgCtx, postId: string): Promise<PostStatus> {
  const status = await postStatusInOrg(ctx.user.claims, ctx.org.id, postId);
  if (!status) throw new AppError("not_found", "That post does not exist.");
  return status;
}
