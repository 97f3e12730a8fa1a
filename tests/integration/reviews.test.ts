// The review loop through the app's functions on the real database: submit, request changes with a
// comment anchored to its version, revise, approve — with the org's rules deciding when a post may
// be scheduled — and who is told, in the app and by email.
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const meta = { requestId: null, ip: null };

let reviews: typeof import("@/lib/reviews/mutations");
let queries: typeof import("@/lib/reviews/queries");
let posts: typeof import("@/lib/posts/mutations");
let owner: SeededUser,
  creator: SeededUser,
  member: SeededUser,
  other: SeededUser,
  viewer: SeededUser;
let outsider: SeededUser;
let org: SeededOrg;

beforeAll(async () => {
  reviews = await import("@/lib/reviews/mutations");
  queries = await import("@/lib/reviews/queries");
  posts = await import("@/lib/posts/mutations");
  owner = await seedUser(su, { email: "rv-owner@example.com", fullName: "Olga Owner" });
  creator = await seedUser(su, { email: "rv-creator@example.com", fullName: "Cleo Creator" });
  member = await seedUser(su, { email: "rv-member@example.com", fullName: "Mo Member" });
  other = await seedUser(su, { email: "rv-other@example.com", fullName: "Otto Other" });
  viewer = await seedUser(su, { email: "rv-viewer@example.com", fullName: "Vi Viewer" });
  outsider = await seedUser(su, { email: "rv-outsider@example.com" });
  org = await seedOrg(su, {
    name: "Review Co",
    slug: "review-co",
    timezone: "Europe/Berlin",
    members: [
      { userId: owner.id, role: "owner" },
      { userId: creator.id, role: "brand_creator" },
      { userId: member.id, role: "employee" },
      { userId: other.id, role: "employee" },
      { userId: viewer.id, role: "viewer" },
    ],
  });
  await seedOrg(su, {
    name: "Elsewhere",
    slug: "elsewhere-rv",
    members: [{ userId: outsider.id, role: "owner" }],
  });
});

afterAll(async () => {
  const { closeQueues } = await import("@/lib/jobs/queues");
  const { closeRedis } = await import("@/lib/redis");
  await closeQueues();
  await closeRedis();
  await su.end();
});

const as = (user: SeededUser) => ({
  claims: claimsFor(user),
  orgId: org.id,
  orgSlug: org.slug,
  userId: user.id,
});
const setRules = (requireApproval: boolean, requireMemberApproval: boolean) =>
  reviews.saveReviewSettings(as(owner), { requireApproval, requireMemberApproval }, meta);

/** A draft by the creator, on behalf of the member. */
async function draftForMember(body = "A post about our launch") {
  const post = await posts.createPost(
    claimsFor(creator),
    org.id,
    { body, onBehalfOf: member.id, networks: ["linkedin"] },
    meta,
  );
  return post;
}
const current = async (postId: string) =>
  (
    await su`select status, revision, current_version_id as "versionId" from public.posts where id = ${postId}`
  )[0] as {
    status: string;
    revision: number;
    versionId: string;
  };
const tomorrow = () => {
  const d = new Date(Date.now() + 2 * 86_400_000);
  return { date: d.toISOString().slice(0, 10), time: "09:00" };
};
const schedule = async (user: SeededUser, postId: string) =>
  posts.schedulePost(
    claimsFor(user),
    { postId, expectedRevision: (await current(postId)).revision, ...tomorrow() },
    meta,
  );

beforeEach(async () => {
  await setRules(true, true);
});

