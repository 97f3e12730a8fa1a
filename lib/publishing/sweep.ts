// The publishing sweep (DESIGN.md §4), run by every worker every SWEEP_INTERVAL_MS under the sweep
// lock. Postgres is the truth; Redis can lose everything and this puts it back:
// - a `publishing` row whose lease expired: back to `scheduled` when its attempt never reached the
//   request that creates the post, else `unconfirmed` (check before reposting);
// - a `scheduled` row due for longer than SWEEP_DUE_GRACE_MS: its job is added again (a no-op when
//   it still exists: the id is deterministic);
// - a due row on a network we cannot publish to yet: failed, with the reason;
// - accounts whose token expires soon: a tokens.refresh job;
// - tokens sealed under an older key id: re-encrypted under the current key (rotation).
import "server-only";
import { sql } from "drizzle-orm";
import { withAdmin } from "@/lib/db/admin";
import { getEnv } from "@/lib/env";
import type { Sweep } from "@/lib/jobs/sweep";
import { enqueueTargets } from "@/lib/publishing/enqueue";
import { noticePublishProblem } from "@/lib/publishing/notices";
import { dueAtMs, type PublishJobData } from "@/lib/publishing/targets";
import { tokenRefreshJob } from "@/lib/social/refresh-job";
import { rekeyTokens } from "@/lib/social/rekey";
import type { SocialNetwork } from "@/lib/social/types";

const BATCH = 5000;

export async function resolveExpiredLeases(): Promise<number> {
  const rows = await withAdmin(async (tx) => {
    const resolved = await tx.execute<{
      id: string;
      orgId: string;
      orgSlug: string;
      postId: string;
      network: SocialNetwork;
      status: "scheduled" | "unconfirmed";
      attempt: number;
      dueAt: string;
      title: string | null;
      body: string;
      authorId: string | null;
      onBehalfOf: string | null;
      error: string | null;
    }>(sql`
      with expired as (
        select t.id, la.id as attempt_id, la.sent_at
        from public.post_targets t
        left join lateral (
          select a.id, a.sent_at from public.publish_attempts a
           where a.target_id = t.id order by a.id desc limit 1
        ) la on true
        where t.status = 'publishing' and t.lease_until < now()
        order by t.lease_until
        limit ${BATCH}
        for update of t skip locked
      ), attempts as (
        update public.publish_attempts a set finished_at = now(), outcome = 'lease_expired'
          from expired e where a.id = e.attempt_id and a.finished_at is null
      ), t as (
        update public.post_targets t
           set status = case when e.sent_at is null then 'scheduled' else 'unconfirmed' end,
               lease_until = null,
               error_code = case when e.sent_at is null then null else 'lease_expired' end,
               error = case when e.sent_at is null then null else
                 'Publishing stopped after the post was sent and we never learned whether it went out. Check the network before reposting: mark it as published if it is there, or retry it.'
               end
          from expired e where t.id = e.id
        returning t.*
      )
      select t.id, t.org_id as "orgId", o.slug as "orgSlug", t.post_id as "postId", t.network,
             t.status, t.attempt, ${dueAtMs} as "dueAt", p.title,
             coalesce(nullif(btrim(t.text_override), ''), v.body, '') as body,
             p.author_id as "authorId", p.on_behalf_of as "onBehalfOf", t.error
      from t join public.posts p on p.id = t.post_id join public.organizations o on o.id = t.org_id
      left join public.post_versions v on v.id = p.current_version_id`);
    const list = [...resolved];
    for (const postId of new Set(list.map((r) => r.postId)))
      await tx.execute(sql`select app.rollup_post_status(${postId}::uuid)`);
    return list;
  });
  const again = rows.filter((r) => r.status === "scheduled");
  await enqueueTargets(
    again.map((r) => ({
      targetId: r.id,
      network: r.network,
      dueAt: Number(r.dueAt),
      attempt: r.attempt,
    })),
  );
  for (const r of rows.filter((r) => r.status === "unconfirmed"))
    await noticePublishProblem({
      orgId: r.orgId,
      orgSlug: r.orgSlug,
      postId: r.postId,
      targetId: r.id,
      attempt: r.attempt,
      network: r.network,
      title: r.title,
      body: r.body,
      recipients: [r.authorId, r.onBehalfOf],
      status: "unconfirmed",
      reason: r.error ?? "",
    });
  return rows.length;
}

export async function enqueueOverdueTargets(
  graceMs = getEnv().SWEEP_DUE_GRACE_MS,
): Promise<number> {
  const rows = await withAdmin((tx) =>
    tx.execute<{
      targetId: string;
      network: PublishJobData["network"];
      dueAt: string;
      attempt: number;
    }>(sql`
      select t.id as "targetId", t.network, ${dueAtMs} as "dueAt", t.attempt
      from public.post_targets t
      where t.status = 'scheduled' and t.scheduled_at <= now() - ${graceMs} * interval '1 millisecond'
        and t.network in ('linkedin', 'x', 'sandbox')
      order by t.scheduled_at
      limit ${BATCH}`),
  );
  const jobs = [...rows].map((r) => ({ ...r, dueAt: Number(r.dueAt) }));
  await enqueueTargets(jobs);
  return jobs.length;
}

/** Facebook and Instagram can be drafted and previewed, not yet published: say so at the due time. */
export async function failUnsupportedTargets(): Promise<number> {
  const rows = await withAdmin(async (tx) => {
    const failed = await tx.execute<{ postId: string; network: string }>(sql`
      update public.post_targets t
         set status = 'failed', error_code = 'unsupported_network',
             error = 'Ghostart cannot publish to ' || initcap(t.network) || ' yet. Post it there by hand, or remove the network and schedule again.'
       where t.status = 'scheduled' and t.scheduled_at <= now() and t.network in ('facebook', 'instagram')
      returning t.post_id as "postId", t.network`);
    const list = [...failed];
    for (const postId of new Set(list.map((r) => r.postId)))
      await tx.execute(sql`select app.rollup_post_status(${postId}::uuid)`);
    return list;
  });
  return rows.length;
}

/** Accounts whose access token expires within a week get a refresh job (at most hourly). */
export async function enqueueTokenRefreshes(): Promise<number> {
  const rows = await withAdmin((tx) =>
    tx.execute<{ id: string }>(sql`
      update public.social_accounts set refresh_checked_at = now()
       where id in (
         select id from public.social_accounts
          where status = 'active' and network <> 'sandbox'
            and access_expires_at < now() + interval '7 days'
            and (refresh_checked_at is null or refresh_checked_at < now() - interval '1 hour')
          limit 500)
      returning id`),
  );
  const hour = new Date().toISOString().slice(0, 13).replace(/\D/g, "");
  await tokenRefreshJob.enqueueMany(
    [...rows].map((r) => ({
      data: { accountId: r.id },
      options: { jobId: `refresh-${r.id}-${hour}` },
    })),
  );
  return [...rows].length;
}

export const publishingSweeps: Sweep[] = [
  { name: "publishing.leases", run: resolveExpiredLeases },
  { name: "publishing.due", run: () => enqueueOverdueTargets() },
  { name: "publishing.unsupported", run: failUnsupportedTargets },
  { name: "tokens.refresh", run: enqueueTokenRefreshes },
  {
    name: "tokens.rekey",
    run: async () => (getEnv().TOKEN_ENCRYPTION_KEYS ? rekeyTokens() : 0),
  },
];
