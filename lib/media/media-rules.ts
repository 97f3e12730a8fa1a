// What the media library takes: shared by the browser (early, friendly refusals before any byte is
// sent) and the server (the real checks, on the stored file). Client-safe: no server imports.
//
// Limits follow the networks (../shared/PLATFORMS.md): LinkedIn takes documents (PDF) up to 100 MB;
// images are capped at 10 MB, which every network we publish to accepts for a photo.
import {
  formatBytes,
  imageTypes,
  isPdf,
  PDF_MIME,
  sniffImage,
  type ImageMime,
} from "@/lib/media/image-types";

export const MEDIA_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const MEDIA_DOCUMENT_MAX_BYTES = 100 * 1024 * 1024;
/** Files a library list shows (newest first); search finds the others. */
export const MEDIA_LIST_LIMIT = 100;
/** Files one pick or drop may upload at once. */
export const MEDIA_MAX_FILES_PER_BATCH = 20;

export type MediaKind = "image" | "document";
export type MediaAccept = MediaKind | "any";
export type MediaMime = ImageMime | typeof PDF_MIME;

/** A library file as the composer, previews and picker use it. `url` is a signed URL (1 h). */
export type MediaItem = {
  id: string;
  url: string | null;
  mime: string;
  altText: string | null;
  fileName: string | null;
  width: number | null;
  height: number | null;
  sizeBytes: number;
  /** Scheduled or publishing posts that use the file; while there are any it cannot be deleted. */
  scheduledUses?: number;
};

/** What the library page shows of a file (the storage path never leaves the server). */
export type MediaLibraryItem = MediaItem & {
  kind: MediaKind | null;
  scheduledUses: number;
  uploadedBy: string | null;
  uploadedByName: string | null;
  createdAt: string;
};

export const mediaTypes: Record<MediaMime, { ext: string; label: string; kind: MediaKind }> = {
  "image/png": { ...imageTypes["image/png"], kind: "image" },
  "image/jpeg": { ...imageTypes["image/jpeg"], kind: "image" },
  "image/webp": { ...imageTypes["image/webp"], kind: "image" },
  "image/gif": { ...imageTypes["image/gif"], kind: "image" },
  [PDF_MIME]: { ext: "pdf", label: "PDF", kind: "document" },
};

export const mediaMimes = Object.keys(mediaTypes) as MediaMime[];

export const isMediaMime = (mime: string): mime is MediaMime => Object.hasOwn(mediaTypes, mime);

/** The kind of a stored file's MIME type (video and anything else: null). */
export function mediaKindOf(mime: string): MediaKind | null {
  if (mime === PDF_MIME) return "document";
  if (mime.startsWith("image/")) return "image";
  return null;
}

export const maxBytesFor = (kind: MediaKind) =>
  kind === "document" ? MEDIA_DOCUMENT_MAX_BYTES : MEDIA_IMAGE_MAX_BYTES;

/** The MIME type a path's extension stands for (`jpg` → image/jpeg), or null. */
export function mediaMimeForExt(ext: string): MediaMime | null {
  return mediaMimes.find((m) => mediaTypes[m].ext === ext) ?? null;
}

// Extensions a browser may leave without a type (or as application/octet-stream).
const extensionMimes: Record<string, MediaMime> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  jpe: "image/jpeg",
  jfif: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  pdf: PDF_MIME,
};

const acceptsKind = (accept: MediaAccept, kind: MediaKind) => accept === "any" || accept === kind;

/** For <input type="file" accept>: the MIME types and their usual extensions. */
export function mediaAcceptAttribute(accept: MediaAccept = "any"): string {
  const mimes = mediaMimes.filter((m) => acceptsKind(accept, mediaTypes[m].kind));
  const exts = Object.entries(extensionMimes)
    .filter(([, m]) => mimes.includes(m))
    .map(([e]) => `.${e}`);
  return [...mimes, ...exts].join(",");
}

/** What the file is by the browser's type, else by its name's extension; null when we do not take it. */
export function resolveMediaMime(file: { name: string; type: string }): MediaMime | null {
  const type = file.type.toLowerCase().split(";")[0]!.trim();
  if (isMediaMime(type)) return type;
  if (type && type !== "application/octet-stream") return null;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return ext ? (extensionMimes[ext] ?? null) : null;
}

const imageLabels = Object.values(imageTypes)
  .map((t) => t.label)
  .join(", ");

const label = (mime: MediaMime) => mediaTypes[mime].label;

export const mediaMessages = {
  type: (accept: MediaAccept = "any") =>
    accept === "image"
      ? `Use a ${imageLabels} image. SVG is not accepted.`
      : accept === "document"
        ? "Use a PDF document."
        : `Use a ${imageLabels} image or a PDF document. SVG is not accepted.`,
  empty: "That file is empty.",
  tooLarge: (size: number, kind: MediaKind) =>
    `That file is ${formatBytes(size)}. ${kind === "document" ? "Documents" : "Images"} can be up to ${formatBytes(maxBytesFor(kind))}.`,
  tooMany: `Upload at most ${MEDIA_MAX_FILES_PER_BATCH} files at a time.`,
  /** The bytes are another type than the file's name or declared type says. */
  mismatch: (actual: MediaMime | null, expected: MediaMime) =>
    actual
      ? `That file is a ${label(actual)} ${mediaTypes[actual].kind === "document" ? "document" : "image"} named as ${label(expected)}. Export it again and retry.`
      : `That file is not a real ${label(expected)} ${mediaTypes[expected].kind === "document" ? "document" : "image"}. Export it again and retry.`,
  notSentAs: (expected: MediaMime) =>
    `That file was not sent as a ${label(expected)} ${mediaTypes[expected].kind === "document" ? "document" : "image"}.`,
  notThisOrg: "That upload does not belong to this organization.",
  notArrived: "The upload did not arrive. Try again.",
};

/** Why a file in use cannot be deleted (the library disables the button and shows this). */
export function scheduledUseMessage(count: number): string {
  return count === 1
    ? "Used by 1 scheduled post: unschedule it first."
    : `Used by ${count} scheduled posts: unschedule them first.`;
}

export type MediaCheck =
  { ok: true; mime: MediaMime; kind: MediaKind } | { ok: false; message: string };

/** The checks that need only what the browser says about a file: type (by `accept`) and size. */
export function checkMediaFile(
  file: { name: string; type: string; size: number },
  accept: MediaAccept = "any",
): MediaCheck {
  const mime = resolveMediaMime(file);
  if (!mime || !acceptsKind(accept, mediaTypes[mime].kind))
    return { ok: false, message: mediaMessages.type(accept) };
  const kind = mediaTypes[mime].kind;
  if (file.size === 0) return { ok: false, message: mediaMessages.empty };
  if (file.size > maxBytesFor(kind))
    return { ok: false, message: mediaMessages.tooLarge(file.size, kind) };
  return { ok: true, mime, kind };
}

/** How many leading bytes sniffMedia needs. */
export const MEDIA_SNIFF_BYTES = 12;

/** What the bytes actually are (magic numbers): one of our image types, a PDF, or null. */
export function sniffMedia(bytes: Uint8Array): MediaMime | null {
  if (isPdf(bytes)) return PDF_MIME;
  return sniffImage(bytes);
}
