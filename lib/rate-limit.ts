// Rate limits in Redis (rate-limiter-flexible). Keys are per address (and per address + account
// where an account is named), never per account alone: a flood from one address must not lock the
// account for its owner elsewhere.
import "server-only";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getRedis } from "@/lib/redis";

export const limits = {
  /** Every auth form POST (log in, sign up, reset) from one address: enforced in proxy.ts with a 429. */
  "auth.ip": { points: 30, duration: 60 },
  /** Sign-in attempts for one account from one address. */
  "signin.ip_email": { points: 10, duration: 15 * 60 },
  /** Accounts created from one address. */
  "signup.ip": { points: 10, duration: 60 * 60 },
  /** Invitations (one point per address invited) by one member. */
  "invite.user": { points: 100, duration: 60 * 60 },
  /**
   * AI generations requested by one signed-in member (cache hits too). Per account, unlike the
   * address limits above: only the account itself can spend it, so nobody can lock anyone out.
   */
  "ai.user": () => ({ points: getEnv().AI_RATE_LIMIT_PER_MINUTE, duration: 60 }),
} as const;
export type LimitName = keyof typeof limits;

const globalLimiters = globalThis as unknown as {
  __ghostartLimiters?: Map<string, RateLimiterRedis>;
};
const limiters = (globalLimiters.__ghostartLimiters ??= new Map());

function limiter(name: LimitName): RateLimiterRedis {
  let l = limiters.get(name);
  if (!l) {
    const limit = limits[name];
    l = new RateLimiterRedis({
      storeClient: getRedis(),
      keyPrefix: `${getEnv().QUEUE_PREFIX}:rl:${name}`,
      ...(typeof limit === "function" ? limit() : limit),
    });
    limiters.set(name, l);
  }
  return l;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function consumeLimit(name: LimitName, key: string, points = 1): Promise<LimitResult> {
  try {
    await limiter(name).consume(key, points);
    return { ok: true };
  } catch (err) {
    if (err instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    // Redis is down: let the request through rather than lock everyone out, and say so loudly.
    logger.error("rate limiter unavailable", { limit: name, err });
    return { ok: true };
  }
}

export function retryMessage(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many attempts. Try again in ${wait}.`;
}

/** Throws a rate_limited AppError (shown on the form) when the limit is spent. */
export async function enforceLimit(name: LimitName, key: string, points = 1): Promise<void> {
  const r = await consumeLimit(name, key, points);
  if (!r.ok) throw new AppError("rate_limited", retryMessage(r.retryAfterSeconds));
}
