// The publishing pipeline against the LinkedIn and X stand-ins, on the real Postgres and Redis, with
// BullMQ workers in this process running the real job handler. Each outcome a network can give maps
// to the right status, message and retries, and nothing is ever sent twice without a person asking.
import { Worker } from "bullmq";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLinkedInStandIn } from "../../scripts/stand-ins/linkedin";
import { createXStandIn } from "../../scripts/stand-ins/x";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";
import { waitFor } from "../helpers/processes";
import { attemptsOf, seedAccount, seedScheduledPost, targetRow } from "../helpers/publishing";

const linkedin = createLinkedInStandIn({
  clientId: "test-linkedin-client",
  clientSecret: "test-linkedin-secret",
});
const x = createXStandIn({ clientId: "test-x-client", clientSecret: "test-x-secret" });
const su = postgres(testDb().superUrl, { max: 3, onnotice: () => {} });

// Loaded after the environment points at the stand-ins (lib/env.ts reads it once).
let lib: {
  publishJob: typeof import("@/lib/publishing/publish-job").publishJob;
  enqueuePostTargets: typeof import("@/lib/publishing/enqueue").enqueuePostTargets;
  sweep: typeof import("@/lib/publishing/sweep");
  mutations: typeof import("@/lib/posts/mutations");
  queues: typeof import("@/lib/jobs/queues");
  redis: typeof import("@/lib/redis");
  logger: typeof import("@/lib/logger");
};
const workers: Worker[] = [];
const logLines: string[] = [];
/** Every token the stand-ins issued in this file: none may appear in Redis or a log line. */
const issued: string[] = [];
const issue = <T extends string>(token: T) => (issued.push(token), token);
let owner: SeededUser;
let org: SeededOrg;
let liToken: string;
let liAccount: string;
let xToken: string;

beforeAll(async () => {
  await linkedin.listen(0);
  await x.listen(0);
  Object.assign(process.env, {
    LINKEDIN_API_URL: linkedin.url,
    LINKEDIN_OAUTH_URL: linkedin.url,
    X_API_URL: x.url,
    X_OAUTH_URL: x.url,
    PUBLISH_REQUEST_TIMEOUT_MS: "600",
    PUBLISH_BACKOFF_MS: "100",
    PUBLISH_ATTEMPTS: "3",
    PUBLISH_LEASE_MS: "4000",
    SWEEP_DUE_GRACE_MS: "0",
    LOG_LEVEL: "info",
    // This file's LinkedIn app has the vetted Community Management API (company pages).
    LINKEDIN_ORGANIZATIONS: "true",
  });
  lib = {
    publishJob: (await import("@/lib/publishing/publish-job")).publishJob,
    enqueuePostTargets: (await import("@/lib/publishing/enqueue")).enqueuePostTargets,
    sweep: await import("@/lib/publishing/sweep"),
    mutations: await import("@/lib/posts/mutations"),
    queues: await import("@/lib/jobs/queues"),
    redis: await import("@/lib/redis"),
    logger: await import("@/lib/logger"),
  };
  // Every line the pipeline writes (info to stdout, warnings and errors to stderr), to prove no
  // token ever reaches one.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logLines.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }

  const log = lib.logger.createLogger({ component: "test-worker" });
  for (const queue of lib.queues.publishQueueNames) {
    workers.push(
      new Worker(queue, (job, token) => lib.publishJob.handler(job.data, { job, token, log }), {
        connection: lib.redis.createRedis(),
        prefix: process.env.QUEUE_PREFIX,
        concurrency: 4,
      }),
    );
  }
  owner = await seedUser(su, { email: "publisher@example.com", fullName: "Dana Demo" });
  org = await seedOrg(su, {
    name: "Publishing Co",
    slug: "publishing-co",
    members: [{ userId: owner.id, role: "owner" }],
  });
  liToken = issue(
    linkedin.issueToken({
      memberId: "dana123",
      scopes: ["openid", "profile", "w_member_social"],
    }),
  );
  liAccount = await seedAccount(su, {
    orgId: org.id,
    userId: owner.id,
    network: "linkedin",
    externalId: "dana123",
    name: "Dana Demo",
    accessToken: liToken,
  });
});

afterEach(() => {
  linkedin.clear();
  x.clear();
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await lib.queues.closeQueues();
  await lib.redis.closeRedis();
  await linkedin.close();
  await x.close();
  await su.end();
});

