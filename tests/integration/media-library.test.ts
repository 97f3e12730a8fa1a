// The media library through the FileStore against the Storage stand-in (started here in-process, at
// the SUPABASE_URL the app reads) and real Postgres: prepare refuses what it can before signing,
// finalize checks the stored object (size, Content-Type, magic bytes, pixel size) and records it as
// the caller, thumbnails are signed in one batch, deletes are refused while scheduled posts use a
// file, other orgs' members change nothing, and the head of a file is read with a Range request.
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getFileStore } from "@/lib/media/file-store";
import {
  deleteMedia,
  finalizeMediaUpload,
  getMediaUrls,
  listMediaLibrary,
  prepareMediaUpload,
  updateMediaAlt,
} from "@/lib/media/media-library";
import { createPost, schedulePost, setPostMedia, unschedulePost } from "@/lib/posts/mutations";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type OrgRoleName,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { createStorageHandler, deriveStorageSigningSecret } from "../../scripts/stand-ins/storage";
import { testDb } from "../helpers/db";

// --- The Storage stand-in, in-process on port 0, logging what it answers ---------------------------

const SECRET_KEY = "sb_secret_test_storage_media_00000000000";
const storageDir = await mkdtemp(path.join(os.tmpdir(), "ghostart-media-"));
const requests: { method: string; path: string; status: number }[] = [];

const handler = createStorageHandler({
  dir: storageDir,
  secretKey: SECRET_KEY,
  publishableKey: process.env.SUPABASE_PUBLISHABLE_KEY!,
  signingSecret: deriveStorageSigningSecret(SECRET_KEY),
  log: () => {},
  onRequest: ({ method, path: p, status }) => requests.push({ method, path: p, status }),
});
const server = http.createServer((req, res) => {
  if (!handler(req, res)) res.writeHead(404).end("not storage");
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const storageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// Before anything calls getEnv() (lib/env.ts parses process.env once).
process.env.SUPABASE_URL = storageUrl;
process.env.SUPABASE_SECRET_KEY = SECRET_KEY;

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });

afterAll(async () => {
  await su.end();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(storageDir, { recursive: true, force: true });
});

beforeEach(() => {
  requests.length = 0;
});

// --- Fixtures -------------------------------------------------------------------------------------

let n = 0;
type Team = { org: SeededOrg } & Record<OrgRoleName, SeededUser> & { peer: SeededUser };

/** A fresh org with one member per role, and a second employee. */
async function team(): Promise<Team> {
  const tag = `${process.pid}-${++n}`;
  const users = {} as Record<OrgRoleName | "peer", SeededUser>;
  for (const role of ["owner", "admin", "brand_creator", "employee", "viewer", "peer"] as const)
    users[role] = await seedUser(su, {
      email: `${role}-media-${tag}@example.com`,
      fullName: `${role[0]!.toUpperCase()}${role.slice(1)} ${tag}`,
    });
  const org = await seedOrg(su, {
    name: `Media ${tag}`,
    slug: `media-${tag}`,
    timezone: "UTC",
    members: (["owner", "admin", "brand_creator", "employee", "viewer"] as const)
      .map((role) => ({ userId: users[role].id, role: role as OrgRoleName }))
      .concat([{ userId: users.peer.id, role: "employee" }]),
  });
  return { org, ...users };
}

const meta = { requestId: "req-media", ip: "203.0.113.21" };
const as = (u: SeededUser) => claimsFor(u);

// A real 7×3 PNG and JPEG (Chromium's canvas encoders); a GIF and a PDF by their headers.
const PNG_7x3 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAcAAAADCAYAAABfwxXFAAAAOUlEQVR4AVTJMQ0AIAwF0aYDTAgoAjDwPdVTPYENkFGmknLJm45VzIMN9Qk8jLYoSNmU+2avJz+6AAAA///n/JWyAAAABklEQVQDAFxoF174LbmJAAAAAElFTkSuQmCC",
  "base64",
);
const GIF = Buffer.concat([
  Buffer.from("GIF89a"),
  Buffer.from([150, 0, 35, 0]),
  Buffer.alloc(40, 1),
]);
const PDF = Buffer.concat([
  Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"),
  Buffer.alloc(2048, 0x20),
  Buffer.from("\n%%EOF\n"),
]);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);

