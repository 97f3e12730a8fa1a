// Queue handles for producers. One Redis connection is shared by every queue in a process.
import "server-only";
import { Queue } from "bullmq";
import { getEnv } from "@/lib/env";
import { getRedis } from "@/lib/redis";

// One queue per network (DESIGN.md §4): a slow or rate-limited network never holds up another.
// Names may not contain ":" (BullMQ's key separator).
export const publishQueueNames = ["publish-linkedin", "publish-x", "publish-sandbox"] as const;
export const queueNames = ["email", "system", "ai", ...publishQueueNames] as const;
export type QueueName = (typeof queueNames)[number];

const globalQueues = globalThis as unknown as { __ghostartQueues?: Map<QueueName, Queue> };
const queues = (globalQueues.__ghostartQueues ??= new Map<QueueName, Queue>());

export function getQueue(name: QueueName): Queue {
  let q = queues.get(name);
  if (!q) {
    q = new Queue(name, { connection: getRedis(), prefix: getEnv().QUEUE_PREFIX });
    queues.set(name, q);
  }
  return q;
}

export async function closeQueues(): Promise<void> {
  const all = [...queues.values()];
  queues.clear();
  await Promise.all(all.map((q) => q.close()));
}
