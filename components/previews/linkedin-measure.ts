import { useSyncExternalStore } from "react";
import { type Measure, monospaceMeasure } from "@/lib/posts/linkedin-fold";
import { tokenize } from "@/lib/posts/rich-text";

/** The font stack of LinkedIn's feed; the preview body and its measure both use it. */
export const LINKEDIN_FONT_FAMILY =
  '-apple-system, system-ui, "Segoe UI", Roboto, "Helvetica Neue", "Fira Sans", Ubuntu, Oxygen, ' +
  '"Oxygen Sans", Cantarell, "Droid Sans", "Apple Color Emoji", "Segoe UI Emoji", ' +
  '"Segoe UI Symbol", "Lucida Grande", Helvetica, Arial, sans-serif';

/** Body text: 14px on a 20px line; hashtags, mentions and links are semibold (600). */
const BODY_FONT = `400 14px ${LINKEDIN_FONT_FAMILY}`;
const LINK_FONT = `600 14px ${LINKEDIN_FONT_FAMILY}`;
const MAX_CACHED = 20_000;

const fallbackMeasure = monospaceMeasure();
let browserMeasure: Measure | undefined;

/**
 * A measure of rendered widths in CSS px with the body's font, from one shared canvas context.
 * Widths are cached per string: the fold measures words and spaces, so on each keystroke only the
 * word being typed is new. Parts that render as links (a hashtag inside "(#tag)") are measured in
 * the semibold link font.
 */
function createCanvasMeasure(): Measure | undefined {
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = document.createElement("canvas").getContext("2d");
  } catch {
    return undefined;
  }
  if (!context) return undefined;
  const ctx = context;
  ctx.font = BODY_FONT;
  // A font string the canvas could not parse leaves its default (10px sans-serif).
  if (!ctx.font.includes("14px")) return undefined;
  let current = BODY_FONT;
  const widthIn = (font: string, text: string) => {
    if (font !== current) ctx.font = current = font;
    return ctx.measureText(text).width;
  };
  const cache = new Map<string, number>();
  return (text) => {
    let width = cache.get(text);
    if (width !== undefined) return width;
    width = 0;
    for (const token of /[#＃@:.]/.test(text) ? tokenize(text) : [{ kind: "text", value: text }]) {
      width += widthIn(token.kind === "text" ? BODY_FONT : LINK_FONT, token.value);
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, width);
    return width;
  };
}

function getBrowserMeasure(): Measure {
  browserMeasure ??= createCanvasMeasure() ?? fallbackMeasure;
  return browserMeasure;
}

const getServerMeasure = () => fallbackMeasure;
const subscribe = () => () => {};

/**
 * The canvas measure in the browser; `monospaceMeasure()` on the server and during hydration (so
 * the server's HTML and the first client render agree), then React re-renders with the canvas.
 * The same function every time, so memoized folds stay cached.
 */
export function useLinkedInMeasure(): Measure {
  return useSyncExternalStore(subscribe, getBrowserMeasure, getServerMeasure);
}
