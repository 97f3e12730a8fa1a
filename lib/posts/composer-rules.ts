// What blocks scheduling a post to a network: its text (lib/posts/count.ts) and its files
// (shared/PLATFORMS.md). Client-safe and free of twitter-text: the composer passes X's counter in
// once it has loaded it lazily, the server passes count.ts's. One list of rules for both sides.
import { type Network, networkRules } from "@/lib/posts/networks";

export type RuleMedia = { mime: string };

/** X posts longer than one post go out as a thread of at most this many posts. */
export const X_MAX_THREAD_POSTS = 25;

const isImage = (m: RuleMedia) => m.mime.startsWith("image/");
const isVideo = (m: RuleMedia) => m.mime.startsWith("video/");
const isDocument = (m: RuleMedia) => m.mime === "application/pdf";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why these files cannot go to `network`, as sentences; empty when they can. */
export function mediaProblems(network: Network, media: readonly RuleMedia[]): string[] {
  const label = networkRules[network].label;
  const images = media.filter(isImage).length;
  const videos = media.filter(isVideo).length;
  const documents = media.filter(isDocument).length;
  const problems: string[] = [];
  switch (network) {
    case "linkedin":
    case "sandbox":
      if (documents > 1)
        problems.push(`${label} takes one document per post; this post has ${documents}.`);
      if (documents > 0 && images + videos > 0)
        problems.push(
          `${label} cannot mix a document with images or video. Keep one or the other.`,
        );
      if (videos > 1) problems.push(`${label} takes one video per post.`);
      if (videos > 0 && images > 0)
        problems.push(`${label} cannot mix images with a video. Keep one or the other.`);
      if (images > 20) problems.push(`${label} takes at most 20 images; this post has ${images}.`);
      break;
    case "x":
      if (documents > 0) problems.push(`${label} cannot show PDF documents. Remove the document.`);
      if (images > 4) problems.push(`${label} takes at most 4 images; this post has ${images}.`);
      if (videos > 0 && images > 0)
        problems.push(`${label} cannot mix images with a video. Keep one or the other.`);
      break;
    case "facebook":
      if (documents > 0)
        problems.push(`${label} pages cannot post PDF documents. Remove the document.`);
      break;
    case "instagram":
      if (documents > 0) problems.push(`${label} cannot post PDF documents. Remove the document.`);
      if (images + videos === 0) problems.push(`${label} needs at least one image.`);
      if (images + videos > 10)
        problems.push(
          `${label} takes at most 10 files in a carousel; this post has ${images + videos}.`,
        );
      break;
  }
  return problems;
}

/** Counts `text` for a network as lib/posts/count.ts's countText does (problems included). */
export type TextCounter = (
  network: Network,
  text: string,
) => { count: number; limit: number; problems: string[] };

export type NetworkCheck = {
  network: Network;
  /** The problems that block scheduling; empty when the post can go. */
  problems: string[];
  /** X: the number of posts of the thread the text goes out as (1 when it fits one post). */
  threadPosts?: number;
};

/**
 * Everything that blocks scheduling the post to `networks`. On X a text longer than one post is
 * not a problem: it goes out as a thread (`threadPosts`), up to X_MAX_THREAD_POSTS posts.
 * `threadLength` splits X text (lib/posts/x-thread.ts); without it the thread size is estimated.
 */
export function checkPost(input: {
  networks: readonly Network[];
  textFor: (network: Network) => string;
  media: readonly RuleMedia[];
  count: TextCounter;
  threadLength?: (text: string) => number;
}): NetworkCheck[] {
  return [...new Set(input.networks)].map((network) => {
    const text = input.textFor(network);
    const counted = input.count(network, text);
    const problems: string[] = [];
    let threadPosts: number | undefined;
    if (network === "x") {
      threadPosts =
        counted.count <= counted.limit
          ? 1
          : (input.threadLength?.(text) ?? Math.ceil(counted.count / (counted.limit - 10)));
      // Over-length is what a thread is for; the other text problems (invalid characters) stay.
      problems.push(...counted.problems.filter((p) => !/ allows [\d,]+ characters/.test(p)));
      if (threadPosts > X_MAX_THREAD_POSTS)
        problems.push(
          `X threads here hold at most ${X_MAX_THREAD_POSTS} posts; this text needs ${threadPosts}. Shorten it.`,
        );
    } else {
      problems.push(...counted.problems);
    }
    if (!text.trim() && input.media.length === 0)
      problems.push(`The ${networkRules[network].label} post is empty. Write something first.`);
    problems.push(...mediaProblems(network, input.media));
    return threadPosts === undefined ? { network, problems } : { network, problems, threadPosts };
  });
}

/** One sentence naming every problem, for an error message. */
export function describeProblems(checks: readonly NetworkCheck[]): string | null {
  const all = checks.flatMap((c) => c.problems);
  if (all.length === 0) return null;
  return `Fix ${plural(all.length, "thing")} before scheduling: ${all.join(" ")}`;
}
