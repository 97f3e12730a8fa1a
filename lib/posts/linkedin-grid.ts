/**
 * How LinkedIn's feed lays out the images of a post, as CSS grid data the preview renders. Pure.
 *
 * Decisions (LinkedIn's collage, as the feed shows it; PLATFORMS.md: "images in LinkedIn's grid
 * layouts", 2–20 images in a multi-image post):
 * - 1 image: full width at its own aspect ratio, clamped between 1.91:1 and 4:5
 *   (`linkedInImageAspect`).
 * - 2 images: side by side, two squares.
 * - 3 images: one large on top (2:1), two squares below. (LinkedIn also has a "one left, two right"
 *   variant for portrait images; the preview always uses the top one, so it is stable as you add
 *   images.)
 * - 4 images: one large on top (3:2), three squares below.
 * - 5 or more: two squares on top, three below — five tiles; from the sixth image on, the fifth
 *   tile is dimmed with "+N", N = the images not shown (count − 5), as LinkedIn does.
 * Every multi-image collage therefore has a fixed overall aspect ratio (`aspectRatio`), and tiles
 * crop their image to fill (object-fit: cover).
 */

export type LinkedInGridLayout = "none" | "1" | "2" | "3" | "4" | "5+";

export type LinkedInGridTile = {
  /** Index of the image in the post's media order. */
  index: number;
  /** Its `grid-area` name in `template`. */
  area: string;
};

export type LinkedInGrid = {
  layout: LinkedInGridLayout;
  tiles: LinkedInGridTile[];
  /** Images not shown; when > 0 the last tile carries a "+overflow" overlay. */
  overflow: number;
  /** CSS `grid-template-areas`; "" without images. */
  template: string;
  /** CSS `grid-template-columns` and `grid-template-rows`. */
  columns: string;
  rows: string;
  /** Width / height of the whole collage; null for one image (it keeps its own ratio). */
  aspectRatio: number | null;
};

/** The widest and the tallest a single feed image is shown (wider/taller ones are cropped). */
export const LINKEDIN_MAX_ASPECT = 1.91;
export const LINKEDIN_MIN_ASPECT = 4 / 5;

const areas = ["a", "b", "c", "d", "e"] as const;

function grid(
  layout: LinkedInGridLayout,
  shown: number,
  count: number,
  template: string,
  columns: string,
  rows: string,
  aspectRatio: number | null,
): LinkedInGrid {
  return {
    layout,
    tiles: areas.slice(0, shown).map((area, index) => ({ index, area })),
    overflow: count - shown,
    template,
    columns,
    rows,
    aspectRatio,
  };
}

export function linkedInGrid(count: number): LinkedInGrid {
  const n = Math.max(0, Math.floor(Number.isFinite(count) ? count : 0));
  switch (n) {
    case 0:
      return grid("none", 0, 0, "", "", "", null);
    case 1:
      return grid("1", 1, 1, '"a"', "1fr", "1fr", null);
    case 2:
      // Two squares: 2:1 overall.
      return grid("2", 2, 2, '"a b"', "1fr 1fr", "1fr", 2);
    case 3:
      // A 2:1 hero over two squares: as tall as wide.
      return grid("3", 3, 3, '"a a" "b c"', "1fr 1fr", "1fr 1fr", 1);
    case 4:
      // A 3:2 hero (width W, height 2W/3) over three W/3 squares: as tall as wide.
      return grid("4", 4, 4, '"a a a" "b c d"', "1fr 1fr 1fr", "2fr 1fr", 1);
    default:
      // Two W/2 squares over three W/3 squares: height 5W/6.
      return grid("5+", 5, n, '"a a a b b b" "c c d d e e"', "repeat(6, 1fr)", "3fr 2fr", 6 / 5);
  }
}

/**
 * Width / height a single image is shown at: its own ratio, clamped to [4:5, 1.91:1]; 1.91:1 when
 * its size is not known (yet).
 */
export function linkedInImageAspect(
  width: number | null | undefined,
  height: number | null | undefined,
): number {
  if (!width || !height || width <= 0 || height <= 0) return LINKEDIN_MAX_ASPECT;
  return Math.min(LINKEDIN_MAX_ASPECT, Math.max(LINKEDIN_MIN_ASPECT, width / height));
}
