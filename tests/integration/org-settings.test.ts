// Org settings: the update and its audit entry in one transaction, slug rules, the database refusing
// non-admins, deleting an org, and the logo through the FileStore against the Storage stand-in
// (started here in-process, at the SUPABASE_URL the app reads).
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withRls } from "@/lib/db/rls";
import { createSupabaseFileStore, getFileStore } from "@/lib/media/file-store";
import { createOrganization } from "@/lib/orgs/create-organization";
import { listMyOrgs } from "@/lib/orgs/queries";
import {
  deleteOrganization,
  finalizeLogo,
  getLogoUrl,
  prepareLogoUpload,
  removeLogo,
  updateOrganization,
  updateOrgInput,
} from "@/lib/orgs/settings";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type OrgRoleName,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import {
  createStorageHandler,
  deriveStorageSigningSecret,
  type StorageHandlerOptions,
} from "../../scripts/stand-ins/storage";
import { testDb } from "../helpers/db";

// --- The Storage stand-in, in-process on port 0 -----------------------------------------------------

const SECRET_KEY = "sb_secret_test_storage_0000000000000000";
const PUBLISHABLE_KEY = process.env.SUPABASE_PUBLISHABLE_KEY!;
const storageDir = await mkdtemp(path.join(os.tmpdir(), "ghostart-storage-"));
let clockSkewMs = 0;

async function startStorage(extra: Partial<StorageHandlerOptions> = {}) {
  const handler = createStorageHandler({
    dir: storageDir,
    secretKey: SECRET_KEY,
    publishableKey: PUBLISHABLE_KEY,
    signingSecret: deriveStorageSigningSecret(SECRET_KEY),
    now: () => new Date(Date.now() + clockSkewMs),
    log: () => {},
    ...extra,
  });
  const server = http.createServer((req, res) => {
    if (!handler(req, res)) res.writeHead(404).end("not storage");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const storage = await startStorage();
// Before anything calls getEnv() (lib/env.ts parses process.env once).
process.env.SUPABASE_URL = storage.url;
process.env.SUPABASE_SECRET_KEY = SECRET_KEY;

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });

afterAll(async () => {
  await su.end();
  storage.server.closeAllConnections();
  await new Promise((r) => storage.server.close(r));
  await rm(storageDir, { recursive: true, force: true });
});

// --- Fixtures -------------------------------------------------------------------------------------

let n = 0;
type Team = { org: SeededOrg } & Record<OrgRoleName, SeededUser>;

/** A fresh org with one member per role. */
async function team(): Promise<Team> {
  const tag = `${process.pid}-${++n}`;
  const users = {} as Record<OrgRoleName, SeededUser>;
  for (const role of ["owner", "admin", "brand_creator", "employee", "viewer"] as const)
    users[role] = await seedUser(su, { email: `${role}-${tag}@example.com` });
  const org = await seedOrg(su, {
    name: `Team ${tag}`,
    slug: `team-${tag}`,
    timezone: "UTC",
    members: Object.entries(users).map(([role, u]) => ({
      userId: u.id,
      role: role as OrgRoleName,
    })),
  });
  return { org, ...users };
}

const meta = { requestId: "req-settings", ip: "203.0.113.9" };

async function orgRow(id: string) {
  const [row] =
    await su`select name, slug, timezone, logo_path, deleted_at from public.organizations where id = ${id}`;
  return row!;
}

async function activity(orgId: string, action: string) {
  return su`select actor_id, summary, request_id, host(ip) as ip from public.activity_log
            where org_id = ${orgId} and action = ${action} order by id`;
}

// Bytes that are (or pretend to be) images.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("IHDR-and-the-rest-of-a-small-png"),
]);
const GIF = Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(40, 1)]);

/** What the browser does with the signed URL: a PUT of the raw bytes. */
function browserPut(url: string, body: Buffer, contentType: string) {
  return fetch(url, {
    method: "PUT",
    headers: { "Content-Type": contentType, "x-upsert": "false", Origin: "http://localhost:3000" },
    body: new Uint8Array(body),
  });
}

async function uploadLogo(orgId: string, bytes: Buffer, contentType = "image/png") {
  const prepared = await prepareLogoUpload(orgId, { contentType, size: bytes.length });
  const res = await browserPut(prepared.uploadUrl, bytes, contentType);
  expect(res.status, await res.clone().text()).toBe(200);
  return prepared;
}

