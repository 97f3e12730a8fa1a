// The generation sweep (with the others, every SWEEP_INTERVAL_MS under the sweep lock): Postgres
// holds every generation, so a lost job is added again, and one stuck past any retry fails and gives
// its credits back. A debit never waits forever.
import "server-only";
import { sql } from "drizzle-orm";
import { creditsResetJob, grantMonthlyCredits } from "@/lib/ai/credits";
import { generateJob } from "@/lib/ai/generate-job";
import { adminExecute } from "@/lib/db/admin";
import { getEnv } from "@/lib/env";
import { getQueue } from "@/lib/jobs/queues";
import type { Sweep } from "@/lib/jobs/sweep";

/** Queued for over a minute: the job was lost (Redis flushed, a crash before enqueue). */
export async function requeueStaleGenerations(): Promise<number> {
  const rows = await adminExecute<{ id: string }>(sql`
    select id from public.ai_generations
     where status = 'queued' and updated_at < now() - interval '1 minute'
     order by created_at limit 500`);
  await generateJob.enqueueMany(rows.map((r) => ({ data: { generationId: r.id } })));
  return rows.length;
}

/**
 * Untouched (no progress, no retry) far longer than every try and backoff could take: failed and
 * refunded. A streaming call touches the row as it goes, so only a dead one ever gets here.
 */
export async function failStuckGenerations(): Promise<number> {
  const env = getEnv();
  const budgetMs = env.AI_ATTEMPTS * (env.AI_TIMEOUT_MS * 5 + env.AI_BACKOFF_MS * 4) + 120_000;
  const rows = await adminExecute<{ id: string }>(sql`
    with stuck as (
      update public.ai_generations
         set status = 'failed', error_code = 'timeout', partial = null, finished_at = now(),
             error = 'The AI model took far too long, so we stopped waiting. Your credits were given back; try again.'
       where status in ('queued', 'running')
         and updated_at < now() - ${budgetMs} * interval '1 millisecond'
      returning id
    )
    select id, app.refund_generation(id, 'Stopped waiting for the model') from stuck`);
  return rows.length;
}

/**
 * credits.reset runs from a BullMQ job scheduler at 00:05 UTC on the 1st. Schedulers live in Redis,
 * so the sweep puts it back every time (idempotent), and grants any month an org is missing in case
 * Redis lost the run itself.
 */
export async function scheduleCreditsReset(): Promise<number> {
  await getQueue("system").upsertJobScheduler(
    "credits-reset",
    { pattern: "5 0 1 * *", tz: "UTC" },
    { name: creditsResetJob.name, data: {} },
  );
  return grantMonthlyCredits();
}

export const aiSweeps: Sweep[] = [
  { name: "ai.requeue", run: requeueStaleGenerations },
  { name: "ai.stuck", run: failStuckGenerations },
  { name: "credits.reset", run: scheduleCreditsReset },
];
