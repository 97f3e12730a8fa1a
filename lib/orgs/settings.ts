// Organization settings: name, address and time zone; the logo (through the FileStore's signed-URL
// protocol); deleting the organization. Every write runs as the caller through withRls, so the
// database's policies and functions decide, and each write and its audit entry share one transaction.
import "server-only";
import { mapOrgWriteError } from "@/lib/orgs/org-write-errors";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { AppError, fromDbError } from "@/lib/errors";
import type { Logger } from "@/lib/logger";
import { getFileStore, type FileStore } from "@/lib/media/file-store";
import {
  imageTypes,
  isImageMime,
  mimeForExt,
  SNIFF_BYTES,
  sniffImage,
} from "@/lib/media/image-types";
import { LOGO_MAX_BYTES, logoMessages } from "@/lib/orgs/logo-rules";
import { createOrgInput } from "@/lib/orgs/schemas";

export const LOGO_BUCKET = "logos" as const;
/** Signed logo URLs outlive a page view comfortably; pages are rendered per request. */
export const LOGO_URL_TTL_SECONDS = 60 * 60;

export type AuditMeta = { requestId: string | null; ip: string | null };

// --- Schemas (the form posts the current slug as `org`, the new one as `slug`) ----------------------

export const updateOrgInput = createOrgInput.extend({ org: z.string() });
export type UpdateOrgInput = z.infer<typeof updateOrgInput>;

export const prepareLogoInput = z.object({
  org: z.string(),
  contentType: z.string().max(100),
  size: z.coerce.number().int().min(0),
});

export const finalizeLogoInput = z.object({ org: z.string(), path: z.string().max(200) });

export const removeLogoInput = z.object({ org: z.string() });

export const deleteOrgInput = z.object({
  org: z.string(),
  confirm: z.string().trim().min(1, "Type the address to confirm."),
});

// --- General settings ----------------------------------------------------------------------------

type OrgFields = { name: string; slug: string; timezone: string };

/**
 * Updates name, slug and time zone, and logs `org.updated` with what changed, in one transaction.
 * The organizations_update policy decides who may (owners and admins); anyone else updates no row.
 */
export async function updateOrganization(
  claims: JwtClaims,
  orgId: string,
  input: OrgFields,
  meta: AuditMeta,
): Promise<OrgFields & { changed: boolean }> {
  try {
    return await withRls(claims, async (tx) => {
      const [before] = await tx.execute<OrgFields>(sql`
        select name, slug, timezone from public.organizations
        where id = ${orgId} and deleted_at is null for update`);
      if (!before) throw forbidden();
      const after: OrgFields = { name: input.name, slug: input.slug, timezone: input.timezone };
      const changedKeys = (Object.keys(after) as (keyof OrgFields)[]).filter(
        (k) => after[k] !== before[k],
      );
      if (changedKeys.length === 0) return { ...before, changed: false };
      const updated = await tx.execute<OrgFields>(sql`
        update public.organizations
           set name = ${after.name}, slug = ${after.slug}, timezone = ${after.timezone}
         where id = ${orgId} and deleted_at is null
        returning name, slug, timezone`);
      const [row] = updated;
      if (!row) throw forbidden();
      await tx.execute(sql`select app.log_activity(
        ${orgId}::uuid, 'org.updated', 'organization', ${orgId},
        ${JSON.stringify({
          before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
          after: Object.fromEntries(changedKeys.map((k) => [k, row[k]])),
        })}::jsonb,
        ${meta.requestId}, ${meta.ip}::inet)`);
      return { ...row, changed: true };
    });
  } catch (err) {
    throw mapOrgWriteError(err);
  }
}

function forbidden() {
  return new AppError("forbidden", "Your role does not allow changing these settings.");
}

// --- Logo ------------------------------------------------------------------------------------------

function logoError(message: string, code: "validation_failed" | "not_found" = "validation_failed") {
  return new AppError(code, message, { fieldErrors: { logo: message } });
}

/** Checks what the browser says it will send, then signs an upload URL for a fresh path. */
export async function prepareLogoUpload(
  orgId: string,
  file: { contentType: string; size: number },
  store: FileStore = getFileStore(),
): Promise<{ uploadUrl: string; path: string; contentType: string }> {
  const contentType = file.contentType.toLowerCase();
  if (!isImageMime(contentType)) throw logoError(logoMessages.type);
  if (file.size === 0) throw logoError(logoMessages.empty);
  if (file.size > LOGO_MAX_BYTES) throw logoError(logoMessages.tooLarge(file.size));
  const path = `${orgId}/${randomUUID()}.${imageTypes[contentType].ext}`;
  const upload = await store.createUploadUrl(LOGO_BUCKET, path);
  return { uploadUrl: upload.url, path, contentType };
}

function logoPathPattern(orgId: string) {
  return new RegExp(`^${orgId}/[0-9a-f-]{36}\\.(png|jpg|webp|gif)$`);
}

/**
 * Inspects the uploaded object (size, stored Content-Type, magic bytes) and, when it is the image it
 * claims to be, makes it the org's logo (with an `org.logo_updated` entry) and removes the previous
 * one. A file that fails a check is deleted and reported as a field error.
 */