let n = 0;
/** A post due now (or at `dueAt`) to `networks`, with its jobs added as scheduling adds them. */
async function schedule(
  body: string,
  networks = ["linkedin"],
  dueAt = new Date(Date.now() - 1000),
) {
  const post = await seedScheduledPost(su, {
    orgId: org.id,
    userId: owner.id,
    body: `${body} #${++n}`,
    networks,
    dueAt,
  });
  await lib.enqueuePostTargets(post.postId);
  return post;
}

const settled = (targetId: string, statuses = ["published", "failed", "unconfirmed"]) =>
  waitFor(
    async () => {
      const row = await targetRow(su, targetId);
      return statuses.includes(row.status) ? row : null;
    },
    20_000,
    `target ${targetId} to settle`,
  );

const postsFor = (text: string) => linkedin.posts().filter((p) => p.text.startsWith(text));

describe("publishing to LinkedIn", () => {
  it("publishes once, with the commentary serialized as little text, and records the attempt", async () => {
    const body = "Shipping C# (and _more_) with {braces} & a@b.com #launch";
    const { postId, targetIds } = await schedule(body);
    const row = await settled(targetIds.linkedin!);
    expect(row.status).toBe("published");
    expect(row.platform_post_id).toMatch(/^urn:li:share:\d+$/);
    expect(row.platform_url).toBe(`https://www.linkedin.com/feed/update/${row.platform_post_id}/`);
    const sent = postsFor(body);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toBe(`${body} #${n}`);
    expect(sent[0]!.commentary).toContain("{hashtag|\\#|launch}");
    expect(sent[0]!.commentary).toContain("C\\#");
    const attempts = await attemptsOf(su, targetIds.linkedin!);
    expect(attempts.map((a) => a.outcome)).toEqual(["published"]);
    expect(attempts[0]!.sent_at).not.toBeNull();
    const [post] = await su`select status from public.posts where id = ${postId}`;
    expect(post!.status).toBe("published");
  });

  it("publish now goes through the real schedule path and the queue", async () => {
    const post = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "Publish now please",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() + 3_600_000),
    });
    const [p] = await su`select revision from public.posts where id = ${post.postId}`;
    await lib.mutations.publishPostNow(
      claimsFor(owner),
      { postId: post.postId, expectedRevision: p!.revision as number },
      { requestId: null, ip: null },
    );
    const row = await settled(post.targetIds.linkedin!);
    expect(row.status).toBe("published");
    expect(postsFor("Publish now please")).toHaveLength(1);
  });

  it("a timeout after LinkedIn accepted is unconfirmed and never re-sent, and people are told", async () => {
    linkedin.controls.acceptThenHang = 1;
    const { targetIds } = await schedule("Hanging post");
    const row = await settled(targetIds.linkedin!);
    expect(row.status).toBe("unconfirmed");
    expect(row.error).toMatch(/Check LinkedIn before reposting/);
    // Time for any retry or sweep to (wrongly) send it again.
    await lib.sweep.resolveExpiredLeases();
    await lib.sweep.enqueueOverdueTargets(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(postsFor("Hanging post")).toHaveLength(1);
    expect((await targetRow(su, targetIds.linkedin!)).status).toBe("unconfirmed");
    const [notice] =
      await su`select kind, title from public.notifications where user_id = ${owner.id} and kind = 'post_unconfirmed'`;
    expect(notice!.title).toMatch(/Check LinkedIn before reposting/);
    const [email] =
      await su`select template, category from public.email_log where user_id = ${owner.id} and template = 'publish_problem'`;
    expect(email).toMatchObject({ template: "publish_problem", category: "publishing" });
  });

  it("a dropped connection after sending is unconfirmed too", async () => {
    linkedin.controls.acceptThenDrop = 1;
    const { targetIds } = await schedule("Dropped post");
    expect((await settled(targetIds.linkedin!)).status).toBe("unconfirmed");
    expect(postsFor("Dropped post")).toHaveLength(1);
  });

  it("a 502 after sending is unconfirmed; a 500 is retried with backoff and published", async () => {
    linkedin.controls.failNext = [{ status: 502 }];
    const a = await schedule("Bad gateway post");
    expect((await settled(a.targetIds.linkedin!)).status).toBe("unconfirmed");

    linkedin.controls.failNext = [{ status: 500 }];
    const b = await schedule("Server error post");
    expect((await settled(b.targetIds.linkedin!)).status).toBe("published");
    expect(postsFor("Server error post")).toHaveLength(1);
    expect((await attemptsOf(su, b.targetIds.linkedin!)).map((x) => x.outcome)).toEqual([
      "retry",
      "published",
    ]);
  });

  it("429 delays only that job, honouring Retry-After, then publishes", async () => {
    linkedin.controls.failNext = [{ status: 429, retryAfterS: 1 }];
    const start = Date.now();
    const limited = await schedule("Rate limited post");
    const other = await schedule("Unlimited post");
    // The other post is not held up by the limited one.
    expect((await settled(other.targetIds.linkedin!)).status).toBe("published");
    const row = await settled(limited.targetIds.linkedin!);
    expect(row.status).toBe("published");
    expect(row.published_at!.getTime() - start).toBeGreaterThanOrEqual(1000);
    expect(postsFor("Rate limited post")).toHaveLength(1);
    expect((await attemptsOf(su, limited.targetIds.linkedin!)).map((x) => x.outcome)).toEqual([
      "rate_limited",
      "published",
    ]);
  });

  it("gives up after the last retry with the reason", async () => {
    linkedin.controls.failNext = [{ status: 503 }, { status: 503 }, { status: 503 }];
    const { targetIds } = await schedule("Always down");
    const row = await settled(targetIds.linkedin!);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/We tried 3 times/);
    expect(postsFor("Always down")).toHaveLength(0);
  });

  it("DUPLICATE_POST fails a first attempt, but proves an earlier sent attempt landed", async () => {
    const first = await schedule("Twice the same");
    await settled(first.targetIds.linkedin!);
    // The same text again from the same author: LinkedIn refuses it.
    const text = postsFor("Twice the same")[0]!.text;
    const again = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: text,
      networks: ["linkedin"],
      dueAt: new Date(Date.now() - 1000),
    });
    await lib.enqueuePostTargets(again.postId);
    const refused = await settled(again.targetIds.linkedin!);
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/same text was already posted/);

    // An earlier attempt of this target reached LinkedIn (sent_at) and its answer was lost; the
    // retry hears DUPLICATE_POST: that proves the earlier attempt landed.
    const landed = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: text,
      networks: ["linkedin"],
      dueAt: new Date(Date.now() - 1000),
    });
    await su`insert into public.publish_attempts (org_id, post_id, target_id, attempt, sent_at, outcome)
             select org_id, post_id, id, 1, now(), 'retry' from public.post_targets where id = ${landed.targetIds.linkedin!}`;
    await lib.enqueuePostTargets(landed.postId);
    const proved = await settled(landed.targetIds.linkedin!);
    expect(proved.status).toBe("published");
    expect(proved.error).toMatch(/an earlier attempt published it/);
    expect(postsFor(text.slice(0, 14))).toHaveLength(1);
  });

  it("a revoked token fails the post, marks the account for reconnecting and tells its member", async () => {
    const token = issue(linkedin.issueToken({ memberId: "revoked1", scopes: ["w_member_social"] }));
    const member = await seedUser(su, { email: "revoked@example.com", fullName: "Rev Oked" });
    await su`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${member.id}, 'brand_creator')`;
    const accountId = await seedAccount(su, {
      orgId: org.id,
      userId: member.id,
      network: "linkedin",
      externalId: "revoked1",
      name: "Rev Oked",
      accessToken: token,
    });
    linkedin.revokeToken(token);
    const post = await seedScheduledPost(su, {
      orgId: org.id,
      userId: member.id,
      body: "Revoked token post",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() - 1000),
    });
    await lib.enqueuePostTargets(post.postId);
    const row = await settled(post.targetIds.linkedin!);
    expect(row.status).toBe("failed");
    expect(row.error_code).toBe("auth");
    expect(row.error).toMatch(/Reconnect Rev Oked/);
    const [account] = await su`select status from public.social_accounts where id = ${accountId}`;
    expect(account!.status).toBe("needs_reauth");
    const kinds =
      await su`select kind from public.notifications where user_id = ${member.id} order by created_at`;
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(["account_needs_reauth", "post_failed"]),
    );

    // Its next scheduled post is flagged on the calendar until the account is reconnected.
    const next = await seedScheduledPost(su, {
      orgId: org.id,
      userId: member.id,
      body: "After the revocation",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() + 86_400_000),
    });
    const { listPosts } = await import("@/lib/posts/queries");
    const flagged = async () =>
      (await listPosts(claimsFor(owner), org, {})).posts.find((p) => p.id === next.postId)!
        .accountProblem;
    expect(await flagged()).toBe(true);
    await su`update public.social_accounts set status = 'active' where id = ${accountId}`;
    expect(await flagged()).toBe(false);
    await su`update public.post_targets set status = 'cancelled' where post_id = ${next.postId}`;
  });

  it("an account disconnected after scheduling fails the post without calling LinkedIn", async () => {
    const member = await seedUser(su, { email: "gone@example.com", fullName: "Gone Away" });
    await su`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${member.id}, 'employee')`;
    const token = linkedin.issueToken({ memberId: "gone1", scopes: ["w_member_social"] });
    const accountId = await seedAccount(su, {
      orgId: org.id,
      userId: member.id,
      network: "linkedin",
      externalId: "gone1",
      accessToken: token,
    });
    const post = await seedScheduledPost(su, {
      orgId: org.id,
      userId: member.id,
      body: "Disconnected post",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() + 1500),
    });
    await lib.enqueuePostTargets(post.postId);
    await su`update public.social_accounts set status = 'disconnected', access_token_enc = null where id = ${accountId}`;
    const row = await settled(post.targetIds.linkedin!);
    expect(row.status).toBe("failed");
    expect(row.error_code).toBe("account_disconnected");
    expect(linkedin.requests.filter((r) => r.path.startsWith("/rest/posts"))).toHaveLength(0);
  });

  it("refuses edits while the post is being published", async () => {
    linkedin.controls.delayMs = 400; // under the 600 ms request timeout
    const { postId, targetIds } = await schedule("Slow post");
    await waitFor(async () => (await targetRow(su, targetIds.linkedin!)).status === "publishing");
    const [p] = await su`select revision from public.posts where id = ${postId}`;
    await expect(
      lib.mutations.savePostVersion(
        claimsFor(owner),
        { postId, expectedRevision: p!.revision as number, body: "Edited mid-flight" },
        { requestId: null, ip: null },
      ),
    ).rejects.toThrow(/being published right now/);
    expect((await settled(targetIds.linkedin!)).status).toBe("published");
    expect(postsFor("Slow post")[0]!.text).toMatch(/^Slow post/);
  });

  it("a rescheduled post ignores its old job; retry anyway sends a new attempt; mark as published works", async () => {
    const due = new Date(Date.now() + 1000);
    const { postId, targetIds } = await schedule("Moved post", ["linkedin"], due);
    const later = new Date(Date.now() + 2500);
    await su`update public.post_targets set scheduled_at = ${later} where id = ${targetIds.linkedin!}`;
    await su`update public.posts set scheduled_at = ${later} where id = ${postId}`;
    await lib.enqueuePostTargets(postId);
    const row = await settled(targetIds.linkedin!);
    expect(row.published_at!.getTime()).toBeGreaterThanOrEqual(later.getTime() - 50);
    expect(postsFor("Moved post")).toHaveLength(1);

    linkedin.controls.acceptThenHang = 1;
    const hung = await schedule("Retry me");
    expect((await settled(hung.targetIds.linkedin!)).status).toBe("unconfirmed");
    await withUser(owner, `select app.retry_target('${hung.targetIds.linkedin}'::uuid)`);
    await lib.enqueuePostTargets(hung.postId);
    const retried = await settled(hung.targetIds.linkedin!);
    // LinkedIn refuses the re-send as a duplicate, which proves the first attempt landed.
    expect(retried.status).toBe("published");
    expect(retried.attempt).toBe(2);
    expect(postsFor("Retry me")).toHaveLength(1);

    linkedin.controls.acceptThenHang = 1;
    const marked = await schedule("Mark me");
    expect((await settled(marked.targetIds.linkedin!)).status).toBe("unconfirmed");
    await withUser(
      owner,
      `select app.mark_target_published('${marked.targetIds.linkedin}'::uuid, 'https://www.linkedin.com/feed/update/urn:li:share:1/')`,
    );
    const m = await targetRow(su, marked.targetIds.linkedin!);
    expect(m.status).toBe("published");
    expect(m.platform_url).toMatch(/^https:\/\/www\.linkedin\.com\//);
  });
});

