// In-app notifications (RLS, app.notify, the invitation trigger), email preferences, the email job's
// suppression and List-Unsubscribe headers, and one-click unsubscribe tokens.
import { createHash, randomBytes } from "node:crypto";
import type { Job } from "bullmq";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRls } from "@/lib/db/rls";
import { sendEmailJob } from "@/lib/email/send-email";
import { createLogger } from "@/lib/logger";
import { emailCategories } from "@/lib/notifications/categories";
import { notify, notifyMembers } from "@/lib/notifications/notify";
import { getMyEmailPreferences, setMyEmailPreferences } from "@/lib/notifications/preferences";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "@/lib/notifications/queries";
import { applyUnsubscribe, previewUnsubscribe } from "@/lib/notifications/unsubscribe";
import {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from "@/lib/notifications/unsubscribe-token";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { createResendStandIn } from "../../scripts/stand-ins/resend";
import { testDb } from "../helpers/db";

// The Resend stand-in must be listening, and RESEND_BASE_URL set, before the first getEnv() call.
const resend = createResendStandIn();
const { url: resendUrl } = await resend.listen(0);
process.env.RESEND_BASE_URL = resendUrl;
const secret = process.env.UNSUBSCRIBE_SECRET!;

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });

let alice: SeededUser, bob: SeededUser, carol: SeededUser, gina: SeededUser;
let orgA: SeededOrg, orgB: SeededOrg;

beforeAll(async () => {
  alice = await seedUser(su, { email: "alice@example.com", fullName: "Alice Owner" });
  bob = await seedUser(su, { email: "bob@example.com" });
  carol = await seedUser(su, { email: "carol@example.com" });
  gina = await seedUser(su, { email: "gina@example.com" });
  orgA = await seedOrg(su, {
    name: "Org A",
    slug: "org-a",
    members: [
      { userId: alice.id, role: "owner" },
      { userId: bob.id, role: "employee" },
    ],
  });
  orgB = await seedOrg(su, {
    name: "Org B",
    slug: "org-b",
    members: [
      { userId: carol.id, role: "owner" },
      { userId: alice.id, role: "viewer" },
      { userId: gina.id, role: "viewer" },
    ],
  });
});

afterAll(async () => {
  await resend.close();
  await su.end();
});

/** Runs a raw statement as `user` through withRls; returns rows and affected count, or the error. */
async function asUser(user: SeededUser, statement: string) {
  try {
    const result = await withRls(claimsFor(user), (tx) => tx.execute(sql.raw(statement)));
    return {
      rows: [...result] as Record<string, unknown>[],
      count: (result as unknown as { count: number }).count,
      error: null as unknown,
    };
  } catch (error) {
    return { rows: [], count: 0, error };
  }
}
const sqlState = (error: unknown) =>
  (error as { cause?: { code?: string } } | null)?.cause?.code ?? null;

const note = (title: string) => ({ kind: "test_note", title, body: "Body", link: "/org-a" });

