// Reads of publishing state as the caller (RLS): a post's targets with their live status, the
// Sandbox feed, and the org's publishing health (its own queue, counted in Postgres).
import "server-only";
import { sql } from "drizzle-orm";
import { iso } from "@/lib/db/sql";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { getRedis } from "@/lib/redis";
import { socialNetworks as publishableNetworks } from "@/lib/social/types";
import type { PostStatus, TargetNetwork, TargetStatus } from "@/lib/posts/constants";

export type TargetPublishing = {
  id: string;
  network: TargetNetwork;
  status: TargetStatus;
  scheduledAt: string | null;
  publishedAt: string | null;
  platformUrl: string | null;
  error: string | null;
  errorCode: string | null;
  attempt: number;
  account: {
    id: string;
    displayName: string;
    status: "active" | "needs_reauth" | "disconnected";
  } | null;
};

export type PostPublishing = {
  postId: string;
  status: PostStatus;
  revision: number;
  scheduledAt: string | null;
  targets: TargetPublishing[];
};

/**
 * A post's targets and the account each will publish with: the one it names, else the on-behalf-of
 * member's own account on that network (for the Sandbox, any Sandbox account of the org), as the
 * worker resolves it. Null when the caller cannot read the post.
 */
export async function getPostPublishing(
  claims: JwtClaims,
  orgId: string,
  postId: string,
): Promise<PostPublishing | null> {
  return withRls(claims, async (tx) => {
    const [post] = [
      ...(await tx.execute<Omit<PostPublishing, "targets"> & Record<string, unknown>>(sql`
        select p.id as "postId", p.status, p.revision, ${iso("p.scheduled_at")} as "scheduledAt"
        from public.posts p where p.id = ${postId} and p.org_id = ${orgId}`)),
    ];
    if (!post) return null;
    const targets = await tx.execute<TargetPublishing & Record<string, unknown>>(sql`
      select t.id, t.network, t.status, ${iso("t.scheduled_at")} as "scheduledAt",
             ${iso("t.published_at")} as "publishedAt", t.platform_url as "platformUrl", t.error,
             t.error_code as "errorCode", t.attempt,
             (select jsonb_build_object('id', a.id, 'displayName', a.display_name, 'status', a.status)
                from public.social_accounts a
               where a.org_id = t.org_id and a.network = t.network
                 and (a.id = t.social_account_id
                      or (t.social_account_id is null
                          and (a.user_id = p.on_behalf_of or a.network = 'sandbox')))
               order by (a.id = t.social_account_id) desc nulls last, (a.status <> 'disconnected') desc,
                        (a.user_id = p.on_behalf_of) desc nulls last, (a.status = 'active') desc,
                        a.connected_at desc
               limit 1) as account
      from public.post_targets t join public.posts p on p.id = t.post_id
      where t.post_id = ${postId}
      order by array_position(array['linkedin', 'x', 'facebook', 'instagram', 'sandbox'], t.network)`);
    return { ...post, targets: [...targets] };
  });
}

export type SandboxPost = {
  id: string;
  body: string;
  media: { path: string; mime: string; alt: string | null }[];
  publishedAt: string;
  accountName: string;
  postId: string | null;
};

/** The org's Sandbox feed, newest first. */
export async function listSandboxPosts(
  claims: JwtClaims,
  orgId: string,
  limit = 50,
): Promise<SandboxPost[]> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<SandboxPost & Record<string, unknown>>(sql`
      select s.id, s.body, s.media, ${iso("s.published_at")} as "publishedAt",
             a.display_name as "accountName", t.post_id as "postId"
      from public.sandbox_posts s
      join public.social_accounts a on a.id = s.social_account_id
      left join public.post_targets t on t.id = s.target_id
      where s.org_id = ${orgId}
      order by s.published_at desc
      limit ${limit}`),
  );
  return [...rows];
}

export type PublishingHealth = {
  /** The org's targets scheduled in the next 24 hours. */
  upcoming: number;
  /** Due more than a minute ago and still not published (or stuck publishing). */
  overdue: {
    targetId: string;
    postId: string;
    network: string;
    scheduledAt: string | null;
    status: string;
  }[];
  unconfirmed: number;
  failedLastWeek: number;
  publishedLastDay: number;
  accountsNeedingReauth: {
    id: string;
    network: string;
    displayName: string;
    statusReason: string | null;
  }[];
  /**
   * This org's share of the publishing queue per network, from Postgres (the truth): due and
   * waiting for a worker, scheduled for later, being published now. Other orgs' volume is theirs.
   */
  queues: { network: string; due: number; later: number; publishing: number }[];
  /** Set when the job queue (Redis) cannot be reached: due posts then wait for it. */
  queuesError: string | null;
};

export async function getPublishingHealth(
  claims: JwtClaims,
  orgId: string,
): Promise<PublishingHealth> {
  const counts = await withRls(claims, async (tx) => {
    const [c] = [
      ...(await tx.execute<{
        upcoming: number;
        unconfirmed: number;
        failedLastWeek: number;
        publishedLastDay: number;
      }>(sql`
        select count(*) filter (where status = 'scheduled' and scheduled_at < now() + interval '1 day')::int as upcoming,
               count(*) filter (where status = 'unconfirmed')::int as unconfirmed,
               count(*) filter (where status = 'failed' and updated_at > now() - interval '7 days')::int as "failedLastWeek",
               count(*) filter (where status = 'published' and published_at > now() - interval '1 day')::int as "publishedLastDay"
        from public.post_targets where org_id = ${orgId}`)),
    ];
    const overdue = await tx.execute<PublishingHealth["overdue"][number]>(sql`
      select t.id as "targetId", t.post_id as "postId", t.network, ${iso("t.scheduled_at")} as "scheduledAt", t.status
      from public.post_targets t
      where t.org_id = ${orgId}
        and ((t.status = 'scheduled' and t.scheduled_at < now() - interval '1 minute')
             or (t.status = 'publishing' and t.lease_until < now()))
      order by t.scheduled_at limit 20`);
    const queues = await tx.execute<PublishingHealth["queues"][number]>(sql`
      select n.network,
             count(t.id) filter (where t.status = 'scheduled' and t.scheduled_at <= now())::int as due,
             count(t.id) filter (where t.status = 'scheduled' and t.scheduled_at > now())::int as later,
             count(t.id) filter (where t.status = 'publishing')::int as publishing
      from unnest(${`{${publishableNetworks.join(",")}}`}::text[]) as n(network)
      left join public.post_targets t
        on t.org_id = ${orgId} and t.network = n.network and t.status in ('scheduled', 'publishing')
      group by n.network order by array_position(${`{${publishableNetworks.join(",")}}`}::text[], n.network)`);
    const accounts = await tx.execute<PublishingHealth["accountsNeedingReauth"][number]>(sql`
      select a.id, a.network, a.display_name as "displayName", a.status_reason as "statusReason"
      from public.social_accounts a where a.org_id = ${orgId} and a.status = 'needs_reauth'
      order by a.display_name`);
    return {
      ...c!,
      overdue: [...overdue],
      queues: [...queues],
      accountsNeedingReauth: [...accounts],
    };
  });
  let queuesError: string | null = null;
  try {
    await getRedis().ping();
  } catch {
    queuesError =
      "The job queue (Redis) cannot be reached right now. Due posts wait and go out once it is back.";
  }
  return { ...counts, queuesError };
}
