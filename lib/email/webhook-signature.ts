// Standard Webhooks signatures (https://www.standardwebhooks.com), as Supabase's Send Email Hook uses
// them: secret "v1,whsec_<base64>", headers webhook-id / webhook-timestamp / webhook-signature, and
// signature = base64(HMAC-SHA256(secret, `${id}.${timestamp}.${body}`)).
import { createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_SECONDS = 5 * 60;

function secretBytes(secret: string): Buffer {
  const raw = secret.replace(/^v1,/, "").replace(/^whsec_/, "");
  return Buffer.from(raw, "base64");
}

export function signStandardWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
) {
  const mac = createHmac("sha256", secretBytes(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest("base64");
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": `v1,${mac}`,
  };
}

export type WebhookVerification = { ok: true } | { ok: false; reason: string };

export function verifyStandardWebhook(
  secret: string,
  headers: { get(name: string): string | null },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): WebhookVerification {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signatures = headers.get("webhook-signature");
  if (!id || !timestamp || !signatures) return { ok: false, reason: "missing signature headers" };
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) {
    return { ok: false, reason: "timestamp outside tolerance" };
  }
  const expected = Buffer.from(
    signStandardWebhook(secret, id, ts, body)["webhook-signature"].slice(3),
    "base64",
  );
  for (const candidate of signatures.split(" ")) {
    const [version, sig] = candidate.split(",");
    if (version !== "v1" || !sig) continue;
    const given = Buffer.from(sig, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: "no matching signature" };
}
