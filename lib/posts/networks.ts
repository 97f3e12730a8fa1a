/**
 * The networks a post can go to, their text limits and how each one counts (see
 * shared/PLATFORMS.md). Pure data: imported by the composer in the browser and by scheduling on
 * the server.
 *
 * How characters are counted:
 * - X: `twitter-text`'s weighted length (`parseTweet`), the count X itself enforces: the text is
 *   NFC-normalized, every URL counts 23 whatever its length, an emoji (including ZWJ sequences,
 *   skin tones and flags) counts 2, CJK and most characters above U+10FF count 2, Latin, Greek,
 *   Cyrillic, Hebrew, Arabic, Devanagari and common punctuation count 1.
 * - LinkedIn, Instagram and Facebook: UTF-16 code units, i.e. JavaScript's `string.length`,
 *   without normalization. None of the three documents its unit. For every string, code units >=
 *   code points >= grapheme clusters, so code units is the conservative count: it may refuse a post
 *   the network would have taken (an emoji counts 2, a ZWJ family 8, "é" typed as e + U+0301
 *   counts 2), but it never lets an over-limit post reach the API, where it would fail after the
 *   user has walked away. We count the user's text, not LinkedIn's escaped "little text" form.
 */

// `sandbox`: the built-in practice network (DESIGN.md §5); it takes what LinkedIn takes.
export const networks = ["linkedin", "x", "facebook", "instagram", "sandbox"] as const;

export type Network = (typeof networks)[number];

/** `x-weighted`: twitter-text's `parseTweet`; `utf16`: `string.length`. */
export type CountingMethod = "x-weighted" | "utf16";

export type NetworkRules = {
  label: string;
  /** Maximum characters in the post text, in `counting` units. */
  limit: number;
  counting: CountingMethod;
  /** Maximum hashtags in the text, where the network enforces one. */
  maxHashtags?: number;
};

export const networkRules: Readonly<Record<Network, Readonly<NetworkRules>>> = {
  linkedin: { label: "LinkedIn", limit: 3000, counting: "utf16" },
  x: { label: "X", limit: 280, counting: "x-weighted" },
  facebook: { label: "Facebook", limit: 63206, counting: "utf16" },
  instagram: { label: "Instagram", limit: 2200, counting: "utf16", maxHashtags: 30 },
  sandbox: { label: "Sandbox", limit: 3000, counting: "utf16" },
};

export function isNetwork(value: unknown): value is Network {
  return typeof value === "string" && (networks as readonly string[]).includes(value);
}

export function networkLabel(network: Network): string {
  return networkRules[network].label;
}
