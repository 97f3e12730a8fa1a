// Identical requests are answered from Redis at request time: same operation, model (and endpoint),
// org, person and voice-profile version, brief and variant. Only model answers are cached, never template fallbacks;
// "regenerate" and variants skip the cache (they ask for something new).
import "server-only";
import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getRedis } from "@/lib/redis";
import type { GenerationInput, GenerationOperation } from "@/lib/ai/schemas";

export type CachedResult = { texts: string[]; hashtags?: string[] };

/** Keys are stable across key order: the input is serialized with sorted keys. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, stable(v)]),
    );
  return value;
}

export function generationCacheKey(input: {
  operation: GenerationOperation;
  providerIdentity: string;
  orgId: string;
  voiceUserId: string;
  voiceVersion: number;
  /** When the profile last changed: a profile made again from scratch restarts its version. */
  voiceUpdatedAt: string | null;
  request: GenerationInput;
  variant: number;
}): string {
  // The selection's position does not change the answer, only where it lands.
  const { selection: _selection, ...request } = input.request;
  const material = JSON.stringify(
    stable({
      operation: input.operation,
      provider: input.providerIdentity,
      voice: [input.orgId, input.voiceUserId, input.voiceVersion, input.voiceUpdatedAt],
      request,
      variant: input.variant,
    }),
  );
  return createHash("sha256").update(material).digest("hex");
}

const redisKey = (key: string) => `${getEnv().QUEUE_PREFIX}:ai-cache:${key}`;

export async function readCachedResult(key: string): Promise<CachedResult | null> {
  try {
    const raw = await getRedis().get(redisKey(key));
    if (!raw) return null;
    const value = JSON.parse(raw) as CachedResult;
    return Array.isArray(value.texts) && value.texts.every((t) => typeof t === "string")
      ? value
      : null;
  } catch (err) {
    // A cache that cannot be read is a miss, not a failed request.
    logger.warn("ai cache read failed", { err });
    return null;
  }
}

export async function writeCachedResult(key: string, result: CachedResult): Promise<void> {
  const ttl = getEnv().AI_CACHE_TTL_S;
  if (ttl <= 0) return;
  try {
    await getRedis().set(redisKey(key), JSON.stringify(result), "EX", ttl);
  } catch (err) {
    logger.warn("ai cache write failed", { err });
  }
}
