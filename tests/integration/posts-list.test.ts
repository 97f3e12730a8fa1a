// The posts list: full-text search over the title and the current text, the filters with it, the CSV
// export built from the list's rows, and bulk archiving with refusals.
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setNow } from "@/lib/clock";
import { postsCsv, POST_CSV_COLUMNS } from "@/lib/posts/csv";
import {
  archivePosts,
  createCampaign,
  createPost,
  savePostVersion,
  schedulePost,
  updateCampaign,
} from "@/lib/posts/mutations";
import {
  exportPosts,
  getCampaign,
  listPosts,
  postIdsInOrg,
  type PostListItem,
} from "@/lib/posts/queries";
import { listPostsFilters } from "@/lib/posts/schemas";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const meta = { requestId: "req-posts-list", ip: "203.0.113.9" };

let owner: SeededUser, creator: SeededUser, employee: SeededUser, viewer: SeededUser;
let outsider: SeededUser, both: SeededUser;
let org: SeededOrg, orgB: SeededOrg;

beforeAll(async () => {
  owner = await seedUser(su, { email: "owner@list.test", fullName: "Olga Owner" });
  creator = await seedUser(su, { email: "creator@list.test", fullName: "Cleo Creator" });
  employee = await seedUser(su, { email: "employee@list.test", fullName: "Emma Employee" });
  viewer = await seedUser(su, { email: "viewer@list.test", fullName: "Vic Viewer" });
  outsider = await seedUser(su, { email: "outsider@list.test", fullName: "Oscar Outsider" });
  both = await seedUser(su, { email: "both@list.test", fullName: "Bea Both" });
  org = await seedOrg(su, {
    name: "List A",
    slug: "list-a",
    timezone: "Europe/Berlin",
    members: [
      { userId: owner.id, role: "owner" },
      { userId: creator.id, role: "brand_creator" },
      { userId: employee.id, role: "employee" },
      { userId: viewer.id, role: "viewer" },
      { userId: both.id, role: "admin" },
    ],
  });
  orgB = await seedOrg(su, {
    name: "List B",
    slug: "list-b",
    timezone: "America/New_York",
    members: [
      { userId: outsider.id, role: "owner" },
      { userId: both.id, role: "admin" },
    ],
  });
});

afterEach(() => setNow(null));
afterAll(() => su.end());

const as = (u: SeededUser) => claimsFor(u);
const ids = (r: { posts: PostListItem[] }) => r.posts.map((p) => p.id);
const search = (u: SeededUser, o: SeededOrg, q: string, extra: object = {}) =>
  listPosts(as(u), o, listPostsFilters.parse({ q, ...extra }));

