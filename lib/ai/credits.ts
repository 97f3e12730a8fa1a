// Credits: the org's balance, its ledger, and the monthly grant (credits.reset). Debits and refunds
// happen in SQL with the generation they belong to (app.request_generation, app.refund_generation).
import "server-only";
import { sql } from "drizzle-orm";
import { iso } from "@/lib/db/sql";
import { z } from "zod";
import { getNow } from "@/lib/clock";
import { adminExecute } from "@/lib/db/admin";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { defineJob } from "@/lib/jobs/registry";
import { createLogger } from "@/lib/logger";

const log = createLogger({ component: "credits" });

export const planLabels: Record<string, string> = { free: "Free", pro: "Pro", team: "Team" };

/** The calendar month (UTC) credits belong to, YYYY-MM. */
export const creditPeriod = (at: Date) => at.toISOString().slice(0, 7);

/** The first day of the next period, when the credits renew. */
export function renewsOn(at: Date): string {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)).toISOString();
}

export type CreditSummary = {
  balance: number;
  period: string;
  plan: string;
  monthlyAllowance: number;
  renewsAt: string;
};

export async function getCreditSummary(
  claims: JwtClaims,
  orgId: string,
): Promise<CreditSummary | null> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<Omit<CreditSummary, "renewsAt">>(sql`
      select b.balance, b.period, o.plan, app.plan_monthly_credits(o.plan) as "monthlyAllowance"
        from public.credit_balances b join public.organizations o on o.id = b.org_id
       where b.org_id = ${orgId}`),
  );
  const row = [...rows][0];
  return row ? { ...row, renewsAt: renewsOn(getNow()) } : null;
}

export type LedgerEntry = {
  id: number;
  kind: "grant" | "expire" | "debit" | "refund";
  amount: number;
  balanceAfter: number;
  period: string | null;
  note: string | null;
  createdAt: string;
  actorName: string | null;
  generation: { id: string; operation: string; status: string; postId: string | null } | null;
};

export const LEDGER_PAGE = 50;

/** Newest first, `LEDGER_PAGE` at a time before `beforeId`. Owners and admins only (RLS). */
export async function listCreditLedger(
  claims: JwtClaims,
  orgId: string,
  beforeId?: number,
): Promise<{ entries: LedgerEntry[]; nextBefore: number | null }> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<LedgerEntry & { id: string }>(sql`
      select l.id, l.kind, l.amount, l.balance_after as "balanceAfter", l.period, l.note,
             ${iso("l.created_at")} as "createdAt",
             coalesce(nullif(btrim(p.full_name), ''), p.email) as "actorName",
             case when g.id is null then null else jsonb_build_object('id', g.id, 'operation', g.operation,
                  'status', g.status, 'postId', g.post_id) end as generation
        from public.credit_ledger l
        left join public.profiles p on p.id = l.actor_id
        left join public.ai_generations g on g.id = l.generation_id
       where l.org_id = ${orgId} and (${beforeId ?? null}::bigint is null or l.id < ${beforeId ?? null}::bigint)
       order by l.id desc
       limit ${LEDGER_PAGE + 1}`),
  );
  const list = [...rows].map((r) => ({ ...r, id: Number(r.id) }));
  const more = list.length > LEDGER_PAGE;
  const entries = more ? list.slice(0, LEDGER_PAGE) : list;
  return { entries, nextBefore: more ? entries.at(-1)!.id : null };
}

/**
 * Grants this month's credits to every org that lacks them, one org per transaction (a grant locks
 * that org's balance only for a moment, and one org's failure does not hold up the rest). Returns
 * how many orgs got credits.
 */
export async function grantMonthlyCredits(at: Date = getNow()): Promise<number> {
  const period = creditPeriod(at);
  const orgs = await adminExecute<{ id: string }>(sql`
    select o.id from public.organizations o
     where o.deleted_at is null
       and not exists (select 1 from public.credit_ledger l
                        where l.org_id = o.id and l.kind = 'grant' and l.period = ${period})`);
  let granted = 0;
  for (const org of orgs) {
    try {
      const [row] = await adminExecute<{ amount: number }>(
        sql`select app.grant_monthly_credits(${org.id}::uuid, ${period}) as amount`,
      );
      if ((row?.amount ?? 0) > 0) granted++;
    } catch (err) {
      log.error("monthly credits not granted", { err, orgId: org.id, period });
    }
  }
  return granted;
}

// credits.reset: run by a BullMQ job scheduler at the start of every month (and re-added by the
// sweep, so a flushed Redis loses nothing); the grant is idempotent per org and month.
export const creditsResetJob = defineJob({
  name: "credits.reset",
  queue: "system",
  schema: z.object({}).passthrough(),
  async handler(_data, { log }) {
    const granted = await grantMonthlyCredits();
    log.info("monthly credits granted", { orgs: granted });
  },
});
