// The media library: uploads through the FileStore's signed-URL protocol (DESIGN §5), as the org logo
// does — prepare checks what the browser declares and signs an upload URL for a fresh path; the
// browser PUTs the bytes straight to the `media` bucket; finalize inspects the stored object (size,
// stored Content-Type, magic bytes, pixel size) and records it through app.create_media_asset as the
// caller. Also: signed thumbnail URLs for many files at once, alt text, and the soft delete the
// database refuses while a scheduled post uses the file.
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { AppError, pgField } from "@/lib/errors";
import type { Logger } from "@/lib/logger";
import { getFileStore, type FileStore } from "@/lib/media/file-store";
import { IMAGE_HEADER_BYTES, isImageMime, readImageSize } from "@/lib/media/image-types";
import {
  checkMediaFile,
  MEDIA_LIST_LIMIT,
  MEDIA_SNIFF_BYTES,
  mediaKindOf,
  mediaMessages,
  mediaMimeForExt,
  mediaTypes,
  maxBytesFor,
  scheduledUseMessage,
  sniffMedia,
  type MediaLibraryItem,
} from "@/lib/media/media-rules";
import {
  createMediaAsset,
  deleteMediaAsset,
  updateMediaAltText,
  type AuditMeta,
} from "@/lib/posts/mutations";
import { listMediaAssets, type MediaAssetItem } from "@/lib/posts/queries";

export const MEDIA_BUCKET = "media" as const;
/** Signed thumbnail and file URLs outlive a page view comfortably; pages render per request. */
export const MEDIA_URL_TTL_SECONDS = 60 * 60;

export type { MediaLibraryItem };

// --- Schemas (every action carries the org's slug as `org`) ---------------------------------------

const fileName = z.string().trim().max(1000).optional();

export const prepareMediaUploadInput = z.object({
  org: z.string(),
  fileName,
  mime: z.string().max(200).default(""),
  size: z.coerce.number().int().min(0),
});

export const finalizeMediaUploadInput = z.object({
  org: z.string(),
  path: z.string().max(200),
  fileName,
  altText: z.string().max(5000).nullish(),
});

export const listMediaInput = z.object({
  org: z.string(),
  q: z.string().max(200).optional().catch(undefined),
  kind: z.enum(["image", "document"]).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});

export const updateMediaAltTextActionInput = z.object({
  org: z.string(),
  mediaId: z.uuid("Pick a file from the list."),
  altText: z.string().max(5000).nullish(),
});

export const deleteMediaInput = z.object({
  org: z.string(),
  mediaId: z.uuid("Pick a file from the list."),
});

// --- Errors ---------------------------------------------------------------------------------------

type FileErrorCode = "validation_failed" | "not_found" | "forbidden";

/** An error about the uploaded file, shown beside it. */
function fileError(message: string, code: FileErrorCode = "validation_failed") {
  return new AppError(code, message, { fieldErrors: { file: message } });
}

// --- Upload ---------------------------------------------------------------------------------------

export type PreparedMediaUpload = {
  /** Where the browser PUTs the bytes. */
  url: string;
  path: string;
  token: string;
  /** The Content-Type the PUT must carry (finalize compares it with the stored one). */
  contentType: string;
};

/** Checks what the browser says it will send (type and size), then signs an upload URL for a fresh path. */
export async function prepareMediaUpload(
  orgId: string,
  file: { fileName?: string; mime: string; size: number },
  store: FileStore = getFileStore(),
): Promise<PreparedMediaUpload> {
  const check = checkMediaFile({ name: file.fileName ?? "", type: file.mime, size: file.size });
  if (!check.ok) throw fileError(check.message);
  const path = `${orgId}/${randomUUID()}.${mediaTypes[check.mime].ext}`;
  const upload = await store.createUploadUrl(MEDIA_BUCKET, path);
  return { url: upload.url, path, token: upload.token, contentType: check.mime };
}

const pathPattern = (orgId: string) =>
  new RegExp(`^${orgId}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.([a-z]+)$`);

async function myRole(claims: JwtClaims, orgId: string): Promise<string | null> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<{ role: string | null }>(sql`select app.my_role(${orgId}::uuid)::text as role`),
  );
  return [...rows][0]?.role ?? null;
}

