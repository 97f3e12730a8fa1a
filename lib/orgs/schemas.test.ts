import { describe, expect, it } from "vitest";
import { createOrgInput, slugify, slugSchema } from "./schemas";

describe("org slugs", () => {
  it.each(["acme", "acme-studio", "a1b", "x".repeat(40)])("accepts %s", (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });

  it.each([
    ["ab", "Use at least 3 characters."],
    ["-acme", "Use lowercase letters"],
    ["acme-", "Use lowercase letters"],
    ["ac--me", "Use single hyphens only."],
    ["acme studio", "Use lowercase letters"],
    ["login", "This address is reserved. Pick another."],
    ["x".repeat(41), "Use at most 40 characters."],
  ])("rejects %s", (slug, message) => {
    const r = slugSchema.safeParse(slug);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain(message);
  });

  it("lowercases and trims before checking", () => {
    expect(slugSchema.parse("  Acme ")).toBe("acme");
  });

  it("suggests a slug from a name", () => {
    expect(slugify("Acme Studio, Inc.")).toBe("acme-studio-inc");
    expect(slugify("Café Müller")).toBe("cafe-muller");
    expect(slugify("  --Hello--  ")).toBe("hello");
  });

  it("checks the time zone is a real IANA zone", () => {
    expect(
      createOrgInput.safeParse({ name: "A", slug: "acme", timezone: "Europe/Berlin" }).success,
    ).toBe(true);
    expect(
      createOrgInput.safeParse({ name: "A", slug: "acme", timezone: "Mars/Olympus" }).success,
    ).toBe(false);
    expect(createOrgInput.safeParse({ name: " ", slug: "acme", timezone: "UTC" }).success).toBe(
      false,
    );
  });
});
