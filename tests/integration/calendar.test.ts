// The calendar's move action (lib/posts/calendar-actions.ts) through the whole server-action chain
// (zod → user → org + role → permission → reschedulePostByDays), on real Postgres. The session and
// the request headers are stand-ins; everything below them is real.
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { placePost, rangeFor } from "@/lib/calendar/grid";
import { moveMessages } from "@/lib/calendar/move";
import { setNow } from "@/lib/clock";
import { idleState } from "@/lib/actions/state";
import { createPost, schedulePost, type PostRow } from "@/lib/posts/mutations";
import { listPosts } from "@/lib/posts/queries";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  requireSessionUser: async () => {
    if (!session.user) throw new Error("no session");
    return session.user;
  },
}));
vi.mock("@/lib/request", () => ({
  getRequestMeta: async () => ({
    requestId: "req-calendar",
    ip: "203.0.113.9",
    origin: null,
    host: null,
  }),
}));

const { reschedulePostAction } = await import("@/lib/posts/calendar-actions");

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const meta = { requestId: "req-calendar-setup", ip: null };
const BERLIN = "Europe/Berlin";

let owner: SeededUser,
  creator: SeededUser,
  employee: SeededUser,
  viewer: SeededUser,
  other: SeededUser;
let org: SeededOrg, orgB: SeededOrg;

beforeAll(async () => {
  owner = await seedUser(su, { email: "owner@calendar.test", fullName: "Olga Owner" });
  creator = await seedUser(su, { email: "creator@calendar.test", fullName: "Cleo Creator" });
  employee = await seedUser(su, { email: "employee@calendar.test", fullName: "Emma Employee" });
  viewer = await seedUser(su, { email: "viewer@calendar.test", fullName: "Vic Viewer" });
  other = await seedUser(su, { email: "other@calendar.test", fullName: "Otto Other" });
  org = await seedOrg(su, {
    name: "Calendar A",
    slug: "calendar-a",
    timezone: BERLIN,
    members: [
      { userId: owner.id, role: "owner" },
      { userId: creator.id, role: "brand_creator" },
      { userId: employee.id, role: "employee" },
      { userId: viewer.id, role: "viewer" },
    ],
  });
  // The creator is an owner of a second org too.
  orgB = await seedOrg(su, {
    name: "Calendar B",
    slug: "calendar-b",
    timezone: "America/New_York",
    members: [
      { userId: other.id, role: "owner" },
      { userId: creator.id, role: "owner" },
    ],
  });
});

afterEach(() => {
  setNow(null);
  session.user = null;
});
afterAll(() => su.end());

const signIn = (u: SeededUser) => {
  session.user = { id: u.id, email: u.email, claims: claimsFor(u) };
};

async function scheduled(inOrg: SeededOrg, date: string, time: string): Promise<PostRow> {
  const post = await createPost(
    claimsFor(creator),
    inOrg.id,
    { title: `Post ${date} ${time}`, body: "On the calendar", networks: ["linkedin"] },
    meta,
  );
  return schedulePost(
    claimsFor(creator),
    { postId: post.id, expectedRevision: post.revision, date, time },
    meta,
  );
}

const move = (postId: string, days: number, expectedRevision?: number, slug = org.slug) =>
  reschedulePostAction(idleState, { org: slug, postId, days, expectedRevision });

