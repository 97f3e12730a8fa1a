// Redis connections. BullMQ workers need maxRetriesPerRequest: null (blocking commands must not time out).
import "server-only";
import { Redis, type RedisOptions } from "ioredis";
import { getEnv } from "@/lib/env";

export function createRedis(options: RedisOptions = {}): Redis {
  return new Redis(getEnv().REDIS_URL, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    ...options,
  });
}

const globalRedis = globalThis as unknown as { __ghostartRedis?: Redis };

/** Shared connection for producers (enqueueing, health checks) in the web app. */
export function getRedis(): Redis {
  globalRedis.__ghostartRedis ??= createRedis({ maxRetriesPerRequest: 3, lazyConnect: false });
  return globalRedis.__ghostartRedis;
}

export async function closeRedis(): Promise<void> {
  const r = globalRedis.__ghostartRedis;
  globalRedis.__ghostartRedis = undefined;
  if (r) await r.quit().catch(() => r.disconnect());
}
