// A second web server on the shared build and stack, with its own environment: another process
// time zone (TZ) and a fixed clock (FIXED_NOW), for the scheduling tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { startService, stopServices, waitForHttp, type Env } from "../../scripts/lib/stack";
import { e2e } from "./stack-config";

export type AppServer = { url: string; env: Env; stop: () => Promise<void> };

export async function startAppServer(port: number, overrides: Env): Promise<AppServer> {
  const base = JSON.parse(readFileSync(path.join(process.cwd(), e2e.webEnvFile), "utf8")) as Env;
  const url = `http://localhost:${port}`;
  const env = { ...base, APP_URL: url, ...overrides };
  const service = startService(
    `web${port}`,
    "node_modules/.bin/next",
    ["start", "--port", String(port)],
    env,
    { quiet: !process.env.E2E_VERBOSE },
  );
  try {
    await waitForHttp(`${url}/api/health`, 60_000, (s) => s === 200);
  } catch (err) {
    await stopServices([service]);
    throw err;
  }
  return { url, env, stop: () => stopServices([service]) };
}
