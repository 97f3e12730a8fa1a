// SQL of the publishing pipeline (worker side, owner role): claiming a target, recording the attempt,
// and every way an attempt ends. Each ending updates the target, its attempt row and the post's
// rolled-up status in one transaction.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { adminExecute, withAdmin } from "@/lib/db/admin";
import type { PublishProgress, SocialNetwork } from "@/lib/social/types";

export type PublishJobData = {
  targetId: string;
  network: SocialNetwork;
  /** The target's due time in epoch ms, exactly as the row held it when the job was added. */
  dueAt: number;
  attempt: number;
};

/** BullMQ job id: deterministic, no ":" (DESIGN.md §4). */
export const publishJobId = (d: Pick<PublishJobData, "targetId" | "dueAt" | "attempt">) =>
  `${d.targetId}-${d.dueAt}-${d.attempt}`;

/** The due time of a row as the epoch ms the job carries (exact: extract() is numeric). */
export const dueAtMs = sql.raw(`(extract(epoch from t.scheduled_at) * 1000)::bigint`);

export type ClaimedTarget = {
  id: string;
  orgId: string;
  orgSlug: string;
  postId: string;
  network: SocialNetwork;
  attempt: number;
  attemptId: number;
  body: string;
  title: string | null;
  authorId: string | null;
  onBehalfOf: string | null;
  socialAccountId: string | null;
  progress: PublishProgress | null;
  media: { path: string; mime: string; size: number; alt: string | null; name: string | null }[];
};

/**
 * Claims the target for this job: `scheduled → publishing` with a lease, only while the row still
 * matches the job (same due time and attempt, so a rescheduled or retried target ignores old jobs)
 * and is due. In the same statement: the attempt row, the account it publishes with (the one it
 * names, else the on-behalf-of member's own account on that network; for the Sandbox, any Sandbox
 * account of the org), and the content. Returns null when there is nothing to do.
 *
 * The post is locked first, in a statement of its own: an edit holding that lock commits before the
 * claim's statement starts, so the claim reads the text as edited (one statement reads one snapshot,
 * so locking inside it would still read the text from before the edit), and an edit that comes after
 * finds the target `publishing` and is refused.
 */