describe("the review loop", () => {
  it("submit → changes requested with a comment → revise → the member approves → schedulable", async () => {
    const post = await draftForMember();
    // Not approved yet: scheduling is refused with the reason.
    await expect(schedule(creator, post.id)).rejects.toThrow(
      /needs approval before it can be scheduled/,
    );

    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    expect((await current(post.id)).status).toBe("in_review");
    // The member and the owner are asked; the author is not.
    const asked =
      await su`select user_id from public.notifications where kind = 'review_submitted' and link = ${`/review-co/posts/${post.id}`}`;
    expect(asked.map((n) => n.user_id).sort()).toEqual([owner.id, member.id].sort());
    const mails =
      await su`select user_id, category from public.email_log where template = 'review_update' and data->>'event' = 'submitted'`;
    expect(mails.map((m) => m.user_id).sort()).toEqual([owner.id, member.id].sort());
    expect(mails.every((m) => m.category === "review")).toBe(true);

    const v1 = (await current(post.id)).versionId;
    await reviews.reviewPost(
      as(member),
      {
        postId: post.id,
        versionId: v1,
        kind: "request_changes",
        body: "Say it in my words: less hype.",
      },
      meta,
    );
    expect((await current(post.id)).status).toBe("changes_requested");
    const told =
      await su`select title, body from public.notifications where user_id = ${creator.id} and kind = 'review_changes_requested'`;
    expect(told[0]!.body).toBe("Say it in my words: less hype.");

    // The creator revises (a new version) and submits again.
    const revised = await posts.savePostVersion(
      claimsFor(creator),
      {
        postId: post.id,
        expectedRevision: (await current(post.id)).revision,
        body: "Our launch, plainly.",
      },
      meta,
    );
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: revised.revision },
      meta,
    );
    const v2 = (await current(post.id)).versionId;
    expect(v2).not.toBe(v1);

    // The comment stays on the version it was about.
    const state = await queries.getReviewState(
      claimsFor(creator),
      { id: creator.id, role: "brand_creator" },
      org.id,
      post.id,
    );
    expect(state!.reviews).toEqual([
      expect.objectContaining({
        kind: "request_changes",
        versionId: v1,
        versionNo: 1,
        reviewerName: "Mo Member",
      }),
    ]);
    expect(state!.waitingForMember).toBe(true);

    await reviews.reviewPost(as(member), { postId: post.id, versionId: v2, kind: "approve" }, meta);
    expect((await current(post.id)).status).toBe("approved");
    const scheduled = await schedule(creator, post.id);
    expect(scheduled.status).toBe("scheduled");
  });

  it("with member approval required, an admin's approval alone is not enough", async () => {
    const post = await draftForMember("Needs both");
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    const { versionId } = await current(post.id);
    const byOwner = await reviews.reviewPost(
      as(owner),
      { postId: post.id, versionId, kind: "approve" },
      meta,
    );
    expect(byOwner.status).toBe("in_review");
    expect(
      (
        await su`select 1 from public.notifications where user_id = ${creator.id} and kind = 'review_approval_recorded'`
      ).length,
    ).toBeGreaterThan(0);
    await reviews.reviewPost(as(member), { postId: post.id, versionId, kind: "approve" }, meta);
    expect((await current(post.id)).status).toBe("approved");
  });

  it("without member approval, any reviewer's approval will do; without rules, drafts schedule directly", async () => {
    await setRules(true, false);
    const post = await draftForMember("One approval");
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    const { versionId } = await current(post.id);
    await reviews.reviewPost(as(owner), { postId: post.id, versionId, kind: "approve" }, meta);
    expect((await current(post.id)).status).toBe("approved");

    await setRules(false, true); // member approval means nothing without approval
    const rules = await queries.getReviewSettings(claimsFor(owner), org.id);
    expect(rules).toEqual({ requireApproval: false, requireMemberApproval: false });
    const direct = await draftForMember("No rules");
    expect((await schedule(creator, direct.id)).status).toBe("scheduled");
  });

  it("a new version of an approved or scheduled post needs approval again, and leaves the queue", async () => {
    const post = await draftForMember("Approved text");
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    await reviews.reviewPost(
      as(member),
      { postId: post.id, versionId: (await current(post.id)).versionId, kind: "approve" },
      meta,
    );
    await schedule(creator, post.id);
    const targets = async () =>
      (await su`select status from public.post_targets where post_id = ${post.id}`).map(
        (t) => t.status,
      );
    expect(await targets()).toEqual(["scheduled"]);

    await posts.savePostVersion(
      claimsFor(creator),
      {
        postId: post.id,
        expectedRevision: (await current(post.id)).revision,
        body: "Edited after approval",
      },
      meta,
    );
    const after = await su`select status, scheduled_at from public.posts where id = ${post.id}`;
    expect(after[0]).toMatchObject({ status: "in_review", scheduled_at: null });
    expect(await targets()).toEqual(["draft"]);
    // The old approval was of the old version: it counts for nothing now.
    const state = await queries.getReviewState(
      claimsFor(member),
      { id: member.id, role: "employee" },
      org.id,
      post.id,
    );
    expect(state!.approvals).toEqual([]);
    expect(state!.canReview).toBe(true);
  });

  it("changing who it is for, a network's own text or a new network needs approval again too", async () => {
    const approved = async (body: string) => {
      const post = await draftForMember(body);
      await reviews.submitPostForReview(
        as(creator),
        { postId: post.id, expectedRevision: post.revision },
        meta,
      );
      await reviews.reviewPost(
        as(member),
        { postId: post.id, versionId: (await current(post.id)).versionId, kind: "approve" },
        meta,
      );
      expect((await current(post.id)).status).toBe("approved");
      return post;
    };
    // Another person: it would go out from their account without their approval.
    const a = await approved("Whose post");
    await posts.updatePost(
      claimsFor(creator),
      {
        postId: a.id,
        expectedRevision: (await current(a.id)).revision,
        title: null,
        campaignId: null,
        onBehalfOf: other.id,
      },
      meta,
    );
    expect((await current(a.id)).status).toBe("in_review");

    // A network's own text, on a scheduled post: back to review and off the queue.
    const b = await approved("Per-network text");
    await schedule(creator, b.id);
    await posts.setPostTargets(
      claimsFor(creator),
      {
        postId: b.id,
        expectedRevision: (await current(b.id)).revision,
        targets: [{ network: "linkedin", textOverride: "Unapproved words for LinkedIn" }],
      },
      meta,
    );
    expect((await current(b.id)).status).toBe("in_review");
    expect(
      (await su`select status from public.post_targets where post_id = ${b.id}`).map(
        (t) => t.status,
      ),
    ).toEqual(["draft"]);

    // Another network.
    const c = await approved("One more network");
    await posts.setPostTargets(
      claimsFor(creator),
      {
        postId: c.id,
        expectedRevision: (await current(c.id)).revision,
        targets: [{ network: "linkedin" }, { network: "x" }],
      },
      meta,
    );
    expect((await current(c.id)).status).toBe("in_review");
  });

  it("retry anyway refuses a post whose text waits for approval again", async () => {
    const post = await draftForMember("Failed, then edited");
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    await reviews.reviewPost(
      as(member),
      { postId: post.id, versionId: (await current(post.id)).versionId, kind: "approve" },
      meta,
    );
    await schedule(creator, post.id);
    // It went out and failed…
    await su`update public.post_targets set status = 'failed', error = 'LinkedIn said no' where post_id = ${post.id}`;
    await su`update public.posts set status = 'failed' where id = ${post.id}`;
    // …and was edited afterwards: the new text has not been approved.
    await posts.savePostVersion(
      claimsFor(creator),
      {
        postId: post.id,
        expectedRevision: (await current(post.id)).revision,
        body: "New words after the failure",
      },
      meta,
    );
    expect((await current(post.id)).status).toBe("in_review");
    const [target] = await su`select id from public.post_targets where post_id = ${post.id}`;
    const rls = postgres(testDb().rlsUrl, { max: 1, onnotice: () => {} });
    try {
      await expect(
        rls.begin(async (tx) => {
          await tx`select set_config('request.jwt.claims', ${JSON.stringify(claimsFor(creator))}, true), set_config('role', 'authenticated', true)`;
          await tx`select app.retry_target(${target!.id}::uuid)`;
        }),
      ).rejects.toThrow(/changed since it was sent/);
    } finally {
      await rls.end();
    }
  });

  it("unscheduling a post that was never approved does not make it approved", async () => {
    await setRules(false, false);
    const post = await draftForMember("Scheduled before the rules");
    await schedule(creator, post.id);
    await setRules(true, true);
    const back = await posts.unschedulePost(
      claimsFor(creator),
      { postId: post.id, expectedRevision: (await current(post.id)).revision },
      meta,
    );
    expect(back.status).toBe("draft");
  });

  it("unscheduling an approved post keeps its approval", async () => {
    const post = await draftForMember("Keep approval");
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    await reviews.reviewPost(
      as(member),
      { postId: post.id, versionId: (await current(post.id)).versionId, kind: "approve" },
      meta,
    );
    await schedule(creator, post.id);
    const back = await posts.unschedulePost(
      claimsFor(creator),
      { postId: post.id, expectedRevision: (await current(post.id)).revision },
      meta,
    );
    expect(back.status).toBe("approved");
    expect((await schedule(creator, post.id)).status).toBe("scheduled");
  });
});

