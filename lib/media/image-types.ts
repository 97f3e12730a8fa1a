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

// --- PDF ----------------------------------------------------------------------------------------

export const PDF_MIME = "application/pdf" as const;

/** A PDF starts with `%PDF-` (its header line, e.g. `%PDF-1.7`). */
export const isPdf = (bytes: Uint8Array) => startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]);

// --- Pixel size from the header --------------------------------------------------------------------

/**
 * How many leading bytes readImageSize reads at most. PNG, GIF and WebP keep their size in the first
 * 30 bytes; a JPEG's frame header follows its metadata segments (EXIF, ICC profile), usually well
 * within this.
 */
export const IMAGE_HEADER_BYTES = 128 * 1024;

export type ImageSize = { width: number; height: number };

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | u16be(b, i + 2));
const u32le = (b: Uint8Array, i: number) => u16le(b, i) + u16le(b, i + 2) * 0x10000;

const sized = (width: number, height: number): ImageSize | null =>
  width > 0 && height > 0 ? { width, height } : null;

/**
 * The displayed width and height of an image from its first bytes (PNG IHDR, GIF screen descriptor,
 * WebP VP8/VP8L/VP8X, JPEG frame header turned by its EXIF orientation), or null when the bytes do
 * not say (truncated, unknown or malformed).
 */
export function readImageSize(bytes: Uint8Array, mime: ImageMime): ImageSize | null {
  switch (mime) {
    case "image/png":
      // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4): IHDR is always first.
      if (bytes.length < 24 || !startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12)) return null;
      return sized(u32be(bytes, 16), u32be(bytes, 20));
    case "image/gif":
      return bytes.length < 10 ? null : sized(u16le(bytes, 6), u16le(bytes, 8));
    case "image/webp":
      return webpSize(bytes);
    case "image/jpeg":
      return jpegSize(bytes);
  }
}

function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  if (chunk === "VP8X") return sized(u24le(b, 24) + 1, u24le(b, 27) + 1);
  if (chunk === "VP8L") {
    if (b[20] !== 0x2f) return null;
    const bits = u32le(b, 21);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8 ") {
    // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height (2 bits of scaling).
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return null;
    return sized(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  return null;
}

function jpegSize(b: Uint8Array): ImageSize | null {
  if (!startsWith(b, [0xff, 0xd8])) return null;
  let orientation = 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM, RSTn, SOI, EOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (i + 9 > b.length) return null;
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      // Orientations 5–8 turn the picture a quarter: it is displayed height × width.
      return orientation >= 5 ? sized(height, width) : sized(width, height);
    }
    if (marker === 0xe1) orientation = exifOrientation(b, i + 4, i + 2 + length) ?? orientation;
    if (marker === 0xda) return null; // image data before any frame header
    i += 2 + length;
  }
  return null;
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 `Exif\0\0` segment spanning [start, end). */
function exifOrientation(b: Uint8Array, start: number, end: number): number | null {
  end = Math.min(end, b.length);
  if (!startsWith(b, [0x45, 0x78, 0x69, 0x66, 0, 0], start)) return null;
  const tiff = start + 6;
  if (tiff + 8 > end) return null;
  const little = b[tiff] === 0x49 && b[tiff + 1] === 0x49;
  if (!little && !(b[tiff] === 0x4d && b[tiff + 1] === 0x4d)) return null;
  const u16 = (i: number) => (little ? u16le(b, i) : u16be(b, i));
  const u32 = (i: number) => (little ? u32le(b, i) : u32be(b, i));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
