/**
 * LinkedIn "little text", the format of a post's `commentary`. Every reserved character outside an
 * element must be backslash-escaped — an unescaped one makes LinkedIn silently cut the post there —
 * while hashtags and mentions are elements. So the user's plain text is serialized token by token,
 * never merely escaped:
 *
 * - Hashtag: `#` then a letter, digit or underscore, then letters, digits, underscores and combining
 *   marks, not after a word character (the same rule as the preview's `lib/posts/rich-text.ts`, so
 *   what is shown as a link is what LinkedIn links): `#tag` → `{hashtag|\#|tag}`; `C#`, `a#b`, `#`
 *   alone stay text; `#tag.` ends before the dot.
 * - Mention: `@Name`, not after a word character, where `Name` is a key of `mentions` (longest match
 *   first, and not followed by a word character) → `@[Name](urn:li:person:…)`; an unknown name
 *   stays escaped text (LinkedIn offers no people search with the scopes we hold).
 * - Everything else: reserved characters `\ | { } @ [ ] ( ) < > # * _ ~` get a backslash.
 */

export type LittleTextMentions = Record<string, string>;

export type LittleTextParseResult =
  | {
      ok: true;
      /** The text a reader sees; a mention keeps its `@` so the user's text round-trips. */
      text: string;
      hashtags: string[];
      mentions: { name: string; urn: string }[];
    }
  | { ok: false; error: string; index: number };

const reserved = /[\\|{}@[\]()<>#*_~]/g;
const isReserved = (c: string) => "\\|{}@[]()<>#*_~".includes(c);
const mentionUrn = /^urn:li:(?:person|organization|organizationBrand):[^\s()\\]+$/;
const hashtagBody = /[\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*/uy;
const wordChar = /[\p{L}\p{M}\p{N}_]/uy;
// A word character (with any combining marks after it) right before the position.
const endsWithWord = /[\p{L}\p{N}_]\p{M}*$/u;

export const escapeLittleText = (text: string) => text.replace(reserved, (c) => `\\${c}`);

const afterWord = (text: string, at: number) =>
  endsWithWord.test(text.slice(Math.max(0, at - 16), at));

function wordCharAt(text: string, at: number): boolean {
  wordChar.lastIndex = at;
  return wordChar.test(text);
}

export function serializeLittleText(
  text: string,
  options: { mentions?: LittleTextMentions } = {},
): string {
  // Longest names first, so "@Dana Demo" wins over "@Dana".
  const names = Object.entries(options.mentions ?? {})
    .filter(([name, urn]) => name.length > 0 && mentionUrn.test(urn))
    .sort(([a], [b]) => b.length - a.length);
  let out = "";
  let plainStart = 0;
  const flush = (end: number) => {
    out += escapeLittleText(text.slice(plainStart, end));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c !== "#" && c !== "@") || afterWord(text, i)) continue;
    if (c === "#") {
      hashtagBody.lastIndex = i + 1;
      const tag = hashtagBody.exec(text)?.[0];
      if (!tag) continue;
      flush(i);
      out += `{hashtag|\\#|${escapeLittleText(tag)}}`;
      i += tag.length;
      plainStart = i + 1;
    } else {
      const found = names.find(
        ([name]) => text.startsWith(name, i + 1) && !wordCharAt(text, i + 1 + name.length),
      );
      if (!found) continue;
      const [name, urn] = found;
      flush(i);
      out += `@[${escapeLittleText(name)}](${urn})`;
      i += name.length;
      plainStart = i + 1;
    }
  }
  flush(text.length);
  return out;
}

type Cursor = { pos: number };
class LittleTextError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const describe = (c: string) => (c === "\n" ? "a line break" : `"${c}"`);

/**
 * Reads plain text up to (not including) one of `stops`, decoding escapes; any other unescaped
 * reserved character is an error.
 */
function readUntil(source: string, cursor: Cursor, stops: string): string {
  let out = "";
  while (cursor.pos < source.length) {
    const c = source[cursor.pos]!;
    if (stops.includes(c)) return out;
    if (c === "\\") {
      const next = source.codePointAt(cursor.pos + 1);
      if (next === undefined)
        throw new LittleTextError(
          `Dangling backslash at index ${cursor.pos}: escape it as "\\\\"`,
          cursor.pos,
        );
      out += String.fromCodePoint(next);
      cursor.pos += 1 + (next > 0xffff ? 2 : 1);
      continue;
    }
    if (isReserved(c)) return out; // the caller decides whether this starts an element
    out += c;
    cursor.pos++;
  }
  return out;
}

function expect(source: string, cursor: Cursor, char: string, what: string) {
  const c = source[cursor.pos];
  if (c !== char) {
    const found = c === undefined ? "the end of the text" : describe(c);
    throw new LittleTextError(
      `Expected "${char}" ${what} at index ${cursor.pos}, found ${found}`,
      cursor.pos,
    );
  }
  cursor.pos++;
}

function unescapedAt(source: string, at: number): never {
  const c = source[at]!;
  throw new LittleTextError(
    `Unescaped reserved character ${describe(c)} at index ${at}: escape it as "\\${c}"`,
    at,
  );
}

/** Decodes LinkedIn commentary into the text a reader sees, or says where it is malformed. */
export function parseLittleText(commentary: string): LittleTextParseResult {
  const cursor: Cursor = { pos: 0 };
  const hashtags: string[] = [];
  const mentions: { name: string; urn: string }[] = [];
  let text = "";
  try {
    while (cursor.pos < commentary.length) {
      text += readUntil(commentary, cursor, "");
      if (cursor.pos >= commentary.length) break;
      const start = cursor.pos;
      const c = commentary[start]!;
      if (c === "{") {
        cursor.pos++;
        const params: string[] = [];
        for (;;) {
          params.push(readUntil(commentary, cursor, "|}"));
          const stop = commentary[cursor.pos];
          if (stop === undefined)
            throw new LittleTextError(`Unclosed "{" at index ${start}`, start);
          if (stop !== "|" && stop !== "}") unescapedAt(commentary, cursor.pos);
          cursor.pos++;
          if (stop === "}") break;
        }
        const [name, symbol, tag] = params;
        if (name !== "hashtag" || params.length !== 3 || symbol !== "#" || !tag || /\s/u.test(tag))
          throw new LittleTextError(
            `Unknown or malformed template at index ${start}: a hashtag is written {hashtag|\\#|tag}`,
            start,
          );
        hashtags.push(tag);
        text += `#${tag}`;
      } else if (c === "@" && commentary[start + 1] === "[") {
        cursor.pos += 2;
        const name = readUntil(commentary, cursor, "]");
        expect(commentary, cursor, "]", "closing the mention's name");
        expect(commentary, cursor, "(", "opening the mention's URN");
        const close = commentary.indexOf(")", cursor.pos);
        const urn = close === -1 ? "" : commentary.slice(cursor.pos, close);
        if (!name || !mentionUrn.test(urn))
          throw new LittleTextError(
            `Malformed mention at index ${start}: write @[Name](urn:li:person:…)`,
            start,
          );
        cursor.pos = close + 1;
        mentions.push({ name, urn });
        text += `@${name}`;
      } else {
        unescapedAt(commentary, start);
      }
    }
  } catch (err) {
    if (err instanceof LittleTextError) return { ok: false, error: err.message, index: err.index };
    throw err;
  }
  return { ok: true, text, hashtags, mentions };
}
