// Reads of posts, campaigns and media, as the caller through RLS: an employee gets only the posts
// they author or that are on behalf of them (and those posts' versions, targets and media), every
// other role everything of the org. Times are ISO 8601 strings (UTC instants); dates in filters are
// days in the org's time zone.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { iso } from "@/lib/db/sql";
import { withRls, type JwtClaims, type RlsTx } from "@/lib/db/rls";
import type {
  CampaignStatus,
  PostSource,
  PostStatus,
  TargetNetwork,
  TargetStatus,
} from "@/lib/posts/constants";
import type { ListPostsFilters } from "@/lib/posts/schemas";

/** A timestamptz column as an ISO 8601 string. */
const nameOf = (alias: string) =>
  sql.raw(`coalesce(nullif(btrim(${alias}.full_name), ''), ${alias}.email)`);

const isUuid = (v: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export const POSTS_PAGE_SIZE = 50;
const EXCERPT_CHARS = 280;

export type PostListItem = {
  id: string;
  title: string | null;
  status: PostStatus;
  scheduledAt: string | null;
  revision: number;
  campaignId: string | null;
  campaignName: string | null;
  authorId: string | null;
  authorName: string | null;
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
  /** The start of the current version's text. */
  excerpt: string;
  networks: TargetNetwork[];
  mediaCount: number;
  /**
   * A scheduled target of the post will not go out as things stand: the account it would publish
   * with (as the worker resolves it) needs reconnecting, was disconnected, or was never connected.
   */
  accountProblem: boolean;
  createdAt: string;
  updatedAt: string;
};

/** A post of the list with its whole current text (the CSV export). */
export type PostExportItem = PostListItem & { text: string };

export type ListPostsOptions = {
  /**
   * Keyset pages by last change even with a date range (the posts list). Without it a date range
   * lists by scheduled time, up to `limit` (500) posts and no further page (the calendar).
   */
  paged?: boolean;
};

const cursorOf = (p: PostListItem) => `${p.updatedAt}~${p.id}`;
function parseCursor(cursor: string | undefined): { updatedAt: string; id: string } | null {
  const m = cursor?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+[+-]\d{2}:\d{2})~([0-9a-f-]{36})$/);
  return m ? { updatedAt: m[1]!, id: m[2]! } : null;
}

/**
 * Full-text search (websearch syntax, 'simple' configuration) of the post as one document: its title
 * and its CURRENT version's text (older versions do not match). "zebra pelican" finds a post with
 * "Zebra" in the title and "pelicans" in the text; "pelican -zebra" leaves it out.
 *
 * The GIN indexes are per column (posts_title_search_idx, post_versions_body_search_idx), so the
 * candidates come from them first: posts whose title or current text holds ANY word of the query (a
 * superset of the matches, each branch an index scan), then the whole query is checked on title and
 * text together. A query with no word to look for (only exclusions, "-zebra") cannot use an index
 * and is checked on every post of the org.
 *
 * Caveat: run as `authenticated`, RLS keeps Postgres from making `@@` (ts_match_vq, not leakproof)
 * an index condition, so the branches filter the org's posts (posts_org_id_* index) instead; as a
 * role without RLS the plan is two GIN bitmap scans. Serving the candidates from a security definer
 * function (membership check + the two branches) would let the indexes work for everyone.
 */
function searchCondition(orgId: string, q: string): SQL {
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  // Every lexeme of the query as tsquery output prints it (quoted, re-parseable), joined with |.
  const anyWord = sql`(select string_agg(m[1], ' | ')
      from regexp_matches(${query}::text, $re$('(?:[^']|'')*')$re$, 'g') m)::tsquery`;
  return sql`(to_tsvector('simple', coalesce(p.title, '')) || to_tsvector('simple', coalesce(v.body, '')))
        @@ ${query}
    and (querytree(${query}) in ('', 'T') or p.id in (
      select tp.id from public.posts tp
       where tp.org_id = ${orgId} and to_tsvector('simple', coalesce(tp.title, '')) @@ ${anyWord}
      union
      select sv.post_id from public.post_versions sv
        join public.posts sp on sp.id = sv.post_id and sp.current_version_id = sv.id
       where sv.org_id = ${orgId} and to_tsvector('simple', sv.body) @@ ${anyWord}))`;
}

