// withRls: the only way request code touches data. One transaction on the app_rls pool, running as
// `authenticated` with the caller's verified JWT claims, so every policy applies.
import "server-only";
import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { getPool, type Tx } from "@/lib/db/pool";

/** Claims of a verified Supabase access token (from supabase.auth.getClaims()). */
export type JwtClaims = {
  sub: string;
  email?: string;
  role?: string;
  session_id?: string;
} & Record<string, unknown>;

export type RlsTx = Tx;

export async function withRls<T>(claims: JwtClaims, fn: (tx: RlsTx) => Promise<T>): Promise<T> {
  if (!claims?.sub) throw new Error("withRls needs verified claims with a subject");
  const { db } = getPool("rls");
  const timeout = String(getEnv().STATEMENT_TIMEOUT_MS);
  return db.transaction(async (tx) => {
    // Bound parameters, transaction-local: nothing leaks to the next user of this pooled connection.
    await tx.execute(
      sql`select set_config('request.jwt.claims', ${JSON.stringify({ ...claims, role: "authenticated" })}, true),
                 set_config('role', 'authenticated', true),
                 set_config('statement_timeout', ${timeout}, true)`,
    );
    return fn(tx);
  });
}
