// The statuses on the calendar. Their colours and labels are the posts list's
// (components/posts/post-status-badge.tsx `postStatusColors`), so a status looks the same everywhere.
import type { PostStatus } from "@/lib/posts/constants";

/** The statuses the calendar shows (archived posts are left out), in the legend's order. */
export const calendarStatuses = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
  "publishing",
  "published",
  "failed",
  "unconfirmed",
] as const satisfies readonly PostStatus[];
