import { describe, expect, it } from "vitest";
import {
  listUnsubscribeHeaders,
  signUnsubscribeToken,
  unsubscribeOneClickUrl,
  unsubscribePageUrl,
  verifyUnsubscribeToken,
} from "./unsubscribe-token";

const secret = "unit-test-unsubscribe-secret-0123456789";
const userA = "0f8fad5b-d9cb-469f-a165-70867728950e";
const userB = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

const b64 = (s: string) => Buffer.from(s).toString("base64url");

describe("unsubscribe tokens", () => {
  it("verifies what it signs, naming one user and one category", () => {
    const token = signUnsubscribeToken(secret, userA, "product");
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId: userA, category: "product" });
    // Deterministic: a re-sent email is byte-identical (Resend idempotency compares payloads).
    expect(signUnsubscribeToken(secret, userA, "product")).toBe(token);
  });

  it("differs per user and per category", () => {
    const tokens = new Set([
      signUnsubscribeToken(secret, userA, "product"),
      signUnsubscribeToken(secret, userA, "team"),
      signUnsubscribeToken(secret, userB, "product"),
    ]);
    expect(tokens.size).toBe(3);
  });

  it("refuses a token whose user or category was swapped", () => {
    const [, mac] = signUnsubscribeToken(secret, userA, "product").split(".");
    expect(verifyUnsubscribeToken(secret, `${b64(`${userB}:product`)}.${mac}`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${b64(`${userA}:team`)}.${mac}`)).toBeNull();
  });

  it("refuses another secret, a changed signature and malformed input", () => {
    const token = signUnsubscribeToken(secret, userA, "review");
    expect(verifyUnsubscribeToken("another-secret-of-at-least-32-chars!!", token)).toBeNull();
    const [payload, mac] = token.split(".") as [string, string];
    const flipped = (mac[0] === "A" ? "B" : "A") + mac.slice(1);
    expect(verifyUnsubscribeToken(secret, `${payload}.${flipped}`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${payload}.${mac.slice(0, -2)}`)).toBeNull();
    for (const bad of [
      "",
      null,
      undefined,
      payload,
      `${payload}.${mac}.x`,
      `${payload}.`,
      `.${mac}`,
      `${b64(`${userA}:nope`)}.${mac}`,
      `${b64("not-a-uuid:product")}.${mac}`,
      `${payload}=.${mac}`,
      "x".repeat(500),
    ])
      expect(verifyUnsubscribeToken(secret, bad), String(bad)).toBeNull();
  });

  it("refuses to sign for a non-uuid user or an unknown category", () => {
    expect(() => signUnsubscribeToken(secret, "me", "product")).toThrow();
    expect(() => signUnsubscribeToken(secret, userA, "security" as "product")).toThrow();
  });

  it("builds the page link, the one-click link and the RFC 8058 headers", () => {
    const token = signUnsubscribeToken(secret, userA, "team");
    const page = new URL(unsubscribePageUrl("https://app.example", token));
    expect(page.pathname).toBe("/unsubscribe");
    expect(page.searchParams.get("token")).toBe(token);
    const oneClick = unsubscribeOneClickUrl("https://app.example", token);
    expect(new URL(oneClick).pathname).toBe("/api/unsubscribe");
    expect(listUnsubscribeHeaders("https://app.example", token)).toEqual({
      "List-Unsubscribe": `<${oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});
