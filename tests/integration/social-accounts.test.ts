// Connecting accounts through OAuth (state + PKCE) against the LinkedIn and X stand-ins, what
// members can read of an account (never its tokens), reconnecting without losing a refresh token,
// and the token refresh job.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { seedAccount } from "../helpers/publishing";

const linkedin = createLinkedInStandIn({
  clientId: "test-linkedin-client",
  clientSecret: "test-linkedin-secret",
});
// Kept by reference: a test changes the secret the way an operator rotating it at X would.
const xApp = { clientId: "test-x-client", clientSecret: "test-x-secret" };
const x = createXStandIn(xApp);
const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const rls = postgres(testDb().rlsUrl, { max: 1, onnotice: () => {} });
const meta = { requestId: null, ip: null };

let oauth: typeof import("@/lib/social/oauth");
let refresh: typeof import("@/lib/social/refresh-job");
let tokens: typeof import("@/lib/social/tokens");
let owner: SeededUser, viewer: SeededUser, outsider: SeededUser;
let org: SeededOrg, other: SeededOrg;

beforeAll(async () => {
  await linkedin.listen(0);
  await x.listen(0);
  Object.assign(process.env, {
    LINKEDIN_API_URL: linkedin.url,
    LINKEDIN_OAUTH_URL: linkedin.url,
    X_API_URL: x.url,
    X_OAUTH_URL: x.url,
  });
  oauth = await import("@/lib/social/oauth");
  refresh = await import("@/lib/social/refresh-job");
  tokens = await import("@/lib/social/tokens");
  owner = await seedUser(su, { email: "connector@example.com", fullName: "Dana Demo" });
  viewer = await seedUser(su, { email: "watcher@example.com", fullName: "Val Viewer" });
  outsider = await seedUser(su, { email: "stranger@example.com" });
  org = await seedOrg(su, {
    name: "Connect Co",
    slug: "connect-co",
    members: [
      { userId: owner.id, role: "owner" },
      { userId: viewer.id, role: "viewer" },
    ],
  });
  other = await seedOrg(su, {
    name: "Other Co",
    slug: "other-co",
    members: [{ userId: outsider.id, role: "owner" }],
  });
});

afterAll(async () => {
  const { closeQueues } = await import("@/lib/jobs/queues");
  const { closeRedis } = await import("@/lib/redis");
  await closeQueues();
  await closeRedis();
  await linkedin.close();
  await x.close();
  await rls.end();
  await su.end();
});

/** The browser's trip: the authorize URL, the consent page's Allow, back with code and state. */
async function consent(
  authorizeUrl: string,
  fields: Record<string, string> = {},
): Promise<URLSearchParams> {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await fetch(new URL(url.pathname, url), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!).searchParams;
}

