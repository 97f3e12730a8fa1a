// Jobs are declared as data: a namespaced name, a zod payload schema, a handler and default options.
// defineJob() returns the typed enqueue function, the only way a job gets in. Payloads carry ids,
// never tokens or content.
import "server-only";
import type { Job, JobsOptions } from "bullmq";
import type { z } from "zod";
import type { Logger } from "@/lib/logger";
import { getQueue, type QueueName } from "@/lib/jobs/queues";

export type JobContext = { job: Job; log: Logger };

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: `${string}.${string}`;
  queue: QueueName;
  schema: S;
  /** Deterministic BullMQ job id (no ":" allowed), so the same work is never queued twice. */
  jobId?: (data: z.infer<S>) => string;
  options?: JobsOptions;
  handler: (data: z.infer<S>, ctx: JobContext) => Promise<void>;
};

export type DefinedJob<S extends z.ZodType> = JobDefinition<S> & {
  enqueue: (data: z.input<S>, options?: JobsOptions) => Promise<void>;
};

const defaults: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  // Postgres holds the history; keeping finished jobs would swallow a later add with the same id.
  removeOnComplete: true,
  removeOnFail: true,
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): DefinedJob<S> {
  return {
    ...def,
    async enqueue(input, options) {
      const data = def.schema.parse(input) as z.infer<S>;
      const jobId = def.jobId?.(data);
      if (jobId?.includes(":")) throw new Error(`BullMQ job ids may not contain ":" (${jobId})`);
      await getQueue(def.queue).add(def.name, data, {
        ...defaults,
        ...def.options,
        ...options,
        jobId,
      });
    },
  };
}
