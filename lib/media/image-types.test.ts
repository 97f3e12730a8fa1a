import { describe, expect, it } from "vitest";
import { formatBytes, isImageMime, mimeForExt, sniffImage } from "@/lib/media/image-types";

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
