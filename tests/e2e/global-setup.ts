// Starts the whole product for the browser tests: a fresh database, the Resend stand-in, the local
// auth server, the worker and the production build of the web app (built once, shared by every test).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import postgres from "postgres";
import { seedOrg, seedUser } from "../../scripts/db/fixtures";
import { findOrStartPostgres, prepareDatabase } from "../../scripts/lib/postgres";
import {
  ensureRedis,
  loadEnvFile,
  startService,
  startTsService,
  stopServices,
  waitForHttp,
  type Env,
  type Service,
} from "../../scripts/lib/stack";
import { e2e } from "./stack-config";
import { fixtures } from "./fixtures";

export default async function globalSetup() {
  const log = (m: string) => console.log(`[e2e] ${m}`);
  const pg = await findOrStartPostgres(log);
  await prepareDatabase(pg, e2e.database, { recreate: true });
  const su = postgres(pg.url(e2e.database), { max: 1, onnotice: () => {} });
  const other = await seedUser(su, fixtures.otherOwner);
  await seedOrg(su, { ...fixtures.otherOrg, members: [{ userId: other.id, role: "owner" }] });
  await seedUser(su, fixtures.existingUser);
  await seedUser(su, fixtures.joiner);
  const teamOwner = await seedUser(su, fixtures.teamOwner);
  const teamAdmin = await seedUser(su, fixtures.teamAdmin);
  const teamViewer = await seedUser(su, fixtures.teamViewer);
  await seedOrg(su, {
    ...fixtures.teamOrg,
    members: [
      { userId: teamOwner.id, role: "owner" },
      { userId: teamAdmin.id, role: "admin" },
      { userId: teamViewer.id, role: "viewer" },
    ],
  });
  const studioOwner = await seedUser(su, fixtures.studioOwner);
  await su`update public.profiles set headline = ${fixtures.studioOwner.headline} where id = ${studioOwner.id}`;
  await seedOrg(su, {
    ...fixtures.studioOrg,
    members: [{ userId: studioOwner.id, role: "owner" }],
  });
  const pubOwner = await seedUser(su, fixtures.pubOwner);
  await seedOrg(su, { ...fixtures.pubOrg, members: [{ userId: pubOwner.id, role: "owner" }] });
  const voiceCreator = await seedUser(su, fixtures.voiceCreator);
  const voiceMember = await seedUser(su, fixtures.voiceMember);
  const voiceOrg = await seedOrg(su, {
    ...fixtures.voiceOrg,
    members: [
      { userId: voiceCreator.id, role: "brand_creator" },
      { userId: voiceMember.id, role: "employee" },
    ],
  });
  await su`update public.organizations
              set settings = settings || '{"reviews": {"require_approval": true, "require_member_approval": true}}'
            where id = ${voiceOrg.id}`;
  await su.end();

  const { values } = loadEnvFile();
  const redis = await ensureRedis(
    process.env.REDIS_URL ?? values.REDIS_URL ?? "redis://127.0.0.1:6379",
    log,
  );
  const r = new Redis(redis.url);
  const keys = await r.keys(`${e2e.queuePrefix}:*`);
  if (keys.length) await r.del(...keys);
  r.disconnect();

  rmSync(path.join(process.cwd(), e2e.dataDir), { recursive: true, force: true });
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env;
  const env: Env = {
    ...inherited,
    ...values,
    APP_URL: e2e.appUrl,
    DATABASE_URL: pg.url(e2e.database, "app_rls"),
    DATABASE_ADMIN_URL: pg.url(e2e.database, "app_owner"),
    AUTH_DATABASE_URL: pg.url(e2e.database, "supabase_auth_admin"),
    REDIS_URL: redis.url,
    QUEUE_PREFIX: e2e.queuePrefix,
    SUPABASE_URL: e2e.authUrl,
    AUTH_SEND_EMAIL_HOOK_URL: `${e2e.appUrl}/api/webhooks/auth-email`,
    AUTH_SIGNING_KEY_FILE: `${e2e.dataDir}/signing-key.json`,
    RESEND_BASE_URL: e2e.resendUrl,
    LINKEDIN_API_URL: e2e.linkedinUrl,
    LINKEDIN_OAUTH_URL: e2e.linkedinUrl,
    X_API_URL: e2e.xUrl,
    X_OAUTH_URL: e2e.xUrl,
    OPENAI_BASE_URL: e2e.openaiUrl,
    OUTBOX_FILE: `${e2e.dataDir}/outbox.json`,
    STORAGE_DIR: `${e2e.dataDir}/storage`,
    DEV_OUTBOX: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
  };

  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    log("no production build yet: next build");
    const build = spawnSync("node_modules/.bin/next", ["build"], {
      stdio: "inherit",
      env: env as NodeJS.ProcessEnv,
    });
    if (build.status !== 0) throw new Error("next build failed");
  }

  // Tests that need a web server of their own (another TZ, a fixed clock) start it with this.
  mkdirSync(path.join(process.cwd(), e2e.dataDir), { recursive: true });
  writeFileSync(path.join(process.cwd(), e2e.webEnvFile), JSON.stringify(env));

  const quiet = { quiet: !process.env.E2E_VERBOSE };
  const services: Service[] = [];
  if (redis.service) services.push(redis.service);
  services.push(startTsService("stubs", "scripts/stand-ins/main.ts", env, [], quiet));
  services.push(
    startTsService("auth", "scripts/auth-server/main.ts", { ...env, NODE_ENV: "test" }, [], quiet),
  );
  services.push(
    startTsService(
      "worker",
      "workers/index.ts",
      { ...env, NODE_ENV: "test" },
      ["--conditions=react-server"],
      quiet,
    ),
  );
  services.push(
    startService(
      "web",
      "node_modules/.bin/next",
      ["start", "--port", String(e2e.port)],
      env,
      quiet,
    ),
  );
  try {
    await waitForHttp(`${e2e.appUrl}/api/health`, 60_000, (s) => s === 200);
    await waitForHttp(`${e2e.authUrl}/auth/v1/health`, 30_000, (s) => s === 200);
  } catch (err) {
    await stopServices(services);
    throw err;
  }
  return async () => {
    await stopServices(services);
  };
}
