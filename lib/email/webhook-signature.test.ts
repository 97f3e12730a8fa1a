import { describe, expect, it } from "vitest";
import { signStandardWebhook, verifyStandardWebhook } from "./webhook-signature";

const secret = "v1,whsec_" + Buffer.from("a-test-secret-of-some-length").toString("base64");
const body = JSON.stringify({ hello: "world" });
const now = 1_800_000_000;

describe("standard webhook signatures", () => {
  it("accepts what it signs", () => {
    const headers = new Headers(signStandardWebhook(secret, "msg_1", now, body));
    expect(verifyStandardWebhook(secret, headers, body, now)).toEqual({ ok: true });
  });

  it("rejects a changed body, another secret, an old timestamp and missing headers", () => {
    const headers = new Headers(signStandardWebhook(secret, "msg_1", now, body));
    expect(verifyStandardWebhook(secret, headers, body + " ", now).ok).toBe(false);
    const other = "v1,whsec_" + Buffer.from("another-secret-entirely").toString("base64");
    expect(verifyStandardWebhook(other, headers, body, now).ok).toBe(false);
    expect(verifyStandardWebhook(secret, headers, body, now + 301).ok).toBe(false);
    expect(verifyStandardWebhook(secret, new Headers(), body, now)).toEqual({
      ok: false,
      reason: "missing signature headers",
    });
  });

  it("accepts any one of several space-separated signatures (secret rotation)", () => {
    const good = signStandardWebhook(secret, "msg_2", now, body)["webhook-signature"];
    const headers = new Headers({
      "webhook-id": "msg_2",
      "webhook-timestamp": String(now),
      "webhook-signature": `v1,AAAA ${good}`,
    });
    expect(verifyStandardWebhook(secret, headers, body, now).ok).toBe(true);
  });
});