function postsStatement(
  org: { id: string; timezone: string },
  f: ListPostsFilters,
  opts: ListPostsOptions & { withText?: boolean },
) {
  const where: SQL[] = [sql`p.org_id = ${org.id}`];
  if (f.status?.length)
    where.push(sql`p.status = any (${`{${f.status.join(",")}}`}::public.post_status[])`);
  else where.push(sql`p.status <> 'archived'`);
  if (f.campaign) where.push(sql`p.campaign_id = ${f.campaign}`);
  if (f.author) where.push(sql`p.author_id = ${f.author}`);
  if (f.onBehalfOf) where.push(sql`p.on_behalf_of = ${f.onBehalfOf}`);
  if (f.network)
    where.push(
      sql`exists (select 1 from public.post_targets t where t.post_id = p.id and t.network = ${f.network})`,
    );
  // Midnight in the org's zone (a midnight skipped by DST counts from the first minute after it).
  if (f.from)
    where.push(sql`p.scheduled_at >= (${f.from}::date)::timestamp at time zone ${org.timezone}`);
  if (f.to)
    where.push(sql`p.scheduled_at < ((${f.to}::date + 1)::timestamp at time zone ${org.timezone})`);
  const q = f.q?.trim().slice(0, 200);
  if (q) where.push(searchCondition(org.id, q));
  const calendar = Boolean(f.from || f.to) && !opts.paged;
  const limit = f.limit ?? (calendar ? 500 : POSTS_PAGE_SIZE);
  const after = calendar ? null : parseCursor(f.cursor);
  if (after)
    where.push(sql`(p.updated_at, p.id) < (${after.updatedAt}::timestamptz, ${after.id}::uuid)`);
  const order = calendar
    ? sql`p.scheduled_at asc nulls last, p.id`
    : sql`p.updated_at desc, p.id desc`;

  const statement = sql`
      select p.id, p.title, p.status, ${iso("p.scheduled_at")} as "scheduledAt", p.revision,
             p.campaign_id as "campaignId", c.name as "campaignName",
             p.author_id as "authorId", ${nameOf("au")} as "authorName",
             p.on_behalf_of as "onBehalfOf", ${nameOf("ob")} as "onBehalfOfName",
             left(coalesce(v.body, ''), ${EXCERPT_CHARS}) as excerpt,
             ${opts.withText ? sql`coalesce(v.body, '') as text,` : sql``}
             coalesce((select array_agg(t.network order by t.network) from public.post_targets t where t.post_id = p.id), '{}') as networks,
             (select count(*)::int from public.post_media pm where pm.post_id = p.id) as "mediaCount",
             exists (
               select 1 from public.post_targets t
                where t.post_id = p.id and t.status = 'scheduled' and t.network not in ('facebook', 'instagram')
                  -- The account the worker will claim with (lib/publishing/targets.ts, same order),
                  -- missing or not active.
                  and not coalesce((
                    select a.status = 'active' from public.social_accounts a
                     where a.org_id = t.org_id and a.network = t.network
                       and (a.id = t.social_account_id
                            or (t.social_account_id is null and a.status <> 'disconnected'
                                and (a.user_id = p.on_behalf_of or a.network = 'sandbox')))
                     order by (a.user_id = p.on_behalf_of) desc nulls last, (a.status = 'active') desc,
                              a.connected_at desc
                     limit 1), false)
             ) as "accountProblem",
             ${iso("p.created_at")} as "createdAt", ${iso("p.updated_at")} as "updatedAt"
      from public.posts p
      left join public.post_versions v on v.id = p.current_version_id
      left join public.campaigns c on c.id = p.campaign_id
      left join public.profiles au on au.id = p.author_id
      left join public.profiles ob on ob.id = p.on_behalf_of
      where ${sql.join(where, sql` and `)}
      order by ${order}
      limit ${limit + 1}`;
  return { statement, limit, calendar };
}

