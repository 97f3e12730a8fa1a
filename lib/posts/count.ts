import twitterText from "twitter-text";
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

export type ValidationProblem = { network: Network; message: string };
export type ValidationResult = { ok: boolean; problems: ValidationProblem[] };

const numberFormat = new Intl.NumberFormat("en-US");
const fmt = (n: number) => numberFormat.format(n);

// Conservative: every "#" or full-width "＃" followed by a letter, digit or underscore, even "#2024".
const hashtagPattern = /[#＃][\p{L}\p{M}\p{N}_]+/gu;
// twitter-text's hasInvalidCharacters: X refuses these outright.
const xInvalidCharacters = /[\uFFFE\uFEFF\uFFFF]/;

export function countHashtags(text: string): number {
  return text.match(hashtagPattern)?.length ?? 0;
}

/** The X weighted length of `text` (`twitter-text`'s `parseTweet`). */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

export function countText(network: Network, text: string): TextCount {
  const { label, limit, counting, maxHashtags } = networkRules[network];
  const problems: string[] = [];
  let count: number;
  let overflowAt: number | undefined;

  if (counting === "x-weighted") {
    const parsed = twitterText.parseTweet(text);
    count = parsed.weightedLength;
    if (count > limit) {
      overflowAt = Math.min(parsed.validRangeEnd + 1, text.length);
      problems.push(
        `${label} allows ${fmt(limit)} characters, counting each link as 23 and each emoji or CJK ` +
          `character as 2; this post counts as ${fmt(count)}. Remove ${fmt(count - limit)}.`,
      );
    }
    if (xInvalidCharacters.test(text)) {
      problems.push(
        `${label} refuses the invisible characters U+FEFF, U+FFFE and U+FFFF. Remove them.`,
      );
    }
  } else {
    count = text.length;
    if (count > limit) {
      // Never point between the two halves of a surrogate pair.
      const code = text.charCodeAt(limit - 1);
      overflowAt = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
      problems.push(
        `${label} allows ${fmt(limit)} characters; this post has ${fmt(count)}. ` +
          `Remove ${fmt(count - limit)}.`,
      );
    }
  }

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

/** Whether `text` can be scheduled to every one of `targets`, and if not, why. */
export function validateForNetworks(text: string, targets: readonly Network[]): ValidationResult {
  const problems: ValidationProblem[] = [];
  for (const network of new Set(targets)) {
    for (const message of countText(network, text).problems) problems.push({ network, message });
  }
  return { ok: problems.length === 0, problems };
}
