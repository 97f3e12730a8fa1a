import { describe, expect, it } from "vitest";
import { describeLineErrors, parseInviteList } from "./invite-list";

describe("parseInviteList", () => {
  it("accepts emails one per line, comma or semicolon separated, and Name <email>", () => {
    const r = parseInviteList(
      "a@example.com\nB@Example.com, Carol <carol@example.org>; d@example.net\n\n",
    );
    expect(r.hasErrors).toBe(false);
    expect(r.emails).toEqual([
      "a@example.com",
      "b@example.com",
      "carol@example.org",
      "d@example.net",
    ]);
  });

  it("reports every bad line: malformed, disposable, duplicate", () => {
    const r = parseInviteList("ok@example.com\nnot-an-email\nx@mailinator.com\nOK@example.com");
    expect(r.hasErrors).toBe(true);
    expect(describeLineErrors(r.entries)).toBe(
      [
        "Line 2: “not-an-email” is not an email address.",
        "Line 3: x@mailinator.com uses a throwaway email service.",
        "Line 4: ok@example.com is in the list twice.",
      ].join("\n"),
    );
  });

  it("refuses an empty list and more than 50 people", () => {
    expect(parseInviteList("  \n ").hasErrors).toBe(true);
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join("\n");
    expect(describeLineErrors(parseInviteList(many).entries)).toContain(
      "Invite at most 50 people at a time.",
    );
  });
});
