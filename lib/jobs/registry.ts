// Jobs are declared as data: a namespaced name, a zod payload schema, a handler and default options.
// defineJob() returns the typed enqueue function, the only way a job gets in. Payloads carry ids,
// never tokens or content.
import "server-only";
import type { Job, JobsOptions } from "bullmq";
import type { z } from "zod";
import type { Logger } from "@/lib/logger";
import { getQueue, type QueueName } from "@/lib/jobs/queues";

/** `token`: the worker's lock token of the job (for job.moveToDelayed). */
export type JobContext = { job: Job; token: string | undefined; log: Logger };

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: `${string}.${string}`;
  /** The queue, or a function of the payload (publishing: one queue per network). */
  queue: QueueName | ((data: z.infer<S>) => QueueName);
  schema: S;
  /** Deterministic BullMQ job id (no ":" allowed), so the same work is never queued twice. */
  jobId?: (data: z.infer<S>) => string;
  /** A function when options come from configuration (read when a job is added, not at import). */
  options?: JobsOptions | (() => JobsOptions);
  handler: (data: z.infer<S>, ctx: JobContext) => Promise<void>;
};

export type DefinedJob<S extends z.ZodType> = JobDefinition<S> & {
  enqueue: (data: z.input<S>, options?: JobsOptions) => Promise<void>;
  /** Many at once, one round trip per queue; ids that already exist are skipped by BullMQ. */
  enqueueMany: (items: { data: z.input<S>; options?: JobsOptions }[]) => Promise<void>;
};

const defaults: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  // Postgres holds the history; keeping finished jobs would swallow a later add with the same id.
  removeOnComplete: true,
  removeOnFail: true,
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): DefinedJob<S> {
  const prepare = (input: z.input<S>, options?: JobsOptions) => {
    const data = def.schema.parse(input) as z.infer<S>;
    const jobId = def.jobId?.(data) ?? options?.jobId;
    if (jobId?.includes(":")) throw new Error(`BullMQ job ids may not contain ":" (${jobId})`);
    const queue = typeof def.queue === "function" ? def.queue(data) : def.queue;
    const base = typeof def.options === "function" ? def.options() : def.options;
    return { queue, data, opts: { ...defaults, ...base, ...options, jobId } };
  };
  return {
    ...def,
    async enqueue(input, options) {
      const { queue, data, opts } = prepare(input, options);
      await getQueue(queue).add(def.name, data, opts);
    },
    async enqueueMany(items) {
      const byQueue = new Map<QueueName, { name: string; data: unknown; opts: JobsOptions }[]>();
      for (const item of items) {
        const { queue, data, opts } = prepare(item.data, item.options);
        const list = byQueue.get(queue) ?? [];
        list.push({ name: def.name, data, opts });
        byQueue.set(queue, list);
      }
      await Promise.all([...byQueue].map(([queue, list]) => getQueue(queue).addBulk(list)));
    },
  };
}
