import { describe, expect, it } from "vitest";
import { linkedInGrid, linkedInImageAspect } from "./linkedin-grid";

/** The area names a CSS grid-template-areas string uses, each once. */
const areaNames = (template: string) =>
  [...new Set(template.replace(/"/g, " ").split(/\s+/).filter(Boolean))].sort();

describe("linkedInGrid", () => {
  it("has nothing to lay out without images", () => {
    expect(linkedInGrid(0)).toEqual({
      layout: "none",
      tiles: [],
      overflow: 0,
      template: "",
      columns: "",
      rows: "",
      aspectRatio: null,
    });
    expect(linkedInGrid(-3).layout).toBe("none");
    expect(linkedInGrid(Number.NaN).layout).toBe("none");
  });

  it("shows one image full width at its own ratio", () => {
    expect(linkedInGrid(1)).toMatchObject({
      layout: "1",
      tiles: [{ index: 0, area: "a" }],
      overflow: 0,
      template: '"a"',
      aspectRatio: null,
    });
  });

  it("puts two images side by side", () => {
    expect(linkedInGrid(2)).toMatchObject({
      layout: "2",
      tiles: [
        { index: 0, area: "a" },
        { index: 1, area: "b" },
      ],
      overflow: 0,
      template: '"a b"',
      columns: "1fr 1fr",
      aspectRatio: 2,
    });
  });

  it("puts one large image on top of two for three", () => {
    expect(linkedInGrid(3)).toMatchObject({
      layout: "3",
      tiles: [
        { index: 0, area: "a" },
        { index: 1, area: "b" },
        { index: 2, area: "c" },
      ],
      overflow: 0,
      template: '"a a" "b c"',
      aspectRatio: 1,
    });
  });

  it("puts one large image on top of three for four", () => {
    expect(linkedInGrid(4)).toMatchObject({
      layout: "4",
      tiles: [0, 1, 2, 3].map((index) => ({ index, area: "abcd"[index] })),
      overflow: 0,
      template: '"a a a" "b c d"',
      rows: "2fr 1fr",
      aspectRatio: 1,
    });
  });

  it("shows five images as two over three, without an overlay", () => {
    expect(linkedInGrid(5)).toMatchObject({
      layout: "5+",
      tiles: [0, 1, 2, 3, 4].map((index) => ({ index, area: "abcde"[index] })),
      overflow: 0,
      template: '"a a a b b b" "c c d d e e"',
      aspectRatio: 6 / 5,
    });
  });

  it("shows the first five of nine and counts the rest on the last tile", () => {
    const nine = linkedInGrid(9);
    expect(nine.layout).toBe("5+");
    expect(nine.tiles.map((t) => t.index)).toEqual([0, 1, 2, 3, 4]);
    expect(nine.overflow).toBe(4);
    expect(nine.template).toBe(linkedInGrid(5).template);
    expect(linkedInGrid(20).overflow).toBe(15);
  });

  it("names every area of the template exactly once in its tiles", () => {
    for (const count of [1, 2, 3, 4, 5, 9]) {
      const { tiles, template } = linkedInGrid(count);
      expect(tiles.map((t) => t.area).sort()).toEqual(areaNames(template));
    }
  });
});

describe("linkedInImageAspect", () => {
  it("keeps ratios between 4:5 and 1.91:1", () => {
    expect(linkedInImageAspect(1200, 627)).toBeCloseTo(1200 / 627);
    expect(linkedInImageAspect(1080, 1080)).toBe(1);
    expect(linkedInImageAspect(1080, 1350)).toBeCloseTo(0.8);
  });

  it("clamps panoramas and tall images", () => {
    expect(linkedInImageAspect(3000, 1000)).toBe(1.91);
    expect(linkedInImageAspect(1000, 3000)).toBeCloseTo(0.8);
  });

  it("uses 1.91:1 when the size is unknown or invalid", () => {
    expect(linkedInImageAspect(null, null)).toBe(1.91);
    expect(linkedInImageAspect(1200, null)).toBe(1.91);
    expect(linkedInImageAspect(0, 100)).toBe(1.91);
    expect(linkedInImageAspect(-5, 100)).toBe(1.91);
  });
});
