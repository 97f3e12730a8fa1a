import { describe, expect, it } from "vitest";
import { verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
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

  describe("unsubscribe footer and headers", () => {
    const secret = "unit-test-unsubscribe-secret-0123456789";
    const userId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const send = { ...ctx, userId, unsubscribeSecret: secret };

    it("gives a non-essential email a link and RFC 8058 headers for its own user and category", () => {
      const email = renderEmail("welcome", { name: "Ada" }, { ...send, category: "product" });
      expect(email.category).toBe("product");
      const header = email.headers?.["List-Unsubscribe"];
      expect(header).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>]+>$/);
      expect(email.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const oneClick = new URL(header!.slice(1, -1));
      expect(verifyUnsubscribeToken(secret, oneClick.searchParams.get("token"))).toEqual({
        userId,
        category: "product",
      });
      const page = /href="(http:\/\/localhost:3000\/unsubscribe\?token=[^"]+)"/.exec(
        email.html,
      )?.[1];
      expect(page).toBeTruthy();
      expect(new URL(page!.replaceAll("&amp;", "&")).searchParams.get("token")).toBe(
        oneClick.searchParams.get("token"),
      );
      expect(email.html).toContain("/account/notifications");
      expect(email.text).toContain("Unsubscribe: http://localhost:3000/unsubscribe?token=");
      expect(email.html).not.toContain("<!--ghostart:footer-->");
    });

    it("keeps essential emails free of unsubscribe links and headers", () => {
      const email = renderEmail(
        "auth",
        { actionType: "signup", tokenHash: "h" },
        { ...send, category: null },
      );
      expect(email.essential).toBe(true);
      expect(email.category).toBeNull();
      expect(email.headers).toBeUndefined();
      expect(email.html).not.toContain("unsubscribe");
      expect(email.html).not.toContain("<!--ghostart:footer-->");
    });

    it("refuses a non-essential email without a category or user, and an essential one with one", () => {
      expect(() => renderEmail("welcome", {}, { ...send, category: null })).toThrow(
        "not essential",
      );
      expect(() =>
        renderEmail("welcome", {}, { ...send, userId: null, category: "product" }),
      ).toThrow("not essential");
      expect(() =>
        renderEmail(
          "auth",
          { actionType: "signup", tokenHash: "h" },
          { ...send, category: "team" },
        ),
      ).toThrow("essential");
      expect(() => renderEmail("welcome", {}, { ...send, category: "security" })).toThrow(
        "Unknown email category",
      );
    });
  });
});
