import { describe, expect, it } from "vitest";
import { foldByCharacters, type RichToken, tokenize } from "./rich-text";

const t = (value: string): RichToken => ({ kind: "text", value });
const tag = (value: string): RichToken => ({ kind: "hashtag", value });
const at = (value: string): RichToken => ({ kind: "mention", value });
const url = (value: string): RichToken => ({ kind: "url", value });

/** Tokenizes and checks nothing was lost, reordered or left as an empty token. */
function tokens(text: string): RichToken[] {
  const result = tokenize(text);
  expect(result.map((token) => token.value).join("")).toBe(text);
  for (const token of result) expect(token.value).not.toBe("");
  // Adjacent text tokens are merged.
  result.forEach((token, i) => {
    if (i > 0) expect(token.kind === "text" && result[i - 1]!.kind === "text").toBe(false);
  });
  return result;
}

describe("tokenize", () => {
  it("returns nothing for empty text and one text token for plain text", () => {
    expect(tokens("")).toEqual([]);
    expect(tokens("Hello world\n\nBye")).toEqual([t("Hello world\n\nBye")]);
  });

  it("keeps reserved characters that are not hashtags, mentions or URLs as text", () => {
    expect(tokens("C#")).toEqual([t("C#")]);
    expect(tokens("I write C# daily")).toEqual([t("I write C# daily")]);
    expect(tokens("a#b")).toEqual([t("a#b")]);
    expect(tokens("(a)")).toEqual([t("(a)")]);
    expect(tokens("_x_")).toEqual([t("_x_")]);
    expect(tokens("*bold* {x} \\")).toEqual([t("*bold* {x} \\")]);
    expect(tokens("# heading, #, @ alone")).toEqual([t("# heading, #, @ alone")]);
  });

  it("finds hashtags and leaves trailing punctuation out", () => {
    expect(tokens("#tag")).toEqual([tag("#tag")]);
    expect(tokens("#tag.")).toEqual([tag("#tag"), t(".")]);
    expect(tokens("Launch day! #AI, #web_dev2025")).toEqual([
      t("Launch day! "),
      tag("#AI"),
      t(", "),
      tag("#web_dev2025"),
    ]);
    expect(tokens("(#tag)")).toEqual([t("("), tag("#tag"), t(")")]);
    expect(tokens("##tag")).toEqual([t("#"), tag("#tag")]);
    expect(tokens("#a#b")).toEqual([tag("#a"), t("#b")]);
  });

  it("finds hashtags in other scripts", () => {
    expect(tokens("#日本")).toEqual([tag("#日本")]);
    expect(tokens("#日本。")).toEqual([tag("#日本"), t("。")]);
    expect(tokens("#café")).toEqual([tag("#café")]);
    // "e" + combining acute accent stays inside the tag.
    expect(tokens("#cafe\u0301 ok")).toEqual([tag("#cafe\u0301"), t(" ok")]);
    expect(tokens("＃タグ")).toEqual([tag("＃タグ")]);
  });

  it("does not take a keycap emoji or a hashtag after a letter with an accent for a hashtag", () => {
    expect(tokens("#\ufe0f\u20e3 x")).toEqual([t("#\ufe0f\u20e3 x")]);
    expect(tokens("e\u0301#x")).toEqual([t("e\u0301#x")]);
    // After an emoji (with its variation selector) it is one.
    expect(tokens("❤️#love")).toEqual([t("❤️"), tag("#love")]);
  });

  it("finds mentions but not e-mail addresses", () => {
    expect(tokens("@Ada")).toEqual([at("@Ada")]);
    expect(tokens("a@b.com")).toEqual([t("a@b.com")]);
    expect(tokens("Mail ada@example.org or ping @ada.lovelace.")).toEqual([
      t("Mail ada@example.org or ping "),
      at("@ada.lovelace"),
      t("."),
    ]);
    expect(tokens("Thanks @Jean-Luc, @ada_l!")).toEqual([
      t("Thanks "),
      at("@Jean-Luc"),
      t(", "),
      at("@ada_l"),
      t("!"),
    ]);
    expect(tokens("@Zoë")).toEqual([at("@Zoë")]);
  });

  it("finds URLs and leaves sentence punctuation out", () => {
    expect(tokens("https://ex.com/a?b=1.")).toEqual([url("https://ex.com/a?b=1"), t(".")]);
    expect(tokens("See http://ex.com, www.example.org/x!?")).toEqual([
      t("See "),
      url("http://ex.com"),
      t(", "),
      url("www.example.org/x"),
      t("!?"),
    ]);
    expect(tokens("(https://ex.com/a)")).toEqual([t("("), url("https://ex.com/a"), t(")")]);
    expect(tokens("https://en.wikipedia.org/wiki/C_(language).")).toEqual([
      url("https://en.wikipedia.org/wiki/C_(language)"),
      t("."),
    ]);
    expect(tokens('"HTTPS://EX.COM/#frag"')).toEqual([t('"'), url("HTTPS://EX.COM/#frag"), t('"')]);
  });

  it("keeps hashtags and mentions inside a URL part of the URL", () => {
    expect(tokens("https://ex.com/@ada/#top #tag")).toEqual([
      url("https://ex.com/@ada/#top"),
      t(" "),
      tag("#tag"),
    ]);
  });

  it("does not take a bare scheme or www. for a URL", () => {
    expect(tokens("https:// and www. and www.")).toEqual([t("https:// and www. and www.")]);
    expect(tokens("https://.")).toEqual([t("https://.")]);
    expect(tokens("xhttps://ex.com")).toEqual([t("xhttps://ex.com")]);
  });

  it("round-trips emoji, CJK and combining marks", () => {
    const samples = [
      "👨‍👩‍👧‍👦 family #team 🇫🇷",
      "Hello 👋🏽 @Ada — 日本語のテキスト #日本 https://例え.jp/パス",
      "e\u0301 n\u0303 a\u030a #x\u0301",
      "🚀🚀🚀\n\n#launch\n@team\nwww.ex.com",
      "\u200b#zero\u200dwidth",
    ];
    for (const text of samples) tokens(text);
    expect(tokens("Hi 👋 #tag🎉")).toEqual([t("Hi 👋 "), tag("#tag"), t("🎉")]);
  });
});