export async function finalizeLogo(
  claims: JwtClaims,
  orgId: string,
  path: string,
  meta: AuditMeta & { log?: Logger },
  store: FileStore = getFileStore(),
): Promise<{ logoPath: string }> {
  const match = logoPathPattern(orgId).exec(path);
  if (!match) throw logoError("That upload does not belong to this organization.");
  const expected = mimeForExt(match[1]!)!;

  const reject = async (message: string) => {
    await store.remove(LOGO_BUCKET, [path]).catch((err: unknown) => {
      meta.log?.warn("could not delete a refused logo upload", { path, err });
    });
    return logoError(message);
  };

  const stat = await store.statObject(LOGO_BUCKET, path);
  if (!stat) throw logoError("The upload did not arrive. Try again.", "not_found");
  if (stat.size === 0) throw await reject(logoMessages.empty);
  if (stat.size > LOGO_MAX_BYTES) throw await reject(logoMessages.tooLarge(stat.size));
  const storedType = stat.contentType?.split(";")[0]?.trim().toLowerCase();
  if (storedType !== expected)
    throw await reject(`That file was not sent as a ${imageTypes[expected].label} image.`);
  const head = await store.readHead(LOGO_BUCKET, path, SNIFF_BYTES);
  if (!head) throw logoError("The upload did not arrive. Try again.", "not_found");
  const actual = sniffImage(head);
  if (actual !== expected) {
    throw await reject(
      actual
        ? `That file is a ${imageTypes[actual].label} image named as ${imageTypes[expected].label}. Export it again and retry.`
        : logoMessages.notImage,
    );
  }

  let previous: string | null;
  try {
    previous = await withRls(claims, async (tx) => {
      const [row] = await tx.execute<{ logo_path: string | null }>(sql`
        select logo_path from public.organizations
        where id = ${orgId} and deleted_at is null for update`);
      if (!row) throw forbidden();
      const updated = await tx.execute(sql`
        update public.organizations set logo_path = ${path}
        where id = ${orgId} and deleted_at is null returning id`);
      if ([...updated].length === 0) throw forbidden();
      await tx.execute(sql`select app.log_activity(
        ${orgId}::uuid, 'org.logo_updated', 'organization', ${orgId},
        ${JSON.stringify({ before: row.logo_path, after: path })}::jsonb,
        ${meta.requestId}, ${meta.ip}::inet)`);
      return row.logo_path;
    });
  } catch (err) {
    await store.remove(LOGO_BUCKET, [path]).catch(() => {});
    throw mapOrgWriteError(err);
  }
  if (previous && previous !== path) {
    // After the commit: a failure here leaves an unreferenced file, never a logo pointing at nothing.
    await store.remove(LOGO_BUCKET, [previous]).catch((err: unknown) => {
      meta.log?.warn("could not delete the previous logo", { path: previous, err });
    });
  }
  return { logoPath: path };
}

/** Clears the logo (with an `org.logo_removed` entry), then deletes the file. */
export async function removeLogo(
  claims: JwtClaims,
  orgId: string,
  meta: AuditMeta & { log?: Logger },
  store: FileStore = getFileStore(),
): Promise<void> {
  let previous: string | null;
  try {
    previous = await withRls(claims, async (tx) => {
      const [row] = await tx.execute<{ logo_path: string | null }>(sql`
        select logo_path from public.organizations
        where id = ${orgId} and deleted_at is null for update`);
      if (!row) throw forbidden();
      if (!row.logo_path) return null;
      const updated = await tx.execute(sql`
        update public.organizations set logo_path = null
        where id = ${orgId} and deleted_at is null returning id`);
      if ([...updated].length === 0) throw forbidden();
      await tx.execute(sql`select app.log_activity(
        ${orgId}::uuid, 'org.logo_removed', 'organization', ${orgId},
        ${JSON.stringify({ before: row.logo_path })}::jsonb,
        ${meta.requestId}, ${meta.ip}::inet)`);
      return row.logo_path;
    });
  } catch (err) {
    throw mapOrgWriteError(err);
  }
  if (previous) {
    await store.remove(LOGO_BUCKET, [previous]).catch((err: unknown) => {
      meta.log?.warn("could not delete the removed logo", { path: previous, err });
    });
  }
}

/** A signed URL for the org's logo, or null (no logo, a path outside the org, or Storage down). */
export async function getLogoUrl(
  orgId: string,
  logoPath: string | null,
  log?: Logger,
  store?: FileStore,
): Promise<string | null> {
  if (!logoPath || !logoPathPattern(orgId).test(logoPath)) return null;
  try {
    return await (store ?? getFileStore()).createDownloadUrl(
      LOGO_BUCKET,
      logoPath,
      LOGO_URL_TTL_SECONDS,
    );
  } catch (err) {
    log?.warn("could not sign the logo URL", { err });
    return null;
  }
}

// --- Reading and deleting ------------------------------------------------------------------------

export type OrgSettings = OrgFields & { id: string; logoPath: string | null };

export async function getOrgSettings(
  claims: JwtClaims,
  orgId: string,
): Promise<OrgSettings | null> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<OrgSettings>(sql`
      select id, name, slug, timezone, logo_path as "logoPath"
      from public.organizations where id = ${orgId} and deleted_at is null`),
  );
  return [...rows][0] ?? null;
}

/** Soft-deletes the org through app.delete_organization (owner only, typed slug, audit entry). */
export async function deleteOrganization(
  claims: JwtClaims,
  orgId: string,
  confirmSlug: string,
  meta: AuditMeta,
): Promise<void> {
  try {
    await withRls(claims, (tx) =>
      tx.execute(
        sql`select app.delete_organization(${orgId}::uuid, ${confirmSlug}, ${meta.requestId}, ${meta.ip}::inet)`,
      ),
    );
  } catch (err) {
    const mapped = fromDbError(err);
    if (mapped?.code === "rule_violation") {
      throw new AppError(mapped.code, mapped.message, {
        fieldErrors: { confirm: mapped.message },
        cause: err,
      });
    }
    throw mapped ?? err;
  }
}
