// `npm run bench` (publishing): two worker processes on this machine publish to the Sandbox network,
// which stamps published_at (clock_timestamp) when it records a post; lateness = published_at −
// scheduled_at.
//   spread: 10,000 targets across 1,000 orgs, due evenly over one minute.
//   burst:  10,000 targets due in the same second.
// Reports lateness percentiles, duplicates (a target recorded twice) and lost targets (never
// recorded), the time to drain the burst, raw BullMQ no-op throughput on the same Redis, and our
// publish throughput as a ratio of it. Writes nothing but its own database and queue prefix.
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import bcrypt from "bcryptjs";
import postgres from "postgres";
import { findOrStartPostgres, prepareDatabase } from "../scripts/lib/postgres";
import { startWorker, type Child } from "../tests/helpers/processes";

const ORGS = 1000;
const TARGETS = 10_000;
const WORKERS = 2;
const DB = "ghostart_bench_publish";

const pg = await findOrStartPostgres(console.log);
await prepareDatabase(pg, DB, { recreate: true });
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `ghostart-bench-pub-${process.pid}`;
const env: Record<string, string> = {
  NODE_ENV: "production",
  DATABASE_URL: pg.url(DB, "app_rls"),
  DATABASE_ADMIN_URL: pg.url(DB, "app_owner"),
  DATABASE_POOL_MAX: "20",
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: prefix,
  SUPABASE_URL: "http://127.0.0.1:1",
  SUPABASE_PUBLISHABLE_KEY: "sb_publishable_bench_000",
  SEND_EMAIL_HOOK_SECRET: "v1,whsec_YmVuY2g=",
  RESEND_API_KEY: "re_bench",
  RESEND_BASE_URL: "http://127.0.0.1:1",
  UNSUBSCRIBE_SECRET: "bench-unsubscribe-secret-0123456789abcdef",
  TOKEN_ENCRYPTION_KEYS: "bench1:YmVuY2gtZ2hvc3RhcnQtdG9rZW4ta2V5LTAxMjM0NTY=",
  APP_URL: "http://localhost:3000",
  PUBLISH_CONCURRENCY: "50",
  PUBLISH_GLOBAL_CONCURRENCY: "100",
  LOG_LEVEL: "warn",
};
Object.assign(process.env, env);
const { enqueueTargets } = await import("../lib/publishing/enqueue");
const { closeQueues } = await import("../lib/jobs/queues");
const { closeRedis } = await import("../lib/redis");
const { closeDatabases } = await import("../lib/db/pool");

const su = postgres(pg.url(DB), { max: 4, onnotice: () => {} });

// 1,000 orgs, each with its owner and the owner's Sandbox account (bulk SQL: seeding is not measured).
console.log(`seeding ${ORGS} orgs…`);
const hash = await bcrypt.hash("bench-password", 4);
await su`
  insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_sso_user, is_anonymous)
  select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
         'bench' || i || '@example.com', ${hash}, now(), '{"provider":"email"}', '{}', now(), now(), false, false
  from generate_series(1, ${ORGS}) i`;
await su`
  insert into public.organizations (name, slug, timezone, created_by)
  select 'Bench ' || i, 'bench-' || i, 'UTC', u.id
  from generate_series(1, ${ORGS}) i join auth.users u on u.email = 'bench' || i || '@example.com'`;
await su`
  insert into public.memberships (org_id, user_id, role)
  select o.id, o.created_by, 'owner' from public.organizations o where o.slug like 'bench-%'`;
await su`
  insert into public.social_accounts (org_id, network, kind, user_id, external_id, display_name)
  select o.id, 'sandbox', 'member', o.created_by, o.created_by::text, 'Bench sandbox'
  from public.organizations o where o.slug like 'bench-%'`;

type Due = { targetId: string; dueAt: number };

/** TARGETS posts (one Sandbox target each) round-robin over the orgs; `dueAt(i)` in epoch ms. */
async function seedTargets(label: string, dueAt: (i: number) => number): Promise<Due[]> {
  const dues = Array.from({ length: TARGETS }, (_, i) => new Date(dueAt(i)).toISOString());
  return su.begin(async (tx) => {
    await tx`
      create temporary table seed on commit drop as
      select i, o.id as org_id, o.created_by as user_id, gen_random_uuid() as post_id,
             gen_random_uuid() as version_id, d.due::timestamptz as due
      from unnest(${dues}::text[]) with ordinality as d(due, i)
      join (select id, created_by, row_number() over (order by slug) - 1 as n
              from public.organizations where slug like 'bench-%') o on o.n = (d.i - 1) % ${ORGS}`;
    await tx`
      insert into public.posts (id, org_id, author_id, on_behalf_of, status, scheduled_at, updated_by)
      select post_id, org_id, user_id, user_id, 'scheduled', due, user_id from seed`;
    await tx`
      insert into public.post_versions (id, org_id, post_id, version_no, body, author_id)
      select version_id, org_id, post_id, 1, ${label} || ' post ' || i, user_id from seed`;
    await tx`update public.posts p set current_version_id = s.version_id from seed s where p.id = s.post_id`;
    const rows = await tx<{ targetId: string; dueAt: string }[]>`
      insert into public.post_targets (org_id, post_id, network, status, scheduled_at)
      select org_id, post_id, 'sandbox', 'scheduled', due from seed
      returning id as "targetId", (extract(epoch from scheduled_at) * 1000)::bigint as "dueAt"`;
    return rows.map((r) => ({ targetId: r.targetId, dueAt: Number(r.dueAt) }));
  });
}

