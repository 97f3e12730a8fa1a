// Configuration, parsed once with zod. The only module that reads process.env.
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),

  DATABASE_URL: z.string().startsWith("postgres"),
  DATABASE_ADMIN_URL: z.string().startsWith("postgres"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),

  REDIS_URL: z.string().startsWith("redis").default("redis://127.0.0.1:6379"),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default("ghostart"),

  SUPABASE_URL: z.url(),
  SUPABASE_PUBLISHABLE_KEY: z.string().min(10),
  // Server only (Storage: signed upload and download URLs). Optional so processes that never touch
  // Storage start without it; lib/media/file-store.ts refuses to work without it.
  SUPABASE_SECRET_KEY: z.string().min(10).optional(),
  SEND_EMAIL_HOOK_SECRET: z.string().startsWith("v1,whsec_"),

  RESEND_API_KEY: z.string().startsWith("re_"),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default("Ghostart <hello@ghostart.local>"),
  DEV_OUTBOX: bool.default(false),
  // Signs one-click unsubscribe links (HMAC-SHA256). Rotating it invalidates links in sent emails.
  UNSUBSCRIBE_SECRET: z.string().min(32, "must be at least 32 characters"),

  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(25_000),
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(500).default(10_000),

  // Tests only: the server's clock (lib/clock.ts) stands still at this instant, e.g.
  // 2026-03-28T10:00:00Z, so a browser test can schedule "tomorrow" on a chosen day.
  FIXED_NOW: z.iso.datetime({ offset: true }).optional(),
  // Benchmarks only: serves /<org>/bench/blank, an empty page in the org layout that the composer's
  // first-load JavaScript is measured against (bench/composer.ts). Off: that page is a 404.
  BENCH_ROUTES: bool.default(false),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parsed configuration; throws one readable error listing every missing or invalid variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export const isProduction = () => getEnv().NODE_ENV === "production";