beforeEach(() => {
  clockSkewMs = 0;
});

// --- General settings -----------------------------------------------------------------------------

describe("general settings", () => {
  it("updates name, address and time zone, logging what changed with the request's id and address", async () => {
    const t = await team();
    const result = await updateOrganization(
      claimsFor(t.admin),
      t.org.id,
      { name: "Renamed Studio", slug: `${t.org.slug}-new`, timezone: "Europe/Paris" },
      meta,
    );
    expect(result).toEqual({
      name: "Renamed Studio",
      slug: `${t.org.slug}-new`,
      timezone: "Europe/Paris",
      changed: true,
    });
    expect(await orgRow(t.org.id)).toMatchObject({
      name: "Renamed Studio",
      slug: `${t.org.slug}-new`,
      timezone: "Europe/Paris",
    });
    const entries = await activity(t.org.id, "org.updated");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      actor_id: t.admin.id,
      request_id: "req-settings",
      ip: "203.0.113.9",
      summary: {
        before: { name: t.org.name, slug: t.org.slug, timezone: "UTC" },
        after: { name: "Renamed Studio", slug: `${t.org.slug}-new`, timezone: "Europe/Paris" },
      },
    });
  });

  it("writes nothing and logs nothing when nothing changed", async () => {
    const t = await team();
    const result = await updateOrganization(
      claimsFor(t.owner),
      t.org.id,
      { name: t.org.name, slug: t.org.slug, timezone: "UTC" },
      meta,
    );
    expect(result.changed).toBe(false);
    expect(await activity(t.org.id, "org.updated")).toHaveLength(0);
  });

  it("keeps neither the update nor the audit entry when the audit write fails (one transaction)", async () => {
    const t = await team();
    await su.unsafe(`
      create schema if not exists test_hooks;
      create or replace function test_hooks.fail_org_updated() returns trigger language plpgsql as $$
      begin
        if new.action = 'org.updated' then raise exception 'audit log unavailable'; end if;
        return new;
      end $$;
      create trigger fail_org_updated before insert on public.activity_log
        for each row execute function test_hooks.fail_org_updated();`);
    try {
      await expect(
        updateOrganization(
          claimsFor(t.owner),
          t.org.id,
          { name: "Should Not Stick", slug: `${t.org.slug}-x`, timezone: "Asia/Tokyo" },
          meta,
        ),
      ).rejects.toMatchObject({ cause: { message: "audit log unavailable" } });
    } finally {
      await su.unsafe(`drop trigger fail_org_updated on public.activity_log;
                       drop function test_hooks.fail_org_updated();`);
    }
    expect(await orgRow(t.org.id)).toMatchObject({
      name: t.org.name,
      slug: t.org.slug,
      timezone: "UTC",
    });
    expect(await activity(t.org.id, "org.updated")).toHaveLength(0);
  });

  it("answers a taken address (a deleted org's included) with a field error and writes nothing", async () => {
    const t = await team();
    const other = await team();
    await expect(
      updateOrganization(
        claimsFor(t.owner),
        t.org.id,
        { name: "Mine", slug: other.org.slug, timezone: "UTC" },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "slug_taken",
      fieldErrors: { slug: "This address is taken. Pick another." },
    });

    await su`update public.organizations set deleted_at = now() where id = ${other.org.id}`;
    await expect(
      updateOrganization(
        claimsFor(t.owner),
        t.org.id,
        { name: "Mine", slug: other.org.slug, timezone: "UTC" },
        meta,
      ),
    ).rejects.toMatchObject({ code: "slug_taken" });
    expect((await orgRow(t.org.id)).name).toBe(t.org.name);
    expect(await activity(t.org.id, "org.updated")).toHaveLength(0);
  });

  it("refuses invalid and reserved addresses with the creation rules, and the database refuses what slips past", async () => {
    const base = { org: "acme", name: "Acme", timezone: "UTC" };
    const bad = updateOrgInput.safeParse({ ...base, slug: "Not OK!" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["slug"]);
    const reserved = updateOrgInput.safeParse({ ...base, slug: "settings" });
    expect(reserved.error?.issues[0]?.message).toBe("This address is reserved. Pick another.");
    expect(updateOrgInput.safeParse({ ...base, slug: "  Fine-Slug " }).data?.slug).toBe(
      "fine-slug",
    );
    expect(
      updateOrgInput.safeParse({ ...base, slug: "ok", timezone: "Mars/Olympus" }).success,
    ).toBe(false);

    const t = await team();
    await expect(
      updateOrganization(
        claimsFor(t.owner),
        t.org.id,
        { name: "Acme", slug: "-bad-", timezone: "UTC" },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { slug: expect.any(String) },
    });
    await expect(
      updateOrganization(
        claimsFor(t.owner),
        t.org.id,
        { name: "Acme", slug: t.org.slug, timezone: "Mars/Olympus" },
        meta,
      ),
    ).rejects.toMatchObject({ fieldErrors: { timezone: "Pick a time zone from the list." } });
  });

  it("is refused by the database for members who are not owners or admins", async () => {
    const t = await team();
    for (const role of ["brand_creator", "employee", "viewer"] as const) {
      await expect(
        updateOrganization(
          claimsFor(t[role]),
          t.org.id,
          { name: "Hijacked", slug: `${t.org.slug}-h`, timezone: "UTC" },
          meta,
        ),
        role,
      ).rejects.toMatchObject({ code: "forbidden" });
      // Straight SQL as that member: the policy leaves no row to update.
      const direct = await withRls(claimsFor(t[role]), (tx) =>
        tx.execute(
          sql`update public.organizations set name = 'Hijacked', logo_path = null where id = ${t.org.id}`,
        ),
      );
      expect((direct as unknown as { count: number }).count, role).toBe(0);
      await expect(
        removeLogo(claimsFor(t[role]), t.org.id, meta),
        `${role} removes the logo`,
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await orgRow(t.org.id)).toMatchObject({ name: t.org.name, slug: t.org.slug });
    expect(await activity(t.org.id, "org.updated")).toHaveLength(0);
  });

  it("lets no admin point the logo at another org's file", async () => {
    const t = await team();
    const other = await team();
    const attempt = withRls(claimsFor(t.admin), (tx) =>
      tx.execute(
        sql`update public.organizations set logo_path = ${`${other.org.id}/00000000-0000-0000-0000-000000000000.png`} where id = ${t.org.id}`,
      ),
    );
    await expect(attempt).rejects.toMatchObject({
      cause: { code: "23514", constraint_name: "organizations_logo_path_check" },
    });
    expect(await getLogoUrl(t.org.id, `${other.org.id}/x.png`)).toBeNull();
  });
});

