// `npm run bench`: what tenant isolation costs per request (a withRls transaction against the same
// query as the owner role), and raw BullMQ throughput on this machine's Redis as the baseline later
// publishing benchmarks compare against. Prints a table; writes nothing but its own database.
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import postgres from "postgres";
import { claimsFor, seedOrg, seedUser } from "../scripts/db/fixtures";
import { findOrStartPostgres, prepareDatabase } from "../scripts/lib/postgres";

const pg = await findOrStartPostgres(console.log);
await prepareDatabase(pg, "ghostart_bench", { recreate: true });
Object.assign(process.env, {
  DATABASE_URL: pg.url("ghostart_bench", "app_rls"),
  DATABASE_ADMIN_URL: pg.url("ghostart_bench", "app_owner"),
  SUPABASE_URL: "http://127.0.0.1:1",
  SUPABASE_PUBLISHABLE_KEY: "sb_publishable_bench_000",
  SEND_EMAIL_HOOK_SECRET: "v1,whsec_YmVuY2g=",
  RESEND_API_KEY: "re_bench",
  UNSUBSCRIBE_SECRET: "bench-unsubscribe-secret-0123456789abcdef",
  LOG_LEVEL: "warn",
});
const { sql } = await import("drizzle-orm");
const { withRls } = await import("../lib/db/rls");
const { withAdmin } = await import("../lib/db/admin");
const { closeDatabases } = await import("../lib/db/pool");

const su = postgres(pg.url("ghostart_bench"), { max: 1, onnotice: () => {} });
const user = await seedUser(su, { email: "bench@example.com" });
for (let i = 0; i < 50; i++) {
  const other = await seedUser(su, { email: `other${i}@example.com` });
  await seedOrg(su, {
    name: `Org ${i}`,
    slug: `org-${i}`,
    members: [{ userId: other.id, role: "owner" }],
  });
}
await seedOrg(su, { name: "Mine", slug: "mine", members: [{ userId: user.id, role: "owner" }] });
await su.end();

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
async function time(n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: pct(xs, 50).toFixed(2), p95: pct(xs, 95).toFixed(2), p99: pct(xs, 99).toFixed(2) };
}

const query = sql`select o.slug from public.organizations o join public.memberships m on m.org_id = o.id`;
const claims = claimsFor(user);
const rls = await time(1000, () => withRls(claims, (tx) => tx.execute(query)));
const admin = await time(1000, () =>
  withAdmin((tx) => tx.execute(sql`${query} where m.user_id = ${user.id}`)),
);
await closeDatabases();

// Raw BullMQ: 5,000 no-op jobs, one worker with concurrency 50.
const prefix = `ghostart-bench-${process.pid}`;
const connection = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
  maxRetriesPerRequest: null,
});
const queue = new Queue("noop", { connection, prefix });
const N = 5000;
const started = performance.now();
let done = 0;
const finished = new Promise<void>((resolve) => {
  const worker = new Worker("noop", async () => {}, {
    connection: connection.duplicate(),
    prefix,
    concurrency: 50,
  });
  worker.on("completed", () => {
    if (++done === N) void worker.close().then(resolve);
  });
});
await queue.addBulk(
  Array.from({ length: N }, (_, i) => ({
    name: "noop",
    data: { i },
    opts: { removeOnComplete: true },
  })),
);
await finished;
const jobsPerSec = Math.round(N / ((performance.now() - started) / 1000));
await queue.obliterate({ force: true });
await queue.close();
connection.disconnect();

console.log("\nwithRls vs owner role, same query (ms per transaction, 1,000 runs)");
console.table({ withRls: rls, withAdmin: admin });
console.log(`BullMQ raw throughput: ${jobsPerSec} no-op jobs/s (${N} jobs, concurrency 50)`);
process.exit(0);
