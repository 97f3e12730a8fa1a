// One-click unsubscribe tokens: `<base64url(userId:category)>.<base64url(HMAC-SHA256)>`, signed with
// UNSUBSCRIBE_SECRET. The token is the credential (no login): it names one user and one category and
// can only ever turn that category off for that user. No expiry: a link in a year-old email must still
// work (CAN-SPAM, RFC 8058). Deterministic, so a re-sent email (same Resend idempotency key) is
// byte-identical.
import { createHmac, timingSafeEqual } from "node:crypto";
import { isEmailCategory, type EmailCategory } from "@/lib/notifications/categories";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, userId: string, category: EmailCategory): Buffer {
  // Domain-separated, so a MAC made with this secret for anything else never verifies here.
  return createHmac("sha256", secret)
    .update(`ghostart.unsubscribe.v1\n${userId}\n${category}`)
    .digest();
}

export function signUnsubscribeToken(
  secret: string,
  userId: string,
  category: EmailCategory,
): string {
  const id = userId.toLowerCase();
  if (!uuidPattern.test(id)) throw new Error("unsubscribe tokens need a user id (uuid)");
  if (!isEmailCategory(category)) throw new Error(`unknown email category: ${String(category)}`);
  const payload = Buffer.from(`${id}:${category}`).toString("base64url");
  return `${payload}.${mac(secret, id, category).toString("base64url")}`;
}

export type UnsubscribeTarget = { userId: string; category: EmailCategory };

/** The user and category a token names, or null when it is malformed or not signed with `secret`. */
export function verifyUnsubscribeToken(
  secret: string,
  token: string | null | undefined,
): UnsubscribeTarget | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [payload, signature] = parts as [string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) return null;
  const decoded = Buffer.from(payload, "base64url").toString("utf8");
  const sep = decoded.indexOf(":");
  const userId = decoded.slice(0, sep);
  const category = decoded.slice(sep + 1);
  if (sep < 0 || !uuidPattern.test(userId) || !isEmailCategory(category)) return null;
  // Canonical encoding only: another spelling of the same bytes is not the token we issued.
  if (Buffer.from(decoded).toString("base64url") !== payload) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(secret, userId, category);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, category };
}

/** The page a person opens from the email footer: it shows what will be turned off and asks. */
export function unsubscribePageUrl(appUrl: string, token: string): string {
  const url = new URL("/unsubscribe", appUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/** The RFC 8058 one-click endpoint for the List-Unsubscribe header (mail providers POST to it). */
export function unsubscribeOneClickUrl(appUrl: string, token: string): string {
  const url = new URL("/api/unsubscribe", appUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/** RFC 2369 + RFC 8058 headers for a non-essential email. */
export function listUnsubscribeHeaders(appUrl: string, token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeOneClickUrl(appUrl, token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