/** What the browser does with the signed URL: a PUT of the raw bytes. */
function browserPut(url: string, body: Buffer, contentType: string) {
  return fetch(url, {
    method: "PUT",
    headers: { "Content-Type": contentType, "x-upsert": "false", Origin: "http://localhost:3000" },
    body: new Uint8Array(body),
  });
}

async function upload(
  orgId: string,
  bytes: Buffer,
  declared: { fileName: string; mime: string },
  sentAs = declared.mime,
) {
  const prepared = await prepareMediaUpload(orgId, { ...declared, size: bytes.length });
  const res = await browserPut(prepared.url, bytes, sentAs);
  expect(res.status, await res.clone().text()).toBe(200);
  return prepared;
}

async function uploadAndFinalize(
  t: Team,
  who: SeededUser,
  bytes: Buffer,
  declared: { fileName: string; mime: string },
) {
  const prepared = await upload(t.org.id, bytes, declared);
  return finalizeMediaUpload(
    as(who),
    t.org.id,
    { path: prepared.path, fileName: declared.fileName },
    meta,
  );
}

const exists = async (p: string) => (await getFileStore().statObject("media", p)) !== null;

async function assetRow(p: string) {
  const [row] = await su`select mime, size_bytes::int as size, width, height, file_name, alt_text,
                                uploaded_by, deleted_at from public.media_assets where path = ${p}`;
  return row;
}

// --- Prepare ----------------------------------------------------------------------------------------

