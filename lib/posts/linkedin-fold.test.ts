import { describe, expect, it } from "vitest";
import {
  DEFAULT_CHAR_WIDTH,
  foldLinkedIn,
  LINKEDIN_LINE_WIDTHS,
  monospaceMeasure,
} from "./linkedin-fold";

// Ten one-unit characters a line.
const fold = (text: string, maxLines?: number) =>
  foldLinkedIn(text, { lineWidth: 10, measure: monospaceMeasure(1), maxLines });

describe("foldLinkedIn", () => {
  it("does not fold short text", () => {
    expect(fold("Hello")).toEqual({ isFolded: false, visibleText: "Hello" });
    expect(fold("")).toEqual({ isFolded: false, visibleText: "" });
  });

  it("wraps one long line at word boundaries and folds after the third rendered line", () => {
    // "aaaa bbbb " | "cccc dddd " | "eeee ffff " | "gggg"
    expect(fold("aaaa bbbb cccc dddd eeee ffff gggg")).toEqual({
      isFolded: true,
      visibleText: "aaaa bbbb cccc dddd eeee ffff",
      hiddenText: "gggg",
    });
  });

  it("fits a word that ends exactly at the line width", () => {
    expect(fold("aaaaa bbbb ccccc dddd eeeee ffff")).toEqual({
      isFolded: false,
      visibleText: "aaaaa bbbb ccccc dddd eeeee ffff",
    });
  });

  it("folds many short lines after three", () => {
    expect(fold("one\ntwo\nthree\nfour\nfive")).toEqual({
      isFolded: true,
      visibleText: "one\ntwo\nthree",
      hiddenText: "four\nfive",
    });
  });

  it("counts blank lines as lines", () => {
    expect(fold("Hook\n\nSecond\nThird")).toEqual({
      isFolded: true,
      visibleText: "Hook\n\nSecond",
      hiddenText: "Third",
    });
    expect(fold("Hook\n\n\nBody")).toEqual({
      isFolded: true,
      visibleText: "Hook",
      hiddenText: "Body",
    });
  });

  it("does not fold exactly three lines, nor three lines followed by whitespace", () => {
    expect(fold("one\ntwo\nthree")).toEqual({ isFolded: false, visibleText: "one\ntwo\nthree" });
    expect(fold("one\ntwo\nthree\n\n  \n")).toEqual({
      isFolded: false,
      visibleText: "one\ntwo\nthree",
    });
    // Two wrapped lines and a short one.
    expect(fold("aaaa bbbb cccc dddd\nend").isFolded).toBe(false);
  });

  it("breaks a word longer than the line between characters", () => {
    expect(fold("abcdefghijklmnopqrstuvwxyz0123456789")).toEqual({
      isFolded: true,
      visibleText: "abcdefghijklmnopqrstuvwxyz0123",
      hiddenText: "456789",
    });
    // The long word first moves to its own line, as overflow-wrap: break-word does.
    expect(fold("hi abcdefghijklmnop")).toEqual({
      isFolded: false,
      visibleText: "hi abcdefghijklmnop",
    });
    expect(fold("hi abcdefghijklmnop and more").hiddenText).toBe("more");
  });

  it("never breaks inside a grapheme cluster and breaks between CJK characters", () => {
    const family = "👨‍👩‍👧‍👦";
    const result = fold(family.repeat(31));
    expect(result.isFolded).toBe(true);
    expect(result.visibleText).toBe(family.repeat(30));
    expect(fold("日本語の文章です。とても長い文章", 1)).toEqual({
      isFolded: true,
      visibleText: "日本語の文章です。と",
      hiddenText: "ても長い文章",
    });
  });

  it("honours maxLines", () => {
    expect(fold("a\nb\nc\nd\ne", 4).visibleText).toBe("a\nb\nc\nd");
    expect(fold("a\nb", 1)).toEqual({ isFolded: true, visibleText: "a", hiddenText: "b" });
  });

  it("folds near 210 characters at the default desktop width", () => {
    const words = Array.from({ length: 120 }, (_, i) => ["team", "launch", "growth"][i % 3]);
    const result = foldLinkedIn(words.join(" "), { lineWidth: LINKEDIN_LINE_WIDTHS.desktop });
    expect(result.isFolded).toBe(true);
    expect(result.visibleText.length).toBeGreaterThan(190);
    expect(result.visibleText.length).toBeLessThanOrEqual(210);
  });
});

describe("monospaceMeasure", () => {
  it("counts grapheme clusters", () => {
    const measure = monospaceMeasure(2);
    expect(measure("abc")).toBe(6);
    expect(measure("cafe\u0301")).toBe(8);
    expect(measure("👍🏽🇫🇷")).toBe(4);
    expect(monospaceMeasure()("ab")).toBe(2 * DEFAULT_CHAR_WIDTH);
  });
});