describe("notifications: RLS and app.notify", () => {
  let aliceInA: string, bobInA: string, aliceInB: string, carolInB: string;

  beforeAll(async () => {
    aliceInA = (await notify(orgA.id, alice.id, note("for alice in A")))!;
    bobInA = (await notify(orgA.id, bob.id, note("for bob in A")))!;
    aliceInB = (await notify(orgB.id, alice.id, note("for alice in B")))!;
    carolInB = (await notify(orgB.id, carol.id, note("for carol in B")))!;
    for (const id of [aliceInA, bobInA, aliceInB, carolInB]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows a user only their own notifications, per org", async () => {
    const inA = await listNotifications(claimsFor(alice), orgA.id);
    expect(inA.items.map((n) => n.id)).toEqual([aliceInA]);
    expect(inA.unread).toBe(1);
    expect((await listNotifications(claimsFor(alice), orgB.id)).items.map((n) => n.id)).toEqual([
      aliceInB,
    ]);
    // Without the org filter, RLS alone: her two rows, never bob's (same org) or carol's.
    const all = await asUser(alice, "select id from public.notifications order by created_at");
    expect(all.rows.map((r) => r.id).sort()).toEqual([aliceInA, aliceInB].sort());
    const bobs = await asUser(bob, "select id from public.notifications");
    expect(bobs.rows.map((r) => r.id)).toEqual([bobInA]);
    // Carol shares org B with alice but sees none of alice's rows there.
    const carols = await asUser(
      carol,
      `select id from public.notifications where org_id = '${orgB.id}'`,
    );
    expect(carols.rows.map((r) => r.id)).toEqual([carolInB]);
  });

  it("lets a user mark only their own notifications read, and only read_at", async () => {
    expect(await markNotificationRead(claimsFor(bob), orgA.id, aliceInA)).toBe(false);
    const forged = await asUser(
      bob,
      `update public.notifications set read_at = now() where id = '${aliceInA}'`,
    );
    expect(forged.error).toBeNull();
    expect(forged.count).toBe(0);
    expect(
      (await su`select read_at from public.notifications where id = ${aliceInA}`)[0]!.read_at,
    ).toBeNull();

    const retitle = await asUser(
      alice,
      `update public.notifications set title = 'x' where id = '${aliceInA}'`,
    );
    expect(sqlState(retitle.error)).toBe("42501");
    const del = await asUser(alice, `delete from public.notifications where id = '${aliceInA}'`);
    expect(sqlState(del.error)).toBe("42501");

    expect(await markNotificationRead(claimsFor(alice), orgA.id, aliceInA)).toBe(true);
    const after = await listNotifications(claimsFor(alice), orgA.id);
    expect(after.unread).toBe(0);
    expect(after.items[0]!.readAt).not.toBeNull();
    // Marking read in org A leaves org B's unread.
    expect((await listNotifications(claimsFor(alice), orgB.id)).unread).toBe(1);
  });

  it("marks all read in one org only", async () => {
    await notify(orgA.id, bob.id, note("second for bob"));
    expect(await markAllNotificationsRead(claimsFor(bob), orgA.id)).toBe(2);
    expect((await listNotifications(claimsFor(bob), orgA.id)).unread).toBe(0);
    expect(
      (await su`select read_at from public.notifications where id = ${carolInB}`)[0]!.read_at,
    ).toBeNull();
  });

  it("refuses direct inserts and calls to app.notify from users", async () => {
    const insert = await asUser(
      alice,
      `insert into public.notifications (org_id, user_id, kind, title) values ('${orgA.id}', '${alice.id}', 'forged', 'x')`,
    );
    expect(sqlState(insert.error)).toBe("42501");
    const call = await asUser(
      alice,
      `select app.notify('${orgA.id}', '${bob.id}', 'forged', 'Forged')`,
    );
    expect(sqlState(call.error)).toBe("42501");
    expect(
      (await su`select count(*)::int as n from public.notifications where kind = 'forged'`)[0]!.n,
    ).toBe(0);
  });

  it("notifies only current members, only with in-app links", async () => {
    expect(await notify(orgA.id, carol.id, note("carol is not in A"))).toBeNull();
    for (const link of ["//evil.example/x", "https://evil.example", "/\\evil.example", "/a b"])
      await expect(notify(orgA.id, alice.id, { ...note("bad link"), link })).rejects.toMatchObject({
        code: "rule_violation",
      });
    // The table refuses such a link even from the owner role.
    await expect(
      su`insert into public.notifications (org_id, user_id, kind, title, link) values (${orgA.id}, ${alice.id}, 'x_y', 't', '//evil.example')`,
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("notifies the members of an org, by role and except the actor", async () => {
    const before = await su`select user_id from public.notifications where kind = 'broadcast'`;
    expect(before).toHaveLength(0);
    expect(
      await notifyMembers(orgB.id, { kind: "broadcast", title: "Hi" }, { exceptUserId: carol.id }),
    ).toBe(2);
    expect(
      await notifyMembers(
        orgA.id,
        { kind: "broadcast", title: "Hi" },
        { roles: ["owner", "admin"] },
      ),
    ).toBe(1);
    const rows =
      await su`select org_id, user_id from public.notifications where kind = 'broadcast' order by user_id`;
    expect(rows.map((r) => `${r.org_id === orgA.id ? "A" : "B"}:${r.user_id}`).sort()).toEqual(
      [`B:${alice.id}`, `B:${gina.id}`, `A:${alice.id}`].sort(),
    );
  });

  it("hides an org's notifications once the user leaves it", async () => {
    const mine = (await notify(orgB.id, gina.id, note("before leaving")))!;
    expect((await listNotifications(claimsFor(gina), orgB.id)).items.map((n) => n.id)).toContain(
      mine,
    );
    await withRls(claimsFor(gina), (tx) =>
      tx.execute(sql`select app.remove_member(${orgB.id}::uuid, ${gina.id}::uuid)`),
    );
    expect((await listNotifications(claimsFor(gina), orgB.id)).items).toEqual([]);
    expect((await asUser(gina, "select id from public.notifications")).rows).toEqual([]);
    expect(await markNotificationRead(claimsFor(gina), orgB.id, mine)).toBe(false);
    const upd = await asUser(
      gina,
      `update public.notifications set read_at = now() where id = '${mine}'`,
    );
    expect(upd.count).toBe(0);
    expect(
      (await su`select read_at from public.notifications where id = ${mine}`)[0]!.read_at,
    ).toBeNull();
    // And nothing new arrives for a former member.
    expect(await notify(orgB.id, gina.id, note("after leaving"))).toBeNull();
  });
});

describe("accepting an invitation", () => {
  it("notifies the inviter, and queues no email", async () => {
    const frank = await seedUser(su, { email: "frank@example.com", fullName: "Frank Newman" });
    const token = randomBytes(32).toString("base64url");
    const hash = createHash("sha256").update(token).digest("hex");
    await withRls(claimsFor(alice), (tx) =>
      tx.execute(
        sql`select id from app.create_invitation(${orgA.id}::uuid, ${frank.email}, 'brand_creator', ${hash}, now() + interval '7 days')`,
      ),
    );
    const emailsBefore = (await su`select count(*)::int as n from public.email_log`)[0]!.n;
    const before = (await listNotifications(claimsFor(alice), orgA.id)).items.length;

    const slug = await withRls(claimsFor(frank), (tx) =>
      tx.execute<{ slug: string }>(sql`select app.accept_invitation(${hash}) as slug`),
    );
    expect([...slug][0]!.slug).toBe(orgA.slug);

    const { items } = await listNotifications(claimsFor(alice), orgA.id);
    expect(items).toHaveLength(before + 1);
    expect(items[0]).toMatchObject({
      kind: "member_joined",
      title: "Frank Newman joined Org A",
      body: "They accepted your invitation and joined as a brand creator.",
      link: `/${orgA.slug}/members`,
      readAt: null,
    });
    expect((await listNotifications(claimsFor(frank), orgA.id)).items).toEqual([]);
    expect((await su`select count(*)::int as n from public.email_log`)[0]!.n).toBe(emailsBefore);

    // A second click on the same link changes nothing and notifies nobody again.
    await withRls(claimsFor(frank), (tx) => tx.execute(sql`select app.accept_invitation(${hash})`));
    expect((await listNotifications(claimsFor(alice), orgA.id)).items).toHaveLength(before + 1);
  });
});

describe("email preferences", () => {
  it("keeps each user to their own rows", async () => {
    expect(await getMyEmailPreferences(claimsFor(bob))).toEqual({
      product: true,
      team: true,
      review: true,
      publishing: true,
    });
    // Every category the app knows is one the database accepts.
    const saved = await setMyEmailPreferences(claimsFor(bob), {
      product: false,
      team: true,
      review: false,
      publishing: true,
    });
    expect(saved).toEqual({ product: false, team: true, review: false, publishing: true });
    expect(emailCategories).toHaveLength(4);
    expect(await getMyEmailPreferences(claimsFor(carol))).toEqual({
      product: true,
      team: true,
      review: true,
      publishing: true,
    });

    const seen = await asUser(carol, "select user_id from public.email_preferences");
    expect(seen.rows).toEqual([]);
    const forgedInsert = await asUser(
      carol,
      `insert into public.email_preferences (user_id, category, enabled) values ('${bob.id}', 'team', false)`,
    );
    expect(sqlState(forgedInsert.error)).toBe("42501");
    const forgedUpdate = await asUser(
      carol,
      `update public.email_preferences set enabled = true where user_id = '${bob.id}'`,
    );
    expect(forgedUpdate.count).toBe(0);
    const forgedDelete = await asUser(
      carol,
      `delete from public.email_preferences where user_id = '${bob.id}'`,
    );
    expect(sqlState(forgedDelete.error)).toBe("42501");
    const moveMine = await asUser(
      bob,
      `update public.email_preferences set user_id = '${carol.id}' where user_id = '${bob.id}'`,
    );
    expect(sqlState(moveMine.error)).toBe("42501");
    expect(await getMyEmailPreferences(claimsFor(bob))).toEqual(saved);

    const unknown = await asUser(
      bob,
      `insert into public.email_preferences (user_id, category, enabled) values ('${bob.id}', 'security', false)`,
    );
    expect(sqlState(unknown.error)).toBe("23514");
  });
});

describe("the email job", () => {
  const fakeJob = { attemptsMade: 0, opts: { attempts: 5 } } as unknown as Job;
  const log = createLogger({ test: "notifications" });
  const run = (emailId: string) =>
    sendEmailJob.handler({ emailId }, { job: fakeJob, token: undefined, log });
  const statusOf = async (id: string) =>
    (await su`select status from public.email_log where id = ${id}`)[0]!.status as string;
  const requestsFor = (id: string) => resend.requests.filter((r) => r.idempotencyKey === id).length;
  const storedFor = (id: string) => resend.emails().find((e) => e.idempotency_key === id);

  async function queueRow(user: SeededUser, template: string, category: string | null, data = {}) {
    const [row] =
      await su`insert into public.email_log (user_id, template, to_email, data, category)
      values (${user.id}, ${template}, ${user.email}, ${su.json(data)}, ${category}) returning id`;
    return row!.id as string;
  }

  it("tags the welcome email as `product`, and refuses a category without a recipient", async () => {
    const rows = await withRls(claimsFor(gina), (tx) =>
      tx.execute<{ id: string }>(sql`select app.queue_welcome_email() as id`),
    );
    const id = [...rows][0]!.id;
    expect((await su`select category from public.email_log where id = ${id}`)[0]!.category).toBe(
      "product",
    );
    await expect(
      su`insert into public.email_log (template, to_email, category) values ('welcome', 'x@example.com', 'product')`,
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("suppresses a category the recipient turned off, without calling Resend", async () => {
    const dave = await seedUser(su, { email: "dave@example.com" });
    await setMyEmailPreferences(claimsFor(dave), { product: false });
    const id = await queueRow(dave, "welcome", "product", { name: "Dave" });
    await run(id);
    expect(await statusOf(id)).toBe("suppressed");
    expect(requestsFor(id)).toBe(0);
    await run(id); // a re-run leaves it alone
    expect(requestsFor(id)).toBe(0);
  });

  it("sends essential emails whatever the preferences, without unsubscribe headers", async () => {
    const erin = await seedUser(su, { email: "erin@example.com" });
    await setMyEmailPreferences(claimsFor(erin), {
      product: false,
      team: false,
      review: false,
      publishing: false,
    });
    const id = await queueRow(erin, "auth", null, { actionType: "recovery", tokenHash: "abc" });
    await run(id);
    expect(await statusOf(id)).toBe("sent");
    const sent = storedFor(id)!;
    expect(sent.subject).toBe("Reset your password");
    expect(sent.headers).toBeNull();
    expect(sent.html).not.toContain("unsubscribe");
  });

  it("sends a non-essential email with a footer link and RFC 8058 headers for its own user and category", async () => {
    const hal = await seedUser(su, { email: "hal@example.com" });
    const id = await queueRow(hal, "welcome", "product", { name: "Hal" });
    await run(id);
    expect(await statusOf(id)).toBe("sent");
    const sent = storedFor(id)!;
    const header = sent.headers?.["List-Unsubscribe"];
    expect(header).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>]+>$/);
    expect(sent.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const token = new URL(header!.slice(1, -1)).searchParams.get("token");
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId: hal.id, category: "product" });
    expect(sent.html).toContain(`/unsubscribe?token=${token}`);
    expect(sent.text).toContain(`Unsubscribe: http://localhost:3000/unsubscribe?token=${token}`);

    // One-click: a GET (a mail scanner) changes nothing; the POST turns product emails off.
    const oneClick = header!.slice(1, -1);
    const get = await unsubscribeGet(new NextRequest(oneClick));
    expect(get.status).toBe(303);
    expect(new URL(get.headers.get("location")!).pathname).toBe("/unsubscribe");
    expect((await getMyEmailPreferences(claimsFor(hal))).product).toBe(true);
    const post = await unsubscribePost(
      new NextRequest(oneClick, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
    );
    expect(post.status).toBe(200);
    expect(await getMyEmailPreferences(claimsFor(hal))).toEqual({
      product: false,
      team: true,
      review: true,
      publishing: true,
    });

    // The next product email is suppressed.
    const next = await queueRow(hal, "welcome", "product", { name: "Hal" });
    await run(next);
    expect(await statusOf(next)).toBe("suppressed");
    expect(requestsFor(next)).toBe(0);
  });

  it("fails, without sending, a non-essential email queued without a category", async () => {
    const ivy = await seedUser(su, { email: "ivy@example.com" });
    const id = await queueRow(ivy, "welcome", null, { name: "Ivy" });
    await run(id);
    expect(await statusOf(id)).toBe("failed");
    expect(requestsFor(id)).toBe(0);
  });
});

describe("unsubscribe tokens", () => {
  let judy: SeededUser, kim: SeededUser;
  beforeAll(async () => {
    judy = await seedUser(su, { email: "judy@example.com" });
    kim = await seedUser(su, { email: "kim@example.com" });
  });
  const prefsOf = async (user: SeededUser) => getMyEmailPreferences(claimsFor(user));
  const rowCount = async () =>
    (await su`select count(*)::int as n from public.email_preferences`)[0]!.n as number;

  it("previews without writing", async () => {
    const token = signUnsubscribeToken(secret, judy.id, "team");
    const before = await rowCount();
    expect(await previewUnsubscribe(token)).toMatchObject({
      category: "team",
      label: "Team activity",
      maskedEmail: "ju••@example.com",
      enabled: true,
    });
    expect(await rowCount()).toBe(before);
    expect(await previewUnsubscribe("nope")).toBeNull();
  });

  it("turns off only the token's own category for the token's own user", async () => {
    const token = signUnsubscribeToken(secret, judy.id, "team");
    expect(await applyUnsubscribe(token)).toEqual({ userId: judy.id, category: "team" });
    expect(await prefsOf(judy)).toEqual({
      product: true,
      team: false,
      review: true,
      publishing: true,
    });
    expect(await prefsOf(kim)).toEqual({
      product: true,
      team: true,
      review: true,
      publishing: true,
    });
    expect(await applyUnsubscribe(token)).toEqual({ userId: judy.id, category: "team" }); // idempotent
    expect((await previewUnsubscribe(token))!.enabled).toBe(false);
  });

  it("refuses tampered tokens: another user, another category, a changed signature", async () => {
    const token = signUnsubscribeToken(secret, judy.id, "review");
    const [, mac] = token.split(".") as [string, string];
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    const before = await rowCount();
    for (const forged of [
      `${b64(`${kim.id}:review`)}.${mac}`,
      `${b64(`${judy.id}:product`)}.${mac}`,
      `${token.split(".")[0]}.${(mac[0] === "A" ? "B" : "A") + mac.slice(1)}`,
      signUnsubscribeToken("some-other-secret-that-is-long-enough!!", kim.id, "review"),
      "",
    ]) {
      expect(await applyUnsubscribe(forged), forged).toBeNull();
      const res = await unsubscribePost(
        new NextRequest(
          `http://localhost:3000/api/unsubscribe?token=${encodeURIComponent(forged)}`,
          {
            method: "POST",
            body: "List-Unsubscribe=One-Click",
          },
        ),
      );
      expect(res.status).toBe(400);
    }
    expect(await rowCount()).toBe(before);
    expect(await prefsOf(kim)).toEqual({
      product: true,
      team: true,
      review: true,
      publishing: true,
    });
    expect((await prefsOf(judy)).review).toBe(true);
  });
});
