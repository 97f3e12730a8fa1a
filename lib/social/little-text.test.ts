import { describe, expect, it } from "vitest";
import { escapeLittleText, parseLittleText, serializeLittleText } from "./little-text";

const dana = "urn:li:person:abc123";
const mentions = { "Dana Demo": dana, Dana: "urn:li:person:short", Acme: "urn:li:organization:42" };

describe("serializeLittleText", () => {
  it.each([
    ["C#", "C\\#"],
    ["(a)", "\\(a\\)"],
    ["_x_", "\\_x\\_"],
    ["*bold*", "\\*bold\\*"],
    ["#tag", "{hashtag|\\#|tag}"],
    ["#tag.", "{hashtag|\\#|tag}."],
    ["a@b.com", "a\\@b.com"],
    ["{x}", "\\{x\\}"],
    ["\\", "\\\\"],
    ["#", "\\#"],
    ["##x", "\\#{hashtag|\\#|x}"],
    ["a#b", "a\\#b"],
    ["#snake_case", "{hashtag|\\#|snake\\_case}"],
    ["#café #日本語", "{hashtag|\\#|café} {hashtag|\\#|日本語}"],
    ["ship it 🚀 #launch", "ship it 🚀 {hashtag|\\#|launch}"],
    ["<b>|~", "\\<b\\>\\|\\~"],
    ["line one\n\n#two\nthree (3)", "line one\n\n{hashtag|\\#|two}\nthree \\(3\\)"],
  ])("%j → %j", (text, commentary) => {
    expect(serializeLittleText(text)).toBe(commentary);
  });

  it("emits a known mention as an element, longest name first", () => {
    expect(serializeLittleText("Thanks @Dana Demo and @Acme!", { mentions })).toBe(
      `Thanks @[Dana Demo](${dana}) and @[Acme](urn:li:organization:42)!`,
    );
    expect(serializeLittleText("@Dana's idea", { mentions })).toBe(
      "@[Dana](urn:li:person:short)'s idea",
    );
  });

  it("escapes an unknown mention, a mention inside a word, and a name running on", () => {
    expect(serializeLittleText("hi @Unknown", { mentions })).toBe("hi \\@Unknown");
    expect(serializeLittleText("x@Acme", { mentions })).toBe("x\\@Acme");
    expect(serializeLittleText("@Acmeish", { mentions })).toBe("\\@Acmeish");
  });

  it("ignores mentions whose URN is not a person or organization", () => {
    expect(serializeLittleText("@Bad", { mentions: { Bad: "https://x" } })).toBe("\\@Bad");
  });

  it("escapes reserved characters inside a mention's name", () => {
    expect(serializeLittleText("@A_B", { mentions: { A_B: dana } })).toBe(`@[A\\_B](${dana})`);
  });
});

describe("parseLittleText", () => {
  const vectors = [
    "C#",
    "(a)",
    "_x_",
    "*bold*",
    "#tag",
    "#tag.",
    "a@b.com",
    "{x}",
    "\\",
    "\\\\#",
    "emoji 👩‍👩‍👧 ❤️#love 🇫🇷",
    "line one\n\n#two\r\nthree",
    "#",
    "##x",
    "@Dana Demo and @Nobody, #snake_case [x](y) <z> ~w~ |p|",
    "",
    "end with #",
    "\\#notatag",
  ];

  it.each(vectors)("round-trips %j", (text) => {
    const parsed = parseLittleText(serializeLittleText(text, { mentions }));
    expect(parsed).toMatchObject({ ok: true, text });
  });

  it("reports hashtags and mentions", () => {
    const parsed = parseLittleText(serializeLittleText("#a @Dana Demo #b_c", { mentions }));
    expect(parsed).toEqual({
      ok: true,
      text: "#a @Dana Demo #b_c",
      hashtags: ["a", "b_c"],
      mentions: [{ name: "Dana Demo", urn: dana }],
    });
  });

  it.each([
    ["a (b", 2],
    ["C#", 1],
    ["trailing \\", 9],
    ["{hashtag|#|x}", 9],
    ["{other|\\#|x}", 0],
    ["{hashtag|\\#|x", 0],
    ["@[Name](not-a-urn)", 0],
    ["@Name", 0],
    ["ok \\(fine\\) then _", 17],
  ])("refuses %j at index %i", (commentary, index) => {
    const parsed = parseLittleText(commentary);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.index).toBe(index);
      expect(parsed.error).toContain(String(index));
    }
  });

  it("decodes any escaped character", () => {
    expect(parseLittleText("\\a\\😀")).toMatchObject({ ok: true, text: "a😀" });
  });

  it("escapeLittleText escapes exactly the reserved characters", () => {
    expect(escapeLittleText("\\|{}@[]()<>#*_~ok.!")).toBe(
      "\\\\\\|\\{\\}\\@\\[\\]\\(\\)\\<\\>\\#\\*\\_\\~ok.!",
    );
  });
});