describe("what goes out", () => {
  it("publishes the text of an edit that committed while the worker was claiming the target", async () => {
    const post = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "Before the edit",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() - 1000),
    });
    // An edit in flight: it holds the post's lock (as app.save_post_version does) while the job
    // starts, and commits a new current version after the worker is already waiting for the lock.
    await su.begin(async (tx) => {
      await tx`select id from public.posts where id = ${post.postId} for update`;
      const [v] = await tx<{ id: string }[]>`
        insert into public.post_versions (org_id, post_id, version_no, body, author_id)
        values (${org.id}, ${post.postId}, 2, 'After the edit', ${owner.id}) returning id`;
      await tx`update public.posts set current_version_id = ${v!.id} where id = ${post.postId}`;
      await lib.enqueuePostTargets(post.postId);
      await waitFor(
        async () =>
          (
            await su`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%public.post%'`
          ).length > 0,
        10_000,
        "the claim to wait for the post's lock",
      );
    });
    expect((await settled(post.targetIds.linkedin!)).status).toBe("published");
    expect(postsFor("Before the edit")).toHaveLength(0);
    expect(postsFor("After the edit")).toHaveLength(1);
  });

  it("mentions members who connected LinkedIn, by full name or a first name nobody else has", async () => {
    const { targetIds } = await schedule("Thanks @Dana Demo and @Dana, but not @Nobody");
    expect((await settled(targetIds.linkedin!)).status).toBe("published");
    const [sent] = postsFor("Thanks");
    expect(sent!.commentary).toContain("@[Dana Demo](urn:li:person:dana123)");
    expect(sent!.commentary).toContain("@[Dana](urn:li:person:dana123)");
    expect(sent!.commentary).toContain("\\@Nobody");
  });

  it("403 and 426 fail the post with LinkedIn's reason, and nobody is told twice", async () => {
    linkedin.controls.failNext = [{ status: 426 }];
    const old = await schedule("Old version post");
    const row = await settled(old.targetIds.linkedin!);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/LINKEDIN_API_VERSION/);

    linkedin.controls.failNext = [{ status: 403 }];
    const forbidden = await schedule("Forbidden post");
    const refused = await settled(forbidden.targetIds.linkedin!);
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/w_member_social/);

    // The same job run again (BullMQ delivers at least once) finds nothing and tells nobody again.
    const notices = async () =>
      (
        await su`select count(*)::int as n from public.notifications
                  where user_id = ${owner.id} and link = ${`/publishing-co/posts/${forbidden.postId}`}`
      )[0]!.n as number;
    expect(await notices()).toBe(1);
    const { targetState } = await import("@/lib/publishing/targets");
    const state = await targetState(forbidden.targetIds.linkedin!);
    await lib.publishJob.handler(
      {
        targetId: forbidden.targetIds.linkedin!,
        network: "linkedin",
        dueAt: state!.dueAt!,
        attempt: 1,
      },
      { job: { id: "rerun" } as never, token: undefined, log: lib.logger.createLogger() },
    );
    expect(await notices()).toBe(1);
  });
});

