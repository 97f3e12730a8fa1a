// Counting post text per network without twitter-text: LinkedIn, Facebook, Instagram and the
// Sandbox count UTF-16 units (networks.ts). Client-safe and small, so the composer counts these on
// every keystroke without loading twitter-text; lib/posts/count.ts adds X's weighted count on top.
import { type Network, networkRules } from "./networks";

export type HashtagCount = { count: number; limit: number; isOver: boolean };

export type TextCount = {
  network: Network;
  /** Characters in the network's own unit (see networks.ts). */
  count: number;
  limit: number;
  /** `limit - count`; negative when over. */
  remaining: number;
  /** The text is longer than the limit (what the counter shows in red). */
  isOver: boolean;
  /** UTF-16 index in the text where it goes past the limit, for highlighting; only when over. */
  overflowAt?: number;
  /** Networks with a hashtag limit (Instagram). */
  hashtags?: HashtagCount;
  /** Everything that blocks scheduling, as user-facing sentences; empty when the text is fine. */
  problems: string[];
};

const numberFormat = new Intl.NumberFormat("en-US");
export const fmt = (n: number) => numberFormat.format(n);

// Conservative: every "#" or full-width "＃" followed by a letter, digit or underscore, even "#2024".
const hashtagPattern = /[#＃][\p{L}\p{M}\p{N}_]+/gu;

export function countHashtags(text: string): number {
  return text.match(hashtagPattern)?.length ?? 0;
}

/** What counting found, given the count in the network's unit and where it passes the limit. */
export function describeCount(
  network: Network,
  text: string,
  count: number,
  overflowAt: number | undefined,
  problems: string[],
): TextCount {
  const { label, limit, maxHashtags } = networkRules[network];
  let hashtags: HashtagCount | undefined;
  if (maxHashtags !== undefined) {
    const tags = countHashtags(text);
    hashtags = { count: tags, limit: maxHashtags, isOver: tags > maxHashtags };
    if (hashtags.isOver) {
      problems.push(
        `${label} allows at most ${fmt(maxHashtags)} hashtags; this post has ${fmt(tags)}. ` +
          `Remove ${fmt(tags - maxHashtags)}.`,
      );
    }
  }
  return {
    network,
    count,
    limit,
    remaining: limit - count,
    isOver: count > limit,
    ...(overflowAt === undefined ? {} : { overflowAt }),
    ...(hashtags ? { hashtags } : {}),
    problems,
  };
}

/** countText for a network that counts UTF-16 units (every network but X). */
export function countUtf16(network: Network, text: string): TextCount {
  const { label, limit, counting } = networkRules[network];
  if (counting !== "utf16") throw new Error(`${label} does not count UTF-16 units`);
  const problems: string[] = [];
  const count = text.length;
  let overflowAt: number | undefined;
  if (count > limit) {
    // Never point between the two halves of a surrogate pair.
    const code = text.charCodeAt(limit - 1);
    overflowAt = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
    problems.push(
      `${label} allows ${fmt(limit)} characters; this post has ${fmt(count)}. ` +
        `Remove ${fmt(count - limit)}.`,
    );
  }
  return describeCount(network, text, count, overflowAt, problems);
}
