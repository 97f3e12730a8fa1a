import { describe, expect, it } from "vitest";
import { xWeightedLength } from "./count";
import { splitThread } from "./x-thread";

const squash = (s: string) => s.replace(/\s+/g, "");
const unnumber = (parts: string[]) => parts.map((p) => p.replace(/ \d+\/\d+$/, ""));

/** Every part fits, none is blank, and nothing is lost or reordered. */
function expectValidThread(text: string, parts: string[], max = 280) {
  for (const part of parts) {
    expect(xWeightedLength(part)).toBeLessThanOrEqual(max);
    expect(part.trim()).toBe(part);
    expect(part).not.toBe("");
  }
  expect(squash(unnumber(parts).join(""))).toBe(squash(text));
}

const sentence = (i: number) => `Sentence number ${i} says something useful about the launch.`;
const paragraph = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(" ");

describe("splitThread", () => {
  it("keeps text that fits as one post, trimmed, without numbering", () => {
    expect(splitThread("  Hello X 👋  ")).toEqual(["Hello X 👋"]);
    expect(splitThread("a".repeat(280), { numbering: true })).toEqual(["a".repeat(280)]);
    expect(splitThread("日".repeat(140))).toEqual(["日".repeat(140)]);
    expect(splitThread("")).toEqual([""]);
  });

  it("cuts at paragraph boundaries first", () => {
    const paragraphs = [paragraph(1, 3), paragraph(4, 2), paragraph(6, 3)];
    const text = paragraphs.join("\n\n");
    const parts = splitThread(text);
    expect(parts).toEqual(paragraphs);
    expectValidThread(text, parts);
  });

  it("packs short paragraphs together and keeps their blank lines", () => {
    const text = `Title\n\n${paragraph(1, 2)}\n\n${paragraph(3, 3)}`;
    const parts = splitThread(text);
    expect(parts).toEqual([`Title\n\n${paragraph(1, 2)}`, paragraph(3, 3)]);
  });

  it("cuts a paragraph longer than a post at sentence boundaries", () => {
    const text = paragraph(1, 12);
    const parts = splitThread(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part).toMatch(/\.$/);
    expectValidThread(text, parts);
  });

  it("cuts a sentence longer than a post at word boundaries", () => {
    const text = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const parts = splitThread(text);
    expect(parts.length).toBe(2);
    expect(xWeightedLength(parts[0]!)).toBeGreaterThan(270);
    expectValidThread(text, parts);
  });

  it("never cuts a URL, hashtag or mention near the boundary", () => {
    const url = "https://example.com/a/really/long/path/that/would/not/fit/in/the/space/left";
    for (let fill = 240; fill <= 280; fill += 4) {
      const text = `${"x".repeat(fill - 2)} ${url} #launchday @ghostart end`;
      const parts = splitThread(text);
      expectValidThread(text, parts);
      expect(parts.some((p) => p.includes(url))).toBe(true);
      expect(parts.some((p) => p.includes("#launchday"))).toBe(true);
      expect(parts.some((p) => p.includes("@ghostart"))).toBe(true);
    }
  });

  it("counts a URL as 23 when filling a post", () => {
    const url = `https://example.com/${"p".repeat(200)}`;
    const text = `${"a".repeat(250)} ${url} tail ${"b".repeat(100)}`;
    const parts = splitThread(text);
    expect(parts[0]).toBe(`${"a".repeat(250)} ${url} tail`);
    expectValidThread(text, parts);
  });

  it("numbers the posts and leaves room for the suffix", () => {
    const text = paragraph(1, 10);
    const parts = splitThread(text, { numbering: true });
    parts.forEach((part, i) => expect(part.endsWith(` ${i + 1}/${parts.length}`)).toBe(true));
    expectValidThread(text, parts);

    const exact = `${"a".repeat(276)} ${"b".repeat(10)}`;
    expect(splitThread(exact, { numbering: true })).toEqual([
      `${"a".repeat(276)} 1/2`,
      `${"b".repeat(10)} 2/2`,
    ]);
  });

  it("widens the suffix when the thread reaches ten posts", () => {
    const text = paragraph(1, 60);
    const parts = splitThread(text, { numbering: true });
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts.at(-1)).toMatch(new RegExp(` ${parts.length}/${parts.length}$`));
    expectValidThread(text, parts);
  });

  it("hard-splits a single word heavier than a post, between grapheme clusters", () => {
    const text = `Intro #${"a".repeat(600)} outro`;
    const parts = splitThread(text);
    expect(parts).toEqual([
      "Intro",
      `#${"a".repeat(279)}`,
      "a".repeat(280),
      `${"a".repeat(41)} outro`,
    ]);
    expectValidThread(text, parts);

    const flags = "🇫🇷".repeat(150);
    const flagParts = splitThread(flags);
    expect(flagParts).toEqual(["🇫🇷".repeat(140), "🇫🇷".repeat(10)]);
  });

  it("splits CJK text without spaces and respects a custom limit", () => {
    const text = "日本語".repeat(100);
    const parts = splitThread(text, { maxWeighted: 100 });
    expect(parts.map((p) => p.length)).toEqual([50, 50, 50, 50, 50, 50]);
    expectValidThread(text, parts, 100);
  });

  it("handles a long post quickly", () => {
    const text = Array.from({ length: 40 }, (_, i) => paragraph(i * 10, 10)).join("\n\n");
    const started = performance.now();
    const parts = splitThread(text, { numbering: true });
    expect(performance.now() - started).toBeLessThan(500);
    expectValidThread(text, parts);
  });
});
