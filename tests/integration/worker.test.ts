import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queueAuthEmail, queueWelcomeEmail } from "@/lib/email/queue-email";
import { closeQueues } from "@/lib/jobs/queues";
import { closeRedis } from "@/lib/redis";
import { claimsFor, seedUser } from "../../scripts/db/fixtures";
import { createResendStandIn } from "../../scripts/stand-ins/resend";
import { testDb } from "../helpers/db";
import { startWorker, waitFor, type Child } from "../helpers/processes";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const resend = createResendStandIn();
let workerEnv: NodeJS.ProcessEnv;
const running: Child[] = [];

beforeAll(async () => {
  const { url } = await resend.listen(0);
  workerEnv = {
    ...process.env,
    RESEND_BASE_URL: url,
    WORKER_LOCK_DURATION_MS: "2000",
    WORKER_STALLED_INTERVAL_MS: "1000",
    WORKER_SHUTDOWN_GRACE_MS: "15000",
    SWEEP_INTERVAL_MS: "600000",
    LOG_LEVEL: "info",
  };
});

afterEach(async () => {
  resend.controls.delayMs = 0;
  for (const c of running.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill("SIGKILL");
    await c.exited;
  }
});

afterAll(async () => {
  await closeQueues();
  await closeRedis();
  await resend.close();
  await su.end();
});

async function worker() {
  const w = await startWorker(workerEnv);
  running.push(w);
  return w;
}

const statusOf = async (id: string) =>
  (await su`select status from public.email_log where id = ${id}`)[0]?.status as string | undefined;
const requestsFor = (key: string) => resend.requests.filter((r) => r.idempotencyKey === key).length;
const storedFor = (key: string) => resend.emails().filter((e) => e.idempotency_key === key).length;

describe("worker", () => {
  it("sends the welcome email the web app queues, once per user", async () => {
    await worker();
    const user = await seedUser(su, { email: "welcome@example.com", fullName: "Wel Come" });
    const id = await queueWelcomeEmail(claimsFor(user));
    expect(id).toBeTruthy();
    await waitFor(async () => (await statusOf(id!)) === "sent", 20_000, "welcome email sent");
    const sent = resend.emails().filter((e) => e.to.includes(user.email));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("Welcome to Ghostart");
    expect(sent[0]!.html).toContain("Welcome, Wel Come!");
    expect(await queueWelcomeEmail(claimsFor(user))).toBeNull();
  });

  it("finishes the active job on SIGTERM, then exits cleanly", async () => {
    const w = await worker();
    const user = await seedUser(su, { email: "sigterm@example.com" });
    resend.controls.delayMs = 1500;
    const id = await queueAuthEmail({
      userId: user.id,
      to: user.email,
      dedupeKey: "test-sigterm",
      data: { actionType: "signup", tokenHash: "abc" },
    });
    await waitFor(() => requestsFor(id) > 0, 20_000, "request in flight");
    w.proc.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    expect(await statusOf(id)).toBe("sent");
    expect(w.output()).toContain('"worker stopped"');
  });

  it("runs a job again after SIGKILL mid-job, and the outbox holds exactly one copy", async () => {
    const first = await worker();
    const user = await seedUser(su, { email: "sigkill@example.com" });
    resend.controls.delayMs = 10_000;
    const id = await queueAuthEmail({
      userId: user.id,
      to: user.email,
      dedupeKey: "test-sigkill",
      data: { actionType: "recovery", tokenHash: "def" },
    });
    await waitFor(() => requestsFor(id) > 0, 20_000, "request in flight");
    first.proc.kill("SIGKILL");
    await first.exited;
    expect(await statusOf(id)).toBe("queued");

    await worker();
    await waitFor(async () => (await statusOf(id)) === "sent", 30_000, "job re-run after stall");
    expect(requestsFor(id)).toBe(2);
    expect(storedFor(id)).toBe(1);
  });
});