describe("company pages", () => {
  it("an admin connects the LinkedIn pages they administer, and a post goes out as the page", async () => {
    const { startConnect, completeConnect } = await import("@/lib/social/oauth");
    const meta = { requestId: null, ip: null };
    const authorize = await startConnect(claimsFor(owner), {
      orgId: org.id,
      network: "linkedin",
      kind: "organization",
      returnTo: "/publishing-co/accounts",
    });
    expect(new URL(authorize).searchParams.get("scope")).toContain("w_organization_social");
    // The consent page: Dana signs in and, administering no page yet, gets "Dana Co".
    const form = new URLSearchParams(new URL(authorize).searchParams);
    form.set("member_name", "Dana Demo");
    form.set("page_name", "Dana Co");
    const back = await fetch(new URL("/oauth/v2/authorization", linkedin.url), {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    const params = new URL(back.headers.get("location")!).searchParams;
    const done = await completeConnect(claimsFor(owner), "linkedin", params, meta);
    expect(done).toMatchObject({ ok: true, message: "Connected LinkedIn page Dana Co." });
    const [page] = await su<{ id: string; external_id: string; kind: string }[]>`
      select id, external_id, kind from public.social_accounts
       where org_id = ${org.id} and network = 'linkedin' and kind = 'organization'`;
    expect(page!.external_id).toMatch(/^\d+$/);

    const post = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "From the company page",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() + 3_600_000),
    });
    const [p] = await su`select revision from public.posts where id = ${post.postId}`;
    const targets = [{ network: "linkedin" as const, textOverride: null, pageId: page!.id }];
    // An employee may not post as the page.
    const employee = await seedUser(su, { email: "pages-employee@example.com" });
    await su`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${employee.id}, 'employee')`;
    await su`update public.posts set on_behalf_of = ${employee.id}, status = 'draft', scheduled_at = null where id = ${post.postId}`;
    await su`update public.post_targets set status = 'draft', scheduled_at = null where post_id = ${post.postId}`;
    await expect(
      lib.mutations.setPostTargets(
        claimsFor(employee),
        { postId: post.postId, expectedRevision: p!.revision as number, targets },
        meta,
      ),
    ).rejects.toThrow(/Only owners, admins and brand creators can post as a company page/);
    await su`update public.posts set on_behalf_of = ${owner.id} where id = ${post.postId}`;
    const row = await lib.mutations.setPostTargets(
      claimsFor(owner),
      { postId: post.postId, expectedRevision: p!.revision as number, targets },
      meta,
    );
    await lib.mutations.publishPostNow(
      claimsFor(owner),
      { postId: post.postId, expectedRevision: row.revision },
      meta,
    );
    const published = await settled(post.targetIds.linkedin!);
    expect(published.status).toBe("published");
    const [sent] = postsFor("From the company page");
    expect(sent!.author).toBe(`urn:li:organization:${page!.external_id}`);
  });
});

