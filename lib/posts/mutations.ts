// Writes of posts, campaigns and media. Each one is a call to a security definer function of
// supabase/migrations/20261122004000_posts.sql, run as the caller through withRls: the function
// checks the role and rows, keeps the post consistent (new version + revision + current version in
// one statement) and writes the audit entry in the same transaction. Nothing here writes a table.
//
// Post writes take the revision the editor opened (`expectedRevision`): when someone saved since,
// the write is refused with a PostConflictError carrying the current revision, and nothing changes.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { iso } from "@/lib/db/sql";
import { getNow } from "@/lib/clock";
import { enqueuePostTargetsSafely } from "@/lib/publishing/enqueue";
import { withRls, type JwtClaims, type RlsTx } from "@/lib/db/rls";
import { AppError, fromDbError, parseInput, pgField } from "@/lib/errors";
import type { CampaignStatus, PostStatus } from "@/lib/posts/constants";
import { shiftLocalDays, zonedLocalToUtc } from "@/lib/posts/local-time";
import {
  archiveCampaignInput,
  archivePostsInput,
  createCampaignInput,
  createMediaAssetInput,
  createPostInput,
  deleteMediaAssetInput,
  reschedulePostByDaysInput,
  restorePostVersionInput,
  savePostVersionInput,
  schedulePostInput,
  setPostMediaInput,
  setPostTargetsInput,
  unschedulePostInput,
  updateCampaignInput,
  updateMediaAltTextInput,
  updatePostInput,
  type ArchivePostsInput,
  type CreateCampaignInput,
  type CreateMediaAssetInput,
  type CreatePostInput,
  type ReschedulePostByDaysInput,
  type RestorePostVersionInput,
  type SavePostVersionInput,
  type SchedulePostInput,
  type SetPostMediaInput,
  type SetPostTargetsInput,
  type UnschedulePostInput,
  type UpdateCampaignInput,
  type UpdatePostInput,
} from "@/lib/posts/schemas";

export type AuditMeta = { requestId: string | null; ip: string | null };

/** A post as a write leaves it. Times are ISO 8601 strings. */
export type PostRow = {
  id: string;
  orgId: string;
  status: PostStatus;
  revision: number;
  title: string | null;
  campaignId: string | null;
  authorId: string | null;
  onBehalfOf: string | null;
  currentVersionId: string | null;
  scheduledAt: string | null;
  updatedAt: string;
};

export type CampaignRow = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  color: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: CampaignStatus;
  archivedAt: string | null;
};

export type MediaAssetRow = {
  id: string;
  orgId: string;
  path: string;
  mime: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  altText: string | null;
  fileName: string | null;
  deletedAt: string | null;
};

const postColumns = sql`r.id, r.org_id as "orgId", r.status, r.revision, r.title, r.campaign_id as "campaignId",
  r.author_id as "authorId", r.on_behalf_of as "onBehalfOf", r.current_version_id as "currentVersionId",
  ${iso("r.scheduled_at")} as "scheduledAt", ${iso("r.updated_at")} as "updatedAt"`;
const campaignColumns = sql`r.id, r.org_id as "orgId", r.name, r.description, r.color,
  r.starts_on::text as "startsOn", r.ends_on::text as "endsOn", r.status, ${iso("r.archived_at")} as "archivedAt"`;
const mediaColumns = sql`r.id, r.org_id as "orgId", r.path, r.mime, r.size_bytes::float8 as "sizeBytes", r.width,
  r.height, r.alt_text as "altText", r.file_name as "fileName", ${iso("r.deleted_at")} as "deletedAt"`;

/** Someone saved the post since the caller opened it; nothing was written. */
export class PostConflictError extends AppError {
  readonly currentRevision: number | null;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;

  constructor(
    message: string,
    current: { revision?: number; updated_by?: string | null; updated_at?: string | null },
    cause: unknown,
  ) {
    super("conflict", message, { cause });
    this.name = "PostConflictError";
    this.currentRevision = current.revision ?? null;
    this.updatedBy = current.updated_by ?? null;
    this.updatedAt = current.updated_at ?? null;
  }
}

// Machine codes (HINT) of the post functions → the form field their message belongs to.
const hintFields: Record<string, string> = {
  in_the_past: "time",
  campaign_not_in_org: "campaignId",
  campaign_archived: "campaignId",
  on_behalf_of_not_member: "onBehalfOf",
  not_own: "onBehalfOf",
  body_required: "body",
  empty_body: "body",
  no_targets: "targets",
  invalid_network: "targets",
  target_published: "targets",
  media_not_found: "media",
  media_deleted: "media",
  invalid_media: "media",
  too_many_media: "media",
  campaign_name: "name",
  campaign_name_taken: "name",
  campaign_dates: "endsOn",
};