// --- Deleting -------------------------------------------------------------------------------------

describe("delete organization", () => {
  it("is for owners only", async () => {
    const t = await team();
    for (const role of ["admin", "brand_creator", "employee", "viewer"] as const) {
      await expect(
        deleteOrganization(claimsFor(t[role]), t.org.id, t.org.slug, meta),
        role,
      ).rejects.toMatchObject({
        code: "forbidden",
        message: "Only an owner can delete the organization.",
      });
    }
    expect((await orgRow(t.org.id)).deleted_at).toBeNull();
  });

  it("needs the address typed exactly", async () => {
    const t = await team();
    for (const typed of ["", "nope", t.org.slug.toUpperCase(), `${t.org.slug}x`]) {
      await expect(
        deleteOrganization(claimsFor(t.owner), t.org.id, typed, meta),
        typed,
      ).rejects.toMatchObject({
        code: "rule_violation",
        fieldErrors: { confirm: `Type the address "${t.org.slug}" exactly to confirm.` },
      });
    }
    expect((await orgRow(t.org.id)).deleted_at).toBeNull();
    expect(await activity(t.org.id, "org.deleted")).toHaveLength(0);
  });

  it("soft-deletes with an audit entry, drops out of every member's list, and keeps the address taken", async () => {
    const t = await team();
    const sessionOf = (u: SeededUser) => ({ id: u.id, email: u.email, claims: claimsFor(u) });
    expect((await listMyOrgs(sessionOf(t.viewer))).map((o) => o.id)).toContain(t.org.id);

    await deleteOrganization(claimsFor(t.owner), t.org.id, ` ${t.org.slug} `, meta);

    expect((await orgRow(t.org.id)).deleted_at).not.toBeNull();
    const entries = await activity(t.org.id, "org.deleted");
    expect(entries).toEqual([
      {
        actor_id: t.owner.id,
        request_id: "req-settings",
        ip: "203.0.113.9",
        summary: { name: t.org.name, slug: t.org.slug },
      },
    ]);
    for (const role of ["owner", "admin", "viewer"] as const) {
      expect(
        (await listMyOrgs(sessionOf(t[role]))).map((o) => o.id),
        role,
      ).not.toContain(t.org.id);
      const visible = await withRls(claimsFor(t[role]), (tx) =>
        tx.execute(sql`select id from public.organizations where id = ${t.org.id}`),
      );
      expect([...visible], role).toHaveLength(0);
    }
    // A second attempt finds nothing to delete; the address cannot be taken again.
    await expect(
      deleteOrganization(claimsFor(t.owner), t.org.id, t.org.slug, meta),
    ).rejects.toMatchObject({ code: "forbidden" });
    const newcomer = await seedUser(su, { email: `newcomer-${process.pid}-${n}@example.com` });
    await expect(
      createOrganization(claimsFor(newcomer), {
        name: "Squatter",
        slug: t.org.slug,
        timezone: "UTC",
      }),
    ).rejects.toMatchObject({ code: "slug_taken" });
  });
});

