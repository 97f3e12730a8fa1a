// Tokens at rest: AES-256-GCM with a random 96-bit IV per value, under a key named by an id kept in
// the ciphertext, so keys rotate without a migration: new values use the current key, values under
// an older key id still decrypt (and are rewritten under the current key when the token is
// refreshed). The associated data binds a ciphertext to its purpose and account, so a value copied
// into another row or column does not decrypt.
//
// Format: "v1.<key id>.<iv>.<tag>.<ciphertext>", each part base64url.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export type KeyRing = { currentId: string; keys: Map<string, Buffer> };

/** Parses "<id>:<base64 32 bytes>,…" (TOKEN_ENCRYPTION_KEYS); `currentId` defaults to the first. */
export function parseKeyRing(spec: string, currentId?: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(",")) {
    const at = entry.indexOf(":");
    const id = entry.slice(0, at).trim();
    const key = Buffer.from(entry.slice(at + 1).trim(), "base64");
    if (at < 1 || !/^[A-Za-z0-9_-]+$/.test(id)) throw new Error("token key ids are [A-Za-z0-9_-]+");
    if (key.length !== 32) throw new Error(`token key ${id} is not 32 bytes`);
    if (keys.has(id)) throw new Error(`token key id ${id} appears twice`);
    keys.set(id, key);
  }
  const current = currentId ?? keys.keys().next().value;
  if (!current || !keys.has(current))
    throw new Error(`current token key ${current} is not in the ring`);
  return { currentId: current, keys };
}

export class TokenDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenDecryptError";
  }
}

export function encryptToken(ring: KeyRing, plaintext: string, context: string): string {
  const key = ring.keys.get(ring.currentId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", ring.currentId, iv, tag, body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptToken(ring: KeyRing, value: string, context: string): string {
  const [version, keyId, iv, tag, body, extra] = value.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || body === undefined || extra !== undefined)
    throw new TokenDecryptError("not an encrypted token");
  const key = ring.keys.get(keyId);
  // The message names the key id (not secret) so an operator knows which key was removed too early.
  if (!key) throw new TokenDecryptError(`token key ${keyId} is no longer configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new TokenDecryptError("token does not decrypt (wrong key, account or column)");
  }
}

/** The key id a stored value was encrypted under (to find values still under an old key). */
export const tokenKeyId = (value: string): string | null => value.split(".")[1] ?? null;

/** Associated data for a token column of an account. */
export const tokenContext = (accountKey: string, column: "access" | "refresh" | "verifier") =>
  `ghostart:${column}:${accountKey}`;