/**
 * Inspects the uploaded object and, when it is the file it claims to be, records it in the library
 * (with a `media.uploaded` entry). A file that fails a check is deleted and reported as a field
 * error; a caller who may not upload into the org changes nothing, in the database or in storage.
 */
export async function finalizeMediaUpload(
  claims: JwtClaims,
  orgId: string,
  input: { path: string; fileName?: string | null; altText?: string | null },
  meta: AuditMeta & { log?: Logger },
  store: FileStore = getFileStore(),
): Promise<MediaLibraryItem> {
  const { path } = input;
  const ext = pathPattern(orgId).exec(path)?.[1];
  const expected = ext ? mediaMimeForExt(ext) : null;
  if (!expected) throw fileError(mediaMessages.notThisOrg);
  const kind = mediaTypes[expected].kind;

  const role = await myRole(claims, orgId);
  if (!role || role === "viewer")
    throw fileError("Your role does not allow uploading files.", "forbidden");

  const reject = async (message: string) => {
    await store.remove(MEDIA_BUCKET, [path]).catch((err: unknown) => {
      meta.log?.warn("could not delete a refused media upload", { path, err });
    });
    return fileError(message);
  };

  const stat = await store.statObject(MEDIA_BUCKET, path);
  if (!stat) throw fileError(mediaMessages.notArrived, "not_found");
  if (stat.size === 0) throw await reject(mediaMessages.empty);
  if (stat.size > maxBytesFor(kind)) throw await reject(mediaMessages.tooLarge(stat.size, kind));
  const storedType = stat.contentType?.split(";")[0]?.trim().toLowerCase();
  if (storedType !== expected) throw await reject(mediaMessages.notSentAs(expected));

  const head = await store.readHead(
    MEDIA_BUCKET,
    path,
    kind === "image" ? IMAGE_HEADER_BYTES : MEDIA_SNIFF_BYTES,
  );
  if (!head) throw fileError(mediaMessages.notArrived, "not_found");
  const actual = sniffMedia(head);
  if (actual !== expected) throw await reject(mediaMessages.mismatch(actual, expected));
  const size = isImageMime(expected) ? readImageSize(head, expected) : null;

  let row;
  try {
    row = await createMediaAsset(
      claims,
      orgId,
      {
        path,
        mime: expected,
        sizeBytes: stat.size,
        width: size?.width ?? null,
        height: size?.height ?? null,
        altText: input.altText?.slice(0, 1000) ?? null,
        fileName: input.fileName?.trim().slice(0, 255) || null,
      },
      meta,
    );
  } catch (err) {
    // The path is already a library file: it stays. Anything else leaves an object nobody records.
    if (!(err instanceof AppError && err.code === "conflict")) {
      await store.remove(MEDIA_BUCKET, [path]).catch(() => {});
    }
    if (err instanceof AppError && err.fieldErrors?.fileName) {
      throw new AppError(err.code, err.fieldErrors.fileName, {
        fieldErrors: { file: err.fieldErrors.fileName },
        cause: err,
      });
    }
    throw err;
  }

  const item = await getMediaItem(claims, orgId, row.id);
  if (!item) throw fileError(mediaMessages.notArrived, "not_found");
  const [url] = await getMediaUrls(orgId, [item], meta.log, store);
  return toLibraryItem(item, url ?? null);
}

// --- Reading --------------------------------------------------------------------------------------

/** One library file, as listMediaAssets shows it (same columns), or null when the caller cannot see it. */
export async function getMediaItem(
  claims: JwtClaims,
  orgId: string,
  mediaId: string,
): Promise<MediaAssetItem | null> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<MediaAssetItem>(sql`
      select a.id, a.path, a.mime, a.size_bytes::float8 as "sizeBytes", a.width, a.height,
             a.alt_text as "altText", a.file_name as "fileName", a.uploaded_by as "uploadedBy",
             coalesce(nullif(btrim(up.full_name), ''), up.email) as "uploadedByName",
             (select count(distinct pm.post_id)::int from public.post_media pm join public.posts p on p.id = pm.post_id
               where pm.media_id = a.id and p.status in ('scheduled', 'publishing')) as "scheduledUses",
             (to_json(a.created_at) #>> '{}') as "createdAt"
      from public.media_assets a
      left join public.profiles up on up.id = a.uploaded_by
      where a.id = ${mediaId} and a.org_id = ${orgId} and a.deleted_at is null`),
  );
  return [...rows][0] ?? null;
}

