import { describe, expect, it } from "vitest";
import { authLink, renderEmail } from "./templates";

const ctx = { appUrl: "http://localhost:3000" };

describe("email templates", () => {
  it("builds the confirmation link from the token hash, type and next path", () => {
    const link = authLink(ctx.appUrl, { actionType: "signup", tokenHash: "abc123", next: "/acme" });
    const url = new URL(link);
    expect(url.pathname).toBe("/auth/confirm");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      token_hash: "abc123",
      type: "signup",
      next: "/acme",
    });
  });

  it("escapes user-supplied text in HTML", () => {
    const email = renderEmail("welcome", { name: `<img src=x onerror="alert(1)">` }, ctx);
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(email.essential).toBe(false);
  });

  it("marks auth emails essential and includes the code", () => {
    const email = renderEmail(
      "auth",
      { actionType: "recovery", tokenHash: "h", token: "123456" },
      ctx,
    );
    expect(email.subject).toBe("Reset your password");
    expect(email.text).toContain("Code: 123456");
    expect(email.essential).toBe(true);
  });

  it("refuses unknown templates and malformed data", () => {
    expect(() => renderEmail("nope", {}, ctx)).toThrow("Unknown email template");
    expect(() => renderEmail("auth", { actionType: "signup" }, ctx)).toThrow();
  });
});
