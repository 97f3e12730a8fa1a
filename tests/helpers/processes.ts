// Starts project processes (the worker, servers) as real child processes for integration tests.
import { spawn, type ChildProcess } from "node:child_process";

export type Child = { proc: ChildProcess; output: () => string; exited: Promise<number | null> };

export function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  readyPattern: RegExp,
  timeoutMs = 30_000,
): Promise<Child> {
  // node with tsx as a loader, not the tsx CLI: the CLI is a parent process, and a signal sent to it
  // (SIGKILL above all) would not reach the program under test.
  const proc = spawn(process.execPath, ["--import", "tsx", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`process did not become ready:\n${out}`)),
      timeoutMs,
    );
    let ready = false;
    const onData = (d: Buffer) => {
      out += d.toString();
      // Keep the last 2 MB: a busy worker (the publishing benchmark) logs for minutes.
      if (out.length > 4_000_000) out = out.slice(-2_000_000);
      // Until ready only: testing the whole output on every chunk is quadratic.
      if (!ready && readyPattern.test(out)) {
        ready = true;
        clearTimeout(timer);
        resolve({ proc, output: () => out, exited });
      }
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`process exited with ${code} before ready:\n${out}`));
    });
  });
}

export function startWorker(env: NodeJS.ProcessEnv): Promise<Child> {
  return startProcess(["--conditions=react-server", "workers/index.ts"], env, /"worker ready"/);
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
