/**
 * Where LinkedIn's feed folds a post behind "…see more": after about three *rendered* lines at the
 * card's width, where a line break always starts a new line and a blank line is a line too (see
 * shared/PLATFORMS.md). Pure: the browser passes a canvas-based `measure`, tests and the server a
 * `monospaceMeasure`.
 */

/** Width of `text` in the same unit as `lineWidth` (CSS px for a canvas measure). */
export type Measure = (text: string) => number;

export type FoldOptions = {
  maxLines?: number;
  lineWidth: number;
  measure?: Measure;
};

export type FoldResult = {
  isFolded: boolean;
  /** The text up to the end of the last visible line, trailing whitespace trimmed. */
  visibleText: string;
  /** When folded: the text from the start of the first hidden line. */
  hiddenText?: string;
};

/**
 * Average advance, in CSS px, of LinkedIn's 14px system sans-serif over mixed-case English text.
 * With the desktop column below that is ≈70 characters a line, i.e. a fold at ≈210 characters,
 * and ≈46 (≈140) on mobile, matching what PLATFORMS.md reports.
 */
export const DEFAULT_CHAR_WIDTH = 7.4;

/** Text column width of a feed card, in CSS px. */
export const LINKEDIN_LINE_WIDTHS = { desktop: 522, mobile: 343 } as const;

const EPSILON = 1e-6;
const asciiOnly = /^[\x00-\x7f]*$/;
// Whitespace runs, single CJK characters (a line may break before any of them), other runs.
const tokenPattern =
  /\s+|[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/g;

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): { segment: string; index: number }[] {
  if (typeof Intl.Segmenter !== "function") {
    let index = 0;
    return Array.from(text, (segment) => ({
      segment,
      index: (index += segment.length) - segment.length,
    }));
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), ({ segment, index }) => ({ segment, index }));
}

/** Every grapheme cluster (an emoji family, "e" + U+0301) is `charWidth` wide. */
export function monospaceMeasure(charWidth: number = DEFAULT_CHAR_WIDTH): Measure {
  return (text) => (asciiOnly.test(text) ? text.length : graphemes(text).length) * charWidth;
}

const defaultMeasure = monospaceMeasure();

/** The UTF-16 offset where line `maxLines + 1` starts, or undefined when the text fits. */
function findCut(text: string, maxLines: number, lineWidth: number, measure: Measure) {
  const limit = lineWidth + EPSILON;
  let lines = 0;
  let offset = 0;
  for (const paragraph of text.split("\n")) {
    if (++lines > maxLines) return offset;
    let x = 0;
    for (const match of paragraph.matchAll(tokenPattern)) {
      const token = match[0];
      const at = offset + match.index;
      const width = measure(token);
      // Whitespace never wraps: it hangs at the end of the line, as with `white-space: pre-wrap`.
      if (x + width <= limit || /^\s/.test(token)) {
        x += width;
        continue;
      }
      if (x > 0) {
        if (++lines > maxLines) return at;
        x = 0;
      }
      if (width <= limit) {
        x = width;
        continue;
      }
      // A word wider than the line breaks between grapheme clusters (`overflow-wrap: break-word`).
      for (const { segment, index } of graphemes(token)) {
        const w = measure(segment);
        if (x > 0 && x + w > limit) {
          if (++lines > maxLines) return at + index;
          x = 0;
        }
        x += w;
      }
    }
    offset += paragraph.length + 1;
  }
  return undefined;
}

export function foldLinkedIn(text: string, options: FoldOptions): FoldResult {
  const { maxLines = 3, lineWidth, measure = defaultMeasure } = options;
  const cut = findCut(text, Math.max(1, maxLines), lineWidth, measure);
  if (cut === undefined || text.slice(cut).trim() === "") {
    return { isFolded: false, visibleText: text.trimEnd() };
  }
  return { isFolded: true, visibleText: text.slice(0, cut).trimEnd(), hiddenText: text.slice(cut) };
}
