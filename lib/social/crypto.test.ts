import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptToken,
  encryptToken,
  parseKeyRing,
  tokenContext,
  tokenKeyId,
  TokenDecryptError,
} from "./crypto";

const key = () => randomBytes(32).toString("base64");
const ctx = tokenContext("org-1/linkedin/member/abc", "access");

describe("token encryption", () => {
  it("round-trips and never contains the plaintext", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const token = "AQV-secret-access-token-ü-🚀";
    const enc = encryptToken(ring, token, ctx);
    expect(enc.startsWith("v1.k1.")).toBe(true);
    expect(enc).not.toContain("secret");
    expect(decryptToken(ring, enc, ctx)).toBe(token);
    // A fresh IV each time: the same token encrypts differently.
    expect(encryptToken(ring, token, ctx)).not.toBe(enc);
  });

  it("rotates: new values use the current key, old key ids still decrypt", () => {
    const k1 = key();
    const k2 = key();
    const old = parseKeyRing(`k1:${k1}`);
    const enc1 = encryptToken(old, "old-token", ctx);
    const rotated = parseKeyRing(`k1:${k1},k2:${k2}`, "k2");
    const enc2 = encryptToken(rotated, "new-token", ctx);
    expect(tokenKeyId(enc2)).toBe("k2");
    expect(decryptToken(rotated, enc1, ctx)).toBe("old-token");
    expect(decryptToken(rotated, enc2, ctx)).toBe("new-token");
    // Once k1 is removed, its values fail with a message naming the key, not the token.
    const only2 = parseKeyRing(`k2:${k2}`);
    expect(() => decryptToken(only2, enc1, ctx)).toThrow(/token key k1 is no longer configured/);
  });

  it("refuses a value moved to another account or column, or tampered with", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const enc = encryptToken(ring, "token", ctx);
    expect(() =>
      decryptToken(ring, enc, tokenContext("org-2/linkedin/member/abc", "access")),
    ).toThrow(TokenDecryptError);
    expect(() =>
      decryptToken(ring, enc, tokenContext("org-1/linkedin/member/abc", "refresh")),
    ).toThrow(TokenDecryptError);
    const parts = enc.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => decryptToken(ring, parts.join("."), ctx)).toThrow(TokenDecryptError);
    expect(() => decryptToken(ring, "plaintext-token", ctx)).toThrow(/not an encrypted token/);
  });

  it("refuses malformed key rings", () => {
    expect(() => parseKeyRing("k1:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`k1:${key()}`, "k9")).toThrow(/not in the ring/);
    const k = key();
    expect(() => parseKeyRing(`k1:${k},k1:${k}`)).toThrow(/twice/);
  });
});
