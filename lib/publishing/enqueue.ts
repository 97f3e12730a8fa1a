// Adding publish jobs for scheduled targets, from Postgres's truth. Called after a schedule,
// reschedule, "publish now" or "retry anyway" commits, and by the sweep. A job's id names the row's
// due time and attempt, so adding the same one twice is a no-op and a changed row gets a new job;
// jobs of an old due time find nothing to claim.
import "server-only";
import { sql } from "drizzle-orm";
import { getNow } from "@/lib/clock";
import { withAdmin } from "@/lib/db/admin";
import { createLogger } from "@/lib/logger";
import { publishJob } from "@/lib/publishing/publish-job";
import { dueAtMs, type PublishJobData } from "@/lib/publishing/targets";

const log = createLogger({ component: "publishing" });

export async function enqueueTargets(rows: PublishJobData[]): Promise<void> {
  if (rows.length === 0) return;
  // The delay is counted from the server's clock (lib/clock.ts): a web server whose clock a test
  // froze schedules its jobs in that world, and the worker's sweep re-adding the same id is a no-op.
  const now = getNow().getTime();
  await publishJob.enqueueMany(
    rows.map((data) => ({ data, options: { delay: Math.max(0, data.dueAt - now) } })),
  );
}

/** Jobs for the scheduled targets of one post (after it was scheduled or changed). */
export async function enqueuePostTargets(postId: string): Promise<number> {
  const rows = await withAdmin((tx) =>
    tx.execute<{
      targetId: string;
      network: PublishJobData["network"];
      dueAt: string;
      attempt: number;
    }>(sql`
      select t.id as "targetId", t.network, ${dueAtMs} as "dueAt", t.attempt
      from public.post_targets t
      where t.post_id = ${postId} and t.status = 'scheduled' and t.network in ('linkedin', 'x', 'sandbox')`),
  );
  const jobs = [...rows].map((r) => ({ ...r, dueAt: Number(r.dueAt) }));
  await enqueueTargets(jobs);
  return jobs.length;
}

/**
 * The same, for code paths where the post is already saved: a Redis outage must not fail the user's
 * action, because the sweep adds any due target without a job within seconds.
 */
export async function enqueuePostTargetsSafely(postId: string): Promise<void> {
  try {
    await enqueuePostTargets(postId);
  } catch (err) {
    log.error("could not add publish jobs; the sweep will", { err, postId });
  }
}