export async function claimTarget(
  data: PublishJobData,
  jobId: string,
  leaseMs: number,
): Promise<(ClaimedTarget & { account: AccountForPublishing | null }) | null> {
  return withAdmin(async (tx) => {
    const locked = await tx.execute(sql`
      select p.id from public.posts p
       where p.id = (select post_id from public.post_targets where id = ${data.targetId})
      for update of p`);
    if ([...locked].length === 0) return null;
    const [row] = [
      ...(await tx.execute<ClaimedTarget & { account: AccountForPublishing | null }>(sql`
    with t as (
      update public.post_targets t
         set status = 'publishing', lease_until = now() + ${leaseMs} * interval '1 millisecond',
             social_account_id = coalesce(t.social_account_id, (
               select a.id from public.social_accounts a join public.posts p on p.id = t.post_id
                where a.org_id = t.org_id and a.network = t.network and a.status <> 'disconnected'
                  and ((a.kind = 'member' and a.user_id = p.on_behalf_of) or a.network = 'sandbox')
                order by (a.user_id = p.on_behalf_of) desc nulls last, (a.status = 'active') desc,
                         a.connected_at desc
                limit 1))
       where t.id = ${data.targetId} and t.status = 'scheduled' and t.attempt = ${data.attempt}
         and ${dueAtMs} = ${data.dueAt} and t.scheduled_at <= now() + interval '1 second'
         -- A post sent back to review (or to drafts) keeps nothing of it going out.
         and exists (select 1 from public.posts p0 where p0.id = t.post_id
                      and p0.status in ('scheduled', 'publishing', 'published', 'failed', 'unconfirmed'))
      returning t.*
    ), p as (
      update public.posts p set status = 'publishing'
        from t where p.id = t.post_id and p.status in ('scheduled', 'published', 'failed', 'unconfirmed')
      returning p.id
    ), a as (
      insert into public.publish_attempts (org_id, post_id, target_id, attempt, job_id)
      select org_id, post_id, id, attempt, ${jobId} from t returning id
    )
    select t.id, t.org_id as "orgId", o.slug as "orgSlug", t.post_id as "postId", t.network,
           t.attempt, (select id from a) as "attemptId",
           coalesce(nullif(btrim(t.text_override), ''), v.body) as body, po.title,
           po.author_id as "authorId", po.on_behalf_of as "onBehalfOf",
           t.social_account_id as "socialAccountId", t.progress,
           (select coalesce(jsonb_agg(jsonb_build_object('path', m.path, 'mime', m.mime,
                     'size', m.size_bytes, 'alt', coalesce(pm.alt_override, m.alt_text),
                     'name', m.file_name) order by pm.position), '[]'::jsonb)
              from public.post_media pm join public.media_assets m on m.id = pm.media_id
             where pm.post_id = t.post_id) as media,
           (select jsonb_build_object('id', sa.id, 'network', sa.network, 'kind', sa.kind,
                     'userId', sa.user_id, 'externalId', sa.external_id, 'displayName', sa.display_name,
                     'status', sa.status, 'accessTokenEnc', sa.access_token_enc)
              from public.social_accounts sa where sa.id = t.social_account_id) as account
    from t
    join public.posts po on po.id = t.post_id
    join public.organizations o on o.id = t.org_id
    left join public.post_versions v on v.id = po.current_version_id`)),
    ];
    return row ? { ...row, attemptId: Number(row.attemptId) } : null;
  });
}

/** Why a job found nothing to claim: a future due time means the job ran early and waits. */
export async function targetState(
  targetId: string,
): Promise<{ status: string; dueAt: number | null; attempt: number } | null> {
  const rows = await withAdmin((tx) =>
    tx.execute<{ status: string; dueAt: string | null; attempt: number }>(sql`
      select t.status, ${dueAtMs} as "dueAt", t.attempt from public.post_targets t where t.id = ${targetId}`),
  );
  const row = [...rows][0];
  return row ? { ...row, dueAt: row.dueAt === null ? null : Number(row.dueAt) } : null;
}

export type AccountForPublishing = {
  id: string;
  network: SocialNetwork;
  kind: "member" | "organization";
  userId: string | null;
  externalId: string;
  displayName: string;
  status: "active" | "needs_reauth" | "disconnected";
  accessTokenEnc: string | null;
};

/**
 * When the claim found no usable account: the on-behalf-of member's disconnected one, if any, so
 * the failure can say "disconnected" rather than "never connected".
 */
export async function disconnectedAccountFor(
  t: ClaimedTarget,
): Promise<AccountForPublishing | null> {
  const [account] = await adminExecute<AccountForPublishing>(sql`
    select a.id, a.network, a.kind, a.user_id as "userId", a.external_id as "externalId",
           a.display_name as "displayName", a.status, a.access_token_enc as "accessTokenEnc"
    from public.social_accounts a
    where a.org_id = ${t.orgId} and a.network = ${t.network}
      and ((a.kind = 'member' and a.user_id = ${t.onBehalfOf}) or a.network = 'sandbox')
    order by a.connected_at desc
    limit 1`);
  return account ?? null;
}

/** The account a target was claimed with (after a failure that needs it again). */
export async function accountById(id: string | null): Promise<AccountForPublishing | null> {
  if (!id) return null;
  const [account] = await adminExecute<AccountForPublishing>(sql`
    select a.id, a.network, a.kind, a.user_id as "userId", a.external_id as "externalId",
           a.display_name as "displayName", a.status, a.access_token_enc as "accessTokenEnc"
    from public.social_accounts a where a.id = ${id}`);
  return account ?? null;
}

