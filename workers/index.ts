// Worker entrypoint: registers every job from lib/jobs, runs the sweeps, and shuts down gracefully —
// on SIGTERM it stops taking jobs and lets active ones finish within the grace period.
import { Worker, UnrecoverableError, type Job } from "bullmq";
import { closeDatabases } from "@/lib/db/pool";
import { requeueStaleEmails } from "@/lib/email/queue-email";
import { getEnv } from "@/lib/env";
import { jobs } from "@/lib/jobs";
import { closeQueues, getQueue, publishQueueNames, queueNames } from "@/lib/jobs/queues";
import type { JobDefinition } from "@/lib/jobs/registry";
import { startSweeps } from "@/lib/jobs/sweep";
import { publishingSweeps } from "@/lib/publishing/sweep";
import { aiSweeps } from "@/lib/ai/sweep";
import { createLogger } from "@/lib/logger";
import { closeRedis, createRedis } from "@/lib/redis";

const env = getEnv();
const log = createLogger({ component: "worker", pid: process.pid });
const byName = new Map<string, JobDefinition>(jobs.map((j) => [j.name, j]));

async function processJob(job: Job, token?: string): Promise<void> {
  const def = byName.get(job.name);
  if (!def) throw new UnrecoverableError(`No handler for job ${job.name}`);
  const parsed = def.schema.safeParse(job.data);
  if (!parsed.success)
    throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.message}`);
  const jobLog = log.child({ job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
  jobLog.info("job started");
  await def.handler(parsed.data, { job, token, log: jobLog });
}

const isPublishQueue = (q: string) => (publishQueueNames as readonly string[]).includes(q);

// Publishing: one queue per network, each capped across all workers by a global concurrency
// (stored in Redis, so it is set again at every start and survives nothing: a flushed Redis gets
// it back on the next start or sweep).
await Promise.all(
  publishQueueNames.map((q) => getQueue(q).setGlobalConcurrency(env.PUBLISH_GLOBAL_CONCURRENCY)),
);

const connection = createRedis();
const workers = queueNames.map((queue) => {
  const worker = new Worker(queue, processJob, {
    connection,
    prefix: env.QUEUE_PREFIX,
    concurrency: isPublishQueue(queue) ? env.PUBLISH_CONCURRENCY : env.WORKER_CONCURRENCY,
    lockDuration: env.WORKER_LOCK_DURATION_MS,
    stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
  });
  worker.on("failed", (job, err) =>
    log.warn("job failed", { job: job?.name, jobId: job?.id, err }),
  );
  worker.on("error", (err) => log.error("worker error", { queue, err }));
  return worker;
});

const stopSweeps = startSweeps(
  [
    { name: "emails.requeue", run: () => requeueStaleEmails() },
    ...publishingSweeps,
    ...aiSweeps,
    {
      name: "queues.global-concurrency",
      run: async () => {
        await Promise.all(
          publishQueueNames.map((q) =>
            getQueue(q).setGlobalConcurrency(env.PUBLISH_GLOBAL_CONCURRENCY),
          ),
        );
        return 0;
      },
    },
  ],
  env.SWEEP_INTERVAL_MS,
  log,
);

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info("shutting down", { signal, graceMs: env.WORKER_SHUTDOWN_GRACE_MS });
  const force = setTimeout(() => {
    log.error("grace period over, exiting with jobs still active");
    process.exit(1);
  }, env.WORKER_SHUTDOWN_GRACE_MS);
  force.unref();
  await stopSweeps();
  await Promise.all(workers.map((w) => w.close())); // waits for active jobs
  await Promise.all([
    closeQueues(),
    closeDatabases(),
    closeRedis(),
    connection.quit().catch(() => {}),
  ]);
  log.info("worker stopped");
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await Promise.all(workers.map((w) => w.waitUntilReady()));
log.info("worker ready", { queues: queueNames, jobs: [...byName.keys()] });
