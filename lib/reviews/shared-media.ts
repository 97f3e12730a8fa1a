// Signed download URLs for the files of a shared preview (app/(share)/share/[token]). The page has
// no session, so nothing reads Storage as the visitor: the server signs each path that
// getSharedPreview returned, for no longer than the link itself lasts.
import "server-only";
import type { PreviewMedia } from "@/components/previews/types";
import { getNow } from "@/lib/clock";
import type { Logger } from "@/lib/logger";
import { getFileStore } from "@/lib/media/file-store";
import type { SharedMedia } from "@/lib/reviews/queries";

const MAX_TTL_SECONDS = 60 * 60;
const MIN_TTL_SECONDS = 60;

/** How long a file's URL lives: an hour at most, and not past the link's expiry. */
export function sharedMediaTtl(expiresAt: string, now: Date = getNow()): number {
  const left = Math.floor((Date.parse(expiresAt) - now.getTime()) / 1000);
  return Math.min(MAX_TTL_SECONDS, Math.max(MIN_TTL_SECONDS, left));
}

/**
 * The preview's files with signed URLs, in the post's order. A file Storage cannot sign keeps a
 * null URL (the preview shows its place) and is counted in `unavailable`.
 */
export async function signSharedMedia(
  media: SharedMedia[],
  expiresAt: string,
  log: Logger,
): Promise<{ media: PreviewMedia[]; unavailable: number }> {
  if (media.length === 0) return { media: [], unavailable: 0 };
  let urls: (string | null)[];
  try {
    urls = await getFileStore().createDownloadUrls(
      "media",
      media.map((m) => m.path),
      sharedMediaTtl(expiresAt),
    );
  } catch (err) {
    log.warn("shared preview media unavailable", { err, files: media.length });
    urls = media.map(() => null);
  }
  const signed = media.map((m, i) => ({
    // The path is unique per file within the post; the preview only needs a stable key.
    id: m.path,
    url: urls[i] ?? null,
    mime: m.mime,
    alt: m.alt,
    fileName: m.fileName,
    width: m.width,
    height: m.height,
  }));
  return { media: signed, unavailable: signed.filter((m) => m.url === null).length };
}
