#!/usr/bin/env node
// `npm run dev` / `npm test` entry: makes sure dependencies are installed and current (a fresh clone
// has none), then hands over to the TypeScript orchestrator. Plain JS because tsx may not exist yet.
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const mode = process.argv[2];
if (!["dev", "test"].includes(mode)) {
  console.error("usage: node scripts/run.mjs dev|test");
  process.exit(2);
}

const stampFile = path.join(root, "node_modules", ".ghostart-deps");
const lock = path.join(root, "package-lock.json");
const digest = createHash("sha256")
  .update(readFileSync(path.join(root, "package.json")))
  .update(existsSync(lock) ? readFileSync(lock) : "")
  .digest("hex");
const current = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
if (current !== digest) {
  const fresh = !existsSync(path.join(root, "node_modules"));
  // `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages out of the lock
  // file, and `npm ci` then refuses it as out of sync. install still honours the lock.
  const args = ["install", "--no-audit", "--no-fund"];
  console.log(`[setup] dependencies ${fresh ? "missing" : "changed"}: npm install…`);
  const r = spawnSync("npm", args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stampFile, digest);
}

const child = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "scripts", `${mode}.ts`), ...process.argv.slice(3)],
  {
    cwd: root,
    stdio: "inherit",
  },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
