// Publishing survives what kills queues: a worker killed with SIGKILL in the middle of 500 posts,
// and a Redis that loses everything (FLUSHALL) with 500 posts pending. Real worker processes, a Redis
// server of this test's own (FLUSHALL must not touch the other test files' queues), the LinkedIn
// stand-in counting what it received.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLinkedInStandIn } from "../../scripts/stand-ins/linkedin";
import { seedOrg, seedUser, type SeededOrg, type SeededUser } from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";
import { startWorker, waitFor, type Child } from "../helpers/processes";
import { seedAccount, seedScheduledPost, seedScheduledPosts } from "../helpers/publishing";

const TARGETS = 500;
const linkedin = createLinkedInStandIn({
  clientId: "test-linkedin-client",
  clientSecret: "test-linkedin-secret",
});
const su = postgres(testDb().superUrl, { max: 4, onnotice: () => {} });
let redisServer: ChildProcess;
let redisUrl: string;
let enqueue: typeof import("@/lib/publishing/enqueue");
let owner: SeededUser;
let org: SeededOrg;
const running: Child[] = [];
const sharedRedisUrl = process.env.REDIS_URL;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

beforeAll(async () => {
  const port = await freePort();
  redisServer = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      const r = new Redis(redisUrl, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      r.on("error", () => {}); // refused until the server is up
      try {
        await r.connect();
        return (await r.ping()) === "PONG";
      } catch {
        return false;
      } finally {
        r.disconnect();
      }
    },
    10_000,
    "redis-server",
  );
  await linkedin.listen(0);
  Object.assign(process.env, {
    REDIS_URL: redisUrl,
    LINKEDIN_API_URL: linkedin.url,
    LINKEDIN_OAUTH_URL: linkedin.url,
  });
  enqueue = await import("@/lib/publishing/enqueue");
  owner = await seedUser(su, { email: "crash@example.com", fullName: "Cara Crash" });
  org = await seedOrg(su, {
    name: "Crash Co",
    slug: "crash-co",
    members: [{ userId: owner.id, role: "owner" }],
  });
  await seedAccount(su, {
    orgId: org.id,
    userId: owner.id,
    network: "linkedin",
    externalId: "cara1",
    name: "Cara Crash",
    accessToken: linkedin.issueToken({ memberId: "cara1", scopes: ["w_member_social"] }),
  });
}, 60_000);

afterEach(async () => {
  for (const c of running.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill("SIGKILL");
    await c.exited;
  }
});

afterAll(async () => {
  const { closeQueues } = await import("@/lib/jobs/queues");
  const { closeRedis } = await import("@/lib/redis");
  await closeQueues();
  await closeRedis();
  await linkedin.close();
  redisServer?.kill("SIGKILL");
  // The per-file cleanup (tests/setup-integration.ts) sweeps this file's keys from the shared Redis.
  process.env.REDIS_URL = sharedRedisUrl;
  await su.end();
});

function worker(extra: Record<string, string>) {
  return startWorker({
    ...process.env,
    REDIS_URL: redisUrl,
    LINKEDIN_API_URL: linkedin.url,
    LINKEDIN_OAUTH_URL: linkedin.url,
    LOG_LEVEL: "info",
    PUBLISH_REQUEST_TIMEOUT_MS: "2000",
    ...extra,
  }).then((c) => {
    running.push(c);
    return c;
  });
}

