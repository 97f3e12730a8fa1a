// Health of what the app depends on. Fails when the RLS pool's login could bypass RLS: that would
// mean DATABASE_URL points at an owner role and every policy is moot.
import "server-only";
import { sql } from "drizzle-orm";
import { getPool, type Db } from "@/lib/db/pool";
import { getQueue, queueNames } from "@/lib/jobs/queues";
import { getRedis } from "@/lib/redis";

type Check = { ok: boolean; ms: number; error?: string; [k: string]: unknown };

async function timed(fn: () => Promise<Record<string, unknown> | void>): Promise<Check> {
  const start = performance.now();
  try {
    const extra = (await fn()) ?? {};
    return { ok: extra.ok !== false, ...extra, ms: Math.round(performance.now() - start) };
  } catch (err) {
    return {
      ok: false,
      ms: Math.round(performance.now() - start),
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms),
    ),
  ]);

/** Whether the login role of `db` is subject to RLS (not a superuser, no BYPASSRLS). */
export async function checkRlsRole(
  db: Db,
): Promise<{ ok: boolean; role?: string; error?: string }> {
  const rows = await db.execute<{ user: string; bypass: boolean; superuser: boolean }>(
    sql`select session_user as user, rolbypassrls as bypass, rolsuper as superuser from pg_roles where rolname = session_user`,
  );
  const r = [...rows][0];
  const unsafe = !r || r.bypass || r.superuser;
  return {
    ok: !unsafe,
    role: r?.user,
    ...(unsafe ? { error: "the RLS pool's role can bypass row-level security" } : {}),
  };
}

export async function checkHealth() {
  const [database, rls, redis, queues] = await Promise.all([
    timed(async () => void (await withTimeout(getPool("admin").db.execute(sql`select 1`), 3000))),
    timed(() => withTimeout(checkRlsRole(getPool("rls").db), 3000)),
    timed(async () => void (await withTimeout(getRedis().ping(), 3000))),
    timed(async () => {
      const counts: Record<string, unknown> = {};
      for (const name of queueNames)
        counts[name] = await withTimeout(
          getQueue(name).getJobCounts("waiting", "active", "delayed", "failed"),
          3000,
        );
      return { counts };
    }),
  ]);
  const checks = { database, rls, redis, queues };
  return { ok: Object.values(checks).every((c) => c.ok), checks };
}