describe("the sweep", () => {
  it("re-enqueues a due row that lost its job, and resolves expired leases by what was sent", async () => {
    const lost = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "Lost job post",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() - 5000),
    });
    expect(await lib.sweep.enqueueOverdueTargets(0)).toBeGreaterThanOrEqual(1);
    expect((await settled(lost.targetIds.linkedin!)).status).toBe("published");

    // A worker died holding two claims: one before sending, one after.
    const before = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "Claimed, never sent",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() - 5000),
    });
    const after = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "Claimed and sent",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() - 5000),
    });
    for (const [t, sent] of [
      [before.targetIds.linkedin!, false],
      [after.targetIds.linkedin!, true],
    ] as const) {
      await su`update public.post_targets set status = 'publishing', lease_until = now() - interval '1 second' where id = ${t}`;
      await su`insert into public.publish_attempts (org_id, post_id, target_id, attempt, sent_at)
               select org_id, post_id, id, attempt, ${sent ? new Date() : null} from public.post_targets where id = ${t}`;
    }
    expect(await lib.sweep.resolveExpiredLeases()).toBe(2);
    expect((await settled(before.targetIds.linkedin!)).status).toBe("published");
    const unconfirmed = await targetRow(su, after.targetIds.linkedin!);
    expect(unconfirmed.status).toBe("unconfirmed");
    expect(unconfirmed.error_code).toBe("lease_expired");
    expect(postsFor("Claimed and sent")).toHaveLength(0);
  });

  it("fails due Facebook and Instagram targets with the reason", async () => {
    const { targetIds } = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "Facebook post",
      networks: ["facebook"],
      dueAt: new Date(Date.now() - 1000),
    });
    await lib.sweep.failUnsupportedTargets();
    const row = await targetRow(su, targetIds.facebook!);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/cannot publish to Facebook yet/);
  });
});