async function asUser<T>(user: SeededUser, fn: (tx: postgres.TransactionSql) => Promise<T>) {
  return rls.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${JSON.stringify(claimsFor(user))}, true), set_config('role', 'authenticated', true)`;
    return fn(tx);
  }) as Promise<T>;
}

describe("connecting LinkedIn", () => {
  it("stores encrypted tokens; members read the account but never its tokens; reconnect keeps the refresh token", async () => {
    const start = await oauth.startConnect(claimsFor(owner), {
      orgId: org.id,
      network: "linkedin",
      kind: "member",
      returnTo: "/connect-co/accounts",
    });
    expect(start).toContain("code_challenge_method=S256");
    expect(new URL(start).searchParams.get("scope")).toBe("openid profile email w_member_social");
    const back = await consent(start, { member_name: "Dana Demo" });
    const result = await oauth.completeConnect(claimsFor(owner), "linkedin", back, meta);
    expect(result).toEqual({
      ok: true,
      returnTo: "/connect-co/accounts",
      message: "Connected LinkedIn as Dana Demo.",
    });
    const [row] =
      await su`select * from public.social_accounts where org_id = ${org.id} and network = 'linkedin'`;
    expect(row!.status).toBe("active");
    expect(row!.access_token_enc).toMatch(/^v1\.test1\./);
    expect(row!.refresh_token_enc).toMatch(/^v1\.test1\./);
    const refreshBefore = row!.refresh_token_enc as string;

    // The state is single use.
    const replay = await oauth.completeConnect(claimsFor(owner), "linkedin", back, meta);
    expect(replay.ok).toBe(false);
    expect(replay.message).toMatch(/expired or was already used/);

    // Members read the account's public columns, never the token columns; other orgs see nothing.
    const seen = await asUser(
      viewer,
      (tx) => tx`select display_name, status from public.social_accounts`,
    );
    expect(seen.map((r) => r.display_name)).toEqual(["Dana Demo"]);
    await expect(
      asUser(viewer, (tx) => tx`select access_token_enc from public.social_accounts`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asUser(viewer, (tx) => tx`select refresh_token_enc from public.social_accounts`),
    ).rejects.toThrow(/permission denied/);
    expect(await asUser(outsider, (tx) => tx`select id from public.social_accounts`)).toHaveLength(
      0,
    );
    await expect(
      asUser(outsider, (tx) => tx`update public.social_accounts set display_name = 'x'`),
    ).rejects.toThrow(/permission denied/);

    // Reconnecting when LinkedIn sends no refresh token keeps the stored one.
    linkedin.controls.issueRefreshTokens = false;
    const again = await consent(
      await oauth.startConnect(claimsFor(owner), {
        orgId: org.id,
        network: "linkedin",
        kind: "member",
        returnTo: "/connect-co/accounts",
      }),
      { member_name: "Dana Demo" },
    );
    expect((await oauth.completeConnect(claimsFor(owner), "linkedin", again, meta)).ok).toBe(true);
    const [after] =
      await su`select refresh_token_enc, access_token_enc from public.social_accounts where id = ${row!.id}`;
    expect(after!.refresh_token_enc).toBe(refreshBefore);
    expect(after!.access_token_enc).not.toBe(row!.access_token_enc);
    linkedin.controls.issueRefreshTokens = true;
  });

  it("refuses viewers, other users' states, cancelled consent and company pages without the vetted product", async () => {
    await expect(
      oauth.startConnect(claimsFor(viewer), {
        orgId: org.id,
        network: "linkedin",
        kind: "member",
        returnTo: "/connect-co/accounts",
      }),
    ).rejects.toThrow(/cannot connect/);
    await expect(
      oauth.startConnect(claimsFor(owner), {
        orgId: org.id,
        network: "linkedin",
        kind: "organization",
        returnTo: "/connect-co/accounts",
      }),
    ).rejects.toThrow(/Community Management API/);

    const start = await oauth.startConnect(claimsFor(owner), {
      orgId: org.id,
      network: "linkedin",
      kind: "member",
      returnTo: "/connect-co/accounts",
    });
    const back = await consent(start);
    // Someone else's callback with this state is refused (and does not use it up).
    const stolen = await oauth.completeConnect(claimsFor(outsider), "linkedin", back, meta);
    expect(stolen.ok).toBe(false);
    const cancelled = new URLSearchParams({
      state: back.get("state")!,
      error: "user_cancelled_authorize",
    });
    const result = await oauth.completeConnect(claimsFor(owner), "linkedin", cancelled, meta);
    expect(result).toMatchObject({
      ok: false,
      message: "You cancelled connecting LinkedIn. Nothing was changed.",
    });
  });
});

describe("connecting X", () => {
  it("exchanges the code with PKCE and stores the handle", async () => {
    const start = await oauth.startConnect(claimsFor(owner), {
      orgId: org.id,
      network: "x",
      kind: "member",
      returnTo: "/connect-co/accounts",
    });
    const back = await consent(start, { username: "dana_demo" });
    const result = await oauth.completeConnect(claimsFor(owner), "x", back, meta);
    expect(result.message).toBe("Connected X as Dana Demo.");
    const [row] =
      await su`select handle, status, scopes from public.social_accounts where org_id = ${org.id} and network = 'x'`;
    expect(row).toMatchObject({ handle: "dana_demo", status: "active" });
    expect(row!.scopes).toEqual(expect.arrayContaining(["tweet.write", "offline.access"]));
  });
});

describe("token refresh", () => {
  it("renews the access token under the current key and keeps the account active", async () => {
    const start = await oauth
      .startConnect(claimsFor(owner), {
        orgId: other.id,
        network: "x",
        kind: "member",
        returnTo: "/other-co/accounts",
      })
      .catch((e: Error) => e);
    expect(start).toBeInstanceOf(Error); // the owner of Connect Co is not a member of Other Co

    const [account] =
      await su`select id, access_token_enc, org_id, external_id from public.social_accounts where org_id = ${org.id} and network = 'x'`;
    await su`update public.social_accounts set access_expires_at = now() + interval '1 hour' where id = ${account!.id}`;
    await refresh.tokenRefreshJob.handler(
      { accountId: account!.id as string },
      { job: {} as never, token: undefined, log: (await import("@/lib/logger")).createLogger() },
    );
    const [after] =
      await su`select access_token_enc, access_expires_at, status from public.social_accounts where id = ${account!.id}`;
    expect(after!.status).toBe("active");
    expect(after!.access_token_enc).not.toBe(account!.access_token_enc);
    expect(after!.access_expires_at.getTime()).toBeGreaterThan(Date.now() + 3600_000);
    // The new token works against X.
    const token = tokens.openToken(
      { orgId: org.id, network: "x", kind: "member", externalId: account!.external_id as string },
      "access",
      after!.access_token_enc as string,
    );
    const me = await fetch(`${x.url}/2/users/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
  });

  it("an account whose refresh token was revoked needs reconnecting, and its member is told", async () => {
    const member = await seedUser(su, { email: "refresh-fail@example.com", fullName: "Rae Fresh" });
    await su`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${member.id}, 'employee')`;
    const accountId = await seedAccount(su, {
      orgId: org.id,
      userId: member.id,
      network: "x",
      externalId: "999",
      name: "Rae Fresh",
      accessToken: "expired-access",
      refreshToken: "not-a-real-refresh-token",
      expiresInS: 60,
    });
    await refresh.tokenRefreshJob.handler(
      { accountId },
      { job: {} as never, token: undefined, log: (await import("@/lib/logger")).createLogger() },
    );
    const [row] =
      await su`select status, status_reason from public.social_accounts where id = ${accountId}`;
    expect(row!.status).toBe("needs_reauth");
    const [notice] =
      await su`select kind, link from public.notifications where user_id = ${member.id}`;
    expect(notice).toMatchObject({ kind: "account_needs_reauth", link: "/connect-co/accounts" });
    const [email] = await su`select template from public.email_log where user_id = ${member.id}`;
    expect(email!.template).toBe("account_reauth");
  });

  it("a refresh refused for our app's own credentials asks no member to reconnect", async () => {
    const member = await seedUser(su, { email: "stale-app@example.com", fullName: "Sam Stale" });
    await su`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${member.id}, 'employee')`;
    const accountId = await seedAccount(su, {
      orgId: org.id,
      userId: member.id,
      network: "x",
      externalId: "777",
      accessToken: "soon-expired-access",
      refreshToken: "some-refresh-token",
      expiresInS: 60,
    });
    xApp.clientSecret = "rotated-at-x"; // the deployment still has the old secret
    try {
      await refresh.tokenRefreshJob.handler(
        { accountId },
        { job: {} as never, token: undefined, log: (await import("@/lib/logger")).createLogger() },
      );
    } finally {
      xApp.clientSecret = "test-x-secret";
    }
    const [row] = await su`select status from public.social_accounts where id = ${accountId}`;
    expect(row!.status).toBe("active");
    expect(await su`select 1 from public.notifications where user_id = ${member.id}`).toHaveLength(
      0,
    );
  });

  it("the sweep queues refreshes for tokens expiring within a week, at most hourly", async () => {
    const { enqueueTokenRefreshes } = await import("@/lib/publishing/sweep");
    await su`update public.social_accounts set status = 'active', refresh_checked_at = null, access_expires_at = now() + interval '2 days' where org_id = ${org.id}`;
    const first = await enqueueTokenRefreshes();
    expect(first).toBeGreaterThan(0);
    expect(await enqueueTokenRefreshes()).toBe(0);
  });
});