/**
 * Right before the request that could create the post: the proof the sweep relies on. Refuses
 * (throws) when this claim is no longer the target's current one, e.g. the worker stalled past its
 * lease and the sweep gave the target to another job: then this attempt must not send.
 */
export async function markAttemptSent(t: ClaimedTarget, leaseMs: number): Promise<void> {
  const rows = await adminExecute(sql`
    with target as (
      update public.post_targets set lease_until = now() + ${leaseMs} * interval '1 millisecond'
       where id = ${t.id} and status = 'publishing'
         and not exists (select 1 from public.publish_attempts
                          where target_id = ${t.id} and id > ${t.attemptId})
      returning id
    )
    update public.publish_attempts set sent_at = coalesce(sent_at, now())
     where id = ${t.attemptId} and exists (select 1 from target)
    returning id`);
  if (rows.length === 0) throw new Error("the claim on this target was lost before sending");
}

export async function saveProgress(
  t: ClaimedTarget,
  progress: PublishProgress,
  leaseMs: number,
): Promise<void> {
  await adminExecute(sql`
    update public.post_targets
       set progress = ${JSON.stringify(progress)}::jsonb, lease_until = now() + ${leaseMs} * interval '1 millisecond'
     where id = ${t.id}`);
}

/**
 * Ends the attempt as `outcome` and sets the target's columns, with the post's rolled-up status, in
 * one statement (atomic without a transaction: one round trip on the worker's hot path).
 */
async function finish(
  t: ClaimedTarget,
  targetStatus: "published" | "failed" | "unconfirmed" | "scheduled",
  outcome: string,
  set: SQL,
  details: { httpStatus?: number | null; error?: string | null } = {},
): Promise<boolean> {
  // A success that arrives after the sweep gave up on the lease (unconfirmed) is still the truth.
  const from = targetStatus === "published" ? ["publishing", "unconfirmed"] : ["publishing"];
  const rows = await adminExecute(sql`
    with target as (
      update public.post_targets set status = ${targetStatus}, lease_until = null, ${set}
       where id = ${t.id} and status = any(${`{${from.join(",")}}`}::text[])
      returning id
    ), attempt as (
      update public.publish_attempts
         set finished_at = now(), outcome = ${outcome}, http_status = ${details.httpStatus ?? null},
             error = ${details.error ?? null}
       where id = ${t.attemptId}
    )
    select app.rollup_post_status(${t.postId}::uuid, ${t.id}::uuid, ${targetStatus})
     where exists (select 1 from target)`);
  return rows.length > 0;
}

export async function markPublished(
  t: ClaimedTarget,
  result: { platformPostId: string | null; url: string | null; note?: string | null },
): Promise<boolean> {
  return finish(
    t,
    "published",
    "published",
    sql`published_at = now(), platform_post_id = ${result.platformPostId},
        platform_url = ${result.url}, error = ${result.note ?? null}, error_code = null`,
  );
}

/** The Sandbox network: the post is recorded and marked published in one statement (exactly once). */
export async function publishToSandbox(
  t: ClaimedTarget,
  account: AccountForPublishing,
  appUrl: string,
): Promise<void> {
  const feed = new URL(`/${t.orgSlug}/sandbox`, appUrl).toString();
  const media = JSON.stringify(t.media.map((m) => ({ path: m.path, mime: m.mime, alt: m.alt })));
  await adminExecute(sql`
    with recorded as (
      insert into public.sandbox_posts (org_id, social_account_id, target_id, body, media)
      select ${t.orgId}, ${account.id}, ${t.id}, ${t.body}, ${media}::jsonb
       where exists (select 1 from public.post_targets where id = ${t.id} and status = 'publishing')
      returning id
    ), target as (
      update public.post_targets
         set status = 'published', lease_until = null, published_at = now(),
             platform_post_id = (select id::text from recorded),
             platform_url = ${feed} || '#post-' || (select id::text from recorded),
             error = null, error_code = null
       where id = ${t.id} and exists (select 1 from recorded)
      returning id
    ), attempt as (
      update public.publish_attempts set finished_at = now(), outcome = 'published'
       where id = ${t.attemptId} and exists (select 1 from recorded)
    )
    select app.rollup_post_status(${t.postId}::uuid, ${t.id}::uuid, 'published')
     where exists (select 1 from target)`);
}