// --- Logo through the FileStore and the Storage stand-in ----------------------------------------

describe("logo upload (FileStore against the Storage stand-in)", () => {
  it("signs an upload, takes the browser's PUT, finalizes, serves a signed URL and replaces the old file", async () => {
    const t = await team();
    const first = await uploadLogo(t.org.id, PNG);
    expect(first.path).toMatch(new RegExp(`^${t.org.id}/[0-9a-f-]{36}\\.png$`));
    expect(first.uploadUrl.startsWith(`${storage.url}/storage/v1/object/upload/sign/logos/`)).toBe(
      true,
    );

    await finalizeLogo(claimsFor(t.admin), t.org.id, first.path, meta);
    expect((await orgRow(t.org.id)).logo_path).toBe(first.path);
    expect(await activity(t.org.id, "org.logo_updated")).toEqual([
      {
        actor_id: t.admin.id,
        request_id: "req-settings",
        ip: "203.0.113.9",
        summary: { before: null, after: first.path },
      },
    ]);

    const url = await getLogoUrl(t.org.id, first.path);
    expect(url).toContain("/storage/v1/object/sign/logos/");
    const served = await fetch(url!);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);

    const second = await uploadLogo(t.org.id, GIF, "image/gif");
    await finalizeLogo(claimsFor(t.owner), t.org.id, second.path, meta);
    expect((await orgRow(t.org.id)).logo_path).toBe(second.path);
    expect(await getFileStore().statObject("logos", first.path)).toBeNull();
    expect(await getFileStore().statObject("logos", second.path)).toEqual({
      size: GIF.length,
      contentType: "image/gif",
    });

    await removeLogo(claimsFor(t.admin), t.org.id, meta);
    expect((await orgRow(t.org.id)).logo_path).toBeNull();
    expect(await getFileStore().statObject("logos", second.path)).toBeNull();
    expect((await activity(t.org.id, "org.logo_removed"))[0]?.summary).toEqual({
      before: second.path,
    });
  });

  it("answers the browser's CORS preflight for the PUT from the app's origin", async () => {
    const t = await team();
    const prepared = await prepareLogoUpload(t.org.id, { contentType: "image/png", size: 10 });
    const res = await fetch(prepared.uploadUrl, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3000",
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "content-type,x-upsert",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(res.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type,x-upsert");
    const put = await browserPut(prepared.uploadUrl, PNG, "image/png");
    expect(put.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });

  it("refuses a file whose bytes are not the image it claims to be, and deletes it", async () => {
    const t = await team();
    for (const bytes of [
      GIF,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
    ]) {
      const prepared = await uploadLogo(t.org.id, bytes, "image/png");
      expect(await getFileStore().statObject("logos", prepared.path)).not.toBeNull();
      await expect(
        finalizeLogo(claimsFor(t.owner), t.org.id, prepared.path, meta),
      ).rejects.toMatchObject({
        code: "validation_failed",
        fieldErrors: {
          logo:
            bytes === GIF
              ? "That file is a GIF image named as PNG. Export it again and retry."
              : "That file is not a PNG, JPEG, WebP, GIF image.",
        },
      });
      expect(await getFileStore().statObject("logos", prepared.path)).toBeNull();
    }
    expect((await orgRow(t.org.id)).logo_path).toBeNull();
    expect(await activity(t.org.id, "org.logo_updated")).toHaveLength(0);
  });

  it("refuses SVG, other types and oversized files before signing anything", async () => {
    const t = await team();
    await expect(
      prepareLogoUpload(t.org.id, { contentType: "image/svg+xml", size: 100 }),
    ).rejects.toMatchObject({
      fieldErrors: { logo: expect.stringContaining("SVG is not accepted") },
    });
    await expect(
      prepareLogoUpload(t.org.id, { contentType: "text/html", size: 100 }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      prepareLogoUpload(t.org.id, { contentType: "image/png", size: 2 * 1024 * 1024 + 1 }),
    ).rejects.toMatchObject({
      fieldErrors: { logo: "That file is 2.0 MB. Logos can be up to 2 MB." },
    });
  });

  it("refuses an upload over the bucket's limit at storage, and an oversized file at finalize", async () => {
    const t = await team();
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    // The browser declared a small file, then sent more than the bucket takes.
    const prepared = await prepareLogoUpload(t.org.id, { contentType: "image/png", size: 1000 });
    const put = await browserPut(prepared.uploadUrl, big, "image/png");
    expect(put.status).toBe(400);
    expect(await put.json()).toMatchObject({ statusCode: "413", error: "Payload too large" });
    expect(await getFileStore().statObject("logos", prepared.path)).toBeNull();

    // A bucket configured more loosely than ours (a production misconfiguration): finalize still refuses.
    const loose = await startStorage({ buckets: { logos: { fileSizeLimit: 10 * 1024 * 1024 } } });
    try {
      const store = createSupabaseFileStore({ url: loose.url, secretKey: SECRET_KEY });
      const path2 = `${t.org.id}/11111111-2222-4333-8444-555555555555.png`;
      const signed = await store.createUploadUrl("logos", path2);
      expect((await browserPut(signed.url, big, "image/png")).status).toBe(200);
      await expect(
        finalizeLogo(claimsFor(t.owner), t.org.id, path2, meta, store),
      ).rejects.toMatchObject({
        fieldErrors: {
          logo: expect.stringMatching(/^That file is 2\.0 MB\. Logos can be up to 2 MB\.$/),
        },
      });
      expect(await store.statObject("logos", path2)).toBeNull();
    } finally {
      loose.server.closeAllConnections();
      await new Promise((r) => loose.server.close(r));
    }
    expect((await orgRow(t.org.id)).logo_path).toBeNull();
  });

  it("refuses a file stored with another Content-Type than its name says", async () => {
    const t = await team();
    const prepared = await prepareLogoUpload(t.org.id, {
      contentType: "image/png",
      size: PNG.length,
    });
    expect((await browserPut(prepared.uploadUrl, PNG, "image/gif")).status).toBe(200);
    await expect(
      finalizeLogo(claimsFor(t.owner), t.org.id, prepared.path, meta),
    ).rejects.toMatchObject({ fieldErrors: { logo: "That file was not sent as a PNG image." } });
    expect(await getFileStore().statObject("logos", prepared.path)).toBeNull();
  });

  it("refuses to finalize a path outside the org or an upload that never arrived", async () => {
    const t = await team();
    const other = await team();
    const theirs = await uploadLogo(other.org.id, PNG);
    await expect(
      finalizeLogo(claimsFor(t.owner), t.org.id, theirs.path, meta),
    ).rejects.toMatchObject({
      fieldErrors: { logo: "That upload does not belong to this organization." },
    });
    expect(await getFileStore().statObject("logos", theirs.path)).not.toBeNull();
    await expect(
      finalizeLogo(
        claimsFor(t.owner),
        t.org.id,
        `${t.org.id}/99999999-2222-4333-8444-555555555555.png`,
        meta,
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("Storage stand-in checks", () => {
  const api = (p: string) => `${storage.url}/storage/v1${p}`;
  let orgId: string;
  beforeAll(async () => {
    orgId = (await team()).org.id;
  });

  it("refuses an expired or tampered upload token", async () => {
    const store = getFileStore();
    const a = await store.createUploadUrl(
      "logos",
      `${orgId}/aaaaaaaa-0000-4000-8000-000000000001.png`,
    );
    const url = new URL(a.url);
    const token = url.searchParams.get("token")!;
    const [h, p, s] = token.split(".");

    // Signature changed, and payload changed under the old signature.
    const flipped = `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith("AA") ? "BB" : "AA"}`;
    const claims = JSON.parse(Buffer.from(p!, "base64url").toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, url: "logos/x.png" })).toString("base64url")}.${s}`;
    for (const bad of [flipped, forged, "not-a-jwt"]) {
      url.searchParams.set("token", bad);
      const res = await browserPut(url.toString(), PNG, "image/png");
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ statusCode: "400", error: "InvalidJWT" });
    }

    clockSkewMs = 2 * 3600 * 1000 + 1000; // Supabase's signed upload URLs last two hours
    const late = await browserPut(a.url, PNG, "image/png");
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ error: "InvalidJWT", message: "jwt expired" });
    clockSkewMs = 0;
    expect(await store.statObject("logos", a.path)).toBeNull();
    expect((await browserPut(a.url, PNG, "image/png")).status).toBe(200);
  });

  it("refuses a token signed for path A on path B, and a download token for an upload", async () => {
    const store = getFileStore();
    const pathA = `${orgId}/aaaaaaaa-0000-4000-8000-00000000000a.png`;
    const pathB = `${orgId}/bbbbbbbb-0000-4000-8000-00000000000b.png`;
    const a = await store.createUploadUrl("logos", pathA);
    const onB = a.url.replace(pathA, pathB);
    expect(onB).not.toBe(a.url);
    const res = await browserPut(onB, PNG, "image/png");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: "400", error: "InvalidSignature" });
    expect(await store.statObject("logos", pathB)).toBeNull();

    expect((await browserPut(a.url, PNG, "image/png")).status).toBe(200);
    const download = new URL(await store.createDownloadUrl("logos", pathA, 60));
    const asUpload = `${api(`/object/upload/sign/logos/${pathB}`)}?token=${download.searchParams.get("token")}`;
    const scoped = await browserPut(asUpload, PNG, "image/png");
    expect(await scoped.json()).toMatchObject({
      error: "InvalidSignature",
      message: "Token is not scoped for upload",
    });
    // A download URL works for its own object only, and not after it expires.
    expect((await fetch(download.toString().replace(pathA, pathB))).status).toBe(400);
    clockSkewMs = 61_000;
    const expired = await fetch(download.toString());
    expect(await expired.json()).toMatchObject({ error: "InvalidJWT", message: "jwt expired" });
  });

  it("never overwrites: signing or uploading to an existing path is refused", async () => {
    const store = getFileStore();
    const p = `${orgId}/cccccccc-0000-4000-8000-00000000000c.png`;
    const first = await store.createUploadUrl("logos", p);
    const second = await store.createUploadUrl("logos", p);
    expect((await browserPut(first.url, PNG, "image/png")).status).toBe(200);
    const again = await browserPut(second.url, GIF, "image/gif");
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ statusCode: "409", error: "Duplicate" });
    await expect(store.createUploadUrl("logos", p)).rejects.toMatchObject({
      code: "dependency_unavailable",
    });
    expect(await store.readHead("logos", p, 8)).toEqual(new Uint8Array(PNG.subarray(0, 8)));
  });

  it("checks the API key on management calls", async () => {
    const p = `logos/${orgId}/dddddddd-0000-4000-8000-00000000000d.png`;
    const noKey = await fetch(api(`/object/upload/sign/${p}`), { method: "POST" });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ message: "No API key found in request" });
    const wrong = await fetch(api(`/object/upload/sign/${p}`), {
      method: "POST",
      headers: { apikey: "sb_secret_wrong_wrong_wrong_wrong_wrong" },
    });
    expect(wrong.status).toBe(401);
    const anon = await fetch(api(`/object/upload/sign/${p}`), {
      method: "POST",
      headers: { apikey: PUBLISHABLE_KEY, Authorization: `Bearer ${PUBLISHABLE_KEY}` },
    });
    expect(await anon.json()).toMatchObject({ statusCode: "403", error: "Unauthorized" });
    const removeAnon = await fetch(api(`/object/logos`), {
      method: "DELETE",
      headers: { apikey: PUBLISHABLE_KEY, "Content-Type": "application/json" },
      body: JSON.stringify({ prefixes: [p] }),
    });
    expect(await removeAnon.json()).toEqual([]);
    const unknownBucket = await getFileStore()
      .createUploadUrl("nope" as "logos", "a/b.png")
      .catch((e: Error) => e);
    expect(String((unknownBucket as Error).cause)).toContain("Bucket not found");
  });

  it("refuses keys that would escape the bucket", async () => {
    const res = await fetch(api(`/object/upload/sign/logos/${orgId}/..%2F..%2Fescape.png`), {
      method: "POST",
      headers: { apikey: SECRET_KEY },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "InvalidKey" });
  });
});
