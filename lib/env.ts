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

  // Social account tokens are encrypted at rest with AES-256-GCM (lib/social/crypto.ts). Keys as
  // "<key id>:<base64 of 32 bytes>" separated by commas; new tokens use TOKEN_ENCRYPTION_KEY_ID (else
  // the first key), older key ids still decrypt, so rotation = add a key, make it current, and keep
  // the old one until the token refresh job has rewritten every token.
  TOKEN_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{43,44})*$/,
      {
        message: 'must be "<key id>:<base64 of 32 bytes>", comma separated',
      },
    )
    .optional(),
  TOKEN_ENCRYPTION_KEY_ID: z.string().min(1).optional(),

  // LinkedIn (PLATFORMS.md): an app's credentials; the URLs point at the stand-in locally.
  LINKEDIN_CLIENT_ID: z.string().min(1).optional(),
  LINKEDIN_CLIENT_SECRET: z.string().min(1).optional(),
  LINKEDIN_API_URL: z.url().default("https://api.linkedin.com"),
  LINKEDIN_OAUTH_URL: z.url().default("https://www.linkedin.com"),
  // LinkedIn retires a version about a year after release and then answers 426.
  LINKEDIN_API_VERSION: z
    .string()
    .regex(/^\d{6}$/)
    .default("202510"),
  // Company pages need the vetted Community Management API; off unless the app has it.
  LINKEDIN_ORGANIZATIONS: bool.default(false),
  X_CLIENT_ID: z.string().min(1).optional(),
  X_CLIENT_SECRET: z.string().min(1).optional(),
  X_API_URL: z.url().default("https://api.x.com"),
  X_OAUTH_URL: z.url().default("https://x.com"),
  // The built-in Sandbox network (DESIGN.md §5): publishing writes to a table and a page.
  SANDBOX_NETWORK: bool.default(true),

  // Publishing (DESIGN.md §4). Concurrency is per worker process and per network queue; the global
  // limit caps all workers together.
  PUBLISH_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  PUBLISH_GLOBAL_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  PUBLISH_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  // How long a claimed target stays `publishing` before the sweep decides what happened.
  PUBLISH_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  PUBLISH_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  PUBLISH_BACKOFF_MS: z.coerce.number().int().min(10).default(5_000),
  // The sweep re-enqueues scheduled targets due longer ago than this (their job should have run).
  SWEEP_DUE_GRACE_MS: z.coerce.number().int().min(0).default(5_000),

  // AI generation (DESIGN.md §4) through the `openai` SDK: the default provider, unless an org brings
  // its own key (Settings → AI). Any OpenAI-compatible base URL works; locally it is the stand-in.
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().default("https://api.openai.com/v1"),
  OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
  // One model call; a stalled provider counts as down after this.
  AI_TIMEOUT_MS: z.coerce.number().int().min(500).default(45_000),
  // Tries of a generation before it fails (or falls back to a template), with exponential backoff.
  AI_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  AI_BACKOFF_MS: z.coerce.number().int().min(10).default(2_000),
  // Generations one member may request per minute (across all orgs' requests of theirs).
  AI_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  // How long an identical request is answered from the cache.
  AI_CACHE_TTL_S: z.coerce
    .number()
    .int()
    .min(0)
    .default(7 * 24 * 3600),
  // Lets orgs point their own provider at private addresses (a self-hosted Ollama beside the app).
  // Off by default in production, where such an address could reach internal services.
  AI_ALLOW_PRIVATE_URLS: bool.optional(),

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