/**
 * Ends the attempt without a post: `failed` or `unconfirmed`, with the message the user reads.
 * False when the claim was no longer this job's (a stale or re-run job): then nobody is told again.
 */
export async function markEnded(
  t: ClaimedTarget,
  status: "failed" | "unconfirmed",
  details: { code: string; message: string; httpStatus?: number | null },
): Promise<boolean> {
  return finish(t, status, status, sql`error = ${details.message}, error_code = ${details.code}`, {
    httpStatus: details.httpStatus,
    error: details.message,
  });
}

/**
 * Gives the claim back (`publishing → scheduled`) so the same job can run again: a retry with
 * backoff, a 429's delay, or an error of ours before anything was sent.
 */
export async function releaseClaim(
  t: ClaimedTarget,
  outcome: "retry" | "rate_limited" | "released",
  details: { httpStatus?: number | null; error?: string | null },
): Promise<void> {
  await finish(t, "scheduled", outcome, sql`error_code = error_code`, details);
}

/**
 * Keeps the claim alive while a slow step runs (large uploads): only while it is still this
 * attempt's, so a claim the sweep already resolved is never revived.
 */
export async function renewLease(t: ClaimedTarget, leaseMs: number): Promise<void> {
  await adminExecute(sql`
    update public.post_targets set lease_until = now() + ${leaseMs} * interval '1 millisecond'
     where id = ${t.id} and status = 'publishing'
       and not exists (select 1 from public.publish_attempts
                        where target_id = ${t.id} and id > ${t.attemptId})`);
}

/**
 * Who can be @mentioned in a LinkedIn post of the org: members who connected their LinkedIn, by
 * full name, and by first name when no one else in the org shares it (LinkedIn lets a mention be
 * shortened to the first name). Name → person URN, for the little-text serializer.
 */
export async function linkedInMentions(orgId: string): Promise<Record<string, string>> {
  const rows = await adminExecute<{ name: string; externalId: string }>(sql`
    select display_name as name, external_id as "externalId" from public.social_accounts
     where org_id = ${orgId} and network = 'linkedin' and kind = 'member' and status <> 'disconnected'`);
  const mentions: Record<string, string> = {};
  const firstNames = new Map<string, string[]>();
  for (const r of rows) {
    const urn = `urn:li:person:${r.externalId}`;
    mentions[r.name] = urn;
    const first = r.name.split(/\s+/)[0]!;
    firstNames.set(first, [...(firstNames.get(first) ?? []), urn]);
  }
  for (const [first, urns] of firstNames)
    if (new Set(urns).size === 1 && !(first in mentions)) mentions[first] = urns[0]!;
  return mentions;
}

/** Whether an earlier attempt of this target may have reached the network. */
export async function earlierAttemptWasSent(t: ClaimedTarget): Promise<boolean> {
  const rows = await withAdmin((tx) =>
    tx.execute(sql`
      select 1 from public.publish_attempts
       where target_id = ${t.id} and id <> ${t.attemptId} and sent_at is not null limit 1`),
  );
  return [...rows].length > 0;
}

export async function markAccountNeedsReauth(accountId: string, reason: string): Promise<boolean> {
  const rows = await withAdmin((tx) =>
    tx.execute(sql`
      update public.social_accounts set status = 'needs_reauth', status_reason = ${reason}
       where id = ${accountId} and status = 'active' returning id`),
  );
  return [...rows].length > 0;
}
