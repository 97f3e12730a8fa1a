// withAdmin: the owner role, which bypasses RLS. For webhooks, worker job handlers (always scoped by an
// explicit org_id from the job's row), sweeps, migrations and seeds — never for pages or components.
import "server-only";
import type { SQL } from "drizzle-orm";
import { getPool, type Tx } from "@/lib/db/pool";

export type AdminTx = Tx;

export async function withAdmin<T>(fn: (tx: AdminTx) => Promise<T>): Promise<T> {
  return getPool("admin").db.transaction(fn);
}

/**
 * One statement as the owner role, outside an explicit transaction (a single statement is atomic on
 * its own): one round trip instead of three, for the worker's hot paths.
 */
export async function adminExecute<T extends Record<string, unknown>>(
  statement: SQL,
): Promise<T[]> {
  return [...(await getPool("admin").db.execute<T>(statement))] as T[];
}
