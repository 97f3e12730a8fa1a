// Periodic sweeps run in every worker on an in-process timer, under a Postgres advisory lock so only
// one worker sweeps at a time. They repair what a lost Redis or a crashed process left behind.
import "server-only";
import { getPool } from "@/lib/db/pool";
import type { Logger } from "@/lib/logger";

export type Sweep = { name: string; run: () => Promise<number> };

const SWEEP_LOCK_KEY = 7_412_001;

export async function runSweepsOnce(sweeps: Sweep[], log: Logger): Promise<boolean> {
  const { client } = getPool("admin");
  // A session-level lock needs one connection for lock, work and unlock: reserve it.
  const conn = await client.reserve();
  try {
    const [row] = await conn`select pg_try_advisory_lock(${SWEEP_LOCK_KEY}) as locked`;
    if (!row?.locked) return false;
    try {
      // One failing sweep must not stop the others (a flushed Redis needs every one of them).
      for (const sweep of sweeps) {
        try {
          const n = await sweep.run();
          if (n > 0) log.info("sweep repaired rows", { sweep: sweep.name, count: n });
        } catch (err) {
          log.error("sweep failed", { sweep: sweep.name, err });
        }
      }
    } finally {
      await conn`select pg_advisory_unlock(${SWEEP_LOCK_KEY})`;
    }
    return true;
  } finally {
    conn.release();
  }
}

export function startSweeps(sweeps: Sweep[], intervalMs: number, log: Logger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = runSweepsOnce(sweeps, log)
      .catch((err) => log.error("sweep failed", { err }))
      .finally(() => (busy = false));
  };
  // At once on start (a restarted worker repairs what it left), then on the interval; a sweep still
  // running when the next is due makes that one skip instead of overlapping.
  tick();
  const timer = setInterval(tick, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
