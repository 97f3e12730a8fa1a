import { describe, expect, it } from "vitest";
import { diffStats, wordDiff, type DiffPart } from "./word-diff";

const side = (parts: DiffPart[], keep: "added" | "removed") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === keep)
    .map((p) => p.text)
    .join("");

describe("wordDiff", () => {
  const cases: [string, string][] = [
    ["", ""],
    ["", "hello world"],
    ["hello world", ""],
    ["The quick brown fox", "The quick red fox"],
    ["one\n\ntwo three", "one\ntwo three four"],
    ["Launch day 🚀 #ship", "Launch week 🚀 #ship #team"],
    ["a b a b a b", "b a b a"],
    ["日本 語 テキスト", "日本 テキスト 追加"],
  ];

  it.each(cases)("rebuilds both texts: %j → %j", (before, after) => {
    const parts = wordDiff(before, after);
    expect(side(parts, "removed")).toBe(before);
    expect(side(parts, "added")).toBe(after);
  });

  it("marks only the changed word", () => {
    expect(wordDiff("The quick brown fox", "The quick red fox")).toEqual([
      { kind: "same", text: "The quick " },
      { kind: "removed", text: "brown" },
      { kind: "added", text: "red" },
      { kind: "same", text: " fox" },
    ]);
  });

  it("shows a rewrite as one removal and one addition, not interleaved words", () => {
    expect(wordDiff("First draft from tab A.", "Tab B rewrote it.")).toEqual([
      { kind: "removed", text: "First draft from tab A." },
      { kind: "added", text: "Tab B rewrote it." },
    ]);
  });

  it("returns one same part for identical texts", () => {
    expect(wordDiff("same text\nhere", "same text\nhere")).toEqual([
      { kind: "same", text: "same text\nhere" },
    ]);
  });

  it("keeps a long text with one edit small", () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(" ");
    const parts = wordDiff(words, words.replace("w1500", "changed"));
    expect(parts.filter((p) => p.kind !== "same").map((p) => p.text)).toEqual(["w1500", "changed"]);
  });

  it("counts words added and removed", () => {
    expect(diffStats(wordDiff("a b c", "a x y c"))).toEqual({ added: 2, removed: 1 });
  });
});
