// The audit log, newest first, with filters and keyset paging. RLS limits it to owners and admins.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { withRls, type JwtClaims } from "@/lib/db/rls";

export const ACTIVITY_PAGE_SIZE = 50;

export const activityFilters = z.object({
  action: z
    .enum(["org", "member", "invitation", "post", "campaign", "media"])
    .optional()
    .catch(undefined),
  actor: z.uuid().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type ActivityFilters = z.infer<typeof activityFilters>;

export type ActivityEntry = {
  id: number;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  ip: string | null;
  createdAt: string;
};

/** Dates are days in the org's time zone; `to` includes its whole day. */
export async function listActivity(
  claims: JwtClaims,
  org: { id: string; timezone: string },
  f: ActivityFilters,
): Promise<{ entries: ActivityEntry[]; nextBefore: number | null }> {
  const where: SQL[] = [sql`a.org_id = ${org.id}`];
  if (f.action) where.push(sql`a.action like ${f.action + ".%"}`);
  if (f.actor) where.push(sql`a.actor_id = ${f.actor}`);
  if (f.from)
    where.push(sql`a.created_at >= (${f.from}::date)::timestamp at time zone ${org.timezone}`);
  if (f.to)
    where.push(sql`a.created_at < ((${f.to}::date + 1)::timestamp at time zone ${org.timezone})`);
  if (f.before) where.push(sql`a.id < ${f.before}`);
  const rows = await withRls(claims, (tx) =>
    tx.execute<ActivityEntry>(sql`
      select a.id, a.action, a.entity_type as "entityType", a.entity_id as "entityId", a.summary,
             a.actor_id as "actorId", coalesce(p.full_name, p.email) as "actorName",
             a.request_id as "requestId", host(a.ip) as ip, a.created_at as "createdAt"
      from public.activity_log a left join public.profiles p on p.id = a.actor_id
      where ${sql.join(where, sql` and `)}
      order by a.id desc
      limit ${ACTIVITY_PAGE_SIZE + 1}`),
  );
  const entries = [...rows].map((r) => ({ ...r, id: Number(r.id) }));
  const hasMore = entries.length > ACTIVITY_PAGE_SIZE;
  const page = entries.slice(0, ACTIVITY_PAGE_SIZE);
  return { entries: page, nextBefore: hasMore ? page.at(-1)!.id : null };
}