describe("X and the Sandbox", () => {
  it("publishes a long post to X as a thread, in order", async () => {
    const token = issue(
      x.issueToken({
        userId: "4242",
        username: "dana_demo",
        scopes: ["tweet.read", "tweet.write", "users.read", "media.write"],
      }),
    );
    xToken = token;
    await seedAccount(su, {
      orgId: org.id,
      userId: owner.id,
      network: "x",
      externalId: "4242",
      accessToken: token,
    });
    const body = Array.from(
      { length: 12 },
      (_, i) => `Sentence number ${i + 1} of a long thread.`,
    ).join(" ");
    const { targetIds } = await schedule(body, ["x"]);
    const row = await settled(targetIds.x!);
    expect(row.status).toBe("published");
    const tweets = x.tweets();
    expect(tweets.length).toBeGreaterThan(1);
    expect(tweets[0]!.inReplyTo).toBeNull();
    for (let i = 1; i < tweets.length; i++) expect(tweets[i]!.inReplyTo).toBe(tweets[i - 1]!.id);
    expect(row.platform_post_id).toBe(tweets[0]!.id);
  });

  it("a duplicate inside a thread leaves it unconfirmed, not published halfway", async () => {
    const body = Array.from({ length: 24 }, (_, i) => `Another sentence ${i + 1} for X.`).join(" ");
    const { splitThread } = await import("@/lib/posts/x-thread");
    const parts = splitThread(`${body} #${n + 1}`, { numbering: true });
    expect(parts.length).toBeGreaterThan(2);
    // Part 2's exact text is already on the profile: X refuses it as duplicate content.
    const existing = await fetch(`${x.url}/2/tweets`, {
      method: "POST",
      headers: { authorization: `Bearer ${xToken}`, "content-type": "application/json" },
      body: JSON.stringify({ text: parts[1] }),
    });
    expect(existing.status).toBe(201);
    const { targetIds } = await schedule(body, ["x"]);
    const row = await settled(targetIds.x!);
    expect(row.status).toBe("unconfirmed");
    expect(row.error_code).toBe("duplicate_in_thread");
    expect(row.error).toMatch(/may be incomplete/);
    expect(x.tweets().filter((t) => t.text === parts[0])).toHaveLength(1);
  });

  it("the Sandbox records the post and links to it", async () => {
    await seedAccount(su, {
      orgId: org.id,
      userId: owner.id,
      network: "sandbox",
      externalId: owner.id,
    });
    const { targetIds } = await schedule("Sandbox hello", ["sandbox"]);
    const row = await settled(targetIds.sandbox!);
    expect(row.status).toBe("published");
    const [feed] =
      await su`select id, body from public.sandbox_posts where target_id = ${targetIds.sandbox!}`;
    expect(feed!.body).toMatch(/^Sandbox hello/);
    expect(row.platform_url).toMatch(new RegExp(`/publishing-co/sandbox#post-${feed!.id}$`));
  });
});

