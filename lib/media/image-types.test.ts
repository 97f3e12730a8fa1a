import { describe, expect, it } from "vitest";
import {
  formatBytes,
  isImageMime,
  isPdf,
  mimeForExt,
  readImageSize,
  sniffImage,
} from "@/lib/media/image-types";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p)] : p)));

describe("sniffImage", () => {
  it("recognises PNG, JPEG, WebP and GIF by their magic bytes", () => {
    expect(sniffImage(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      "image/png",
    );
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(sniffImage(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffImage(bytes("GIF89a", [1, 0]))).toBe("image/gif");
    expect(sniffImage(bytes("GIF87a", [1, 0]))).toBe("image/gif");
  });

  it("refuses everything else, SVG and truncated headers included", () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffImage(bytes("<?xml version"))).toBeNull();
    expect(sniffImage(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(sniffImage(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffImage(bytes("GIF8"))).toBeNull();
    expect(sniffImage(bytes("%PDF-1.7"))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe("types", () => {
  it("accepts raster types only and maps extensions back", () => {
    expect(isImageMime("image/png")).toBe(true);
    expect(isImageMime("image/svg+xml")).toBe(false);
    expect(isImageMime("toString")).toBe(false);
    expect(mimeForExt("jpg")).toBe("image/jpeg");
    expect(mimeForExt("svg")).toBeNull();
  });

  it("formats sizes for messages", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(2 * 1024 * 1024)).toBe("2 MB");
    expect(formatBytes(2 * 1024 * 1024 + 1)).toBe("2.0 MB");
  });
});

// Real encoder output (Chromium's canvas encoders), 7×3 unless said otherwise; the WebP VP8 and VP8L
// files are the bitstream chunks of Chromium's extended files in the simple container.
const fixture = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));
const PNG_7x3 = fixture(
  "iVBORw0KGgoAAAANSUhEUgAAAAcAAAADCAYAAABfwxXFAAAAOUlEQVR4AVTJMQ0AIAwF0aYDTAgoAjDwPdVTPYENkFGmknLJm45VzIMN9Qk8jLYoSNmU+2avJz+6AAAA///n/JWyAAAABklEQVQDAFxoF174LbmJAAAAAElFTkSuQmCC",
);
// JFIF, an ICC profile (APP2), quantization tables, then the frame header.
const JPEG_7x3 = fixture(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAADAAcDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAZEAADAQEBAAAAAAAAAAAAAAAAAQMCETH/xAAVAQEBAAAAAAAAAAAAAAAAAAAFB//EABgRAQEBAQEAAAAAAAAAAAAAAAECABES/9oADAMBAAIRAxEAPwCSjGcU1LCyn7wAAdXVvqnrqsSScN//2Q==",
);
const WEBP_VP8X_7x3 = fixture("UklGRioCAABXRUJQVlA4WAoAAAAgAAAABgAAAgAA");
const WEBP_VP8_7x3 = fixture(
  "UklGRkgAAABXRUJQVlA4IDwAAADwAQCdASoHAAMAAUAmJbACdLoAArrbQIAA/vLqV8HIq/poVVjhXkpiLOVVv/ttCnM2f/sHH/YOP3TAAAA=",
);
const WEBP_VP8L_5x9 = fixture("UklGRhwAAABXRUJQVlA4TA8AAAAvBAACEAcQ/Y8CBiKi/wEA");
// GIF87a, 150×35 (a logical screen descriptor is all it takes).
const GIF_150x35 = bytes("GIF87a", [150, 0, 35, 0, 0xf7, 0, 0]);

/** `jpeg` with an APP1 Exif segment (IFD0 holding only Orientation) right after SOI. */
function withExifOrientation(jpeg: Uint8Array, orientation: number, order: "II" | "MM") {
  const le = order === "II";
  const u16 = (n: number) => (le ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff]);
  const u32 = (n: number) => (le ? [n & 0xff, 0, 0, 0] : [0, 0, 0, n & 0xff]);
  const tiff = [
    ...Buffer.from(order),
    ...u16(42),
    ...u32(8),
    ...u16(1), // one entry
    ...u16(0x0112),
    ...u16(3), // SHORT
    ...u32(1),
    ...u16(orientation),
    0,
    0,
    ...u32(0), // no next IFD
  ];
  const payload = [...Buffer.from("Exif\0\0"), ...tiff];
  const length = payload.length + 2;
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe1,
    length >> 8,
    length & 0xff,
    ...payload,
    ...jpeg.subarray(2),
  ]);
}

describe("readImageSize", () => {
  it("reads the pixel size of PNG, GIF, JPEG and every WebP flavour", () => {
    expect(sniffImage(PNG_7x3)).toBe("image/png");
    expect(readImageSize(PNG_7x3, "image/png")).toEqual({ width: 7, height: 3 });
    expect(readImageSize(GIF_150x35, "image/gif")).toEqual({ width: 150, height: 35 });
    expect(readImageSize(JPEG_7x3, "image/jpeg")).toEqual({ width: 7, height: 3 });
    expect(readImageSize(WEBP_VP8X_7x3, "image/webp")).toEqual({ width: 7, height: 3 });
    expect(readImageSize(WEBP_VP8_7x3, "image/webp")).toEqual({ width: 7, height: 3 });
    expect(readImageSize(WEBP_VP8L_5x9, "image/webp")).toEqual({ width: 5, height: 9 });
  });

  it("turns a JPEG by its EXIF orientation, in either byte order", () => {
    for (const order of ["II", "MM"] as const) {
      expect(readImageSize(withExifOrientation(JPEG_7x3, 1, order), "image/jpeg")).toEqual({
        width: 7,
        height: 3,
      });
      expect(readImageSize(withExifOrientation(JPEG_7x3, 3, order), "image/jpeg")).toEqual({
        width: 7,
        height: 3,
      });
      for (const quarterTurn of [5, 6, 7, 8])
        expect(
          readImageSize(withExifOrientation(JPEG_7x3, quarterTurn, order), "image/jpeg"),
        ).toEqual({ width: 3, height: 7 });
    }
  });

  it("says nothing (null) for truncated, foreign or malformed headers", () => {
    expect(readImageSize(PNG_7x3.subarray(0, 20), "image/png")).toBeNull();
    expect(readImageSize(JPEG_7x3.subarray(0, 300), "image/jpeg")).toBeNull();
    expect(readImageSize(WEBP_VP8_7x3.subarray(0, 25), "image/webp")).toBeNull();
    expect(readImageSize(bytes("GIF89a", [0, 0, 0, 0]), "image/gif")).toBeNull();
    expect(readImageSize(PNG_7x3, "image/jpeg")).toBeNull();
    expect(
      readImageSize(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8Z", new Array(30).fill(1)), "image/webp"),
    ).toBeNull();
    // A segment length that points nowhere, and one that is too short to be one.
    expect(
      readImageSize(bytes([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0, 0]), "image/jpeg"),
    ).toBeNull();
    expect(readImageSize(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 1, 0, 0]), "image/jpeg")).toBeNull();
    expect(readImageSize(new Uint8Array(), "image/png")).toBeNull();
  });
});

describe("isPdf", () => {
  it("recognises the %PDF- header and nothing else", () => {
    expect(isPdf(bytes("%PDF-1.7\n%\u00e2\u00e3"))).toBe(true);
    expect(isPdf(bytes("%PDF"))).toBe(false);
    expect(isPdf(bytes(" %PDF-1.4"))).toBe(false);
    expect(isPdf(bytes("%!PS-Adobe"))).toBe(false);
    expect(isPdf(PNG_7x3)).toBe(false);
  });
});