describe("prepareMediaUpload", () => {
  it("signs an upload URL for a fresh path in the org's folder, with the type the PUT must carry", async () => {
    const t = await team();
    const png = await prepareMediaUpload(t.org.id, {
      fileName: "chart.png",
      mime: "image/png",
      size: 5000,
    });
    expect(png.path).toMatch(new RegExp(`^${t.org.id}/[0-9a-f-]{36}\\.png$`));
    expect(png.url.startsWith(`${storageUrl}/storage/v1/object/upload/sign/media/`)).toBe(true);
    expect(png.token).toBeTruthy();
    expect(png.contentType).toBe("image/png");
    const pdf = await prepareMediaUpload(t.org.id, {
      fileName: "Deck.PDF",
      mime: "",
      size: 100 * 1024 * 1024,
    });
    expect(pdf.path).toMatch(/\.pdf$/);
    expect(pdf.contentType).toBe("application/pdf");
  });

  it("refuses programs, SVG and oversized files before signing anything", async () => {
    const t = await team();
    const before = requests.length;
    for (const file of [
      { fileName: "setup.exe", mime: "application/x-msdownload", size: 1000 },
      { fileName: "setup.exe", mime: "", size: 1000 },
      { fileName: "logo.svg", mime: "image/svg+xml", size: 1000 },
    ]) {
      await expect(prepareMediaUpload(t.org.id, file), file.fileName).rejects.toMatchObject({
        code: "validation_failed",
        fieldErrors: {
          file: "Use a PNG, JPEG, WebP, GIF image or a PDF document. SVG is not accepted.",
        },
      });
    }
    await expect(
      prepareMediaUpload(t.org.id, {
        fileName: "huge.png",
        mime: "image/png",
        size: 10 * 1024 * 1024 + 1,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { file: "That file is 10.0 MB. Images can be up to 10 MB." },
    });
    await expect(
      prepareMediaUpload(t.org.id, {
        fileName: "huge.pdf",
        mime: "application/pdf",
        size: 100 * 1024 * 1024 + 1,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { file: "That file is 100.0 MB. Documents can be up to 100 MB." },
    });
    await expect(
      prepareMediaUpload(t.org.id, { fileName: "empty.png", mime: "image/png", size: 0 }),
    ).rejects.toMatchObject({ fieldErrors: { file: "That file is empty." } });
    expect(requests.length).toBe(before);
  });
});

// --- Finalize ---------------------------------------------------------------------------------------

describe("finalizeMediaUpload", () => {
  it("records a PNG with its pixel size and file name, logs it, and serves it through a signed URL", async () => {
    const t = await team();
    const prepared = await upload(t.org.id, PNG_7x3, {
      fileName: "Q3 chart.png",
      mime: "image/png",
    });
    const item = await finalizeMediaUpload(
      as(t.brand_creator),
      t.org.id,
      { path: prepared.path, fileName: "Q3 chart.png", altText: "  Revenue by month  " },
      meta,
    );
    expect(item).toMatchObject({
      mime: "image/png",
      kind: "image",
      sizeBytes: PNG_7x3.length,
      width: 7,
      height: 3,
      fileName: "Q3 chart.png",
      altText: "Revenue by month",
      uploadedBy: t.brand_creator.id,
      uploadedByName: t.brand_creator.fullName,
      scheduledUses: 0,
    });
    expect(item).not.toHaveProperty("path");
    expect(await assetRow(prepared.path)).toMatchObject({
      mime: "image/png",
      size: PNG_7x3.length,
      width: 7,
      height: 3,
      file_name: "Q3 chart.png",
      uploaded_by: t.brand_creator.id,
      deleted_at: null,
    });
    const [entry] = await su`select actor_id, request_id, summary from public.activity_log
                             where org_id = ${t.org.id} and action = 'media.uploaded'`;
    expect(entry).toMatchObject({
      actor_id: t.brand_creator.id,
      request_id: "req-media",
      summary: { path: prepared.path, mime: "image/png", file_name: "Q3 chart.png" },
    });

    expect(item.url).toContain("/storage/v1/object/sign/media/");
    const served = await fetch(item.url!);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG_7x3);

    // The library lists it, with a URL, and finds it by the words of its name and description.
    const listed = await listMediaLibrary(as(t.viewer), t.org.id, { q: "q3 revenue" });
    expect(listed.map((i) => i.id)).toEqual([item.id]);
    expect(listed[0]!.url).toContain("/storage/v1/object/sign/media/");
    expect(await listMediaLibrary(as(t.viewer), t.org.id, { q: "invoice" })).toEqual([]);
    expect(await listMediaLibrary(as(t.viewer), t.org.id, { kind: "document" })).toEqual([]);
  });

  it("records a PDF document (no pixel size) up to the document limit", async () => {
    const t = await team();
    const item = await uploadAndFinalize(t, t.admin, PDF, {
      fileName: "Launch deck.pdf",
      mime: "application/pdf",
    });
    expect(item).toMatchObject({
      mime: "application/pdf",
      kind: "document",
      sizeBytes: PDF.length,
      width: null,
      height: null,
      fileName: "Launch deck.pdf",
    });
    const docs = await listMediaLibrary(as(t.owner), t.org.id, { kind: "document" });
    expect(docs.map((d) => d.id)).toEqual([item.id]);
    expect(await listMediaLibrary(as(t.owner), t.org.id, { kind: "image" })).toEqual([]);
    expect((await listMediaLibrary(as(t.owner), t.org.id, { q: "launch" }))[0]?.id).toBe(item.id);
    // Words inside the name ("deck" of "deck.pdf") and the start of a word, as typed, find it too.
    for (const q of ["deck", "lau", "DECK launch", "launch deck.pdf"])
      expect((await listMediaLibrary(as(t.owner), t.org.id, { q })).map((d) => d.id)).toEqual([
        item.id,
      ]);
    for (const q of ["deckx", "pdf launch invoice"])
      expect(await listMediaLibrary(as(t.owner), t.org.id, { q })).toEqual([]);
    // Only letters and digits reach to_tsquery: tsquery syntax typed in the box filters nothing.
    expect(await listMediaLibrary(as(t.owner), t.org.id, { q: "':* & !(" })).toHaveLength(1);
  });

  it("refuses a file whose bytes are not what its name and type say, and deletes it", async () => {
    const t = await team();
    const cases = [
      {
        bytes: GIF,
        declared: { fileName: "photo.png", mime: "image/png" },
        message: "That file is a GIF image named as PNG. Export it again and retry.",
      },
      {
        bytes: EXE,
        declared: { fileName: "report.pdf", mime: "application/pdf" },
        message: "That file is not a real PDF document. Export it again and retry.",
      },
      {
        bytes: PDF,
        declared: { fileName: "cover.jpg", mime: "image/jpeg" },
        message: "That file is a PDF document named as JPEG. Export it again and retry.",
      },
      {
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        declared: { fileName: "logo.webp", mime: "image/webp" },
        message: "That file is not a real WebP image. Export it again and retry.",
      },
    ];
    for (const c of cases) {
      const prepared = await upload(t.org.id, c.bytes, c.declared);
      expect(await exists(prepared.path)).toBe(true);
      await expect(
        finalizeMediaUpload(
          as(t.owner),
          t.org.id,
          { path: prepared.path, fileName: c.declared.fileName },
          meta,
        ),
        c.declared.fileName,
      ).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { file: c.message } });
      expect(await exists(prepared.path), c.declared.fileName).toBe(false);
      expect(await assetRow(prepared.path)).toBeUndefined();
    }
  });

  it("refuses a file stored with another Content-Type than its name says", async () => {
    const t = await team();
    const prepared = await upload(
      t.org.id,
      PNG_7x3,
      { fileName: "a.png", mime: "image/png" },
      "image/gif",
    );
    await expect(
      finalizeMediaUpload(as(t.owner), t.org.id, { path: prepared.path }, meta),
    ).rejects.toMatchObject({ fieldErrors: { file: "That file was not sent as a PNG image." } });
    expect(await exists(prepared.path)).toBe(false);
  });

  it("refuses a path of another org, a made-up path and an upload that never arrived", async () => {
    const t = await team();
    const other = await team();
    const theirs = await upload(other.org.id, PNG_7x3, { fileName: "a.png", mime: "image/png" });
    for (const p of [
      theirs.path,
      `${t.org.id}/../${theirs.path}`,
      `${t.org.id}/not-a-uuid.png`,
      `${t.org.id}/11111111-2222-4333-8444-555555555555.exe`,
    ]) {
      await expect(
        finalizeMediaUpload(as(t.owner), t.org.id, { path: p }, meta),
        p,
      ).rejects.toMatchObject({
        code: "validation_failed",
        fieldErrors: { file: "That upload does not belong to this organization." },
      });
    }
    expect(await exists(theirs.path)).toBe(true);
    await expect(
      finalizeMediaUpload(
        as(t.owner),
        t.org.id,
        { path: `${t.org.id}/99999999-2222-4333-8444-555555555555.png` },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "not_found",
      fieldErrors: { file: "The upload did not arrive. Try again." },
    });
  });

  it("lets no member of another org (nor a viewer) finalize into the org, and leaves the file alone", async () => {
    const t = await team();
    const other = await team();
    const prepared = await upload(t.org.id, PNG_7x3, { fileName: "a.png", mime: "image/png" });
    for (const who of [other.owner, t.viewer]) {
      await expect(
        finalizeMediaUpload(as(who), t.org.id, { path: prepared.path }, meta),
      ).rejects.toMatchObject({
        code: "forbidden",
        fieldErrors: { file: "Your role does not allow uploading files." },
      });
    }
    expect(await exists(prepared.path)).toBe(true);
    expect(await assetRow(prepared.path)).toBeUndefined();

    // The member who uploaded it finalizes it; finalizing it again changes nothing and keeps the file.
    await finalizeMediaUpload(as(t.employee), t.org.id, { path: prepared.path }, meta);
    await expect(
      finalizeMediaUpload(as(t.admin), t.org.id, { path: prepared.path }, meta),
    ).rejects.toMatchObject({ code: "conflict", message: "That file is already in the library." });
    expect(await exists(prepared.path)).toBe(true);
    expect((await assetRow(prepared.path))?.uploaded_by).toBe(t.employee.id);
  });
});

