import { describe, expect, it } from "vitest";
import {
  checkMediaFile,
  maxBytesFor,
  MEDIA_DOCUMENT_MAX_BYTES,
  MEDIA_IMAGE_MAX_BYTES,
  mediaAcceptAttribute,
  mediaKindOf,
  mediaMessages,
  mediaMimeForExt,
  resolveMediaMime,
  scheduledUseMessage,
  sniffMedia,
} from "@/lib/media/media-rules";

const MB = 1024 * 1024;
const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe("checkMediaFile", () => {
  it("takes PNG, JPEG, WebP and GIF images up to 10 MB and PDFs up to 100 MB", () => {
    expect(checkMediaFile(file("a.png", "image/png", MEDIA_IMAGE_MAX_BYTES))).toEqual({
      ok: true,
      mime: "image/png",
      kind: "image",
    });
    expect(checkMediaFile(file("a.jpg", "image/jpeg"))).toMatchObject({ mime: "image/jpeg" });
    expect(checkMediaFile(file("a.webp", "image/webp"))).toMatchObject({ mime: "image/webp" });
    expect(checkMediaFile(file("a.gif", "image/gif"))).toMatchObject({ mime: "image/gif" });
    expect(checkMediaFile(file("deck.pdf", "application/pdf", MEDIA_DOCUMENT_MAX_BYTES))).toEqual({
      ok: true,
      mime: "application/pdf",
      kind: "document",
    });
    expect(MEDIA_IMAGE_MAX_BYTES).toBe(10 * MB);
    expect(MEDIA_DOCUMENT_MAX_BYTES).toBe(100 * MB);
    expect(maxBytesFor("image")).toBe(10 * MB);
  });

  it("refuses other types, SVG and programs included, with the sentence to show", () => {
    for (const f of [
      file("logo.svg", "image/svg+xml"),
      file("setup.exe", "application/x-msdownload"),
      file("setup.exe", ""),
      file("clip.mp4", "video/mp4"),
      file("notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      file("noextension", ""),
    ]) {
      expect(checkMediaFile(f), f.name).toEqual({ ok: false, message: mediaMessages.type("any") });
    }
    expect(mediaMessages.type("any")).toBe(
      "Use a PNG, JPEG, WebP, GIF image or a PDF document. SVG is not accepted.",
    );
  });

  it("refuses empty and oversized files, saying the limit of their kind", () => {
    expect(checkMediaFile(file("a.png", "image/png", 0))).toEqual({
      ok: false,
      message: "That file is empty.",
    });
    expect(checkMediaFile(file("a.png", "image/png", 10 * MB + 1))).toEqual({
      ok: false,
      message: "That file is 10.0 MB. Images can be up to 10 MB.",
    });
    expect(checkMediaFile(file("a.pdf", "application/pdf", 120 * MB))).toEqual({
      ok: false,
      message: "That file is 120 MB. Documents can be up to 100 MB.",
    });
  });

  it("narrows to images or documents when asked", () => {
    expect(checkMediaFile(file("a.pdf", "application/pdf"), "image")).toEqual({
      ok: false,
      message: "Use a PNG, JPEG, WebP, GIF image. SVG is not accepted.",
    });
    expect(checkMediaFile(file("a.png", "image/png"), "document")).toEqual({
      ok: false,
      message: "Use a PDF document.",
    });
    expect(checkMediaFile(file("a.png", "image/png"), "image")).toMatchObject({ ok: true });
  });
});

describe("resolveMediaMime", () => {
  it("trusts the browser's type, and the extension only when the browser gave none", () => {
    expect(resolveMediaMime(file("photo.JPEG", ""))).toBe("image/jpeg");
    expect(resolveMediaMime(file("scan.pdf", "application/octet-stream"))).toBe("application/pdf");
    expect(resolveMediaMime(file("a.png", "IMAGE/PNG; charset=binary"))).toBe("image/png");
    // A declared type wins over the name: the server sniffs the bytes anyway.
    expect(resolveMediaMime(file("a.png", "image/svg+xml"))).toBeNull();
    expect(resolveMediaMime(file("toString", ""))).toBeNull();
  });
});

describe("sniffMedia", () => {
  const b = (s: string | number[]) => new Uint8Array(typeof s === "string" ? Buffer.from(s) : s);
  it("recognises PDF documents and our image types by their first bytes", () => {
    expect(sniffMedia(b("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffMedia(b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      "image/png",
    );
    expect(sniffMedia(b("GIF89a\u0001\u0000"))).toBe("image/gif");
    expect(sniffMedia(b("MZ\u0090\u0000"))).toBeNull(); // a Windows program
    expect(sniffMedia(b("<svg xmlns="))).toBeNull();
    expect(sniffMedia(new Uint8Array())).toBeNull();
  });
});

describe("messages and helpers", () => {
  it("explains a mismatch between name and content", () => {
    expect(mediaMessages.mismatch("image/gif", "image/png")).toBe(
      "That file is a GIF image named as PNG. Export it again and retry.",
    );
    expect(mediaMessages.mismatch("application/pdf", "image/jpeg")).toBe(
      "That file is a PDF document named as JPEG. Export it again and retry.",
    );
    expect(mediaMessages.mismatch(null, "application/pdf")).toBe(
      "That file is not a real PDF document. Export it again and retry.",
    );
  });

  it("says how many scheduled posts hold a file", () => {
    expect(scheduledUseMessage(1)).toBe("Used by 1 scheduled post: unschedule it first.");
    expect(scheduledUseMessage(3)).toBe("Used by 3 scheduled posts: unschedule them first.");
  });

  it("maps kinds, extensions and the accept attribute", () => {
    expect(mediaKindOf("application/pdf")).toBe("document");
    expect(mediaKindOf("image/png")).toBe("image");
    expect(mediaKindOf("video/mp4")).toBeNull();
    expect(mediaMimeForExt("jpg")).toBe("image/jpeg");
    expect(mediaMimeForExt("pdf")).toBe("application/pdf");
    expect(mediaMimeForExt("exe")).toBeNull();
    expect(mediaAcceptAttribute("document")).toBe("application/pdf,.pdf");
    expect(mediaAcceptAttribute("image").split(",")).toEqual(
      expect.arrayContaining(["image/png", "image/jpeg", "image/webp", "image/gif", ".jpeg"]),
    );
    expect(mediaAcceptAttribute("image")).not.toContain("pdf");
    expect(mediaAcceptAttribute()).toContain("application/pdf");
  });
});