describe("reschedulePostAction", () => {
  it("moves across Berlin's spring-forward keeping 09:00, and the calendar range finds it", async () => {
    setNow("2026-03-20T10:00:00Z");
    const post = await scheduled(org, "2026-03-27", "09:00");
    expect(new Date(post.scheduledAt!).toISOString()).toBe("2026-03-27T08:00:00.000Z");
    signIn(creator);

    const result = await move(post.id, 3, post.revision);
    expect(result).toMatchObject({ status: "success" });
    if (result.status !== "success") return;
    // 71 hours later in UTC, 09:00 on Monday in Berlin.
    expect(new Date(result.data.scheduledAt!).toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(result.data.revision).toBe(post.revision + 1);
    expect(placePost(result.data.scheduledAt!, BERLIN)).toEqual({
      date: "2026-03-30",
      hour: 9,
      minute: 0,
      time: "09:00",
    });

    const week = await listPosts(claimsFor(creator), org, rangeFor("week", "2026-03-30"));
    expect(week.posts.map((p) => p.id)).toContain(post.id);
    const before = await listPosts(claimsFor(creator), org, rangeFor("week", "2026-03-27"));
    expect(before.posts.map((p) => p.id)).not.toContain(post.id);

    const audit = await su<{ action: string; request_id: string; ip: string }[]>`
      select action, request_id, host(ip) as ip from public.activity_log
      where entity_id = ${post.id} order by created_at desc, id desc limit 1`;
    expect(audit[0]).toMatchObject({ request_id: "req-calendar", ip: "203.0.113.9" });
  });

  it("moves into Berlin's fall-back day keeping 09:00 (25 hours later)", async () => {
    setNow("2026-10-20T10:00:00Z");
    const post = await scheduled(org, "2026-10-24", "09:00");
    signIn(creator);
    const result = await move(post.id, 1, post.revision);
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(new Date(result.data.scheduledAt!).toISOString()).toBe("2026-10-25T08:00:00.000Z");
    expect(placePost(result.data.scheduledAt!, BERLIN).time).toBe("09:00");
  });

  it("says someone else changed the post when the revision is stale", async () => {
    setNow("2026-03-20T10:00:00Z");
    const post = await scheduled(org, "2026-04-02", "10:00");
    signIn(creator);
    expect((await move(post.id, 1, post.revision)).status).toBe("success");
    // The calendar still had the old revision.
    expect(await move(post.id, 1, post.revision)).toMatchObject({
      status: "error",
      code: "conflict",
      message: moveMessages.conflict,
    });
  });

  it("refuses the past", async () => {
    setNow("2026-03-20T10:00:00Z");
    const post = await scheduled(org, "2026-03-21", "09:00");
    signIn(creator);
    expect(await move(post.id, -2, post.revision)).toMatchObject({
      status: "error",
      code: "rule_violation",
      message: "That time has already passed. Pick a time in the future.",
    });
  });

  it("moves only scheduled posts", async () => {
    setNow("2026-03-20T10:00:00Z");
    const draft = await createPost(
      claimsFor(creator),
      org.id,
      { body: "Not yet", networks: ["linkedin"] },
      meta,
    );
    signIn(creator);
    expect(await move(draft.id, 1, draft.revision)).toMatchObject({
      status: "error",
      code: "rule_violation",
    });
  });

  it("needs posts.schedule and a post of the org in the URL", async () => {
    setNow("2026-03-20T10:00:00Z");
    const post = await scheduled(org, "2026-04-03", "09:00");
    for (const u of [employee, viewer]) {
      signIn(u);
      expect(await move(post.id, 1, post.revision)).toMatchObject({
        status: "error",
        code: "forbidden",
      });
    }
    // Not a member of the org in the URL.
    signIn(other);
    expect(await move(post.id, 1, post.revision)).toMatchObject({
      status: "error",
      code: "not_found",
    });
    // A member of both orgs, but the post is not in the org of the URL.
    signIn(creator);
    expect(await move(post.id, 1, post.revision, orgB.slug)).toMatchObject({
      status: "error",
      code: "not_found",
    });
    // Signed out.
    session.user = null;
    expect(await move(post.id, 1, post.revision)).toMatchObject({
      status: "error",
      code: "unauthenticated",
    });
  });

  it("checks the input", async () => {
    signIn(creator);
    expect(
      await reschedulePostAction(idleState, {
        org: org.slug,
        postId: "not-a-uuid",
        days: 0,
      }),
    ).toMatchObject({ status: "error", code: "validation_failed" });
  });
});
