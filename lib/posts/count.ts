import twitterText from "twitter-text";
import { countHashtags, countUtf16, describeCount, fmt, type TextCount } from "./count-core";
import { type Network, networkRules } from "./networks";

export { countHashtags };
export type { HashtagCount, TextCount } from "./count-core";

export type ValidationProblem = { network: Network; message: string };
export type ValidationResult = { ok: boolean; problems: ValidationProblem[] };

// twitter-text's hasInvalidCharacters: X refuses these outright.
const xInvalidCharacters = /[\uFFFE\uFEFF\uFFFF]/;

/** The X weighted length of `text` (`twitter-text`'s `parseTweet`). */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

export function countText(network: Network, text: string): TextCount {
  const { label, limit, counting } = networkRules[network];
  if (counting !== "x-weighted") return countUtf16(network, text);
  const problems: string[] = [];
  let overflowAt: number | undefined;
  const parsed = twitterText.parseTweet(text);
  const count = parsed.weightedLength;
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
  return describeCount(network, text, count, overflowAt, problems);
}
/** Whether `text` can be scheduled to every one of `targets`, and if not, why. */
export function validateForNetworks(text: string, targets: readonly Network[]): ValidationResult {
  const problems: ValidationProblem[] = [];
  for (const network of new Set(targets)) {
    for (const message of countText(network, text).problems) problems.push({ network, message });
  }
  return { ok: problems.length === 0, problems };
}
