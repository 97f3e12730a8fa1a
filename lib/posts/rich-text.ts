/**
 * Splits post text into the pieces the previews render differently: hashtags, mentions and URLs
 * (shown as links) and plain text. Pure and dependency-free, so it ships to the browser with the
 * LinkedIn preview; joining the tokens' values always gives back the input exactly.
 *
 * - Hashtag: `#` (or full-width `＃`) then a letter, digit or underscore, then letters, digits,
 *   underscores and combining marks. Not after a word character, so `C#` and `a#b` stay text;
 *   punctuation ends it (`#tag.` → `#tag` + `.`); a keycap emoji (`#️⃣`) is not one.
 * - Mention: `@` then letters, digits, underscores and hyphens, with inner dots (`@ada.l`, but
 *   `@Ada.` ends before the dot). Not after a word character, so `a@b.com` stays text.
 * - URL: `http://`, `https://` or `www.` up to the next whitespace, without trailing punctuation
 *   (`.,!?:;'"…` and closing brackets that have no opening one inside the URL).
 */

export type RichTokenKind = "text" | "hashtag" | "mention" | "url";

export type RichToken = { kind: RichTokenKind; value: string };

// Not preceded by a word character (marks after a letter count as part of it, so `é#x` with a
// combining accent is not a hashtag, but `❤️#x` — a variation selector after a symbol — is).
const notAfterWord = String.raw`(?<![\p{L}\p{N}_]\p{M}*)`;
const urlPart = String.raw`(?:https?:\/\/|www\.(?=[\p{L}\p{N}]))\S+`;
const hashtagPart = String.raw`[#＃][\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*`;
const mentionPart = String.raw`@[\p{L}\p{M}\p{N}_-]+(?:\.[\p{L}\p{M}\p{N}_-]+)*`;
const pattern = new RegExp(
  `${notAfterWord}(?:(${urlPart})|(${hashtagPart})|(${mentionPart}))`,
  "giu",
);

const trailingPunctuation = /[.,!?:;'"“”‘’…]$/;
const closers: Record<string, string> = { ")": "(", "]": "[", "}": "{", ">": "<" };

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** The URL without the punctuation that ends the sentence around it. */
function trimUrl(url: string): string {
  let end = url;
  for (;;) {
    const last = end.slice(-1);
    const opener = closers[last];
    if (trailingPunctuation.test(end)) end = end.slice(0, -1);
    else if (opener !== undefined && count(end, last) > count(end, opener)) end = end.slice(0, -1);
    else return end;
  }
}

const isBareUrlPrefix = (url: string) => /^(?:https?:\/\/|www\.)$/i.test(url);

export function tokenize(text: string): RichToken[] {
  const tokens: RichToken[] = [];
  let textStart = 0;
  const pushText = (end: number) => {
    if (end > textStart) tokens.push({ kind: "text", value: text.slice(textStart, end) });
  };
  for (const match of text.matchAll(pattern)) {
    const [whole, url, hashtag] = match;
    let value = whole;
    let kind: RichTokenKind = url ? "url" : hashtag ? "hashtag" : "mention";
    if (kind === "url") {
      value = trimUrl(whole);
      if (isBareUrlPrefix(value)) kind = "text";
    }
    if (kind === "text") continue;
    pushText(match.index);
    tokens.push({ kind, value });
    textStart = match.index + value.length;
  }
  pushText(text.length);
  return tokens;
}

export type CharacterFold = { isFolded: boolean; visibleText: string };

const joiner = /^[\p{M}\u200d\ufe0e\ufe0f\udc00-\udfff]/u;
let segmenter: Intl.Segmenter | undefined;

/** The start of the grapheme cluster `cut` falls in (`cut` itself when it is a boundary). */
function clusterStart(text: string, cut: number): number {
  if (typeof Intl.Segmenter !== "function") {
    while (cut > 0 && (joiner.test(text.slice(cut)) || text[cut - 1] === "\u200d")) cut--;
    return cut;
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  // Clusters are short: segmenting a window around the cut finds the boundary.
  const from = Math.max(0, cut - 64);
  let start = from;
  for (const { index } of segmenter.segment(text.slice(from, cut + 64))) {
    if (from + index > cut) break;
    start = from + index;
  }
  return start;
}

/**
 * The networks that fold by characters (Facebook, Instagram): when the trimmed text is longer than
 * `limit` UTF-16 units — or, with `maxLines`, has more than `maxLines` lines — shows about `limit`
 * characters (or the first `maxLines` lines), cut at the last whitespace in the final fifth of them
 * when there is one, so words are not split, and otherwise at a grapheme cluster boundary (never
 * inside a surrogate pair, an emoji sequence or before a combining mark). Trailing whitespace of
 * the visible part is dropped; the caller adds "…".
 */
export function foldByCharacters(
  text: string,
  limit: number,
  options: { maxLines?: number } = {},
): CharacterFold {
  const trimmed = text.trimEnd();
  let cut = trimmed.length > limit ? limit : -1;
  if (options.maxLines !== undefined) {
    let at = -1;
    for (let line = 0; line < options.maxLines; line++) {
      at = trimmed.indexOf("\n", at + 1);
      if (at === -1) break;
    }
    if (at !== -1 && (cut === -1 || at < cut)) cut = at;
  }
  if (cut === -1) return { isFolded: false, visibleText: trimmed };
  if (trimmed[cut] !== "\n") {
    const space = trimmed.slice(0, cut + 1).search(/\s\S*$/);
    if (space > cut * 0.8) cut = space;
    cut = clusterStart(trimmed, cut);
  }
  return { isFolded: true, visibleText: trimmed.slice(0, cut).trimEnd() };
}