/** Waits until no target is left to publish (this database holds only the benchmark's). */
async function waitSettled(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await su<{ n: number }[]>`
      select count(*)::int as n from public.post_targets where status in ('scheduled', 'publishing')`;
    if (row!.n === 0 || Date.now() > deadline) return row!.n;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const pct = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN;

async function measure(ids: string[]) {
  const lateness = (
    await su<{ ms: number }[]>`
      select extract(epoch from (s.published_at - t.scheduled_at)) * 1000 as ms
      from public.sandbox_posts s join public.post_targets t on t.id = s.target_id
      where t.id = any(${ids})`
  )
    .map((r) => Number(r.ms))
    .sort((a, b) => a - b);
  const [dup] = await su<{ n: number }[]>`
    select count(*)::int as n from (
      select target_id from public.sandbox_posts where target_id = any(${ids})
      group by target_id having count(*) > 1) d`;
  const [lost] = await su<{ n: number }[]>`
    select count(*)::int as n from public.post_targets t
    where t.id = any(${ids}) and not exists (select 1 from public.sandbox_posts s where s.target_id = t.id)`;
  const [span] = await su<{ first: Date; last: Date }[]>`
    select min(s.published_at) as first, max(s.published_at) as last
    from public.sandbox_posts s where s.target_id = any(${ids})`;
  return { lateness, duplicates: dup!.n, lost: lost!.n, first: span!.first, last: span!.last };
}

const workers: Child[] = [];
for (let i = 0; i < WORKERS; i++)
  workers.push(await startWorker({ ...process.env, ...env, LOG_LEVEL: "info" }));
console.log(`${WORKERS} worker processes ready`);

// Spread: due evenly over one minute, starting 20 s from now (room to add the delayed jobs).
const spreadStart = Date.now() + 20_000;
const spread = await seedTargets("Spread", (i) => spreadStart + Math.floor((i * 60_000) / TARGETS));
await enqueueTargets(spread.map((d) => ({ ...d, network: "sandbox", attempt: 1 })));
console.log("spread: 10,000 jobs added; publishing…");
await waitSettled(spreadStart + 60_000 + 120_000 - Date.now());
const s = await measure(spread.map((d) => d.targetId));

// Burst: all due in the same second, 15 s from now.
const burstAt = Math.ceil((Date.now() + 15_000) / 1000) * 1000;
const burst = await seedTargets("Burst", (i) => burstAt + (i % 1000));
await enqueueTargets(burst.map((d) => ({ ...d, network: "sandbox", attempt: 1 })));
console.log("burst: 10,000 jobs added; publishing…");
await waitSettled(burstAt + 120_000 - Date.now());
const b = await measure(burst.map((d) => d.targetId));
const drainMs = b.last.getTime() - burstAt;
const publishRate = TARGETS / ((b.last.getTime() - b.first.getTime()) / 1000);

for (const w of workers) w.proc.kill("SIGTERM");
await Promise.all(workers.map((w) => w.exited));
await closeQueues();
await closeRedis();
await closeDatabases();

// Raw BullMQ on the same Redis: 10,000 no-op jobs, two workers with concurrency 50.
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const queue = new Queue("noop", { connection, prefix });
let done = 0;
const noopStarted = performance.now();
const noopDone = new Promise<void>((resolve) => {
  for (let i = 0; i < WORKERS; i++) {
    const w = new Worker("noop", async () => {}, {
      connection: connection.duplicate(),
      prefix,
      concurrency: 50,
    });
    w.on("completed", () => {
      if (++done === TARGETS) resolve();
    });
  }
});
await queue.addBulk(Array.from({ length: TARGETS }, (_, i) => ({ name: "noop", data: { i } })));
await noopDone;
const noopRate = TARGETS / ((performance.now() - noopStarted) / 1000);
const keys = await connection.keys(`${prefix}:*`);
if (keys.length) await connection.del(...keys);
await su.end();

const f = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
console.log(
  "\nPublishing (2 worker processes, Sandbox network, lateness = published_at − scheduled_at)",
);
console.table({
  spread: {
    targets: TARGETS,
    p50: f(pct(s.lateness, 50)),
    p95: f(pct(s.lateness, 95)),
    p99: f(pct(s.lateness, 99)),
    max: f(s.lateness.at(-1) ?? NaN),
    duplicates: s.duplicates,
    lost: s.lost,
  },
  burst: {
    targets: TARGETS,
    p50: f(pct(b.lateness, 50)),
    p95: f(pct(b.lateness, 95)),
    p99: f(pct(b.lateness, 99)),
    max: f(b.lateness.at(-1) ?? NaN),
    duplicates: b.duplicates,
    lost: b.lost,
  },
});
console.log(`burst drained in ${f(drainMs)} after its due second (budget 30 s)`);
console.log(
  `raw BullMQ no-op: ${noopRate.toFixed(0)} jobs/s; our publish: ${publishRate.toFixed(0)} targets/s = ${((publishRate / noopRate) * 100).toFixed(1)} % of it`,
);
const ok =
  pct(s.lateness, 99) <= 2000 &&
  s.duplicates === 0 &&
  s.lost === 0 &&
  drainMs <= 30_000 &&
  b.duplicates === 0 &&
  b.lost === 0;
console.log(ok ? "within budget" : "OVER BUDGET");
process.exit(0);