/**
 * Signed download URLs (1 h) for the files, in order, in one Storage call; null for a file outside
 * the org's folder or missing in Storage. Storage being down leaves every URL null (the library then
 * shows placeholders) rather than failing the page.
 */
export async function getMediaUrls(
  orgId: string,
  items: { path: string }[],
  log?: Logger,
  store?: FileStore,
): Promise<(string | null)[]> {
  const pattern = pathPattern(orgId);
  const signable = items.map((i) => pattern.test(i.path));
  const paths = items.filter((_, k) => signable[k]).map((i) => i.path);
  if (paths.length === 0) return items.map(() => null);
  let urls: (string | null)[];
  try {
    urls = await (store ?? getFileStore()).createDownloadUrls(
      MEDIA_BUCKET,
      paths,
      MEDIA_URL_TTL_SECONDS,
    );
  } catch (err) {
    log?.warn("could not sign media URLs", { err });
    return items.map(() => null);
  }
  let next = 0;
  return signable.map((ok) => (ok ? (urls[next++] ?? null) : null));
}

function toLibraryItem(item: MediaAssetItem, url: string | null): MediaLibraryItem {
  const { path: _path, ...rest } = item;
  return { ...rest, kind: mediaKindOf(item.mime), url };
}

/** The library with a signed URL per file (the path itself never leaves the server). */
export async function listMediaLibrary(
  claims: JwtClaims,
  orgId: string,
  opts: { q?: string; kind?: "image" | "document"; limit?: number } = {},
  log?: Logger,
  store?: FileStore,
): Promise<MediaLibraryItem[]> {
  const items = await listMediaAssets(claims, orgId, {
    ...opts,
    limit: opts.limit ?? MEDIA_LIST_LIMIT,
  });
  const urls = await getMediaUrls(orgId, items, log, store);
  return items.map((item, k) => toLibraryItem(item, urls[k] ?? null));
}

// --- Changing and deleting -------------------------------------------------------------------------

/** The file must be one of this org's (a member of several orgs acts in the one the page is for). */
async function requireInOrg(claims: JwtClaims, orgId: string, mediaId: string): Promise<void> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<{ orgId: string }>(
      sql`select org_id as "orgId" from public.media_assets where id = ${mediaId}`,
    ),
  );
  const row = [...rows][0];
  if (!row || row.orgId !== orgId) throw new AppError("not_found", "That file does not exist.");
}

export async function updateMediaAlt(
  claims: JwtClaims,
  orgId: string,
  input: { mediaId: string; altText: string | null | undefined },
  meta: AuditMeta,
): Promise<{ id: string; altText: string | null }> {
  try {
    await requireInOrg(claims, orgId, input.mediaId);
    const row = await updateMediaAltText(
      claims,
      { mediaId: input.mediaId, altText: input.altText ?? null },
      meta,
    );
    return { id: row.id, altText: row.altText };
  } catch (err) {
    if (err instanceof AppError && !err.fieldErrors?.altText) {
      throw new AppError(err.code, err.message, {
        fieldErrors: { ...err.fieldErrors, altText: err.fieldErrors?.altText ?? err.message },
        cause: err,
      });
    }
    throw err;
  }
}

/**
 * Soft-deletes the file. While scheduled posts use it the database refuses; the refusal says how
 * many ("Used by 2 scheduled posts: unschedule them first.").
 */
export async function deleteMedia(
  claims: JwtClaims,
  orgId: string,
  mediaId: string,
  meta: AuditMeta,
): Promise<{ id: string }> {
  await requireInOrg(claims, orgId, mediaId);
  try {
    const row = await deleteMediaAsset(claims, { mediaId }, meta);
    return { id: row.id };
  } catch (err) {
    if (err instanceof AppError && pgField(err, "hint") === "media_in_use") {
      let count = 1;
      try {
        const detail = JSON.parse(pgField(err, "detail") ?? "{}") as { post_ids?: unknown[] };
        count = detail.post_ids?.length || 1;
      } catch {
        // no detail: at least one post
      }
      throw new AppError("conflict", scheduledUseMessage(count), { cause: err });
    }
    throw err;
  }
}
