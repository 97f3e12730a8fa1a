"use server";
// Server actions of the calendar (/[org]/calendar): moving a scheduled post by whole days, by drag
// and drop or the keyboard. The page itself reads posts in its server component (listPosts) and
// refreshes after a move.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { orgAction } from "@/lib/actions/client";
import { moveMessages } from "@/lib/calendar/move";
import { withRls } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { PostConflictError, reschedulePostByDays, type PostRow } from "@/lib/posts/mutations";
import { reschedulePostByDaysInput } from "@/lib/posts/schemas";

const reschedulePostActionInput = reschedulePostByDaysInput.extend({ org: z.string() });

/**
 * Moves a scheduled post of the org by `days`, keeping its local time of day in the org's zone
 * (across DST the instant moves 23/25 h). Returns the post as saved: its new `scheduledAt` (which
 * the calendar places the chip by) and `revision`. A stale `expectedRevision` is a conflict; a day
 * in the past, a post that is not scheduled, or a role without posts.schedule is refused.
 */
export const reschedulePostAction = orgAction(
  "posts.schedule",
  reschedulePostActionInput,
  async (input, ctx): Promise<PostRow> => {
    // The post must belong to the org in the URL (the SQL function checks the caller's role in the
    // post's own org; this keeps the org of the page and of the post the same).
    const inOrg = await withRls(ctx.user.claims, (tx) =>
      tx.execute(
        sql`select 1 from public.posts where id = ${input.postId} and org_id = ${ctx.org.id}`,
      ),
    );
    if ([...inOrg].length === 0) throw new AppError("not_found", "That post does not exist.");
    try {
      const post = await reschedulePostByDays(
        ctx.user.claims,
        { postId: input.postId, days: input.days, expectedRevision: input.expectedRevision },
        { requestId: ctx.requestId, ip: ctx.ip },
      );
      ctx.log.info("post moved on the calendar", { postId: post.id, days: input.days });
      return post;
    } catch (err) {
      if (err instanceof PostConflictError)
        throw new AppError("conflict", moveMessages.conflict, { cause: err });
      throw err;
    }
  },
);
