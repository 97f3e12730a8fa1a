import twitterText from "twitter-text";

export type ThreadOptions = {
  /** Weighted length each post may have (twitter-text's count, as X enforces it). */
  maxWeighted?: number;
  /** Append " 1/3"-style numbering to every post of a thread of two or more. */
  numbering?: boolean;
};

// Boundary strengths: a cut goes at the strongest boundary that lets the parts fit.
const PARAGRAPH = 3;
const LINE = 2;
const SENTENCE = 1;
const WORD = 0;
const sentenceEnd = /[.!?…。！？]["'”’»)\]]*$/;

let segmenter: Intl.Segmenter | undefined;

/** UTF-16 offsets of the grapheme cluster boundaries in `word`, after 0 and ending at its length. */
function graphemeEnds(word: string): number[] {
  if (typeof Intl.Segmenter !== "function") {
    let end = 0;
    return Array.from(word, (c) => (end += c.length));
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(word), ({ segment, index }) => index + segment.length);
}

/**
 * Splits `text` into X posts of at most `maxWeighted` each: one post (trimmed) when it fits.
 * Otherwise parts keep whole paragraphs where they can, then whole lines, sentences and words, so a
 * URL, hashtag or mention is never cut. Only a single word heavier than a whole post (a giant
 * hashtag, or CJK text without spaces) is cut, between grapheme clusters, as full as possible.
 * Cuts drop only the whitespace they fall on; text is never lost or reordered.
 */
export function splitThread(text: string, options: ThreadOptions = {}): string[] {
  const { maxWeighted = 280, numbering = false } = options;
  const trimmed = text.trim();
  const total = weigh(trimmed);
  if (total <= maxWeighted) return [trimmed];
  if (!numbering) return packChecked(trimmed, maxWeighted);
  for (let digits = String(Math.ceil(total / maxWeighted)).length; ; digits++) {
    // Room for the widest " n/total" with this many digits; digits, "/" and space weigh 1 each.
    const parts = packChecked(trimmed, maxWeighted - (2 * digits + 2));
    if (String(parts.length).length <= digits) {
      return parts.map((part, i) => `${part} ${i + 1}/${parts.length}`);
    }
  }
}

const weigh = (s: string) => twitterText.parseTweet(s).weightedLength;
// Plain ASCII without "." or ":" holds no URL or emoji: every character weighs 1.
const plainAscii = /^[\x00-\x2d\x2f-\x39\x3b-\x7f]*$/;
const weighToken = (s: string) => (plainAscii.test(s) ? s.length : weigh(s));

// Joined at whitespace, weights add up (no URL, emoji or NFC composition spans whitespace), so
// packing by summed token weights is exact; each part is still confirmed with twitter-text, and
// should one not fit, the text is packed again weighing every candidate.
function packChecked(text: string, budget: number): string[] {
  const parts = pack(text, budget, false);
  return parts.every((part) => weigh(part) <= budget) ? parts : pack(text, budget, true);
}

function pack(text: string, budget: number, exact: boolean): string[] {
  const tokens = text.split(/(\s+)/);
  const words = tokens.filter((_, i) => i % 2 === 0);
  const seps = tokens.filter((_, i) => i % 2 === 1);
  // sums[k]: weight and offset[k]: UTF-16 offset of tokens before token k (word i is token 2i).
  const sums = [0];
  const offsets = [0];
  tokens.forEach((token, k) => {
    sums.push(sums[k]! + weighToken(token));
    offsets.push(offsets[k]! + token.length);
  });
  const levels = seps.map((sep, i) => {
    const newlines = sep.split("\n").length - 1;
    if (newlines >= 2) return PARAGRAPH;
    if (newlines === 1) return LINE;
    return sentenceEnd.test(words[i] ?? "") ? SENTENCE : WORD;
  });
  const slice = (a: number, b: number) => text.slice(offsets[2 * a], offsets[2 * b - 1]);
  const weightOf = (a: number, b: number) => sums[2 * b - 1]! - sums[2 * a]!;

  const fits = (s: string, estimate: number) => (exact ? weigh(s) : estimate) <= budget;

  const posts: string[] = [];
  let current = "";
  let currentWeight = 0;
  const flush = () => {
    if (current) posts.push(current);
    current = "";
    currentWeight = 0;
  };

  const hardSplit = (word: string) => {
    flush();
    const ends = graphemeEnds(word);
    let from = 0;
    while (from < ends.length) {
      // The longest run of clusters (at least one) from `from` that fits.
      const base = from === 0 ? 0 : ends[from - 1]!;
      let lo = from;
      let hi = ends.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (weigh(word.slice(base, ends[mid])) <= budget) lo = mid;
        else hi = mid - 1;
      }
      flush();
      current = word.slice(base, ends[lo]);
      currentWeight = weigh(current);
      from = lo + 1;
    }
  };

  // Places words [a, b), which contain no boundary of strength `level` or above.
  const place = (a: number, b: number, level: number) => {
    const piece = slice(a, b);
    const pieceWeight = weightOf(a, b);
    const joinedWeight = currentWeight + sums[2 * a]! - sums[2 * a - 1]! + pieceWeight;
    if (current && fits(current + seps[a - 1] + piece, joinedWeight)) {
      current += seps[a - 1] + piece;
      currentWeight = joinedWeight;
    } else if (fits(piece, pieceWeight)) {
      flush();
      current = piece;
      currentWeight = pieceWeight;
    } else if (b - a === 1) {
      hardSplit(piece);
    } else {
      let start = a;
      for (let i = a; i < b - 1; i++) {
        if (levels[i]! >= level - 1) {
          place(start, i + 1, level - 1);
          start = i + 1;
        }
      }
      place(start, b, level - 1);
    }
  };

  place(0, words.length, PARAGRAPH + 1);
  flush();
  return posts;
}
