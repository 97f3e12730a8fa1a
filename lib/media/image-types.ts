// Raster image types we accept from users, and how to recognise them by their first bytes. SVG is
// deliberately absent: it is a document that can carry scripts, so it is never accepted as an image.

export const imageTypes = {
  "image/png": { ext: "png", label: "PNG" },
  "image/jpeg": { ext: "jpg", label: "JPEG" },
  "image/webp": { ext: "webp", label: "WebP" },
  "image/gif": { ext: "gif", label: "GIF" },
} as const;

export type ImageMime = keyof typeof imageTypes;
export type ImageExt = (typeof imageTypes)[ImageMime]["ext"];

export const imageMimes = Object.keys(imageTypes) as ImageMime[];

export const isImageMime = (mime: string): mime is ImageMime => Object.hasOwn(imageTypes, mime);

export function mimeForExt(ext: string): ImageMime | null {
  return imageMimes.find((m) => imageTypes[m].ext === ext) ?? null;
}

/** How many leading bytes sniffImage needs. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** The image type the bytes actually are (magic numbers), or null for anything else. */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF <4-byte size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  // GIF87a / GIF89a
  if (
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) &&
    (bytes[4] === 0x37 || bytes[4] === 0x39) &&
    bytes[5] === 0x61
  )
    return "image/gif";
  return null;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
