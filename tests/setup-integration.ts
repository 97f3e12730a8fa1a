// Runs before each integration test file: a fresh database cloned from the template, a Redis key
// prefix of its own, and the environment lib/env.ts reads.
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/db";

const db = await createTestDatabase();
const tag = `${process.pid}-${randomBytes(3).toString("hex")}`;

Object.assign(process.env, {
  NODE_ENV: "test",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  DATABASE_URL: db.rlsUrl,
  DATABASE_ADMIN_URL: db.adminUrl,
  DATABASE_POOL_MAX: "5",
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  QUEUE_PREFIX: `ghostart-t-${tag}`,
  SUPABASE_URL: "http://127.0.0.1:1",
  SUPABASE_PUBLISHABLE_KEY: "sb_publishable_test_key_0000",
  SEND_EMAIL_HOOK_SECRET: "v1,whsec_dGVzdC1ob29rLXNlY3JldC0wMTIzNDU2Nzg5",
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: "http://127.0.0.1:1",
  UNSUBSCRIBE_SECRET: "test-unsubscribe-secret-0123456789abcdef",
  TOKEN_ENCRYPTION_KEYS: "test1:dGVzdC1naG9zdGFydC10b2tlbi1rZXktMDEyMzQ1Njc=",
  LINKEDIN_CLIENT_ID: "test-linkedin-client",
  LINKEDIN_CLIENT_SECRET: "test-linkedin-secret",
  X_CLIENT_ID: "test-x-client",
  X_CLIENT_SECRET: "test-x-secret",
  // Stand-ins are started by the tests that need them; nothing listens here by default.
  LINKEDIN_API_URL: "http://127.0.0.1:1",
  LINKEDIN_OAUTH_URL: "http://127.0.0.1:1",
  X_API_URL: "http://127.0.0.1:1",
  X_OAUTH_URL: "http://127.0.0.1:1",
});

(globalThis as { __testDb?: TestDatabase }).__testDb = db;

afterAll(async () => {
  const { closeDatabases } = await import("../lib/db/pool");
  await closeDatabases();
  await db.drop();
  // Leave no queue keys behind in the shared Redis.
  const { Redis } = await import("ioredis");
  const redis = new Redis(process.env.REDIS_URL!);
  const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});