async function postsPage<T extends PostListItem>(
  tx: RlsTx,
  org: { id: string; timezone: string },
  f: ListPostsFilters,
  opts: ListPostsOptions & { withText?: boolean },
): Promise<{ posts: T[]; nextCursor: string | null }> {
  const { statement, limit, calendar } = postsStatement(org, f, opts);
  const all = [...(await tx.execute<T>(statement))] as T[];
  const page = all.slice(0, limit);
  const nextCursor = !calendar && all.length > limit ? cursorOf(page.at(-1)!) : null;
  return { posts: page, nextCursor };
}

/**
 * The org's posts the caller may read, filtered. With a date range (the calendar) they come by
 * scheduled time, otherwise (or with `paged`) most recently changed first, a page at a time
 * (`nextCursor`). Archived posts appear only when the status filter asks for them; a date range
 * leaves out posts with no scheduled time. `q` searches the title and the current text.
 */
export async function listPosts(
  claims: JwtClaims,
  org: { id: string; timezone: string },
  f: ListPostsFilters = {},
  opts: ListPostsOptions = {},
): Promise<{ posts: PostListItem[]; nextCursor: string | null }> {
  return withRls(claims, (tx) => postsPage<PostListItem>(tx, org, f, opts));
}

/** Most rows one CSV export holds. */
export const POSTS_EXPORT_MAX = 10_000;
const EXPORT_PAGE = 500;

/**
 * Every post matching the filters (the list's pages, in one transaction), with the whole current
 * text, most recently changed first, up to `max`; `truncated` says there were more.
 */
export async function exportPosts(
  claims: JwtClaims,
  org: { id: string; timezone: string },
  f: ListPostsFilters = {},
  max: number = POSTS_EXPORT_MAX,
): Promise<{ posts: PostExportItem[]; truncated: boolean }> {
  max = Math.max(1, Math.floor(max));
  return withRls(claims, async (tx) => {
    const posts: PostExportItem[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await postsPage<PostExportItem>(
        tx,
        org,
        { ...f, cursor, limit: Math.min(EXPORT_PAGE, max - posts.length) },
        { paged: true, withText: true },
      );
      posts.push(...page.posts);
      if (!page.nextCursor) return { posts, truncated: false };
      if (posts.length >= max) return { posts, truncated: true };
      cursor = page.nextCursor;
    }
  });
}

/** Which of `postIds` are posts of the org the caller may read (a crafted id of another org is not). */
/** The status of a post of `orgId` the caller can read, or null. */
export async function postStatusInOrg(
  claims: JwtClaims,
  orgId: string,
  postId: string,
): Promise<PostStatus | null> {
  if (!isUuid(postId)) return null;
  const rows = await withRls(claims, (tx) =>
    tx.execute<{ status: PostStatus }>(sql`
      select p.status from public.posts p where p.id = ${postId} and p.org_id = ${orgId}`),
  );
  return [...rows][0]?.status ?? null;
}

export async function postIdsInOrg(
  claims: JwtClaims,
  orgId: string,
  postIds: string[],
): Promise<Set<string>> {
  const ids = postIds.filter((id) => isUuid(id));
  if (!ids.length) return new Set();
  const rows = await withRls(claims, (tx) =>
    tx.execute<{ id: string }>(sql`
      select p.id from public.posts p
      where p.org_id = ${orgId} and p.id = any (${`{${ids.join(",")}}`}::uuid[])`),
  );
  return new Set([...rows].map((r) => r.id));
}

export type PostVersionItem = {
  id: string;
  versionNo: number;
  body: string;
  source: PostSource;
  authorId: string | null;
  authorName: string | null;
  /** The version number this one was restored from. */
  restoredFromVersionNo: number | null;
  createdAt: string;
};

export type PostTargetItem = {
  id: string;
  network: TargetNetwork;
  socialAccountId: string | null;
  textOverride: string | null;
  status: TargetStatus;
  publishedAt: string | null;
  platformPostId: string | null;
  platformUrl: string | null;
  error: string | null;
};