/** A database error → the AppError a form can show (PostConflictError for a stale revision). */
export function mapPostError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const known = fromDbError(err);
  if (!known) return err;
  const hint = pgField(err, "hint");
  if (hint === "stale_revision") {
    let current = {};
    try {
      current = JSON.parse(pgField(err, "detail") ?? "{}");
    } catch {
      // no detail: the conflict stands without it
    }
    return new PostConflictError(known.message, current, err);
  }
  const field = hint ? hintFields[hint] : undefined;
  if (!field) return known;
  return new AppError(known.code, known.message, {
    fieldErrors: { [field]: known.message },
    cause: err,
  });
}

const parse = parseInput;

async function run<T>(claims: JwtClaims, fn: (tx: RlsTx) => Promise<T>): Promise<T> {
  try {
    return await withRls(claims, fn);
  } catch (err) {
    throw mapPostError(err);
  }
}

async function one<T>(tx: RlsTx, statement: SQL): Promise<T> {
  const rows = await tx.execute<T & Record<string, unknown>>(statement);
  return [...rows][0] as T;
}

const postCall = (tx: RlsTx, call: SQL) =>
  one<PostRow>(tx, sql`select ${postColumns} from ${call} r`);

const ip = (m: AuditMeta) => sql`${m.ip}::inet`;

// --- Posts ----------------------------------------------------------------------------------------

/** A new draft with its first version and one target per network. */
export async function createPost(
  claims: JwtClaims,
  orgId: string,
  input: CreatePostInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(createPostInput, input);
  return run(claims, (tx) =>
    postCall(
      tx,
      sql`app.create_post(${orgId}::uuid, ${i.body}, ${i.source}::public.post_source, ${i.title},
        ${i.campaignId}::uuid, ${i.onBehalfOf}::uuid, ${`{${i.networks.join(",")}}`}::text[],
        ${meta.requestId}, ${ip(meta)})`,
    ),
  );
}

export async function updatePost(
  claims: JwtClaims,
  input: UpdatePostInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(updatePostInput, input);
  return run(claims, (tx) =>
    postCall(
      tx,
      sql`app.update_post(${i.postId}::uuid, ${i.expectedRevision}::int, ${i.title},
        ${i.campaignId}::uuid, ${i.onBehalfOf}::uuid, ${meta.requestId}, ${ip(meta)})`,
    ),
  );
}

/** Saves the text as a new immutable version. The current text and source again writes nothing. */
export async function savePostVersion(
  claims: JwtClaims,
  input: SavePostVersionInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(savePostVersionInput, input);
  return run(claims, (tx) =>
    postCall(
      tx,
      sql`app.save_post_version(${i.postId}::uuid, ${i.expectedRevision}::int, ${i.body},
        ${i.source}::public.post_source, ${meta.requestId}, ${ip(meta)})`,
    ),
  );
}

/** Makes an old version current by copying it into a new one. */
export async function restorePostVersion(
  claims: JwtClaims,
  input: RestorePostVersionInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(restorePostVersionInput, input);
  return run(claims, (tx) =>
    postCall(
      tx,
      sql`app.restore_post_version(${i.postId}::uuid, ${i.versionId}::uuid, ${i.expectedRevision}::int,
        ${meta.requestId}, ${ip(meta)})`,
    ),
  );
}

/** The networks the post goes to, with their optional own text. */
export async function setPostTargets(
  claims: JwtClaims,
  input: SetPostTargetsInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(setPostTargetsInput, input);
  const targets = i.targets.map((t) => ({
    network: t.network,
    text_override: t.textOverride,
    social_account_id: t.pageId ?? null,
  }));
  const post = await run(claims, (tx) =>
    postCall(
      tx,
      sql`app.set_post_targets(${i.postId}::uuid, ${i.expectedRevision}::int,
        ${JSON.stringify(targets)}::jsonb, ${meta.requestId}, ${ip(meta)})`,
    ),
  );
  // A network added to a scheduled post is scheduled with it and needs its job.
  if (post.status === "scheduled") await enqueuePostTargetsSafely(post.id);
  return post;
}

/** The post's files, in order, each with an optional post-specific alt text. */
export async function setPostMedia(
  claims: JwtClaims,
  input: SetPostMediaInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(setPostMediaInput, input);
  const media = i.media.map((m) => ({ media_id: m.mediaId, alt_override: m.altOverride }));
  return run(claims, (tx) =>
    postCall(
      tx,
      sql`app.set_post_media(${i.postId}::uuid, ${i.expectedRevision}::int,
        ${JSON.stringify(media)}::jsonb, ${meta.requestId}, ${ip(meta)})`,
    ),
  );
}

