// What the shared preview page (app/(share)/share/[token]) reads, on real Postgres: a valid link
// shows its post and counts the view; expired, revoked and unknown tokens say which; an archived post
// or a deleted org is gone; and nothing of another org ever shows through a link.
import { randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createPreviewLink, revokePreviewLink, type ReviewActor } from "@/lib/reviews/mutations";
import { getSharedPreview } from "@/lib/reviews/queries";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";
import { seedScheduledPost } from "../helpers/publishing";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const meta = { requestId: null, ip: null };
let owner: SeededUser, creator: SeededUser, outsider: SeededUser;
let org: SeededOrg, other: SeededOrg;

const actorFor = (user: SeededUser, o: SeededOrg): ReviewActor => ({
  claims: claimsFor(user),
  orgId: o.id,
  orgSlug: o.slug,
  userId: user.id,
});

const seedPost = (o: SeededOrg, user: SeededUser, body: string) =>
  seedScheduledPost(su, {
    orgId: o.id,
    userId: user.id,
    body,
    networks: ["linkedin"],
    dueAt: new Date(Date.now() + 86_400_000),
    title: `${body.slice(0, 20)} title`,
  }).then((p) => p.postId);

async function attachImage(o: SeededOrg, postId: string, position: number, deleted = false) {
  const path = `${o.id}/${randomUUID()}.png`;
  const [media] = await su<{ id: string }[]>`
    insert into public.media_assets (org_id, path, mime, size_bytes, width, height, alt_text, file_name, deleted_at)
    values (${o.id}, ${path}, 'image/png', 1024, 1200, 627, 'A chart', 'chart.png',
            ${deleted ? new Date() : null})
    returning id`;
  await su`insert into public.post_media (org_id, post_id, media_id, position)
           values (${o.id}, ${postId}, ${media!.id}, ${position})`;
  return path;
}

/** A link to `postId` made by `user`, and the token its URL carries. */
async function share(user: SeededUser, o: SeededOrg, postId: string, days = 7) {
  const link = await createPreviewLink(actorFor(user, o), { postId, days }, meta);
  return { ...link, token: new URL(link.url).pathname.split("/").pop()! };
}

const viewsOf = async (linkId: string) => {
  const [row] = await su<{ views: number; last_viewed_at: Date | null }[]>`
    select views, last_viewed_at from public.preview_links where id = ${linkId}`;
  return row!;
};

beforeAll(async () => {
  owner = await seedUser(su, { email: "owner@share.test", fullName: "Olive Owner" });
  creator = await seedUser(su, { email: "creator@share.test", fullName: "Cora Creator" });
  outsider = await seedUser(su, { email: "outsider@share.test", fullName: "Otto Outsider" });
  org = await seedOrg(su, {
    name: "Share Co",
    slug: "share-co",
    members: [
      { userId: owner.id, role: "owner" },
      { userId: creator.id, role: "brand_creator" },
    ],
  });
  other = await seedOrg(su, {
    name: "Other Share",
    slug: "other-share",
    members: [{ userId: outsider.id, role: "owner" }],
  });
  await su`update public.profiles set headline = 'Founder at Share Co' where id = ${owner.id}`;
});

afterAll(() => su.end());