describe("tokens", () => {
  it("never appear in Redis, job data, logs or the database in plain text", async () => {
    const { targetIds } = await schedule("Token check");
    await settled(targetIds.linkedin!);
    // A job waiting out a 429 keeps its failure in Redis: that must hold no token either.
    linkedin.controls.failNext = [{ status: 429, retryAfterS: 600 }];
    const limited = await schedule("Token check while limited");
    await waitFor(
      async () =>
        (await attemptsOf(su, limited.targetIds.linkedin!)).some(
          (a) => a.outcome === "rate_limited",
        ),
      10_000,
      "the 429",
    );
    expect(issued.length).toBeGreaterThanOrEqual(3);
    const redis = lib.redis.createRedis();
    try {
      const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const type = await redis.type(key);
        const dump =
          type === "hash"
            ? JSON.stringify(await redis.hgetall(key))
            : type === "string"
              ? await redis.get(key)
              : type === "list"
                ? JSON.stringify(await redis.lrange(key, 0, -1))
                : type === "zset"
                  ? JSON.stringify(await redis.zrange(key, 0, -1))
                  : type === "set"
                    ? JSON.stringify(await redis.smembers(key))
                    : type === "stream"
                      ? JSON.stringify(await redis.xrange(key, "-", "+"))
                      : "";
        for (const token of issued) expect(dump ?? "", key).not.toContain(token);
      }
    } finally {
      redis.disconnect();
    }
    const logged = logLines.join("");
    expect(logged).toContain("publish attempt failed"); // the failures were logged, without tokens
    for (const token of issued) expect(logged).not.toContain(token);
    const [row] =
      await su`select access_token_enc from public.social_accounts where id = ${liAccount}`;
    expect(row!.access_token_enc).toMatch(/^v1\.test1\./);
    expect(row!.access_token_enc).not.toContain(liToken);
  });
});

/** Runs SQL as a signed-in member through RLS (the way the app's actions do). */
async function withUser(user: SeededUser, statement: string) {
  const rls = postgres(testDb().rlsUrl, { max: 1, onnotice: () => {} });
  try {
    await rls.begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${JSON.stringify(claimsFor(user))}, true), set_config('role', 'authenticated', true)`;
      await tx.unsafe(statement);
    });
  } finally {
    await rls.end();
  }
}
