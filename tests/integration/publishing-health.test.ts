// What a server that cannot publish tells its users, and the Publishing health figures of one org.
// This file's server has no X app credentials and, after seeding, no token keys: posts due on such
// a server fail at once with the reason (instead of being retried forever), and no member is asked
// to reconnect an account that is fine.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";
import { seedAccount, seedScheduledPost, targetRow } from "../helpers/publishing";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
let owner: SeededUser, stranger: SeededUser;
let org: SeededOrg, other: SeededOrg;
let lib: {
  publishJob: typeof import("@/lib/publishing/publish-job").publishJob;
  targets: typeof import("@/lib/publishing/targets");
  queries: typeof import("@/lib/publishing/queries");
  sweep: typeof import("@/lib/publishing/sweep");
  logger: typeof import("@/lib/logger");
};

beforeAll(async () => {
  owner = await seedUser(su, { email: "health@example.com", fullName: "Hal Health" });
  stranger = await seedUser(su, { email: "elsewhere@example.com" });
  org = await seedOrg(su, {
    name: "Health Co",
    slug: "health-co",
    members: [{ userId: owner.id, role: "owner" }],
  });
  other = await seedOrg(su, {
    name: "Busy Co",
    slug: "busy-co",
    members: [{ userId: stranger.id, role: "owner" }],
  });
  for (const network of ["linkedin", "x"] as const)
    await seedAccount(su, {
      orgId: org.id,
      userId: owner.id,
      network,
      externalId: `${network}-hal`,
      name: "Hal Health",
      accessToken: `secret-${network}-token`,
    });
  // The server as this file runs it: X not set up, and the token keys gone.
  delete process.env.X_CLIENT_ID;
  delete process.env.X_CLIENT_SECRET;
  delete process.env.TOKEN_ENCRYPTION_KEYS;
  lib = {
    publishJob: (await import("@/lib/publishing/publish-job")).publishJob,
    targets: await import("@/lib/publishing/targets"),
    queries: await import("@/lib/publishing/queries"),
    sweep: await import("@/lib/publishing/sweep"),
    logger: await import("@/lib/logger"),
  };
});

afterAll(async () => {
  const { closeQueues } = await import("@/lib/jobs/queues");
  const { closeRedis } = await import("@/lib/redis");
  await closeQueues();
  await closeRedis();
  await su.end();
});

/** Runs the real handler once, as a BullMQ worker would for the target's current job. */
async function runJob(targetId: string, network: "linkedin" | "x") {
  const state = await lib.targets.targetState(targetId);
  const job = { id: `job-${targetId}`, attemptsMade: 0, opts: { attempts: 5 } };
  await lib.publishJob.handler(
    { targetId, network, dueAt: state!.dueAt!, attempt: state!.attempt },
    { job: job as never, token: undefined, log: lib.logger.createLogger() },
  );
}

describe("a server that cannot publish", () => {
  it("fails a post for a network without app credentials at once, with the reason", async () => {
    const post = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "To X on a server without X",
      networks: ["x"],
      dueAt: new Date(Date.now() - 1000),
    });
    await runJob(post.targetIds.x!, "x");
    const row = await targetRow(su, post.targetIds.x!);
    expect(row.status).toBe("failed");
    expect(row.error_code).toBe("network_not_configured");
    expect(row.error).toMatch(/X is not set up on this server/);
    // Nothing is left for the sweep to retry forever.
    await lib.sweep.enqueueOverdueTargets(0);
    expect((await targetRow(su, post.targetIds.x!)).status).toBe("failed");
  });

  it("fails with the reason when the token keys are missing, and asks nobody to reconnect", async () => {
    const post = await seedScheduledPost(su, {
      orgId: org.id,
      userId: owner.id,
      body: "To LinkedIn on a server without keys",
      networks: ["linkedin"],
      dueAt: new Date(Date.now() - 1000),
    });
    await runJob(post.targetIds.linkedin!, "linkedin");
    const row = await targetRow(su, post.targetIds.linkedin!);
    expect(row.status).toBe("failed");
    expect(row.error_code).toBe("server_not_configured");
    expect(row.error).toMatch(/TOKEN_ENCRYPTION_KEYS/);
    const accounts =
      await su`select status from public.social_accounts where org_id = ${org.id} order by network`;
    expect(accounts.map((a) => a.status)).toEqual(["active", "active"]);
    const reauth =
      await su`select 1 from public.notifications where user_id = ${owner.id} and kind = 'account_needs_reauth'`;
    expect(reauth).toHaveLength(0);
  });
});

describe("publishing health", () => {
  it("counts this org's queue, late posts and accounts needing reauth, never another org's", async () => {
    const hour = 3_600_000;
    const seed = (orgId: string, userId: string, network: string, dueAt: Date) =>
      seedScheduledPost(su, {
        orgId,
        userId,
        body: `Health ${network}`,
        networks: [network],
        dueAt,
      });
    await seedAccount(su, {
      orgId: org.id,
      userId: owner.id,
      network: "sandbox",
      externalId: owner.id,
    });
    await seed(org.id, owner.id, "linkedin", new Date(Date.now() - 5 * 60_000)); // 5 minutes late
    await seed(org.id, owner.id, "sandbox", new Date(Date.now() + hour));
    await seed(org.id, owner.id, "sandbox", new Date(Date.now() + 2 * hour));
    const publishing = await seed(org.id, owner.id, "x", new Date(Date.now() - 1000));
    await su`update public.post_targets set status = 'publishing', lease_until = now() + interval '1 minute'
             where id = ${publishing.targetIds.x!}`;
    // Another org's busy queue.
    for (let i = 0; i < 5; i++)
      await seed(other.id, stranger.id, "linkedin", new Date(Date.now() - 10 * 60_000));
    await su`update public.social_accounts set status = 'needs_reauth', status_reason = 'The LinkedIn sign-in expired.'
             where org_id = ${org.id} and network = 'linkedin'`;

    const h = await lib.queries.getPublishingHealth(claimsFor(owner), org.id);
    const byNetwork = Object.fromEntries(h.queues.map((q) => [q.network, q]));
    expect(byNetwork.linkedin).toEqual({ network: "linkedin", due: 1, later: 0, publishing: 0 });
    expect(byNetwork.sandbox).toEqual({ network: "sandbox", due: 0, later: 2, publishing: 0 });
    expect(byNetwork.x).toEqual({ network: "x", due: 0, later: 0, publishing: 1 });
    expect(h.overdue.map((o) => o.network)).toEqual(["linkedin"]);
    expect(h.upcoming).toBe(3);
    expect(h.accountsNeedingReauth).toEqual([
      expect.objectContaining({
        network: "linkedin",
        statusReason: "The LinkedIn sign-in expired.",
      }),
    ]);
    expect(h.queuesError).toBeNull();

    // Another org's member sees nothing of it.
    const theirs = await lib.queries.getPublishingHealth(claimsFor(stranger), org.id);
    expect(theirs.queues.every((q) => q.due + q.later + q.publishing === 0)).toBe(true);
    expect(theirs.overdue).toHaveLength(0);
    expect(theirs.accountsNeedingReauth).toHaveLength(0);
  });
});