describe("a valid link", () => {
  it("shows the post as its member posts it, with its files in order, and counts each view", async () => {
    const postId = await seedPost(org, owner, "We shipped the new billing page today.");
    const second = await attachImage(org, postId, 1);
    const first = await attachImage(org, postId, 0);
    await attachImage(org, postId, 2, true); // deleted from the library: not shown
    const link = await share(creator, org, postId);

    const preview = await getSharedPreview(link.token);
    expect(preview).toEqual({
      ok: true,
      orgName: "Share Co",
      title: "We shipped the new b title",
      body: "We shipped the new billing page today.",
      author: { name: "Olive Owner", headline: "Founder at Share Co", avatarUrl: null },
      media: [first, second].map((path) => ({
        path,
        mime: "image/png",
        alt: "A chart",
        width: 1200,
        height: 627,
        fileName: "chart.png",
      })),
      expiresAt: expect.any(String),
    });
    if (!preview.ok) throw new Error("unreachable");
    expect(Date.parse(preview.expiresAt)).toBe(Date.parse(link.expiresAt));
    expect(await viewsOf(link.id)).toMatchObject({ views: 1, last_viewed_at: expect.any(Date) });

    await getSharedPreview(link.token);
    expect((await viewsOf(link.id)).views).toBe(2);
  });

  it("stores only the token's hash", async () => {
    const postId = await seedPost(org, owner, "Hash check");
    const link = await share(owner, org, postId);
    const [row] = await su<{ token_hash: string }[]>`
      select token_hash from public.preview_links where id = ${link.id}`;
    expect(row!.token_hash).not.toContain(link.token);
    expect(row!.token_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("links that no longer show the post", () => {
  it("says expired once the link's time is up, and counts no view", async () => {
    const postId = await seedPost(org, owner, "Expiring post");
    const link = await share(owner, org, postId, 1);
    await su`update public.preview_links
                set created_at = now() - interval '2 days', expires_at = now() - interval '1 minute'
              where id = ${link.id}`;
    expect(await getSharedPreview(link.token)).toEqual({ ok: false, reason: "expired" });
    expect(await viewsOf(link.id)).toEqual({ views: 0, last_viewed_at: null });
  });

  it("says revoked after the link is turned off, even once it has also expired", async () => {
    const postId = await seedPost(org, owner, "Revoked post");
    const link = await share(creator, org, postId);
    expect((await getSharedPreview(link.token)).ok).toBe(true);
    await revokePreviewLink(actorFor(creator, org), { linkId: link.id }, meta);
    expect(await getSharedPreview(link.token)).toEqual({ ok: false, reason: "revoked" });
    await su`update public.preview_links
                set created_at = now() - interval '2 days', expires_at = now() - interval '1 minute'
              where id = ${link.id}`;
    expect(await getSharedPreview(link.token)).toEqual({ ok: false, reason: "revoked" });
    expect((await viewsOf(link.id)).views).toBe(1);
  });

  it("says unknown for a token that was never issued or is not a token at all", async () => {
    const never = randomBytes(24).toString("base64url");
    expect(await getSharedPreview(never)).toEqual({ ok: false, reason: "unknown" });
    for (const bad of ["", "short", "../../etc/passwd", "x".repeat(65), "a b c d e f g h i j k l"])
      expect(await getSharedPreview(bad)).toEqual({ ok: false, reason: "unknown" });
  });

  it("says gone when the post is archived, or its organization deleted", async () => {
    const archived = await seedPost(org, owner, "Archived later");
    const archivedLink = await share(owner, org, archived);
    await su`update public.posts set status = 'archived', archived_at = now(), scheduled_at = null where id = ${archived}`;
    expect(await getSharedPreview(archivedLink.token)).toEqual({ ok: false, reason: "gone" });

    const doomed = await seedOrg(su, {
      name: "Doomed Co",
      slug: "doomed-co",
      members: [{ userId: owner.id, role: "owner" }],
    });
    const postId = await seedPost(doomed, owner, "Org deleted later");
    const link = await share(owner, doomed, postId);
    await su`update public.organizations set deleted_at = now() where id = ${doomed.id}`;
    expect(await getSharedPreview(link.token)).toEqual({ ok: false, reason: "gone" });
  });
});

describe("isolation", () => {
  it("shows through a link only its own post, with no ids and nothing of another org", async () => {
    const mine = await seedPost(org, owner, "Share Co launch");
    const theirs = await seedPost(other, outsider, "Other Share secret plan");
    const theirPath = await attachImage(other, theirs, 0);
    const myLink = await share(owner, org, mine);
    const theirLink = await share(outsider, other, theirs);

    const preview = await getSharedPreview(myLink.token);
    if (!preview.ok) throw new Error(`expected the post, got ${preview.reason}`);
    expect(Object.keys(preview).sort()).toEqual(
      ["author", "body", "expiresAt", "media", "ok", "orgName", "title"].sort(),
    );
    expect(preview).toMatchObject({ orgName: "Share Co", body: "Share Co launch", media: [] });
    expect(JSON.stringify(preview)).not.toMatch(/Other Share|secret plan|Otto|outsider/);
    for (const id of [org.id, other.id, mine, theirs, myLink.id])
      expect(JSON.stringify(preview)).not.toContain(id);

    const theirPreview = await getSharedPreview(theirLink.token);
    expect(theirPreview).toMatchObject({ ok: true, orgName: "Other Share" });
    expect(theirPreview.ok && theirPreview.media.map((m) => m.path)).toEqual([theirPath]);
  });

  it("refuses to share another org's post, as if it did not exist", async () => {
    const theirs = await seedPost(other, outsider, "Not yours to share");
    const attempt = createPreviewLink(actorFor(owner, org), { postId: theirs, days: 7 }, meta);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    const [row] = await su<{ n: number }[]>`
      select count(*)::int as n from public.preview_links where post_id = ${theirs}`;
    expect(row!.n).toBe(0);
  });
});
