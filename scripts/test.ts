// `npm test`: provisions Postgres and Redis like `npm run dev`, then typecheck, lint, unit,
// integration (real Postgres + Redis), the production build and end-to-end tests in Chromium.
// Stops at the first failing step and ends with one summary line of the tests run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findOrStartPostgres } from "./lib/postgres";
import { ensureRedis, loadEnvFile, stopServices, type Env } from "./lib/stack";

const log = (m: string) => console.log(`\x1b[1m[test]\x1b[0m ${m}`);
const reports = path.join(process.cwd(), ".data", "test-reports");

type Counts = { passed: number; failed: number; skipped: number };
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const timings: string[] = [];

function run(step: string, cmd: string, args: string[], env: Env): boolean {
  log(`${step}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: env as NodeJS.ProcessEnv });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${step.padEnd(12)} ${secs.padStart(6)} s  ${r.status === 0 ? "ok" : "FAILED"}`);
  return r.status === 0;
}

function addVitest(file: string) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += j.numFailedTests ?? 0;
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function addPlaywright(file: string) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, "utf8")).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

async function main(): Promise<number> {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const { values } = loadEnvFile();
  const pg = await findOrStartPostgres(log);
  log(`Postgres: ${pg.label}`);
  const redis = await ensureRedis(
    process.env.REDIS_URL ?? values.REDIS_URL ?? "redis://127.0.0.1:6379",
    log,
  );
  log(`Redis: ${redis.url}`);
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env;
  const env: Env = { ...inherited, REDIS_URL: redis.url, NEXT_TELEMETRY_DISABLED: "1" };
  const bin = (name: string) => path.join("node_modules", ".bin", name);

  try {
    const steps: [string, () => boolean][] = [
      ["typecheck", () => run("typecheck", bin("tsc"), ["--noEmit", "-p", "."], env)],
      ["lint", () => run("lint", "npm", ["run", "--silent", "lint"], env)],
      [
        "unit",
        () => {
          const ok = run(
            "unit",
            bin("vitest"),
            [
              "run",
              "--project",
              "unit",
              "--reporter=default",
              "--reporter=json",
              `--outputFile.json=${reports}/unit.json`,
            ],
            env,
          );
          addVitest(`${reports}/unit.json`);
          return ok;
        },
      ],
      [
        "integration",
        () => {
          const ok = run(
            "integration",
            bin("vitest"),
            [
              "run",
              "--project",
              "integration",
              "--reporter=default",
              "--reporter=json",
              `--outputFile.json=${reports}/integration.json`,
            ],
            env,
          );
          addVitest(`${reports}/integration.json`);
          return ok;
        },
      ],
      ["build", () => run("build", bin("next"), ["build"], env)],
      [
        "e2e",
        () => {
          const ok = run("e2e", bin("playwright"), ["test"], {
            ...env,
            E2E_JSON_REPORT: `${reports}/e2e.json`,
          });
          addPlaywright(`${reports}/e2e.json`);
          return ok;
        },
      ],
    ];
    for (const [name, step] of steps) {
      const failedBefore = totals.failed;
      if (!step()) {
        // A step that fails without failing a test (typecheck, lint, build, a crash) still counts.
        if (totals.failed === failedBefore) totals.failed += 1;
        log(`${name} failed; later steps not run`);
        return 1;
      }
    }
    return totals.failed > 0 ? 1 : 0;
  } finally {
    if (redis.service) await stopServices([redis.service]);
    console.log(`\n${timings.join("\n")}`);
    console.log(
      `\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
    );
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[test] ${err instanceof Error ? err.message : err}`);
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  },
);