// --- Changing, deleting -----------------------------------------------------------------------------

describe("alt text and delete", () => {
  it("refuses the delete while scheduled posts use the file, saying how many", async () => {
    const t = await team();
    const item = await uploadAndFinalize(t, t.brand_creator, PNG_7x3, {
      fileName: "hero.png",
      mime: "image/png",
    });
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const posts = [];
    for (const body of ["First post", "Second post"]) {
      const post = await createPost(
        as(t.brand_creator),
        t.org.id,
        { body, networks: ["linkedin"] },
        meta,
      );
      const withMedia = await setPostMedia(
        as(t.brand_creator),
        { postId: post.id, expectedRevision: post.revision, media: [{ mediaId: item.id }] },
        meta,
      );
      posts.push(
        await schedulePost(
          as(t.brand_creator),
          { postId: post.id, expectedRevision: withMedia.revision, date, time: "09:00" },
          meta,
        ),
      );
    }
    expect((await listMediaLibrary(as(t.admin), t.org.id))[0]?.scheduledUses).toBe(2);
    await expect(deleteMedia(as(t.admin), t.org.id, item.id, meta)).rejects.toMatchObject({
      code: "conflict",
      message: "Used by 2 scheduled posts: unschedule them first.",
    });
    await unschedulePost(
      as(t.brand_creator),
      { postId: posts[0]!.id, expectedRevision: posts[0]!.revision },
      meta,
    );
    await expect(deleteMedia(as(t.admin), t.org.id, item.id, meta)).rejects.toMatchObject({
      message: "Used by 1 scheduled post: unschedule it first.",
    });
    const [row] = await su`select deleted_at from public.media_assets where id = ${item.id}`;
    expect(row!.deleted_at).toBeNull();

    await unschedulePost(
      as(t.brand_creator),
      { postId: posts[1]!.id, expectedRevision: posts[1]!.revision },
      meta,
    );
    expect(await deleteMedia(as(t.admin), t.org.id, item.id, meta)).toEqual({ id: item.id });
    expect(await listMediaLibrary(as(t.admin), t.org.id)).toEqual([]);
  });

  it("lets employees describe and delete only their own uploads; viewers and other orgs nothing", async () => {
    const t = await team();
    const other = await team();
    const mine = await uploadAndFinalize(t, t.employee, PNG_7x3, {
      fileName: "mine.png",
      mime: "image/png",
    });
    const theirs = await uploadAndFinalize(t, t.admin, PNG_7x3, {
      fileName: "team.png",
      mime: "image/png",
    });

    expect(
      await updateMediaAlt(
        as(t.employee),
        t.org.id,
        { mediaId: mine.id, altText: " A chart " },
        meta,
      ),
    ).toEqual({ id: mine.id, altText: "A chart" });
    for (const [who, code] of [
      [t.peer, "not_found"],
      [t.viewer, "forbidden"],
      [other.owner, "not_found"],
    ] as const) {
      await expect(
        updateMediaAlt(as(who), t.org.id, { mediaId: mine.id, altText: "Hijacked" }, meta),
        who.email,
      ).rejects.toMatchObject({ code, fieldErrors: { altText: expect.any(String) } });
      await expect(deleteMedia(as(who), t.org.id, mine.id, meta), who.email).rejects.toMatchObject({
        code,
      });
    }
    await expect(deleteMedia(as(t.employee), t.org.id, theirs.id, meta)).rejects.toMatchObject({
      code: "not_found",
    });
    // Another org's owner acting "in" their own org on this org's file finds nothing either.
    await expect(deleteMedia(as(other.owner), other.org.id, mine.id, meta)).rejects.toMatchObject({
      code: "not_found",
      message: "That file does not exist.",
    });
    // A member of both orgs cannot reach this org's file through the other org's page.
    await su`insert into public.memberships (org_id, user_id, role) values (${other.org.id}, ${t.admin.id}, 'admin')`;
    await expect(deleteMedia(as(t.admin), other.org.id, mine.id, meta)).rejects.toMatchObject({
      code: "not_found",
    });

    const rows = await su`select id, alt_text, deleted_at from public.media_assets
                          where id in ${su([mine.id, theirs.id])} order by file_name`;
    expect(rows.map((r) => [r.alt_text, r.deleted_at])).toEqual([
      ["A chart", null],
      [null, null],
    ]);

    expect(await deleteMedia(as(t.employee), t.org.id, mine.id, meta)).toEqual({ id: mine.id });
    expect(await deleteMedia(as(t.admin), t.org.id, theirs.id, meta)).toEqual({ id: theirs.id });
  });

  it("turns an over-long description into a field error", async () => {
    const t = await team();
    const item = await uploadAndFinalize(t, t.owner, PNG_7x3, {
      fileName: "a.png",
      mime: "image/png",
    });
    await expect(
      updateMediaAlt(as(t.owner), t.org.id, { mediaId: item.id, altText: "x".repeat(1001) }, meta),
    ).rejects.toMatchObject({
      fieldErrors: { altText: "Keep the description under 1,000 characters." },
    });
  });
});

