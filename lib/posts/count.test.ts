import { describe, expect, it } from "vitest";
import { countHashtags, countText, validateForNetworks, xWeightedLength } from "./count";
import { isNetwork, networkRules, networks } from "./networks";

// [label, text, X weighted length, UTF-16 length (LinkedIn, Facebook, Instagram)]
const vectors: [string, string, number, number][] = [
  ["empty", "", 0, 0],
  ["plain ASCII", "Hello, world!", 13, 13],
  ["bare URL", "example.com", 23, 11],
  ["URL with scheme", "https://example.com/a/very/long/path?with=query&and=more#frag", 23, 61],
  ["short URL in a sentence", "Read https://a.co now", 32, 21],
  ["two URLs", "http://a.com http://b.com", 47, 25],
  ["simple emoji", "👍", 2, 2],
  ["ZWJ family", "👨‍👩‍👧‍👦", 2, 11],
  ["skin tone", "👍🏽", 2, 4],
  ["flag", "🇫🇷", 2, 4],
  ["emoji in text", "Go 🚀!", 6, 6],
  ["CJK", "日本語", 6, 3],
  ["Hangul", "한국어", 6, 3],
  ["precomposed é", "caf\u00e9", 4, 4],
  ["e + combining acute", "cafe\u0301", 4, 5],
  ["combining mark without precomposed form", "q\u0307", 2, 2],
  ["Cyrillic", "Привет", 6, 6],
  ["newlines", "a\nb\n\nc", 6, 6],
  ["CRLF", "a\r\nb", 4, 4],
];

describe("countText vectors", () => {
  it.each(vectors)("%s", (_label, text, xWeight, utf16) => {
    expect(countText("x", text).count).toBe(xWeight);
    expect(xWeightedLength(text)).toBe(xWeight);
    for (const network of ["linkedin", "facebook", "instagram"] as const) {
      expect(countText(network, text).count).toBe(utf16);
    }
  });
});

describe("limits", () => {
  it.each([
    ["linkedin", "a", 3000],
    ["facebook", "a", 63206],
    ["instagram", "a", 2200],
    ["x", "a", 280],
    ["x", "日", 140],
    ["x", "😀", 140],
  ] as const)("%s: %s × limit is allowed, one more is over", (network, unit, times) => {
    const at = countText(network, unit.repeat(times));
    expect(at).toMatchObject({ limit: networkRules[network].limit, remaining: 0, isOver: false });
    expect(at.problems).toEqual([]);
    expect(at.overflowAt).toBeUndefined();
    const over = countText(network, unit.repeat(times + 1));
    expect(over.isOver).toBe(true);
    expect(over.remaining).toBeLessThan(0);
    expect(over.problems).toHaveLength(1);
  });

  it("explains the LinkedIn limit with thousands separators", () => {
    const result = countText("linkedin", "a".repeat(3012));
    expect(result).toMatchObject({ count: 3012, remaining: -12, isOver: true, overflowAt: 3000 });
    expect(result.problems).toEqual([
      "LinkedIn allows 3,000 characters; this post has 3,012. Remove 12.",
    ]);
  });

  it("explains the X weighting", () => {
    const result = countText("x", "a".repeat(275) + " https://example.com");
    expect(result).toMatchObject({ count: 299, remaining: -19, isOver: true });
    expect(result.problems[0]).toBe(
      "X allows 280 characters, counting each link as 23 and each emoji or CJK character as 2; " +
        "this post counts as 299. Remove 19.",
    );
  });

  it("points the overflow at the first character past the limit, never inside a pair", () => {
    expect(countText("x", "a".repeat(285)).overflowAt).toBe(280);
    expect(countText("instagram", "a".repeat(2199) + "😀").overflowAt).toBe(2199);
    expect(countText("instagram", "a".repeat(2200) + "😀").overflowAt).toBe(2200);
  });

  it("flags characters X refuses", () => {
    expect(countText("x", "a\uFEFFb").problems).toEqual([
      "X refuses the invisible characters U+FEFF, U+FFFE and U+FFFF. Remove them.",
    ]);
  });
});

describe("Instagram hashtags", () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(" ");

  it("counts hashtags, including numeric and full-width ones, but not C# or a lone #", () => {
    expect(countHashtags("#one #two, #日本 ＃wide #2024 C# # and #")).toBe(5);
    expect(countHashtags("no tags")).toBe(0);
  });

  it("allows 30 hashtags and refuses 31 with its own reason", () => {
    expect(countText("instagram", tags(30))).toMatchObject({
      isOver: false,
      hashtags: { count: 30, limit: 30, isOver: false },
      problems: [],
    });
    const over = countText("instagram", tags(32));
    expect(over.isOver).toBe(false);
    expect(over.hashtags).toEqual({ count: 32, limit: 30, isOver: true });
    expect(over.problems).toEqual([
      "Instagram allows at most 30 hashtags; this post has 32. Remove 2.",
    ]);
  });

  it("does not limit hashtags elsewhere", () => {
    expect(countText("linkedin", tags(40)).hashtags).toBeUndefined();
  });
});

describe("validateForNetworks", () => {
  it("is ok when every network accepts the text", () => {
    expect(validateForNetworks("Hello 👋 https://ghostart.app", [...networks])).toEqual({
      ok: true,
      problems: [],
    });
  });

  it("lists one problem per network and reason, once per network", () => {
    const text = "a".repeat(2300) + " #x".repeat(31);
    const result = validateForNetworks(text, ["linkedin", "x", "instagram", "x", "facebook"]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.network)).toEqual(["x", "instagram", "instagram"]);
    expect(result.problems[1]?.message).toBe(
      "Instagram allows 2,200 characters; this post has 2,393. Remove 193.",
    );
  });

  it("is ok for no networks", () => {
    expect(validateForNetworks("a".repeat(100_000), [])).toEqual({ ok: true, problems: [] });
  });
});

it("recognises network names", () => {
  expect(networks.filter(isNetwork)).toEqual(["linkedin", "x", "facebook", "instagram", "sandbox"]);
  expect(isNetwork("tiktok")).toBe(false);
  expect(isNetwork(undefined)).toBe(false);
});