describe("foldByCharacters", () => {
  it("does not fold text within the limit", () => {
    expect(foldByCharacters("Hello", 10)).toEqual({ isFolded: false, visibleText: "Hello" });
    expect(foldByCharacters("0123456789   \n", 10)).toEqual({
      isFolded: false,
      visibleText: "0123456789",
    });
  });

  it("cuts at the last space near the limit", () => {
    const text = "The quick brown fox jumps over the lazy dog";
    expect(foldByCharacters(text, 22)).toEqual({
      isFolded: true,
      visibleText: "The quick brown fox",
    });
    // No space in the last fifth: a hard cut.
    expect(foldByCharacters("a bcdefghijklmnopqrstuvwxyz", 10).visibleText).toBe("a bcdefghi");
  });

  it("never cuts inside a surrogate pair, an emoji sequence or before a combining mark", () => {
    expect(foldByCharacters("abcdefghi😀xyz", 10).visibleText).toBe("abcdefghi");
    expect(foldByCharacters("abcdefghe\u0301xyz", 10).visibleText).toBe("abcdefghe\u0301");
    expect(foldByCharacters("abcdefghie\u0301xyz", 10).visibleText).toBe("abcdefghi");
    expect(foldByCharacters("abcdefg👍🏽xyz", 10).visibleText).toBe("abcdefg");
    expect(foldByCharacters("abcdef👩‍💻xyz", 10).visibleText).toBe("abcdef");
  });

  it("folds after maxLines line breaks when given", () => {
    expect(foldByCharacters("one\ntwo\nthree", 125, { maxLines: 2 })).toEqual({
      isFolded: true,
      visibleText: "one\ntwo",
    });
    expect(foldByCharacters("one\ntwo", 125, { maxLines: 2 })).toEqual({
      isFolded: false,
      visibleText: "one\ntwo",
    });
    expect(foldByCharacters("one\n\n\nfour", 125, { maxLines: 2 }).visibleText).toBe("one");
  });
});
