"use server";
// Server actions of the posts list (/[org]/posts): the next page of the list and bulk archiving.
// Both go through orgAction (caller, membership, permission); the database checks rows again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/client";
import { toPostRowView, type PostRowView } from "@/components/posts/post-row-view";
import { archivePosts, type ArchiveResult } from "@/lib/posts/mutations";
import { listPosts, postIdsInOrg } from "@/lib/posts/queries";
import { archivePostsInput, listPostsFilters } from "@/lib/posts/schemas";

const org = { org: z.string() };

/** The page after `cursor`, with the same filters, formatted for the table. */
export const loadMorePostsAction = orgAction(
  "posts.view",
  listPostsFilters.extend(org),
  async (input, ctx): Promise<{ rows: PostRowView[]; nextCursor: string | null }> => {
    const { org: _slug, limit: _limit, ...filters } = input;
    if (!filters.cursor) return { rows: [], nextCursor: null };
    const page = await listPosts(ctx.user.claims, ctx.org, filters, { paged: true });
    return {
      rows: page.posts.map((p) => toPostRowView(p, ctx.org.timezone)),
      nextCursor: page.nextCursor,
    };
  },
);

const NOT_IN_ORG = "This post does not exist in this organization.";

/**
 * Archives the selected posts, each on its own: the ones that cannot be archived (being published,
 * not the caller's, another org's) come back in `refused` with the reason, the others are archived.
 */
export const archivePostsAction = orgAction(
  "posts.archive",
  archivePostsInput.extend(org),
  async (input, ctx): Promise<ArchiveResult> => {
    const ids = [...new Set(input.postIds)];
    // A crafted id of another org (even one the caller belongs to) is refused, never archived there.
    const inOrg = await postIdsInOrg(ctx.user.claims, ctx.org.id, ids);
    const foreign = ids.filter((id) => !inOrg.has(id));
    const result: ArchiveResult = inOrg.size
      ? await archivePosts(ctx.user.claims, { postIds: [...inOrg] }, ctx)
      : { archived: [], refused: [] };
    for (const postId of foreign) result.refused.push({ postId, message: NOT_IN_ORG });
    ctx.log.info("posts archived", {
      archived: result.archived.length,
      refused: result.refused.length,
    });
    if (result.archived.length) {
      revalidatePath(`/${ctx.org.slug}/posts`);
      revalidatePath(`/${ctx.org.slug}/campaigns`, "layout");
      revalidatePath(`/${ctx.org.slug}/calendar`);
    }
    return result;
  },
);
