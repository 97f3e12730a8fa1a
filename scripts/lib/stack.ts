// Shared by `npm run dev` and the end-to-end tests: environment files, Redis, and long-running
// services with prefixed, readable logs.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";

export const root = process.cwd();

/** Environment for child processes (NODE_ENV may be absent: each child picks its own). */
export type Env = Record<string, string | undefined>;

/** Parses .env (if present, else .env.example): KEY=value lines, # comments, optional quotes. */
export function loadEnvFile(): { file: string; values: Record<string, string> } {
  const file = existsSync(path.join(root, ".env")) ? ".env" : ".env.example";
  const values: Record<string, string> = {};
  for (const line of readFileSync(path.join(root, file), "utf8").split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (!m) continue;
    values[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, "$2");
  }
  return { file, values };
}

async function redisAnswers(url: string): Promise<boolean> {
  const r = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  r.on("error", () => {});
  try {
    await r.connect();
    return (await r.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** REDIS_URL if it answers; else a redis-server from PATH on port 6390; else a clear way out. */
export async function ensureRedis(
  url: string,
  log: (m: string) => void,
): Promise<{ url: string; service?: Service }> {
  if (await redisAnswers(url)) return { url };
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const bin = which.stdout.trim();
  if (!bin) {
    throw new Error(
      `Redis does not answer at ${url}.\n  Start one (Debian/Ubuntu: sudo apt-get install -y redis-server && redis-server --daemonize yes),\n  or set REDIS_URL in .env to a Redis you have.`,
    );
  }
  const local = "redis://127.0.0.1:6390";
  if (await redisAnswers(local)) return { url: local };
  log(`Redis does not answer at ${url}; starting ${bin} on 127.0.0.1:6390`);
  const service = startService(
    "redis",
    bin,
    ["--port", "6390", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    process.env,
  );
  for (let i = 0; i < 50 && !(await redisAnswers(local)); i++)
    await new Promise((r) => setTimeout(r, 100));
  return { url: local, service };
}

export type Service = { name: string; proc: ChildProcess; exited: Promise<number | null> };

const colors = [36, 35, 33, 32, 34, 31];
let colorIndex = 0;

/** Starts a long-running process and prefixes each of its output lines with its name. */
export function startService(
  name: string,
  cmd: string,
  args: string[],
  env: Env,
  opts: { quiet?: boolean } = {},
): Service {
  const color = colors[colorIndex++ % colors.length];
  const prefix = `\x1b[${color}m${name.padEnd(7)}\x1b[0m│ `;
  const proc = spawn(cmd, args, {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  const pipe = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    let buf = "";
    stream.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop()!;
      if (!opts.quiet) for (const l of lines) out.write(prefix + l + "\n");
    });
  };
  pipe(proc.stdout!, process.stdout);
  pipe(proc.stderr!, process.stderr);
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { name, proc, exited };
}

/** A TypeScript entrypoint run by node with tsx as a loader (signals reach the program itself). */
export function startTsService(
  name: string,
  file: string,
  env: Env,
  extraNodeArgs: string[] = [],
  opts: { quiet?: boolean } = {},
): Service {
  return startService(
    name,
    process.execPath,
    ["--import", "tsx", ...extraNodeArgs, file],
    env,
    opts,
  );
}

export async function stopServices(services: Service[], graceMs = 10_000): Promise<void> {
  for (const s of services)
    if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const s of services)
      if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill("SIGKILL");
  }, graceMs);
  await Promise.all(services.map((s) => s.exited));
  clearTimeout(timer);
}

export async function waitForHttp(
  url: string,
  timeoutMs: number,
  isUp: (status: number) => boolean = (s) => s < 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (isUp(res.status)) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not come up within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