export type PostMediaItem = {
  mediaId: string;
  position: number;
  altText: string | null;
  altOverride: string | null;
  path: string;
  mime: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  fileName: string | null;
  /** The file was deleted from the library after it was attached. */
  deleted: boolean;
};

export type PostDetail = Omit<PostListItem, "excerpt" | "networks" | "mediaCount"> & {
  orgId: string;
  currentVersionId: string | null;
  body: string;
  source: PostSource;
  archivedAt: string | null;
  updatedBy: string | null;
};

export type PostWithVersions = {
  post: PostDetail;
  /** Newest first. */
  versions: PostVersionItem[];
  targets: PostTargetItem[];
  /** In display order. */
  media: PostMediaItem[];
};

/** A post with its history, targets and media; null when it does not exist or the caller may not read it. */
export async function getPostWithVersions(
  claims: JwtClaims,
  postId: string,
): Promise<PostWithVersions | null> {
  return withRls(claims, async (tx) => {
    const [post] = await tx.execute<PostDetail>(sql`
      select p.id, p.org_id as "orgId", p.title, p.status, ${iso("p.scheduled_at")} as "scheduledAt", p.revision,
             p.campaign_id as "campaignId", c.name as "campaignName",
             p.author_id as "authorId", ${nameOf("au")} as "authorName",
             p.on_behalf_of as "onBehalfOf", ${nameOf("ob")} as "onBehalfOfName",
             p.current_version_id as "currentVersionId", coalesce(v.body, '') as body,
             coalesce(v.source, 'human') as source, p.updated_by as "updatedBy",
             ${iso("p.created_at")} as "createdAt", ${iso("p.updated_at")} as "updatedAt",
             ${iso("p.archived_at")} as "archivedAt"
      from public.posts p
      left join public.post_versions v on v.id = p.current_version_id
      left join public.campaigns c on c.id = p.campaign_id
      left join public.profiles au on au.id = p.author_id
      left join public.profiles ob on ob.id = p.on_behalf_of
      where p.id = ${postId}`);
    if (!post) return null;
    const versions = await tx.execute<PostVersionItem>(sql`
      select v.id, v.version_no as "versionNo", v.body, v.source, v.author_id as "authorId",
             ${nameOf("au")} as "authorName", r.version_no as "restoredFromVersionNo",
             ${iso("v.created_at")} as "createdAt"
      from public.post_versions v
      left join public.post_versions r on r.id = v.restored_from
      left join public.profiles au on au.id = v.author_id
      where v.post_id = ${postId}
      order by v.version_no desc`);
    const targets = await tx.execute<PostTargetItem>(sql`
      select t.id, t.network, t.social_account_id as "socialAccountId", t.text_override as "textOverride",
             t.status, ${iso("t.published_at")} as "publishedAt", t.platform_post_id as "platformPostId",
             t.platform_url as "platformUrl", t.error
      from public.post_targets t where t.post_id = ${postId}
      order by t.network`);
    // media_assets rows through RLS: an employee reads the files attached to posts they can read.
    const media = await tx.execute<PostMediaItem>(sql`
      select pm.media_id as "mediaId", pm.position, a.alt_text as "altText", pm.alt_override as "altOverride",
             a.path, a.mime, a.size_bytes::float8 as "sizeBytes", a.width, a.height,
             a.file_name as "fileName", a.deleted_at is not null as deleted
      from public.post_media pm join public.media_assets a on a.id = pm.media_id
      where pm.post_id = ${postId}
      order by pm.position`);
    return { post, versions: [...versions], targets: [...targets], media: [...media] };
  });
}

export type CampaignItem = {
  id: string;
  name: string;
  description: string | null;
  color: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: CampaignStatus;
  /** Posts in the campaign the caller can read, archived ones left out. */
  postCount: number;
  createdAt: string;
  archivedAt: string | null;
};