describe("search", () => {
  it("finds a word of the current text or the title, not a word only in an older version", async () => {
    const post = await createPost(
      as(creator),
      org.id,
      { title: "Quarterly zebra update", body: "The first draft talks about aardvarks." },
      meta,
    );
    await savePostVersion(
      as(creator),
      { postId: post.id, expectedRevision: 1, body: "Now it is about Pelicans and their beaks." },
      meta,
    );
    const other = await createPost(
      as(creator),
      org.id,
      { title: "Unrelated", body: "Nothing to see" },
      meta,
    );

    expect(ids(await search(creator, org, "pelicans"))).toEqual([post.id]);
    // Case does not matter ('simple' lowercases), the title counts.
    expect(ids(await search(creator, org, "ZEBRA"))).toEqual([post.id]);
    // Only in version 1: the current text no longer says it.
    expect(ids(await search(creator, org, "aardvarks"))).toEqual([]);
    // Websearch syntax: phrases, "or", exclusion.
    expect(ids(await search(creator, org, '"about pelicans"'))).toEqual([post.id]);
    expect(ids(await search(creator, org, '"pelicans about"'))).toEqual([]);
    expect(ids(await search(creator, org, "pelicans or nothing")).sort()).toEqual(
      [post.id, other.id].sort(),
    );
    // Title and text are one document: words may come from both, an exclusion covers both.
    expect(ids(await search(creator, org, "zebra pelicans"))).toEqual([post.id]);
    expect(ids(await search(creator, org, '"quarterly zebra" beaks'))).toEqual([post.id]);
    expect(ids(await search(creator, org, "pelicans -zebra"))).toEqual([]);
    expect(ids(await search(creator, org, "zebra -pelicans"))).toEqual([]);
    // Only exclusions: every other post (no index to use, still correct).
    const notZebra = ids(await search(creator, org, "-zebra"));
    expect(notZebra).toContain(other.id);
    expect(notZebra).not.toContain(post.id);
    // Every role that reads the post finds it; punctuation alone finds nothing, without an error.
    expect(ids(await search(viewer, org, "beaks"))).toEqual([post.id]);
    expect(ids(await search(creator, org, "!!! :::"))).toEqual([]);
  });

  it("takes quotes, backslashes and operators in the query as text", async () => {
    const post = await createPost(
      as(creator),
      org.id,
      { title: "O'Reilly's \\ guide", body: "Ampersand & pipe | bang ! colon : star *" },
      meta,
    );
    for (const q of ["o'reilly's", "reilly", "ampersand & pipe", "bang ! colon", "star *"])
      expect(ids(await search(creator, org, q)), q).toContain(post.id);
    for (const q of ["'", "\\", "&|!():*<->", "' or '"])
      await expect(search(creator, org, q), q).resolves.toBeDefined();
  });

  it("combines with the status filter and pages with it", async () => {
    setNow("2026-05-04T10:00:00Z");
    const scheduled = await createPost(
      as(creator),
      org.id,
      { title: "Walrus day", body: "Walrus facts for the weekend", networks: ["linkedin"] },
      meta,
    );
    await schedulePost(
      as(creator),
      { postId: scheduled.id, expectedRevision: 1, date: "2026-05-09", time: "10:00" },
      meta,
    );
    const drafts = [];
    for (const n of [1, 2, 3])
      drafts.push(
        await createPost(as(creator), org.id, { body: `Walrus draft number ${n}` }, meta),
      );

    const all = await search(creator, org, "walrus");
    expect(ids(all).sort()).toEqual([scheduled.id, ...drafts.map((d) => d.id)].sort());
    expect(ids(await search(creator, org, "walrus", { status: "scheduled" }))).toEqual([
      scheduled.id,
    ]);
    expect(ids(await search(creator, org, "walrus", { status: ["draft"] })).sort()).toEqual(
      drafts.map((d) => d.id).sort(),
    );
    expect(ids(await search(creator, org, "walrus", { network: "linkedin" }))).toEqual([
      scheduled.id,
    ]);

    // Keyset pages keep the search.
    const first = await search(creator, org, "walrus", { limit: 3 });
    expect(first.posts).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await search(creator, org, "walrus", { limit: 3, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    expect([...ids(first), ...ids(second)].sort()).toEqual(ids(all).sort());

    // A date range pages by last change on the list (`paged`), by date on the calendar.
    const range = { from: "2026-05-01", to: "2026-05-31" };
    const listed = await listPosts(
      as(creator),
      org,
      { ...range, q: "walrus", limit: 1 },
      {
        paged: true,
      },
    );
    expect(ids(listed)).toEqual([scheduled.id]);
    expect(listed.nextCursor).toBeNull();
    const calendar = await listPosts(as(creator), org, range);
    expect(ids(calendar)).toContain(scheduled.id);
    expect(calendar.nextCursor).toBeNull();
  });

  it("never finds another org's posts", async () => {
    const theirs = await createPost(
      as(outsider),
      orgB.id,
      { title: "Narwhal secrets", body: "Narwhal roadmap" },
      meta,
    );
    // Not a member of B: RLS hides B's posts even when asked for B.
    expect(ids(await search(creator, orgB, "narwhal"))).toEqual([]);
    expect(ids(await search(creator, org, "narwhal"))).toEqual([]);
    // A member of both finds it only in B.
    expect(ids(await search(both, org, "narwhal"))).toEqual([]);
    expect(ids(await search(both, orgB, "narwhal"))).toEqual([theirs.id]);
    expect(ids(await search(outsider, orgB, "narwhal"))).toEqual([theirs.id]);
  });

  it("lets an employee search only the posts they can read", async () => {
    const mine = await createPost(as(employee), org.id, { body: "Okapi notes of mine" }, meta);
    const notMine = await createPost(as(creator), org.id, { body: "Okapi plans" }, meta);
    expect(ids(await search(employee, org, "okapi"))).toEqual([mine.id]);
    expect(ids(await search(creator, org, "okapi")).sort()).toEqual([mine.id, notMine.id].sort());
  });

  it("reads q from the URL trimmed, at most 200 characters, blank as none", () => {
    expect(listPostsFilters.parse({ q: "  hello world " }).q).toBe("hello world");
    expect(listPostsFilters.parse({ q: "   " }).q).toBeUndefined();
    expect(listPostsFilters.parse({ q: "x".repeat(201) }).q).toBeUndefined();
    expect(listPostsFilters.parse({ q: ["a", "b"] }).q).toBeUndefined();
  });
});

describe("CSV export", () => {
  it("exports the full current text, escaped and neutralized", async () => {
    setNow("2026-06-01T08:00:00Z");
    const campaign = await createCampaign(
      as(creator),
      org.id,
      { name: "Iguana, the sequel" },
      meta,
    );
    const long = `Iguana ${"lorem ipsum ".repeat(40)}END`;
    const text = `=HYPERLINK("http://evil.test","click")\nSecond line, with "quotes". ${long}`;
    const post = await createPost(
      as(creator),
      org.id,
      {
        title: '@Iguana "launch", part 2',
        body: text,
        campaignId: campaign.id,
        onBehalfOf: employee.id,
        networks: ["x", "linkedin"],
      },
      meta,
    );
    await schedulePost(
      as(creator),
      { postId: post.id, expectedRevision: 1, date: "2026-06-05", time: "09:30" },
      meta,
    );

    const { posts, truncated } = await exportPosts(as(creator), org, { q: "iguana" });
    expect(truncated).toBe(false);
    expect(posts.map((p) => p.id)).toEqual([post.id]);
    expect(posts[0]!.text).toBe(text);
    expect(posts[0]!.excerpt.length).toBeLessThan(text.length);

    const csv = postsCsv(posts, org.timezone);
    expect(csv.startsWith("\uFEFF" + POST_CSV_COLUMNS.join(",") + "\r\n")).toBe(true);
    const quotedText = `"'${text.replaceAll('"', '""')}"`;
    const expected = [
      post.id,
      `"'@Iguana ""launch"", part 2"`,
      "scheduled",
      "2026-06-05T07:30:00.000Z",
      "2026-06-05 09:30",
      "Europe/Berlin",
      "linkedin;x",
      `"Iguana, the sequel"`,
      "Cleo Creator",
      "Emma Employee",
      quotedText,
    ].join(",");
    const record = csv.slice(csv.indexOf("\r\n") + 2);
    expect(record.startsWith(expected + ",")).toBe(true);
    expect(record.endsWith("\r\n")).toBe(true);
    // The line break inside the text stays inside the quoted field: one record.
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  it("pages through every match up to the cap", async () => {
    for (const n of [1, 2, 3])
      await createPost(as(creator), org.id, { body: `Capybara ${n}` }, meta);
    const all = await exportPosts(as(creator), org, { q: "capybara" });
    expect(all).toMatchObject({ truncated: false });
    expect(all.posts).toHaveLength(3);
    const capped = await exportPosts(as(creator), org, { q: "capybara" }, 2);
    expect(capped.truncated).toBe(true);
    expect(capped.posts.map((p) => p.id)).toEqual(all.posts.slice(0, 2).map((p) => p.id));
    expect((await exportPosts(as(creator), org, { q: "capybara" }, 3)).truncated).toBe(false);
    // Another org's caller exports nothing of A.
    expect((await exportPosts(as(outsider), org, { q: "capybara" })).posts).toEqual([]);
  });
});

describe("bulk archive", () => {
  it("archives what it can and reports each refusal with its reason", async () => {
    const a = await createPost(as(creator), org.id, { body: "Tapir one" }, meta);
    const b = await createPost(as(creator), org.id, { body: "Tapir two" }, meta);
    const busy = await createPost(
      as(creator),
      org.id,
      { body: "Tapir busy", networks: ["x"] },
      meta,
    );
    await su`update public.posts set status = 'publishing', scheduled_at = now() where id = ${busy.id}`;

    const result = await archivePosts(as(creator), { postIds: [a.id, b.id, busy.id] }, meta);
    expect(result.archived.sort()).toEqual([a.id, b.id].sort());
    expect(result.refused).toEqual([
      {
        postId: busy.id,
        message: "This post is being published right now. Try again in a minute.",
      },
    ]);
    expect(ids(await search(creator, org, "tapir"))).toEqual([busy.id]);
    expect(ids(await search(creator, org, "tapir", { status: "archived" })).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });

  it("refuses an employee's archive of a post that is not theirs, per post", async () => {
    const mine = await createPost(as(employee), org.id, { body: "Quokka mine" }, meta);
    const theirs = await createPost(as(creator), org.id, { body: "Quokka theirs" }, meta);
    // The action first keeps the ids of the org the caller can read (an employee cannot read theirs).
    const readable = await postIdsInOrg(as(employee), org.id, [mine.id, theirs.id]);
    expect([...readable]).toEqual([mine.id]);
    const result = await archivePosts(as(employee), { postIds: [mine.id] }, meta);
    expect(result).toEqual({ archived: [mine.id], refused: [] });
  });

  it("tells the action which ids are another org's, even for a member of both", async () => {
    const inA = await createPost(as(both), org.id, { body: "Gecko A" }, meta);
    const inB = await createPost(as(both), orgB.id, { body: "Gecko B" }, meta);
    const inOrgA = await postIdsInOrg(as(both), org.id, [inA.id, inB.id, "not-a-uuid"]);
    expect([...inOrgA]).toEqual([inA.id]);
    expect((await postIdsInOrg(as(both), org.id, [])).size).toBe(0);
  });
});

describe("campaigns of the org", () => {
  it("reads a campaign only through its own org; another org's update is refused", async () => {
    const mineA = await createCampaign(as(creator), org.id, { name: "Heron A" }, meta);
    const theirsB = await createCampaign(as(outsider), orgB.id, { name: "Heron B" }, meta);
    expect(await getCampaign(as(creator), org.id, mineA.id)).toMatchObject({
      name: "Heron A",
      status: "active",
      postCount: 0,
    });
    // Another org's id on this org's page: not found (the page answers notFound()).
    expect(await getCampaign(as(creator), org.id, theirsB.id)).toBeNull();
    expect(await getCampaign(as(both), org.id, theirsB.id)).toBeNull();
    expect(await getCampaign(as(creator), org.id, "nope")).toBeNull();
    // A crafted write of another org's campaign: the database refuses, mapped to a clear error.
    await expect(
      updateCampaign(as(creator), { campaignId: theirsB.id, name: "Hijacked" }, meta),
    ).rejects.toMatchObject({ code: "not_found", message: "That campaign does not exist." });
    const [row] = await su`select name from public.campaigns where id = ${theirsB.id}`;
    expect(row!.name).toBe("Heron B");
  });
});
