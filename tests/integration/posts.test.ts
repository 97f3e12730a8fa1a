import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setNow } from "@/lib/clock";
import { withAdmin } from "@/lib/db/admin";
import { withRls } from "@/lib/db/rls";
import { utcToZonedLocal } from "@/lib/posts/local-time";
import {
  archiveCampaign,
  archivePosts,
  createCampaign,
  createMediaAsset,
  createPost,
  deleteMediaAsset,
  PostConflictError,
  reschedulePostByDays,
  restorePostVersion,
  savePostVersion,
  schedulePost,
  setPostMedia,
  setPostTargets,
  unschedulePost,
  updateCampaign,
  updateMediaAltText,
  updatePost,
} from "@/lib/posts/mutations";
import { getPostWithVersions, listCampaigns, listPosts } from "@/lib/posts/queries";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const meta = { requestId: "req-posts", ip: "203.0.113.7" };
const HOUR = 3_600_000;

let owner: SeededUser, admin: SeededUser, creator: SeededUser, employee: SeededUser;
let peer: SeededUser, viewer: SeededUser, outsider: SeededUser;
let org: SeededOrg, orgB: SeededOrg;

beforeAll(async () => {
  owner = await seedUser(su, { email: "owner@posts.test", fullName: "Olga Owner" });
  admin = await seedUser(su, { email: "admin@posts.test", fullName: "Ada Admin" });
  creator = await seedUser(su, { email: "creator@posts.test", fullName: "Cleo Creator" });
  employee = await seedUser(su, { email: "employee@posts.test", fullName: "Emma Employee" });
  peer = await seedUser(su, { email: "peer@posts.test", fullName: "Pete Peer" });
  viewer = await seedUser(su, { email: "viewer@posts.test", fullName: "Vic Viewer" });
  outsider = await seedUser(su, { email: "outsider@posts.test" });
  org = await seedOrg(su, {
    name: "Posts A",
    slug: "posts-a",
    timezone: "Europe/Berlin",
    members: [
      { userId: owner.id, role: "owner" },
      { userId: admin.id, role: "admin" },
      { userId: creator.id, role: "brand_creator" },
      { userId: employee.id, role: "employee" },
      { userId: peer.id, role: "employee" },
      { userId: viewer.id, role: "viewer" },
    ],
  });
  orgB = await seedOrg(su, {
    name: "Posts B",
    slug: "posts-b",
    timezone: "America/New_York",
    members: [{ userId: outsider.id, role: "owner" }],
  });
});

afterEach(() => setNow(null));
afterAll(() => su.end());

const as = (u: SeededUser) => claimsFor(u);

/** Runs `fn` and checks it wrote exactly one audit entry: `action`, by `actor`, with the request's id and address. */
async function audited<T>(action: string, actor: SeededUser, fn: () => Promise<T>): Promise<T> {
  const [{ max }] =
    (await su`select coalesce(max(id), 0)::int as max from public.activity_log`) as unknown as [
      { max: number },
    ];
  const result = await fn();
  const entries = await su`
    select action, actor_id, request_id, host(ip) as ip from public.activity_log where id > ${max} order by id`;
  expect(entries, action).toEqual([
    { action, actor_id: actor.id, request_id: meta.requestId, ip: meta.ip },
  ]);
  return result;
}

async function auditCount(): Promise<number> {
  const [r] = await su`select count(*)::int as n from public.activity_log`;
  return r!.n as number;
}

async function versionsOf(postId: string) {
  return su`select version_no, body, source, author_id from public.post_versions where post_id = ${postId} order by version_no`;
}

async function postRow(postId: string) {
  const [r] =
    await su`select status, revision, scheduled_at, current_version_id from public.posts where id = ${postId}`;
  return r!;
}

const newPath = (orgId: string) => `${orgId}/${randomUUID()}.png`;

