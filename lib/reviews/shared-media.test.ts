import { describe, expect, it } from "vitest";
import { sharedMediaTtl } from "@/lib/reviews/shared-media";

const now = new Date("2026-12-04T12:00:00.000Z");

describe("sharedMediaTtl", () => {
  it("signs files for an hour when the link lasts longer", () => {
    expect(sharedMediaTtl("2026-12-11T12:00:00.000Z", now)).toBe(3600);
  });

  it("signs for no longer than the link has left", () => {
    expect(sharedMediaTtl("2026-12-04T12:10:00.000Z", now)).toBe(600);
  });

  it("gives at least a minute to a link about to expire", () => {
    expect(sharedMediaTtl("2026-12-04T12:00:05.000Z", now)).toBe(60);
  });
});
