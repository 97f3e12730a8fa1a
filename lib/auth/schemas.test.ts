import { describe, expect, it } from "vitest";
import { nextPathSchema, newPasswordSchema, resetPasswordInput } from "./schemas";

describe("auth input", () => {
  it.each([
    [undefined, "/app"],
    ["/acme", "/acme"],
    ["/acme?tab=1", "/acme?tab=1"],
    ["//evil.example", "/app"],
    ["/\\evil.example", "/app"],
    ["https://evil.example", "/app"],
    ["javascript:alert(1)", "/app"],
  ])("only continues to same-site paths (%s → %s)", (input, expected) => {
    expect(nextPathSchema.parse(input)).toBe(expected);
  });

  it("asks for passwords with 8+ characters, a letter and a number", () => {
    expect(newPasswordSchema.safeParse("short1").success).toBe(false);
    expect(newPasswordSchema.safeParse("longenough").success).toBe(false);
    expect(newPasswordSchema.safeParse("12345678").success).toBe(false);
    expect(newPasswordSchema.safeParse("long-enough-1").success).toBe(true);
  });

  it("reports mismatched confirmation on the confirmation field", () => {
    const r = resetPasswordInput.safeParse({
      password: "long-enough-1",
      confirmPassword: "long-enough-2",
    });
    expect(r.error!.issues[0]!.path).toEqual(["confirmPassword"]);
  });
});
