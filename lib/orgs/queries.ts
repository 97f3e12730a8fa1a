import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { withRls } from "@/lib/db/rls";
import type { OrgRole } from "@/lib/db/schema";

export type MyOrg = { id: string; slug: string; name: string; timezone: string; role: OrgRole };

/** The caller's organizations, most recently joined first. */
export const listMyOrgs = cache(async (user: SessionUser): Promise<MyOrg[]> => {
  const rows = await withRls(user.claims, (tx) =>
    tx.execute<MyOrg>(sql`
      select o.id, o.slug, o.name, o.timezone, m.role
      from public.organizations o
      join public.memberships m on m.org_id = o.id and m.user_id = auth.uid()
      where o.deleted_at is null
      order by m.created_at desc`),
  );
  return [...rows];
});

/** The org at `slug` if the caller belongs to it; null otherwise (another org's URL looks absent). */
export async function getMyOrgBySlug(user: SessionUser, slug: string): Promise<MyOrg | null> {
  return (await listMyOrgs(user)).find((o) => o.slug === slug) ?? null;
}

export type DashboardCounts = {
  members: number;
  activity: { action: string; createdAt: string; actor: string | null }[];
  /** The caller's own connected (active) accounts in the org. */
  myAccounts: number;
  /** Posts ever scheduled (scheduled, publishing or past it). */
  postsScheduled: number;
  upcoming: { id: string; title: string | null; excerpt: string; scheduledAt: string }[];
};

export async function getDashboard(user: SessionUser, orgId: string): Promise<DashboardCounts> {
  return withRls(user.claims, async (tx) => {
    const members = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from public.memberships where org_id = ${orgId}`,
    );
    const activity = await tx.execute<{
      action: string;
      createdAt: string;
      actor: string | null;
    }>(sql`
      select a.action, a.created_at as "createdAt", coalesce(p.full_name, p.email) as actor
      from public.activity_log a left join public.profiles p on p.id = a.actor_id
      where a.org_id = ${orgId} order by a.created_at desc limit 5`);
    const [counts] = [
      ...(await tx.execute<{ myAccounts: number; postsScheduled: number }>(sql`
        select (select count(*)::int from public.social_accounts
                 where org_id = ${orgId} and user_id = auth.uid() and status = 'active') as "myAccounts",
               (select count(*)::int from public.posts
                 where org_id = ${orgId}
                   and status in ('scheduled', 'publishing', 'published', 'failed', 'unconfirmed')) as "postsScheduled"`)),
    ];
    const upcoming = await tx.execute<DashboardCounts["upcoming"][number]>(sql`
      select p.id, p.title, left(coalesce(v.body, ''), 120) as excerpt,
             (to_json(p.scheduled_at) #>> '{}') as "scheduledAt"
      from public.posts p left join public.post_versions v on v.id = p.current_version_id
      where p.org_id = ${orgId} and p.status = 'scheduled' and p.scheduled_at > now()
      order by p.scheduled_at limit 5`);
    return {
      members: [...members][0]?.n ?? 0,
      activity: [...activity],
      myAccounts: counts?.myAccounts ?? 0,
      postsScheduled: counts?.postsScheduled ?? 0,
      upcoming: [...upcoming],
    };
  });
}