describe("versions", () => {
  it("creates a draft with its first version and one target per network", async () => {
    const post = await audited("post.created", creator, () =>
      createPost(
        as(creator),
        org.id,
        { title: " Launch ", body: "Hello", networks: ["x", "linkedin"] },
        meta,
      ),
    );
    expect(post).toMatchObject({
      orgId: org.id,
      status: "draft",
      revision: 1,
      title: "Launch",
      authorId: creator.id,
      onBehalfOf: creator.id,
      scheduledAt: null,
    });
    const detail = await getPostWithVersions(as(creator), post.id);
    expect(detail!.post).toMatchObject({
      body: "Hello",
      source: "human",
      authorName: "Cleo Creator",
    });
    expect(detail!.versions.map((v) => [v.versionNo, v.body, v.source])).toEqual([
      [1, "Hello", "human"],
    ]);
    expect(detail!.targets.map((t) => [t.network, t.status])).toEqual([
      ["linkedin", "draft"],
      ["x", "draft"],
    ]);
  });

  it("keeps versions immutable: no update or delete, not even for the org's owner or the owner role", async () => {
    const post = await createPost(as(owner), org.id, { body: "Carved in stone" }, meta);
    for (const statement of [
      `update public.post_versions set body = 'rewritten' where post_id = '${post.id}'`,
      `delete from public.post_versions where post_id = '${post.id}'`,
      `insert into public.post_versions (org_id, post_id, version_no, body) values ('${org.id}', '${post.id}', 9, 'forged')`,
    ]) {
      await expect(
        withRls(as(owner), (tx) => tx.execute(sql.raw(statement))),
        statement,
      ).rejects.toMatchObject({ cause: { code: "42501" } });
    }
    // The owner role bypasses RLS and grants; the trigger still refuses.
    for (const statement of [
      sql`update public.post_versions set body = 'rewritten' where post_id = ${post.id}`,
      sql`delete from public.post_versions where post_id = ${post.id}`,
    ]) {
      await expect(withAdmin((tx) => tx.execute(statement))).rejects.toMatchObject({
        cause: { code: "42501", hint: "version_immutable" },
      });
    }
    const [grants] = await su`
      select has_table_privilege('authenticated', 'public.post_versions', 'UPDATE') as u,
             has_table_privilege('authenticated', 'public.post_versions', 'DELETE') as d,
             has_any_column_privilege('authenticated', 'public.post_versions', 'UPDATE') as uc`;
    expect(grants).toEqual({ u: false, d: false, uc: false });
    expect((await versionsOf(post.id)).map((v) => v.body)).toEqual(["Carved in stone"]);
  });

  it("refuses a save from a stale revision, writing nothing, and lets one of two simultaneous saves win", async () => {
    const post = await createPost(as(creator), org.id, { body: "First draft" }, meta);
    // The creator and the admin both opened revision 1; the admin saves first.
    const saved = await savePostVersion(
      as(admin),
      { postId: post.id, expectedRevision: 1, body: "Admin's edit" },
      meta,
    );
    expect(saved.revision).toBe(2);

    const audits = await auditCount();
    const err = await savePostVersion(
      as(creator),
      { postId: post.id, expectedRevision: 1, body: "Creator's edit" },
      meta,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PostConflictError);
    expect(err).toMatchObject({
      code: "conflict",
      status: 409,
      currentRevision: 2,
      updatedBy: admin.id,
    });
    expect((err as Error).message).toMatch(/^Someone else saved this post since you opened it/);
    expect((await versionsOf(post.id)).map((v) => v.body)).toEqual(["First draft", "Admin's edit"]);
    expect(await postRow(post.id)).toMatchObject({ revision: 2 });
    expect(await auditCount()).toBe(audits);

    // Saving the current text again is not a change: no version, no revision, no audit entry.
    const same = await savePostVersion(
      as(creator),
      { postId: post.id, expectedRevision: 2, body: "Admin's edit" },
      meta,
    );
    expect(same.revision).toBe(2);
    expect(await auditCount()).toBe(audits);

    // Two people save revision 2 at the same moment: the row lock serializes them, one conflicts.
    const results = await Promise.allSettled([
      savePostVersion(as(creator), { postId: post.id, expectedRevision: 2, body: "Cleo's" }, meta),
      savePostVersion(as(admin), { postId: post.id, expectedRevision: 2, body: "Ada's" }, meta),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(PostConflictError);
    expect((await versionsOf(post.id)).map((v) => v.version_no)).toEqual([1, 2, 3]);
  });

  it("restores an old version as a new version with the old text", async () => {
    const post = await createPost(as(creator), org.id, { body: "Original", source: "ai" }, meta);
    await savePostVersion(
      as(creator),
      { postId: post.id, expectedRevision: 1, body: "Edited" },
      meta,
    );
    const [v1] =
      await su`select id from public.post_versions where post_id = ${post.id} and version_no = 1`;

    await expect(
      restorePostVersion(
        as(creator),
        { postId: post.id, versionId: v1!.id, expectedRevision: 1 },
        meta,
      ),
    ).rejects.toBeInstanceOf(PostConflictError);

    const restored = await audited("post.version_restored", creator, () =>
      restorePostVersion(
        as(creator),
        { postId: post.id, versionId: v1!.id, expectedRevision: 2 },
        meta,
      ),
    );
    expect(restored.revision).toBe(3);
    const detail = await getPostWithVersions(as(creator), post.id);
    expect(detail!.post.body).toBe("Original");
    expect(detail!.post.currentVersionId).toBe(detail!.versions[0]!.id);
    expect(
      detail!.versions.map((v) => [v.versionNo, v.body, v.source, v.restoredFromVersionNo]),
    ).toEqual([
      [3, "Original", "ai", 1],
      [2, "Edited", "human", null],
      [1, "Original", "ai", null],
    ]);

    // A version of another post is not this post's to restore.
    const other = await createPost(as(creator), org.id, { body: "Other" }, meta);
    await expect(
      restorePostVersion(
        as(creator),
        { postId: other.id, versionId: v1!.id, expectedRevision: 1 },
        meta,
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("tenancy and roles", () => {
  it("refuses a campaign of another org in the database, with a clear error", async () => {
    const foreign = await createCampaign(as(outsider), orgB.id, { name: "B's campaign" }, meta);
    const before = await su`select count(*)::int as n from public.posts`;
    await expect(
      createPost(as(creator), org.id, { body: "Crafted", campaignId: foreign.id }, meta),
    ).rejects.toMatchObject({
      code: "rule_violation",
      message: "That campaign is not part of this organization.",
      fieldErrors: { campaignId: "That campaign is not part of this organization." },
    });
    expect(await su`select count(*)::int as n from public.posts`).toEqual(before);

    const post = await createPost(as(creator), org.id, { body: "Mine" }, meta);
    await expect(
      updatePost(
        as(creator),
        {
          postId: post.id,
          expectedRevision: 1,
          title: null,
          campaignId: foreign.id,
          onBehalfOf: creator.id,
        },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "rule_violation",
      fieldErrors: { campaignId: expect.any(String) },
    });
    expect(await postRow(post.id)).toMatchObject({ revision: 1 });

    // The composite foreign keys themselves, with no function in the way (the owner role):
    await expect(
      withAdmin((tx) =>
        tx.execute(
          sql`insert into public.posts (org_id, campaign_id) values (${org.id}, ${foreign.id})`,
        ),
      ),
    ).rejects.toMatchObject({ cause: { code: "23503", constraint_name: "posts_campaign_fkey" } });
    await expect(
      withAdmin((tx) =>
        tx.execute(sql`insert into public.post_versions (org_id, post_id, version_no, body)
                       values (${orgB.id}, ${post.id}, 2, 'cross-org')`),
      ),
    ).rejects.toMatchObject({
      cause: { code: "23503", constraint_name: "post_versions_post_fkey" },
    });

    // Another org's file cannot be attached either.
    const theirs = await createMediaAsset(
      as(outsider),
      orgB.id,
      { path: newPath(orgB.id), mime: "image/png", sizeBytes: 10 },
      meta,
    );
    await expect(
      setPostMedia(
        as(creator),
        { postId: post.id, expectedRevision: 1, media: [{ mediaId: theirs.id }] },
        meta,
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    // Nor claimed by path.
    await expect(
      createMediaAsset(
        as(creator),
        org.id,
        { path: newPath(orgB.id), mime: "image/png", sizeBytes: 10 },
        meta,
      ),
    ).rejects.toMatchObject({ code: "rule_violation" });
  });

  it("shows an employee only the posts they author or that are on behalf of them, and lets them edit only those drafts", async () => {
    const forEmma = await createPost(
      as(creator),
      org.id,
      { title: "For Emma", body: "Ghostwritten", onBehalfOf: employee.id, networks: ["linkedin"] },
      meta,
    );
    const emmas = await createPost(
      as(employee),
      org.id,
      { title: "Emma's own", body: "Mine" },
      meta,
    );
    const forPete = await createPost(
      as(creator),
      org.id,
      { title: "For Pete", body: "Not Emma's", onBehalfOf: peer.id },
      meta,
    );

    const seen = (await listPosts(as(employee), org)).posts.map((p) => p.id).sort();
    const expected = await su`select id from public.posts where org_id = ${org.id}
                                and status <> 'archived' and ${employee.id} in (author_id, on_behalf_of) order by id`;
    expect(seen).toEqual(expected.map((r) => r.id));
    expect(seen).toEqual(expect.arrayContaining([forEmma.id, emmas.id]));
    expect(seen).not.toContain(forPete.id);
    expect(await getPostWithVersions(as(employee), forPete.id)).toBeNull();
    expect((await getPostWithVersions(as(employee), forEmma.id))!.versions).toHaveLength(1);

    // Every other role reads every post.
    for (const u of [viewer, creator, admin]) {
      const ids = (await listPosts(as(u), org, { limit: 500 })).posts.map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([forEmma.id, emmas.id, forPete.id]));
    }

    // Writes: their own drafts only, on their own behalf only, no scheduling.
    await savePostVersion(
      as(employee),
      { postId: forEmma.id, expectedRevision: 1, body: "In my words" },
      meta,
    );
    await expect(
      savePostVersion(
        as(employee),
        { postId: forPete.id, expectedRevision: 1, body: "Hijack" },
        meta,
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createPost(as(employee), org.id, { body: "For Pete", onBehalfOf: peer.id }, meta),
    ).rejects.toMatchObject({ code: "forbidden", fieldErrors: { onBehalfOf: expect.any(String) } });
    await expect(
      updatePost(
        as(employee),
        {
          postId: emmas.id,
          expectedRevision: 1,
          title: "Moved",
          campaignId: null,
          onBehalfOf: peer.id,
        },
        meta,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    setNow("2026-03-27T12:00:00Z");
    await expect(
      schedulePost(
        as(employee),
        { postId: forEmma.id, expectedRevision: 2, date: "2026-04-01", time: "09:00" },
        meta,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createPost(as(viewer), org.id, { body: "Viewer draft" }, meta),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      savePostVersion(as(viewer), { postId: emmas.id, expectedRevision: 1, body: "x" }, meta),
    ).rejects.toMatchObject({ code: "forbidden" });

    // Once the creator schedules it, it is no longer a draft the employee may change.
    await schedulePost(
      as(creator),
      { postId: forEmma.id, expectedRevision: 2, date: "2026-04-01", time: "09:00" },
      meta,
    );
    await expect(
      savePostVersion(
        as(employee),
        { postId: forEmma.id, expectedRevision: 3, body: "Late edit" },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "forbidden",
      message: "You can change your posts only while they are drafts.",
    });

    // On behalf of someone outside the org is refused for everyone.
    await expect(
      createPost(as(creator), org.id, { body: "For a stranger", onBehalfOf: outsider.id }, meta),
    ).rejects.toMatchObject({
      code: "rule_violation",
      fieldErrors: { onBehalfOf: expect.any(String) },
    });
  });
});

describe("scheduling", () => {
  it("refuses the past by the server's clock and a local time skipped by DST", async () => {
    setNow("2026-03-27T12:00:00Z"); // 13:00 in Berlin
    const post = await createPost(
      as(creator),
      org.id,
      { body: "Spring", networks: ["linkedin"] },
      meta,
    );
    const attempt = (date: string, time: string, expectedRevision = 1) =>
      schedulePost(as(creator), { postId: post.id, expectedRevision, date, time }, meta);

    await expect(attempt("2026-03-27", "09:00")).rejects.toMatchObject({
      code: "rule_violation",
      message: "That time has already passed. Pick a time in the future.",
      fieldErrors: { time: expect.any(String) },
    });
    await expect(attempt("2026-03-27", "13:00")).rejects.toMatchObject({ code: "rule_violation" }); // now itself
    await expect(attempt("2026-03-29", "02:30")).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: {
        time: expect.stringContaining("does not exist on 2026-03-29 in Europe/Berlin"),
      },
    });
    await expect(attempt("2026-02-30", "09:00")).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(await postRow(post.id)).toMatchObject({
      status: "draft",
      revision: 1,
      scheduled_at: null,
    });

    // 13:01 today is in the future by the set clock (the real date is long past it, or far before).
    const scheduled = await audited("post.scheduled", creator, () =>
      attempt("2026-03-27", "13:01"),
    );
    expect(scheduled).toMatchObject({ status: "scheduled", revision: 2 });
    expect(new Date(scheduled.scheduledAt!).toISOString()).toBe("2026-03-27T12:01:00.000Z");
    const [targets] =
      await su`select array_agg(status) as s from public.post_targets where post_id = ${post.id}`;
    expect(targets!.s).toEqual(["scheduled"]);

    // An empty post or one with no network cannot be scheduled.
    const empty = await createPost(as(creator), org.id, { body: "  ", networks: ["x"] }, meta);
    await expect(
      schedulePost(
        as(creator),
        { postId: empty.id, expectedRevision: 1, date: "2026-04-01", time: "09:00" },
        meta,
      ),
    ).rejects.toMatchObject({ code: "rule_violation", fieldErrors: { body: expect.any(String) } });
    // Nor one on behalf of someone who has left the org since it was written.
    const leaver = await seedUser(su, { email: "leaver@posts.test" });
    await su`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${leaver.id}, 'employee')`;
    const orphan = await createPost(
      as(creator),
      org.id,
      { body: "For Lee", onBehalfOf: leaver.id, networks: ["linkedin"] },
      meta,
    );
    await su`delete from public.memberships where org_id = ${org.id} and user_id = ${leaver.id}`;
    await expect(
      schedulePost(
        as(creator),
        { postId: orphan.id, expectedRevision: 1, date: "2026-04-01", time: "09:00" },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "rule_violation",
      fieldErrors: { onBehalfOf: expect.any(String) },
    });
    const nowhere = await createPost(as(creator), org.id, { body: "Nowhere" }, meta);
    await expect(
      schedulePost(
        as(creator),
        { postId: nowhere.id, expectedRevision: 1, date: "2026-04-01", time: "09:00" },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "rule_violation",
      fieldErrors: { targets: expect.any(String) },
    });
  });

  it("moves a post by a day across DST keeping 09:00 local: 23 h in spring, 25 h in autumn", async () => {
    setNow("2026-03-20T12:00:00Z");
    const spring = await createPost(
      as(creator),
      org.id,
      { body: "Spring", networks: ["linkedin"] },
      meta,
    );
    const s1 = await schedulePost(
      as(creator),
      { postId: spring.id, expectedRevision: 1, date: "2026-03-28", time: "09:00" },
      meta,
    );
    expect(new Date(s1.scheduledAt!).toISOString()).toBe("2026-03-28T08:00:00.000Z");
    const s2 = await audited("post.rescheduled", creator, () =>
      reschedulePostByDays(
        as(creator),
        { postId: spring.id, days: 1, expectedRevision: s1.revision },
        meta,
      ),
    );
    expect(new Date(s2.scheduledAt!).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(Date.parse(s2.scheduledAt!) - Date.parse(s1.scheduledAt!)).toBe(23 * HOUR);
    expect(utcToZonedLocal(new Date(s2.scheduledAt!), org.timezone)).toEqual({
      date: "2026-03-29",
      time: "09:00",
    });
    // A stale calendar is a conflict.
    await expect(
      reschedulePostByDays(
        as(creator),
        { postId: spring.id, days: 1, expectedRevision: s1.revision },
        meta,
      ),
    ).rejects.toBeInstanceOf(PostConflictError);
    // The calendar's day range is in the org's time zone.
    const day = await listPosts(as(creator), org, { from: "2026-03-29", to: "2026-03-29" });
    expect(day.posts.map((p) => p.id)).toContain(spring.id);
    const before = await listPosts(as(creator), org, { from: "2026-03-28", to: "2026-03-28" });
    expect(before.posts.map((p) => p.id)).not.toContain(spring.id);

    setNow("2026-10-20T12:00:00Z");
    const autumn = await createPost(as(creator), org.id, { body: "Autumn", networks: ["x"] }, meta);
    const a1 = await schedulePost(
      as(creator),
      { postId: autumn.id, expectedRevision: 1, date: "2026-10-24", time: "09:00" },
      meta,
    );
    const a2 = await reschedulePostByDays(as(creator), { postId: autumn.id, days: 1 }, meta);
    expect(new Date(a2.scheduledAt!).toISOString()).toBe("2026-10-25T08:00:00.000Z");
    expect(Date.parse(a2.scheduledAt!) - Date.parse(a1.scheduledAt!)).toBe(25 * HOUR);
    expect(utcToZonedLocal(new Date(a2.scheduledAt!), org.timezone)).toEqual({
      date: "2026-10-25",
      time: "09:00",
    });

    // Moving into the past is refused like scheduling there; a draft cannot be moved.
    await expect(
      reschedulePostByDays(as(creator), { postId: autumn.id, days: -30 }, meta),
    ).rejects.toMatchObject({ code: "rule_violation", fieldErrors: { time: expect.any(String) } });
    const draft = await createPost(as(creator), org.id, { body: "Draft" }, meta);
    await expect(
      reschedulePostByDays(as(creator), { postId: draft.id, days: 1 }, meta),
    ).rejects.toMatchObject({ code: "rule_violation" });
  });
});

describe("media", () => {
  it("refuses to delete a file a scheduled post uses, and a deleted file blocks scheduling", async () => {
    setNow("2026-03-20T12:00:00Z");
    const media = await audited("media.uploaded", creator, () =>
      createMediaAsset(
        as(creator),
        org.id,
        {
          path: newPath(org.id),
          mime: "image/png",
          sizeBytes: 2048,
          width: 1200,
          height: 627,
          altText: "A chart",
        },
        meta,
      ),
    );
    const second = await createMediaAsset(
      as(creator),
      org.id,
      { path: newPath(org.id), mime: "image/jpeg", sizeBytes: 4096 },
      meta,
    );
    const post = await createPost(
      as(creator),
      org.id,
      { body: "With pictures", networks: ["linkedin"] },
      meta,
    );
    await setPostMedia(
      as(creator),
      {
        postId: post.id,
        expectedRevision: 1,
        media: [{ mediaId: second.id }, { mediaId: media.id, altOverride: "Growth chart, 2026" }],
      },
      meta,
    );
    const detail = await getPostWithVersions(as(creator), post.id);
    expect(detail!.media.map((m) => [m.position, m.mediaId, m.altText, m.altOverride])).toEqual([
      [0, second.id, null, null],
      [1, media.id, "A chart", "Growth chart, 2026"],
    ]);
    const scheduled = await schedulePost(
      as(creator),
      { postId: post.id, expectedRevision: 2, date: "2026-04-01", time: "09:00" },
      meta,
    );

    const audits = await auditCount();
    await expect(deleteMediaAsset(as(creator), { mediaId: media.id }, meta)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("used by a scheduled post"),
    });
    await expect(deleteMediaAsset(as(admin), { mediaId: media.id }, meta)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await auditCount()).toBe(audits);
    const [still] = await su`select deleted_at from public.media_assets where id = ${media.id}`;
    expect(still!.deleted_at).toBeNull();

    // Unscheduled, the file can go; the post then cannot be scheduled until it is removed.
    await unschedulePost(
      as(creator),
      { postId: post.id, expectedRevision: scheduled.revision },
      meta,
    );
    const deleted = await audited("media.deleted", creator, () =>
      deleteMediaAsset(as(creator), { mediaId: media.id }, meta),
    );
    expect(deleted.deletedAt).not.toBeNull();
    await expect(
      schedulePost(
        as(creator),
        { postId: post.id, expectedRevision: 4, date: "2026-04-01", time: "09:00" },
        meta,
      ),
    ).rejects.toMatchObject({ code: "rule_violation", fieldErrors: { media: expect.any(String) } });
    expect((await getPostWithVersions(as(creator), post.id))!.media[1]).toMatchObject({
      deleted: true,
    });
    await expect(
      setPostMedia(
        as(creator),
        { postId: post.id, expectedRevision: 4, media: [{ mediaId: media.id }] },
        meta,
      ),
    ).rejects.toMatchObject({ code: "rule_violation" });

    // Employees manage their own uploads only; viewers none.
    await expect(
      deleteMediaAsset(as(employee), { mediaId: second.id }, meta),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      updateMediaAltText(as(viewer), { mediaId: second.id, altText: "x" }, meta),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("archiving and campaigns", () => {
  it("archives posts instead of deleting them, reporting the ones it cannot archive", async () => {
    setNow("2026-03-20T12:00:00Z");
    const draft = await createPost(as(creator), org.id, { title: "Old draft", body: "Old" }, meta);
    const scheduled = await createPost(
      as(creator),
      org.id,
      { body: "Soon", networks: ["linkedin"] },
      meta,
    );
    await schedulePost(
      as(creator),
      { postId: scheduled.id, expectedRevision: 1, date: "2026-04-02", time: "10:00" },
      meta,
    );
    const busy = await createPost(as(creator), org.id, { body: "Sending", networks: ["x"] }, meta);
    await su`update public.posts set status = 'publishing', scheduled_at = now() where id = ${busy.id}`;

    await expect(
      withRls(as(owner), (tx) => tx.execute(sql`delete from public.posts where id = ${draft.id}`)),
    ).rejects.toMatchObject({ cause: { code: "42501" } });
    await expect(archivePosts(as(viewer), { postIds: [draft.id] }, meta)).rejects.toMatchObject({
      code: "forbidden",
    });

    const result = await archivePosts(
      as(creator),
      { postIds: [draft.id, scheduled.id, busy.id] },
      meta,
    );
    expect(result.archived.sort()).toEqual([draft.id, scheduled.id].sort());
    expect(result.refused).toEqual([
      {
        postId: busy.id,
        message: "This post is being published right now. Try again in a minute.",
      },
    ]);
    expect(await postRow(scheduled.id)).toMatchObject({ status: "archived" });
    const [t] = await su`select status from public.post_targets where post_id = ${scheduled.id}`;
    expect(t!.status).toBe("cancelled");
    const [entries] = await su`select count(*)::int as n from public.activity_log
                                where action = 'post.archived' and entity_id in (${draft.id}, ${scheduled.id})`;
    expect(entries!.n).toBe(2);

    const listed = (await listPosts(as(creator), org, { limit: 500 })).posts.map((p) => p.id);
    expect(listed).not.toContain(draft.id);
    const archived = (await listPosts(as(creator), org, { status: ["archived"] })).posts.map(
      (p) => p.id,
    );
    expect(archived).toEqual(expect.arrayContaining([draft.id, scheduled.id]));
    await expect(
      savePostVersion(as(creator), { postId: draft.id, expectedRevision: 2, body: "Revive" }, meta),
    ).rejects.toMatchObject({ code: "rule_violation", message: "This post is archived." });
  });

  it("creates, edits and archives campaigns; only owners, admins and brand creators manage them", async () => {
    const campaign = await audited("campaign.created", creator, () =>
      createCampaign(
        as(creator),
        org.id,
        { name: "Spring launch", color: "#FF8800", startsOn: "2026-03-01", endsOn: "2026-03-31" },
        meta,
      ),
    );
    expect(campaign).toMatchObject({
      name: "Spring launch",
      color: "#ff8800",
      status: "active",
      startsOn: "2026-03-01",
    });
    await expect(
      createCampaign(as(admin), org.id, { name: "spring LAUNCH" }, meta),
    ).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { name: 'A campaign named "spring LAUNCH" already exists.' },
    });
    await expect(
      updateCampaign(
        as(creator),
        { campaignId: campaign.id, name: "x", startsOn: "2026-03-10", endsOn: "2026-03-01" },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { endsOn: expect.any(String) },
    });
    for (const u of [employee, viewer])
      await expect(createCampaign(as(u), org.id, { name: "Mine" }, meta)).rejects.toMatchObject({
        code: "forbidden",
      });
    await expect(
      createCampaign(as(creator), orgB.id, { name: "Theirs" }, meta),
    ).rejects.toMatchObject({
      code: "forbidden",
    });

    const renamed = await audited("campaign.updated", admin, () =>
      updateCampaign(
        as(admin),
        {
          campaignId: campaign.id,
          name: "Spring launch 2026",
          startsOn: "2026-03-01",
          endsOn: "2026-04-15",
        },
        meta,
      ),
    );
    expect(renamed).toMatchObject({
      name: "Spring launch 2026",
      color: null,
      endsOn: "2026-04-15",
    });

    const post = await createPost(
      as(creator),
      org.id,
      { body: "In the campaign", campaignId: campaign.id },
      meta,
    );
    const forEmma = await createPost(
      as(creator),
      org.id,
      { body: "Hers", onBehalfOf: employee.id, campaignId: campaign.id },
      meta,
    );
    const inCampaign = await listPosts(as(creator), org, { campaign: campaign.id });
    expect(inCampaign.posts.map((p) => p.id).sort()).toEqual([post.id, forEmma.id].sort());
    // Everyone reads campaigns; an employee counts only the posts they can read.
    const seenByEmma = (await listCampaigns(as(employee), org.id)).find(
      (c) => c.id === campaign.id,
    );
    expect(seenByEmma).toMatchObject({ name: "Spring launch 2026", postCount: 1 });

    await audited("campaign.archived", creator, () =>
      archiveCampaign(as(creator), { campaignId: campaign.id }, meta),
    );
    expect((await listCampaigns(as(creator), org.id)).map((c) => c.id)).not.toContain(campaign.id);
    expect(
      (await listCampaigns(as(creator), org.id, { includeArchived: true })).map((c) => c.id),
    ).toContain(campaign.id);
    await expect(
      createPost(as(creator), org.id, { body: "Late", campaignId: campaign.id }, meta),
    ).rejects.toMatchObject({
      code: "rule_violation",
      message: "That campaign is archived. Pick an active one.",
    });
    await expect(
      updateCampaign(as(creator), { campaignId: campaign.id, name: "Back" }, meta),
    ).rejects.toMatchObject({ code: "rule_violation" });
    // Its posts stay in it, and the name is free again.
    expect(await postRow(post.id)).toMatchObject({ status: "draft" });
    await createCampaign(as(creator), org.id, { name: "Spring launch 2026" }, meta);
  });
});

describe("audit", () => {
  it("writes exactly one entry per mutation, with the caller, request id and address; no-ops write none", async () => {
    setNow("2026-03-20T12:00:00Z");
    const campaign = await audited("campaign.created", admin, () =>
      createCampaign(as(admin), org.id, { name: "Audited" }, meta),
    );
    await audited("campaign.updated", admin, () =>
      updateCampaign(as(admin), { campaignId: campaign.id, name: "Audited (renamed)" }, meta),
    );
    const post = await audited("post.created", admin, () =>
      createPost(
        as(admin),
        org.id,
        { body: "One", onBehalfOf: employee.id, campaignId: campaign.id },
        meta,
      ),
    );
    let rev = post.revision;
    rev = (
      await audited("post.updated", admin, () =>
        updatePost(
          as(admin),
          {
            postId: post.id,
            expectedRevision: rev,
            title: "Titled",
            campaignId: campaign.id,
            onBehalfOf: employee.id,
          },
          meta,
        ),
      )
    ).revision;
    rev = (
      await audited("post.version_saved", employee, () =>
        savePostVersion(
          as(employee),
          { postId: post.id, expectedRevision: rev, body: "Two" },
          meta,
        ),
      )
    ).revision;
    const [v1] =
      await su`select id from public.post_versions where post_id = ${post.id} and version_no = 1`;
    rev = (
      await audited("post.version_restored", admin, () =>
        restorePostVersion(
          as(admin),
          { postId: post.id, versionId: v1!.id, expectedRevision: rev },
          meta,
        ),
      )
    ).revision;
    rev = (
      await audited("post.targets_updated", admin, () =>
        setPostTargets(
          as(admin),
          {
            postId: post.id,
            expectedRevision: rev,
            targets: [{ network: "linkedin" }, { network: "x", textOverride: "Short for X" }],
          },
          meta,
        ),
      )
    ).revision;
    const media = await audited("media.uploaded", employee, () =>
      createMediaAsset(
        as(employee),
        org.id,
        { path: newPath(org.id), mime: "image/webp", sizeBytes: 99 },
        meta,
      ),
    );
    await audited("media.updated", employee, () =>
      updateMediaAltText(as(employee), { mediaId: media.id, altText: "A photo" }, meta),
    );
    rev = (
      await audited("post.media_updated", employee, () =>
        setPostMedia(
          as(employee),
          { postId: post.id, expectedRevision: rev, media: [{ mediaId: media.id }] },
          meta,
        ),
      )
    ).revision;
    rev = (
      await audited("post.scheduled", admin, () =>
        schedulePost(
          as(admin),
          { postId: post.id, expectedRevision: rev, date: "2026-04-01", time: "08:30" },
          meta,
        ),
      )
    ).revision;
    rev = (
      await audited("post.rescheduled", admin, () =>
        reschedulePostByDays(as(admin), { postId: post.id, expectedRevision: rev, days: 2 }, meta),
      )
    ).revision;
    rev = (
      await audited("post.unscheduled", admin, () =>
        unschedulePost(as(admin), { postId: post.id, expectedRevision: rev }, meta),
      )
    ).revision;
    await audited("media.deleted", employee, () =>
      deleteMediaAsset(as(employee), { mediaId: media.id }, meta),
    );
    await audited("post.archived", admin, () =>
      archivePosts(as(admin), { postIds: [post.id] }, meta),
    );
    await audited("campaign.archived", admin, () =>
      archiveCampaign(as(admin), { campaignId: campaign.id }, meta),
    );

    // The same again changes nothing and logs nothing.
    const audits = await auditCount();
    await archivePosts(as(admin), { postIds: [post.id] }, meta);
    await archiveCampaign(as(admin), { campaignId: campaign.id }, meta);
    await deleteMediaAsset(as(employee), { mediaId: media.id }, meta);
    expect(await auditCount()).toBe(audits);

    const [entry] = await su`select summary from public.activity_log
                              where entity_id = ${post.id} and action = 'post.rescheduled'`;
    expect(entry!.summary).toMatchObject({
      scheduled_at: "2026-04-03T06:30:00+00:00",
      previous_scheduled_at: "2026-04-01T06:30:00+00:00",
    });
  });
});