async function orgTimezoneOfPost(tx: RlsTx, postId: string) {
  const row = await one<
    | { timezone: string; status: PostStatus; scheduledAt: string | null; revision: number }
    | undefined
  >(
    tx,
    sql`select o.timezone, p.status, ${iso("p.scheduled_at")} as "scheduledAt", p.revision
        from public.posts p join public.organizations o on o.id = p.org_id
        where p.id = ${postId}`,
  );
  if (!row) throw new AppError("not_found", "That post does not exist.");
  return row;
}

function callSchedule(
  tx: RlsTx,
  postId: string,
  at: Date,
  expectedRevision: number,
  meta: AuditMeta,
) {
  return postCall(
    tx,
    sql`app.schedule_post(${postId}::uuid, ${at.toISOString()}::timestamptz, ${expectedRevision}::int,
      ${getNow().toISOString()}::timestamptz, ${meta.requestId}, ${ip(meta)})`,
  );
}

/**
 * Schedules the post for a local date and time in its org's time zone. Refuses a time that does
 * not exist there (skipped by a DST change) and, in the database, a time not after now (lib/clock).
 */
export async function schedulePost(
  claims: JwtClaims,
  input: SchedulePostInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(schedulePostInput, input);
  const post = await run(claims, async (tx) => {
    const { timezone } = await orgTimezoneOfPost(tx, i.postId);
    const at = zonedLocalToUtc(i.date, i.time, timezone);
    if (!at.ok) {
      const message =
        at.reason === "nonexistent"
          ? `${i.time} does not exist on ${i.date} in ${timezone}: the clocks skip it. Pick another time.`
          : "Pick a valid date and time.";
      throw new AppError("validation_failed", message, { fieldErrors: { time: message } });
    }
    return callSchedule(tx, i.postId, at.utc, i.expectedRevision, meta);
  });
  await enqueuePostTargetsSafely(post.id);
  return post;
}

/**
 * Moves a scheduled post by whole days (a calendar drag), keeping its local time of day in the
 * org's time zone: across a DST change the stored instant moves by 23 or 25 hours. A time that does
 * not exist on the new day moves to the first minute after the gap (see local-time.ts).
 */
export async function reschedulePostByDays(
  claims: JwtClaims,
  input: ReschedulePostByDaysInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(reschedulePostByDaysInput, input);
  const moved = await run(claims, async (tx) => {
    const post = await orgTimezoneOfPost(tx, i.postId);
    if (post.status !== "scheduled" || !post.scheduledAt)
      throw new AppError("rule_violation", "Only a scheduled post can be moved on the calendar.");
    const at = shiftLocalDays(new Date(post.scheduledAt), post.timezone, i.days);
    return callSchedule(tx, i.postId, at, i.expectedRevision ?? post.revision, meta);
  });
  await enqueuePostTargetsSafely(moved.id);
  return moved;
}

/** "Publish now": scheduled for the server's current instant, so the job runs at once. */
export async function publishPostNow(
  claims: JwtClaims,
  input: UnschedulePostInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(unschedulePostInput, input);
  const post = await run(claims, (tx) =>
    postCall(
      tx,
      sql`app.publish_post_now(${i.postId}::uuid, ${i.expectedRevision}::int,
        ${getNow().toISOString()}::timestamptz, ${meta.requestId}, ${ip(meta)})`,
    ),
  );
  await enqueuePostTargetsSafely(post.id);
  return post;
}

/** Back to a draft, with no scheduled time. */
export async function unschedulePost(
  claims: JwtClaims,
  input: UnschedulePostInput,
  meta: AuditMeta,
): Promise<PostRow> {
  const i = parse(unschedulePostInput, input);
  return run(claims, (tx) =>
    postCall(
      tx,
      sql`app.unschedule_post(${i.postId}::uuid, ${i.expectedRevision}::int, ${meta.requestId}, ${ip(meta)})`,
    ),
  );
}

export type ArchiveResult = {
  archived: string[];
  /** Posts left as they were, with the reason (e.g. being published right now). */
  refused: { postId: string; message: string }[];
};

/**
 * Archives each post (posts are never deleted). Each post on its own: the ones that cannot be
 * archived are reported and the others archived; a role that may archive nothing fails the call.
 */