// Last in this file: it re-encrypts every account's tokens under a key the rest of the file lacks.
describe("key rotation", () => {
  it("re-encrypts tokens under the current key, so the old key can be removed", async () => {
    const { rekeyTokens } = await import("@/lib/social/rekey");
    const { decryptToken, parseKeyRing, tokenContext } = await import("@/lib/social/crypto");
    const newKey = randomBytes(32).toString("base64");
    const rotated = parseKeyRing(`test2:${newKey},${process.env.TOKEN_ENCRYPTION_KEYS}`, "test2");
    const accountId = await seedAccount(su, {
      orgId: org.id,
      userId: owner.id,
      network: "linkedin",
      externalId: "rekey1",
      accessToken: "rekey-access",
      refreshToken: "rekey-refresh",
    });
    // A value under a key that is already gone is left alone and does not block the others.
    await su`update public.social_accounts set access_token_enc = 'v1.gone.aaaa.bbbb.cccc', refresh_token_enc = null
             where org_id = ${org.id} and network = 'x' and external_id = '999'`;
    const [before] =
      await su`select access_token_enc from public.social_accounts where id = ${accountId}`;
    expect(before!.access_token_enc).toMatch(/^v1\.test1\./);

    expect(await rekeyTokens(rotated)).toBeGreaterThanOrEqual(1);
    const [after] =
      await su`select access_token_enc, refresh_token_enc from public.social_accounts where id = ${accountId}`;
    expect(after!.access_token_enc).toMatch(/^v1\.test2\./);
    expect(after!.refresh_token_enc).toMatch(/^v1\.test2\./);
    const onlyNew = parseKeyRing(`test2:${newKey}`);
    const context = (column: "access" | "refresh") =>
      tokenContext(`${org.id}/linkedin/member/rekey1`, column);
    expect(decryptToken(onlyNew, after!.access_token_enc as string, context("access"))).toBe(
      "rekey-access",
    );
    expect(decryptToken(onlyNew, after!.refresh_token_enc as string, context("refresh"))).toBe(
      "rekey-refresh",
    );
    expect(await rekeyTokens(rotated)).toBe(0); // nothing is left under the old key
    const [gone] =
      await su`select access_token_enc from public.social_accounts where org_id = ${org.id} and external_id = '999'`;
    expect(gone!.access_token_enc).toBe("v1.gone.aaaa.bbbb.cccc");
  });
});