/** The org's campaigns, active first, then by start date and name. */
export async function listCampaigns(
  claims: JwtClaims,
  orgId: string,
  opts: { includeArchived?: boolean } = {},
): Promise<CampaignItem[]> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<CampaignItem>(sql`
      select c.id, c.name, c.description, c.color, c.starts_on::text as "startsOn", c.ends_on::text as "endsOn",
             c.status,
             (select count(*)::int from public.posts p where p.org_id = c.org_id and p.campaign_id = c.id and p.status <> 'archived') as "postCount",
             ${iso("c.created_at")} as "createdAt", ${iso("c.archived_at")} as "archivedAt"
      from public.campaigns c
      where c.org_id = ${orgId} ${opts.includeArchived ? sql`` : sql`and c.status = 'active'`}
      order by c.status, c.starts_on nulls last, lower(c.name)`),
  );
  return [...rows];
}

/** One campaign of the org (archived too); null when it is not the org's or does not exist. */
export async function getCampaign(
  claims: JwtClaims,
  orgId: string,
  campaignId: string,
): Promise<CampaignItem | null> {
  if (!isUuid(campaignId)) return null;
  const rows = await withRls(claims, (tx) =>
    tx.execute<CampaignItem>(sql`
      select c.id, c.name, c.description, c.color, c.starts_on::text as "startsOn", c.ends_on::text as "endsOn",
             c.status,
             (select count(*)::int from public.posts p where p.org_id = c.org_id and p.campaign_id = c.id and p.status <> 'archived') as "postCount",
             ${iso("c.created_at")} as "createdAt", ${iso("c.archived_at")} as "archivedAt"
      from public.campaigns c
      where c.org_id = ${orgId} and c.id = ${campaignId}::uuid`),
  );
  return [...rows][0] ?? null;
}

export type MediaAssetItem = {
  id: string;
  path: string;
  mime: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  altText: string | null;
  fileName: string | null;
  uploadedBy: string | null;
  uploadedByName: string | null;
  /** Scheduled or publishing posts that use the file: while there are any it cannot be deleted. */
  scheduledUses: number;
  createdAt: string;
};

/**
 * The library's search box as a tsquery: every word typed must start a word of the file's name
 * (split at punctuation, so "deck" finds "q3-deck.pdf") or alt text, "char" finds "chart". Only
 * letters and digits reach to_tsquery, so nothing typed can break its syntax. Null: no filter.
 */
export function mediaSearchQuery(q: string | undefined): string | null {
  const words =
    q
      ?.toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/**
 * The org's media library (deleted files left out), newest first. `q` searches the file names and
 * alt texts (words, as typed in a search box); `kind` narrows to images or documents.
 */
export async function listMediaAssets(
  claims: JwtClaims,
  orgId: string,
  opts: { limit?: number; q?: string; kind?: "image" | "document" } = {},
): Promise<MediaAssetItem[]> {
  const prefixQuery = mediaSearchQuery(opts.q);
  const rows = await withRls(claims, (tx) =>
    tx.execute<MediaAssetItem>(sql`
      select a.id, a.path, a.mime, a.size_bytes::float8 as "sizeBytes", a.width, a.height,
             a.alt_text as "altText", a.file_name as "fileName", a.uploaded_by as "uploadedBy",
             ${nameOf("up")} as "uploadedByName",
             (select count(distinct pm.post_id)::int from public.post_media pm join public.posts p on p.id = pm.post_id
               where pm.media_id = a.id and p.status in ('scheduled', 'publishing')) as "scheduledUses",
             ${iso("a.created_at")} as "createdAt"
      from public.media_assets a
      left join public.profiles up on up.id = a.uploaded_by
      where a.org_id = ${orgId} and a.deleted_at is null
        ${prefixQuery ? sql`and to_tsvector('simple', regexp_replace(coalesce(a.file_name, ''), '[^[:alnum:]]+', ' ', 'g') || ' ' || coalesce(a.alt_text, '')) @@ to_tsquery('simple', ${prefixQuery})` : sql``}
        ${opts.kind === "document" ? sql`and a.mime = 'application/pdf'` : opts.kind === "image" ? sql`and a.mime like 'image/%'` : sql``}
      order by a.created_at desc, a.id
      limit ${Math.min(Math.max(opts.limit ?? 100, 1), 500)}`),
  );
  return [...rows];
}
