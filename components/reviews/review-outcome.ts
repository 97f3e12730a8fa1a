// Words of the review queue: a post's label, the note a review step needs, and what the queue says
// (and whether the post leaves the list) after approve / request changes / comment. Pure and
// client-safe; the rules themselves are checked again in SQL (app.review_post).
import type { PostStatus } from "@/lib/posts/constants";
import { REVIEW_BODY_MAX, type ReviewKind } from "@/lib/reviews/schemas";

export type ReviewOutcome = {
  /** The post is no longer waiting for the caller: it leaves "Waiting for your review". */
  leaves: boolean;
  message: string;
};

const EXCERPT_MAX = 60;

/** The post's title, else the first line of its text (shortened), else "Untitled post". */
export function postLabel(post: { title: string | null; body: string }): string {
  const title = post.title?.trim();
  if (title) return title;
  const line = post.body.trim().split("\n")[0]?.trim() ?? "";
  if (!line) return "Untitled post";
  return line.length > EXCERPT_MAX ? `${line.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : line;
}

/** Why the note cannot be sent with `kind`, or null when it can (approving needs no note). */
export function reviewNoteError(kind: ReviewKind, note: string): string | null {
  const body = note.trim();
  if (body.length > REVIEW_BODY_MAX)
    return `Keep it under ${REVIEW_BODY_MAX.toLocaleString("en-US")} characters.`;
  if (kind === "request_changes" && !body) return "Say what should change.";
  if (kind === "comment" && !body) return "Write your comment first.";
  return null;
}

/** What the queue announces after a review step that the server accepted. */
export function reviewOutcome(
  kind: ReviewKind,
  status: PostStatus,
  post: { label: string; authorName: string; onBehalfOfName: string },
): ReviewOutcome {
  const name = `“${post.label}”`;
  if (kind === "comment") return { leaves: false, message: `Comment added to ${name}.` };
  if (kind === "request_changes")
    return {
      leaves: true,
      message: `Changes requested on ${name}. ${post.authorName} will see your note.`,
    };
  if (status === "approved")
    return { leaves: true, message: `Approved ${name}. It can be scheduled now.` };
  // Approved by you, but the org also wants the approval of the person the post is for.
  return {
    leaves: true,
    message: `Your approval of ${name} is recorded. ${post.onBehalfOfName} must approve it too.`,
  };
}
