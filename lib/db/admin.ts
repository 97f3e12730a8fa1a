// withAdmin: the owner role, which bypasses RLS. For webhooks, worker job handlers (always scoped by an
// explicit org_id from the job's row), sweeps, migrations and seeds — never for pages or components.
import "server-only";
import { getPool, type Tx } from "@/lib/db/pool";

export type AdminTx = Tx;

export async function withAdmin<T>(fn: (tx: AdminTx) => Promise<T>): Promise<T> {
  return getPool("admin").db.transaction(fn);
}
