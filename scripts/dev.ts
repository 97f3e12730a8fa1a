// `npm run dev`: provisions Postgres, Redis and the database, seeds the demo org, then runs the web
// app, the worker, the local auth server and the stand-ins together. Ctrl-C stops them all.
import { seedDemo, demoPassword, demoUsers } from "./db/seed";
import { applyMigrations } from "../lib/db/migrate";
import { findOrStartPostgres, prepareDatabase } from "./lib/postgres";
import {
  ensureRedis,
  loadEnvFile,
  startService,
  startTsService,
  stopServices,
  waitForHttp,
  type Env,
  type Service,
} from "./lib/stack";

const log = (m: string) => console.log(`\x1b[1m[dev]\x1b[0m ${m}`);
const services: Service[] = [];
let stopping = false;

async function main() {
  const { file, values } = loadEnvFile();
  // next dev and the worker pick their own NODE_ENV.
  const { NODE_ENV: _nodeEnv, ...inherited } = { ...values, ...process.env };
  const env: Env = inherited;
  log(`configuration from ${file}`);

  const pg = await findOrStartPostgres(log);
  if (env.DATABASE_URL && env.DATABASE_ADMIN_URL) {
    log("using DATABASE_URL / DATABASE_ADMIN_URL from the environment");
    await applyMigrations(env.DATABASE_ADMIN_URL);
  } else {
    const applied = await prepareDatabase(pg, "ghostart");
    log(
      `database ghostart on ${pg.label}${applied.length ? `: applied ${applied.length} migration(s)` : ", up to date"}`,
    );
    env.DATABASE_URL = pg.url("ghostart", "app_rls");
    env.DATABASE_ADMIN_URL = pg.url("ghostart", "app_owner");
    env.AUTH_DATABASE_URL ??= pg.url("ghostart", "supabase_auth_admin");
    const { orgSlug } = await seedDemo(pg.url("ghostart"));
    log(`demo organization /${orgSlug} ready`);
  }

  const redis = await ensureRedis(env.REDIS_URL ?? "redis://127.0.0.1:6379", log);
  env.REDIS_URL = redis.url;
  if (redis.service) services.push(redis.service);

  const appUrl = env.APP_URL ?? "http://localhost:3000";
  const port = new URL(appUrl).port || "3000";
  services.push(startTsService("stubs", "scripts/stand-ins/main.ts", env));
  services.push(startTsService("auth", "scripts/auth-server/main.ts", env));
  services.push(
    startTsService("worker", "workers/index.ts", { ...env, NODE_ENV: "development" }, [
      "--conditions=react-server",
      "--watch-path=lib",
      "--watch-path=workers",
    ]),
  );
  services.push(startService("web", "node_modules/.bin/next", ["dev", "--port", port], env));
  for (const s of services) {
    void s.exited.then((code) => {
      if (!stopping) {
        log(`${s.name} exited (${code}); stopping everything`);
        void shutdown(1);
      }
    });
  }

  await waitForHttp(`${appUrl}/api/health`, 180_000, (s) => s === 200);
  console.log(`
\x1b[1m  Ghostart is running at ${appUrl}\x1b[0m

  Demo logins (password ${demoPassword}):
${demoUsers.map((u) => `    ${u.email.padEnd(22)} ${u.role}`).join("\n")}
  Dev outbox (every email sent):  ${appUrl}/dev/outbox
  Health:                         ${appUrl}/api/health

  Ctrl-C stops everything.
`);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  await stopServices(services);
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((err) => {
  console.error(`\n[dev] ${err instanceof Error ? err.message : err}\n`);
  void shutdown(1);
});
