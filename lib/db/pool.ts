// Connection pools, one per URL, kept on globalThis so Next's dev reloads don't leak connections.
import "server-only";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "@/lib/db/schema";
import { getEnv } from "@/lib/env";

function makeDb(url: string, applicationName: string) {
  const client = postgres(url, {
    max: getEnv().DATABASE_POOL_MAX,
    prepare: false, // Supavisor transaction mode has no prepared statements
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: applicationName },
  });
  return { client, db: drizzle({ client, schema }) };
}

export type Db = ReturnType<typeof makeDb>["db"];
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Pool = ReturnType<typeof makeDb>;

const globalPools = globalThis as unknown as { __ghostartPools?: Map<string, Pool> };
const pools = (globalPools.__ghostartPools ??= new Map<string, Pool>());

export function getPool(kind: "rls" | "admin"): Pool {
  const env = getEnv();
  const url = kind === "rls" ? env.DATABASE_URL : env.DATABASE_ADMIN_URL;
  const key = `${kind}:${url}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = makeDb(url, `ghostart-${kind}`);
    pools.set(key, pool);
  }
  return pool;
}

/** Ends every pool (worker shutdown, tests). */
export async function closeDatabases(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.client.end({ timeout: 5 })));
}
