import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool";
import { handleAuthEmailHook } from "@/lib/email/auth-hook";
import { signStandardWebhook } from "@/lib/email/webhook-signature";
import { getEnv } from "@/lib/env";
import { checkHealth, checkRlsRole } from "@/lib/health";
import { closeQueues, getQueue } from "@/lib/jobs/queues";
import { createOrganization } from "@/lib/orgs/create-organization";
import { closeRedis } from "@/lib/redis";
import { claimsFor, seedUser } from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });

afterAll(async () => {
  await closeQueues();
  await closeRedis();
  await su.end();
});

function signedHook(body: unknown, id = `msg_${Math.random().toString(36).slice(2)}`) {
  const text = JSON.stringify(body);
  return {
    headers: new Headers(
      signStandardWebhook(getEnv().SEND_EMAIL_HOOK_SECRET, id, Math.floor(Date.now() / 1000), text),
    ),
    text,
  };
}

describe("Send Email Hook", () => {
  it("records a signed auth email and queues exactly one job for it, even when Supabase retries", async () => {
    const user = await seedUser(su, { email: "hook@example.com" });
    const payload = {
      user: { id: user.id, email: user.email },
      email_data: {
        token: "123456",
        token_hash: "th_abc",
        redirect_to: "http://localhost:3000/acme",
        email_action_type: "signup",
        site_url: "http://localhost:3000",
      },
    };
    const { headers, text } = signedHook(payload, "msg_retry");
    expect(await handleAuthEmailHook(headers, text)).toEqual({ status: 200, body: {} });
    expect(await handleAuthEmailHook(headers, text)).toEqual({ status: 200, body: {} });
    const rows =
      await su`select id, template, data, status from public.email_log where user_id = ${user.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({
      actionType: "signup",
      tokenHash: "th_abc",
      next: "/acme",
    });
    const job = await getQueue("email").getJob(`email-${rows[0]!.id}`);
    expect(job?.data).toEqual({ emailId: rows[0]!.id });
  });

  it("refuses a bad signature and writes nothing", async () => {
    const user = await seedUser(su, { email: "forged@example.com" });
    const { headers, text } = signedHook({
      user: { id: user.id, email: user.email },
      email_data: { token_hash: "x", email_action_type: "recovery" },
    });
    const result = await handleAuthEmailHook(headers, text.replace("recovery", "signup"));
    expect(result.status).toBe(401);
    expect(await su`select 1 from public.email_log where user_id = ${user.id}`).toHaveLength(0);
  });

  it("never sends a redirect to another site: foreign redirect_to falls back to /app", async () => {
    const user = await seedUser(su, { email: "redirect@example.com" });
    const { headers, text } = signedHook({
      user: { id: user.id, email: user.email },
      email_data: {
        token_hash: "th_r",
        redirect_to: "https://evil.example/steal",
        email_action_type: "magiclink",
      },
    });
    expect((await handleAuthEmailHook(headers, text)).status).toBe(200);
    const [row] = await su`select data from public.email_log where user_id = ${user.id}`;
    expect(row!.data.next).toBe("/app");
  });
});

describe("organizations", () => {
  it("makes the creator the owner and logs the creation", async () => {
    const user = await seedUser(su, { email: "founder@example.com" });
    const org = await createOrganization(
      claimsFor(user),
      { name: "Founders", slug: "founders", timezone: "Europe/Paris" },
      "req-1",
    );
    const [m] =
      await su`select role from public.memberships where org_id = ${org.id} and user_id = ${user.id}`;
    expect(m!.role).toBe("owner");
    const [a] =
      await su`select action, actor_id, request_id from public.activity_log where org_id = ${org.id}`;
    expect(a).toEqual({ action: "org.created", actor_id: user.id, request_id: "req-1" });
  });

  it("answers a taken slug with a field error and writes nothing", async () => {
    const a = await seedUser(su, { email: "first@example.com" });
    const b = await seedUser(su, { email: "second@example.com" });
    await createOrganization(claimsFor(a), { name: "Taken", slug: "taken-slug", timezone: "UTC" });
    await expect(
      createOrganization(claimsFor(b), { name: "Again", slug: "taken-slug", timezone: "UTC" }),
    ).rejects.toMatchObject({
      code: "slug_taken",
      fieldErrors: { slug: "This address is taken. Pick another." },
    });
    expect(await su`select 1 from public.memberships where user_id = ${b.id}`).toHaveLength(0);
  });
});

describe("health", () => {
  it("reports database, RLS role, Redis and queues", async () => {
    const { ok, checks } = await checkHealth();
    expect(checks.rls).toMatchObject({ ok: true, role: "app_rls" });
    expect(ok).toBe(true);
  });

  it("fails the RLS check when the pool's role can bypass RLS", async () => {
    expect(await checkRlsRole(getPool("admin").db)).toMatchObject({ ok: false, role: "app_owner" });
  });
});
