import type { PostStatus } from "@/lib/posts/constants";

/** What the calendar needs of a post (the page trims listPosts' items to this). */
export type CalendarPost = {
  id: string;
  title: string | null;
  /** The start of the text, for posts without a title. */
  excerpt: string;
  status: PostStatus;
  /** ISO 8601 UTC instant; only posts with one are on the calendar. */
  scheduledAt: string;
  revision: number;
  /** A scheduled network's account needs reconnecting (or is missing): flagged on the chip. */
  accountProblem?: boolean;
};

/** A post with its place in the org's zone. */
export type PlacedPost = CalendarPost & { date: string; hour: number; time: string };

/** The chip's text: the title, else the first line of the text. */
export function chipText(post: Pick<CalendarPost, "title" | "excerpt">): string {
  const title = post.title?.trim();
  if (title) return title;
  const firstLine = post.excerpt.trim().split("\n")[0]?.trim();
  return firstLine ? firstLine.slice(0, 80) : "Untitled post";
}