export async function archivePosts(
  claims: JwtClaims,
  input: ArchivePostsInput,
  meta: AuditMeta,
): Promise<ArchiveResult> {
  const i = parse(archivePostsInput, input);
  const result: ArchiveResult = { archived: [], refused: [] };
  await run(claims, async (tx) => {
    for (const postId of new Set(i.postIds)) {
      try {
        // A savepoint per post: a refusal rolls back only that post.
        await tx.transaction((sp) =>
          sp.execute(
            sql`select app.archive_post(${postId}::uuid, null, ${meta.requestId}, ${ip(meta)})`,
          ),
        );
        result.archived.push(postId);
      } catch (err) {
        const known = mapPostError(err);
        if (!(known instanceof AppError) || pgField(err, "hint") === "forbidden") throw known;
        result.refused.push({ postId, message: known.message });
      }
    }
  });
  return result;
}

// --- Campaigns ------------------------------------------------------------------------------------

export async function createCampaign(
  claims: JwtClaims,
  orgId: string,
  input: CreateCampaignInput,
  meta: AuditMeta,
): Promise<CampaignRow> {
  const i = parse(createCampaignInput, input);
  return run(claims, (tx) =>
    one<CampaignRow>(
      tx,
      sql`select ${campaignColumns} from app.create_campaign(${orgId}::uuid, ${i.name}, ${i.description},
        ${i.color}, ${i.startsOn}::date, ${i.endsOn}::date, ${meta.requestId}, ${ip(meta)}) r`,
    ),
  );
}

/** Name, description, colour and dates, replaced as a whole. */
export async function updateCampaign(
  claims: JwtClaims,
  input: UpdateCampaignInput,
  meta: AuditMeta,
): Promise<CampaignRow> {
  const i = parse(updateCampaignInput, input);
  return run(claims, (tx) =>
    one<CampaignRow>(
      tx,
      sql`select ${campaignColumns} from app.update_campaign(${i.campaignId}::uuid, ${i.name}, ${i.description},
        ${i.color}, ${i.startsOn}::date, ${i.endsOn}::date, ${meta.requestId}, ${ip(meta)}) r`,
    ),
  );
}

/** Archives the campaign; its posts stay in it, new posts cannot join it. */
export async function archiveCampaign(
  claims: JwtClaims,
  input: { campaignId: string },
  meta: AuditMeta,
): Promise<CampaignRow> {
  const i = parse(archiveCampaignInput, input);
  return run(claims, (tx) =>
    one<CampaignRow>(
      tx,
      sql`select ${campaignColumns} from app.archive_campaign(${i.campaignId}::uuid, ${meta.requestId}, ${ip(meta)}) r`,
    ),
  );
}

// --- Media ----------------------------------------------------------------------------------------

/** Records a file the upload flow has verified in Storage (lib/media/file-store.ts). */
export async function createMediaAsset(
  claims: JwtClaims,
  orgId: string,
  input: CreateMediaAssetInput,
  meta: AuditMeta,
): Promise<MediaAssetRow> {
  const i = parse(createMediaAssetInput, input);
  return run(claims, (tx) =>
    one<MediaAssetRow>(
      tx,
      sql`select ${mediaColumns} from app.create_media_asset(${orgId}::uuid, ${i.path}, ${i.mime},
        ${i.sizeBytes}::bigint, ${i.width ?? null}::int, ${i.height ?? null}::int, ${i.altText},
        ${i.fileName}, ${meta.requestId}, ${ip(meta)}) r`,
    ),
  );
}

export async function updateMediaAltText(
  claims: JwtClaims,
  input: { mediaId: string; altText: string | null },
  meta: AuditMeta,
): Promise<MediaAssetRow> {
  const i = parse(updateMediaAltTextInput, input);
  return run(claims, (tx) =>
    one<MediaAssetRow>(
      tx,
      sql`select ${mediaColumns} from app.update_media_asset(${i.mediaId}::uuid, ${i.altText}, ${meta.requestId}, ${ip(meta)}) r`,
    ),
  );
}

/**
 * Removes the file from the library (soft delete); refused while a scheduled post uses it. Removing
 * the object from Storage is a later cleanup job's.
 */
export async function deleteMediaAsset(
  claims: JwtClaims,
  input: { mediaId: string },
  meta: AuditMeta,
): Promise<MediaAssetRow> {
  const i = parse(deleteMediaAssetInput, input);
  return run(claims, (tx) =>
    one<MediaAssetRow>(
      tx,
      sql`select ${mediaColumns} from app.delete_media_asset(${i.mediaId}::uuid, ${meta.requestId}, ${ip(meta)}) r`,
    ),
  );
}