describe("who may do what", () => {
  it("refuses the author's own approval, a stale version, a bare request for changes and a viewer", async () => {
    const post = await draftForMember("Rules of review");
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    const { versionId } = await current(post.id);
    await expect(
      reviews.reviewPost(as(creator), { postId: post.id, versionId, kind: "approve" }, meta),
    ).rejects.toThrow(/other than the author/);
    await expect(
      reviews.reviewPost(as(member), { postId: post.id, versionId, kind: "request_changes" }, meta),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { body: "Say what should change." },
    });
    await expect(
      reviews.reviewPost(
        as(viewer),
        { postId: post.id, versionId, kind: "comment", body: "hi" },
        meta,
      ),
    ).rejects.toThrow(/Viewers/);
    // Another employee is not the person it is for: the post does not even exist for them.
    await expect(
      reviews.reviewPost(as(other), { postId: post.id, versionId, kind: "approve" }, meta),
    ).rejects.toMatchObject({ code: "not_found" });
    // The text changed after the reviewer opened it.
    await posts.savePostVersion(
      claimsFor(creator),
      {
        postId: post.id,
        expectedRevision: (await current(post.id)).revision,
        body: "Changed meanwhile",
      },
      meta,
    );
    await expect(
      reviews.reviewPost(as(member), { postId: post.id, versionId, kind: "approve" }, meta),
    ).rejects.toMatchObject({ code: "conflict" });
    // Comments may be about any version.
    await reviews.reviewPost(
      as(member),
      { postId: post.id, versionId, kind: "comment", body: "On v1" },
      meta,
    );
  });

  it("another org's member can neither see nor review a post, nor share it", async () => {
    const post = await draftForMember("Private matters");
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    const { versionId } = await current(post.id);
    const stranger = { ...as(outsider) };
    await expect(
      reviews.reviewPost(stranger, { postId: post.id, versionId, kind: "approve" }, meta),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      reviews.createPreviewLink(stranger, { postId: post.id, days: 7 }, meta),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(
      await queries.getReviewState(
        claimsFor(outsider),
        { id: outsider.id, role: "owner" },
        org.id,
        post.id,
      ),
    ).toBeNull();
    const queue = await queries.listReviewQueue(
      claimsFor(outsider),
      { id: outsider.id, role: "owner" },
      org.id,
    );
    expect(queue.toReview).toEqual([]);
  });

  it("only owners and admins set the rules", async () => {
    await expect(
      reviews.saveReviewSettings(
        as(creator),
        { requireApproval: false, requireMemberApproval: false },
        meta,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await queries.getReviewSettings(claimsFor(creator), org.id)).requireApproval).toBe(
      true,
    );
  });

  it("the queue shows each person what waits for them", async () => {
    const post = await draftForMember("Queue me");
    await reviews.submitPostForReview(
      as(creator),
      { postId: post.id, expectedRevision: post.revision },
      meta,
    );
    const forMember = await queries.listReviewQueue(
      claimsFor(member),
      { id: member.id, role: "employee" },
      org.id,
    );
    expect(forMember.toReview.map((p) => p.id)).toContain(post.id);
    const forAuthor = await queries.listReviewQueue(
      claimsFor(creator),
      { id: creator.id, role: "brand_creator" },
      org.id,
    );
    expect(forAuthor.toReview.map((p) => p.id)).not.toContain(post.id);
    const forOther = await queries.listReviewQueue(
      claimsFor(other),
      { id: other.id, role: "employee" },
      org.id,
    );
    expect(forOther.toReview.map((p) => p.id)).not.toContain(post.id);
    await reviews.reviewPost(
      as(member),
      {
        postId: post.id,
        versionId: (await current(post.id)).versionId,
        kind: "request_changes",
        body: "Shorter",
      },
      meta,
    );
    const back = await queries.listReviewQueue(
      claimsFor(creator),
      { id: creator.id, role: "brand_creator" },
      org.id,
    );
    expect(back.changesRequested.map((p) => p.id)).toContain(post.id);
  });
});