/** `count` posts due at `dueAt`, each with a unique text, and their jobs. */
async function seedPosts(label: string, count: number, dueAt: Date) {
  const targets: { targetId: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${label} post ${i}`;
    const { postId, targetIds } = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: text,
      networks: ["linkedin"],
      dueAt,
    });
    await enqueue.enqueuePostTargets(postId);
    targets.push({ targetId: targetIds.linkedin!, text });
  }
  return targets;
}

const statusCounts = async (ids: string[]) => {
  const rows = await su<{ status: string; n: number }[]>`
    select status, count(*)::int as n from public.post_targets where id = any(${ids}) group by status`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
};

const receivedPerText = () => {
  const counts = new Map<string, number>();
  for (const p of linkedin.posts()) counts.set(p.text, (counts.get(p.text) ?? 0) + 1);
  return counts;
};

describe("crash safety", () => {
  it("kill -9 mid-publishing: every target ends published, failed or unconfirmed, none sent twice", async () => {
    // Slow answers (the post is created first), so the kill lands with requests in flight.
    linkedin.controls.delayMs = 60;
    const fast = {
      PUBLISH_CONCURRENCY: "5",
      PUBLISH_LEASE_MS: "3000",
      WORKER_LOCK_DURATION_MS: "2000",
      WORKER_STALLED_INTERVAL_MS: "1000",
      SWEEP_INTERVAL_MS: "1000",
      SWEEP_DUE_GRACE_MS: "1000",
    };
    const first = await worker(fast);
    const targets = await seedPosts("Crash", TARGETS, new Date(Date.now() - 1000));
    const ids = targets.map((t) => t.targetId);
    await waitFor(
      async () => ((await statusCounts(ids)).published ?? 0) >= 100,
      60_000,
      "100 published",
    );
    first.proc.kill("SIGKILL");
    await first.exited;
    const inFlight = (await statusCounts(ids)).publishing ?? 0;

    await worker(fast);
    const final = await waitFor(
      async () => {
        const c = await statusCounts(ids);
        const done = (c.published ?? 0) + (c.failed ?? 0) + (c.unconfirmed ?? 0);
        return done === TARGETS ? c : null;
      },
      90_000,
      "every target to settle",
    );
    const received = receivedPerText();
    for (const t of targets) expect(received.get(t.text) ?? 0, t.text).toBeLessThanOrEqual(1);
    // Every published target reached LinkedIn exactly once.
    const published = await su<{ id: string }[]>`
      select id from public.post_targets where id = any(${ids}) and status = 'published'`;
    const publishedIds = new Set(published.map((p) => p.id));
    for (const t of targets.filter((t) => publishedIds.has(t.targetId)))
      expect(received.get(t.text), t.text).toBe(1);
    expect(final.failed ?? 0).toBe(0);
    // Only what was in flight at the kill can be left unconfirmed.
    expect(final.unconfirmed ?? 0).toBeLessThanOrEqual(Math.max(inFlight, 5));
    expect(final.published).toBeGreaterThanOrEqual(TARGETS - 5);
  }, 180_000);

  it("FLUSHALL with 500 targets pending: all published within 60 s of their due time and the flush", async () => {
    linkedin.clear();
    // The default sweep: every 10 s, re-adding rows overdue by more than 5 s.
    await worker({ PUBLISH_CONCURRENCY: "20" });
    const dueAt = new Date(Date.now() + 8000);
    const seeded = await seedScheduledPosts(su, {
      orgId: org.id,
      userId: owner.id,
      bodies: Array.from({ length: TARGETS }, (_, i) => `Flush post ${i}`),
      network: "linkedin",
      dueAt,
    });
    // The jobs scheduling adds, in one round trip.
    await enqueue.enqueueTargets(
      seeded.map((t) => ({
        targetId: t.targetId,
        network: "linkedin",
        dueAt: dueAt.getTime(),
        attempt: 1,
      })),
    );
    const targets = seeded.map((t) => ({ targetId: t.targetId, text: t.body }));
    const ids = targets.map((t) => t.targetId);
    const r = new Redis(redisUrl);
    const delayed = await r.zcard(`${process.env.QUEUE_PREFIX}:publish-linkedin:delayed`);
    expect(delayed).toBe(TARGETS);
    await r.flushall();
    const flushedAt = Date.now();
    r.disconnect();
    expect(Date.now()).toBeLessThan(dueAt.getTime());

    await waitFor(
      async () => ((await statusCounts(ids)).published ?? 0) === TARGETS,
      75_000,
      "every target published after FLUSHALL",
    );
    const [late] = await su<{ latest: Date }[]>`
      select max(published_at) as latest from public.post_targets where id = any(${ids})`;
    const from = Math.max(dueAt.getTime(), flushedAt);
    expect(late!.latest.getTime() - from).toBeLessThanOrEqual(60_000);
    const received = receivedPerText();
    for (const t of targets) expect(received.get(t.text), t.text).toBe(1);
  }, 180_000);
});