// --- Signed URLs and the ranged read ------------------------------------------------------------------

describe("signed URLs and ranged reads", () => {
  it("signs many thumbnails in one Storage call, in order, and nothing outside the org", async () => {
    const t = await team();
    const other = await team();
    const a = await upload(t.org.id, PNG_7x3, { fileName: "a.png", mime: "image/png" });
    const b = await upload(t.org.id, PDF, { fileName: "b.pdf", mime: "application/pdf" });
    const foreign = await upload(other.org.id, PNG_7x3, { fileName: "c.png", mime: "image/png" });
    const missing = `${t.org.id}/99999999-2222-4333-8444-555555555555.png`;
    requests.length = 0;
    const urls = await getMediaUrls(t.org.id, [
      { path: a.path },
      { path: foreign.path },
      { path: missing },
      { path: b.path },
    ]);
    expect(requests.filter((r) => r.method === "POST")).toEqual([
      { method: "POST", path: "/storage/v1/object/sign/media", status: 200 },
    ]);
    expect(urls[0]).toContain(`/object/sign/media/${a.path}?token=`);
    expect(urls[1]).toBeNull();
    expect(urls[2]).toBeNull();
    expect(urls[3]).toContain(`/object/sign/media/${b.path}?token=`);
    const pdf = await fetch(urls[3]!);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer())).toEqual(PDF);
    expect(await getMediaUrls(t.org.id, [])).toEqual([]);
  });

  it("reads only the first bytes of a large file (206 Partial Content)", async () => {
    const t = await team();
    const big = Buffer.concat([PDF.subarray(0, 64), Buffer.alloc(8 * 1024 * 1024, 0x41)]);
    const prepared = await upload(t.org.id, big, { fileName: "big.pdf", mime: "application/pdf" });
    requests.length = 0;
    const head = await getFileStore().readHead("media", prepared.path, 16);
    expect(Buffer.from(head!)).toEqual(big.subarray(0, 16));
    // The stand-in logs a request once its response is sent.
    await expect
      .poll(() => requests.filter((r) => r.method === "GET"))
      .toEqual([{ method: "GET", path: expect.stringContaining(prepared.path), status: 206 }]);

    // Straight at the signed URL: the range, its length and Content-Range, as Storage answers.
    const url = await getFileStore().createDownloadUrl("media", prepared.path, 60);
    const part = await fetch(url, { headers: { Range: "bytes=0-9" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-9/${big.length}`);
    expect(part.headers.get("content-length")).toBe("10");
    expect(Buffer.from(await part.arrayBuffer())).toEqual(big.subarray(0, 10));
    const tail = await fetch(url, { headers: { Range: "bytes=-4" } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(big.subarray(-4));
    const past = await fetch(url, { headers: { Range: `bytes=${big.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${big.length}`);
    await past.arrayBuffer();
    const whole = await fetch(url, { headers: { Range: "bytes=0-1,5-6" } });
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(big.length);

    // A file shorter than asked for, and no file at all.
    const small = await upload(t.org.id, GIF, { fileName: "s.gif", mime: "image/gif" });
    expect(Buffer.from((await getFileStore().readHead("media", small.path, 4096))!)).toEqual(GIF);
    expect(
      await getFileStore().readHead(
        "media",
        `${t.org.id}/99999999-2222-4333-8444-555555555555.png`,
        8,
      ),
    ).toBeNull();

    // Finalizing the large document costs a ranged read too.
    requests.length = 0;
    const item = await finalizeMediaUpload(as(t.owner), t.org.id, { path: prepared.path }, meta);
    expect(item.sizeBytes).toBe(big.length);
    await expect
      .poll(() => requests.filter((r) => r.method === "GET").map((r) => r.status))
      .toEqual([200, 206]);
  });
});
