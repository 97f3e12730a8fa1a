import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues } from "@/lib/jobs/queues";
import {
  acceptInvitation,
  hashInvitationToken,
  inviteMembers,
  resendInvitation,
  revokeInvitation,
} from "@/lib/orgs/invitations";
import { changeMemberRole, listMembers, removeMember, transferOwnership } from "@/lib/orgs/members";
import { closeRedis } from "@/lib/redis";
import {
  claimsFor,
  seedOrg,
  seedUser,
  type OrgRoleName,
  type SeededOrg,
  type SeededUser,
} from "../../scripts/db/fixtures";
import { testDb } from "../helpers/db";

const su = postgres(testDb().superUrl, { max: 2, onnotice: () => {} });
const meta = { requestId: "req-teams", ip: "203.0.113.9" };
let owner: SeededUser, admin: SeededUser, creator: SeededUser, org: SeededOrg;
let n = 0;

async function freshOrg(members: { user: SeededUser; role: OrgRoleName }[]) {
  n += 1;
  return seedOrg(su, {
    name: `Team ${n}`,
    slug: `team-${n}`,
    members: members.map((m) => ({ userId: m.user.id, role: m.role })),
  });
}

/** The raw token of the invitation to `email`, read back from the queued email (the database keeps only its hash). */
async function tokenFor(email: string): Promise<string> {
  const [row] =
    await su`select data->>'token' as token from public.email_log where template = 'invitation' and to_email = ${email} order by created_at desc limit 1`;
  return row!.token as string;
}

const auditActions = async (orgId: string) =>
  (
    await su`select action, request_id, host(ip) as ip from public.activity_log where org_id = ${orgId} order by id`
  ).map((r) => r.action);

beforeAll(async () => {
  owner = await seedUser(su, { email: "owner@team.test", fullName: "Olga Owner" });
  admin = await seedUser(su, { email: "admin@team.test" });
  creator = await seedUser(su, { email: "creator@team.test" });
  org = await freshOrg([
    { user: owner, role: "owner" },
    { user: admin, role: "admin" },
    { user: creator, role: "brand_creator" },
  ]);
});

afterAll(async () => {
  await closeQueues();
  await closeRedis();
  await su.end();
});

describe("invitations", () => {
  it("invites a list all or nothing, reporting every refused line", async () => {
    const res = inviteMembers(
      claimsFor(owner),
      org,
      { list: "new1@team.test\nadmin@team.test\nnew2@team.test", role: "employee" },
      meta,
    );
    await expect(res).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { emails: "Line 2: admin@team.test is already a member." },
    });
    expect(await su`select 1 from public.invitations where org_id = ${org.id}`).toHaveLength(0);

    const ok = await inviteMembers(
      claimsFor(owner),
      org,
      { list: "new1@team.test, New Two <new2@team.test>", role: "employee" },
      meta,
    );
    expect(ok.invited).toEqual(["new1@team.test", "new2@team.test"]);
    const rows =
      await su`select email, role, token_hash from public.invitations where org_id = ${org.id} order by email`;
    expect(rows.map((r) => [r.email, r.role])).toEqual([
      ["new1@team.test", "employee"],
      ["new2@team.test", "employee"],
    ]);
    // Only the hash is stored; the email carries the token.
    expect(rows[0]!.token_hash).toBe(hashInvitationToken(await tokenFor("new1@team.test")));
  });

  it("refuses a duplicate pending invitation and malformed lines, changing nothing", async () => {
    await expect(
      inviteMembers(claimsFor(owner), org, { list: "new1@team.test", role: "viewer" }, meta),
    ).rejects.toMatchObject({
      fieldErrors: { emails: "Line 1: new1@team.test already has a pending invitation." },
    });
    await expect(
      inviteMembers(
        claimsFor(owner),
        org,
        { list: "ok@team.test\nnope\nx@mailinator.com", role: "viewer" },
        meta,
      ),
    ).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(await su`select 1 from public.invitations where email = 'ok@team.test'`).toHaveLength(0);
  });

  it("stops an admin granting a role above their own and a creator inviting at all", async () => {
    await expect(
      inviteMembers(claimsFor(admin), org, { list: "boss@team.test", role: "owner" }, meta),
    ).rejects.toMatchObject({ code: "rule_violation" });
    await expect(
      inviteMembers(claimsFor(creator), org, { list: "friend@team.test", role: "viewer" }, meta),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lands the invitee in the right org with the right role, once, and only for the invited address", async () => {
    const invitee = await seedUser(su, { email: "new1@team.test" });
    const stranger = await seedUser(su, { email: "stranger@team.test" });
    const token = await tokenFor("new1@team.test");
    await expect(acceptInvitation(claimsFor(stranger), token, meta)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await acceptInvitation(claimsFor(invitee), token, meta)).toBe(org.slug);
    expect(await acceptInvitation(claimsFor(invitee), token, meta)).toBe(org.slug); // a second click is harmless
    const [m] =
      await su`select role from public.memberships where org_id = ${org.id} and user_id = ${invitee.id}`;
    expect(m!.role).toBe("employee");
    await expect(acceptInvitation(claimsFor(stranger), token, meta)).rejects.toMatchObject({
      code: "gone",
      message: "This invitation has already been used.",
    });
  });

  it("refuses expired and revoked invitations; resending issues a new link and kills the old one", async () => {
    const invitee = await seedUser(su, { email: "new2@team.test" });
    const [inv] = await su`select id from public.invitations where email = 'new2@team.test'`;
    const oldToken = await tokenFor("new2@team.test");
    await resendInvitation(claimsFor(admin), org, inv!.id, meta);
    const newToken = await tokenFor("new2@team.test");
    expect(newToken).not.toBe(oldToken);
    await expect(acceptInvitation(claimsFor(invitee), oldToken, meta)).rejects.toMatchObject({
      code: "not_found",
    });

    await su`update public.invitations set expires_at = now() - interval '1 minute' where id = ${inv!.id}`;
    await expect(acceptInvitation(claimsFor(invitee), newToken, meta)).rejects.toMatchObject({
      code: "gone",
      message: "This invitation has expired. Ask for a new one.",
    });
    await revokeInvitation(claimsFor(owner), inv!.id, meta);
    await expect(acceptInvitation(claimsFor(invitee), newToken, meta)).rejects.toMatchObject({
      code: "gone",
    });
    expect(await su`select 1 from public.memberships where user_id = ${invitee.id}`).toHaveLength(
      0,
    );
  });
});

describe("members", () => {
  it("never lets the last owner leave or be demoted, and nobody grants above their own role", async () => {
    const o = await seedUser(su, { email: "solo-owner@team.test" });
    const a = await seedUser(su, { email: "solo-admin@team.test" });
    const t = await freshOrg([
      { user: o, role: "owner" },
      { user: a, role: "admin" },
    ]);
    await expect(removeMember(claimsFor(o), t.id, o.id, meta)).rejects.toMatchObject({
      code: "rule_violation",
    });
    await expect(changeMemberRole(claimsFor(o), t.id, o.id, "admin", meta)).rejects.toMatchObject({
      code: "rule_violation",
    });
    await expect(changeMemberRole(claimsFor(a), t.id, a.id, "owner", meta)).rejects.toMatchObject({
      code: "rule_violation",
    });
    await expect(changeMemberRole(claimsFor(a), t.id, o.id, "viewer", meta)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(removeMember(claimsFor(a), t.id, o.id, meta)).rejects.toMatchObject({
      code: "rule_violation",
    });
    const roles = (await listMembers(claimsFor(o), t.id)).map((m) => [m.email, m.role]);
    expect(roles).toEqual([
      ["solo-owner@team.test", "owner"],
      ["solo-admin@team.test", "admin"],
    ]);
  });

  it("changes roles, removes, transfers ownership and leaves, each in the audit log with request id and IP", async () => {
    const o = await seedUser(su, { email: "flow-owner@team.test" });
    const a = await seedUser(su, { email: "flow-admin@team.test" });
    const e = await seedUser(su, { email: "flow-employee@team.test" });
    const t = await freshOrg([
      { user: o, role: "owner" },
      { user: a, role: "admin" },
      { user: e, role: "employee" },
    ]);
    await changeMemberRole(claimsFor(a), t.id, e.id, "viewer", meta);
    await transferOwnership(claimsFor(o), t.id, a.id, meta);
    await removeMember(claimsFor(a), t.id, e.id, meta);
    await removeMember(claimsFor(o), t.id, o.id, meta); // the former owner, now an admin, leaves
    expect((await listMembers(claimsFor(a), t.id)).map((m) => [m.email, m.role])).toEqual([
      ["flow-admin@team.test", "owner"],
    ]);
    expect(await auditActions(t.id)).toEqual([
      "member.role_changed",
      "org.ownership_transferred",
      "member.removed",
      "member.left",
    ]);
    const rows =
      await su`select distinct request_id, host(ip) as ip from public.activity_log where org_id = ${t.id}`;
    expect(rows).toEqual([{ request_id: "req-teams", ip: "203.0.113.9" }]);
  });

  it("refuses member changes from roles the matrix does not allow", async () => {
    const o = await seedUser(su, { email: "m-owner@team.test" });
    const c = await seedUser(su, { email: "m-creator@team.test" });
    const v = await seedUser(su, { email: "m-viewer@team.test" });
    const t = await freshOrg([
      { user: o, role: "owner" },
      { user: c, role: "brand_creator" },
      { user: v, role: "viewer" },
    ]);
    await expect(
      changeMemberRole(claimsFor(c), t.id, v.id, "employee", meta),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(claimsFor(v), t.id, c.id, meta)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(transferOwnership(claimsFor(c), t.id, c.id, meta)).rejects.toMatchObject({
      code: "forbidden",
    });
    // Another org's owner cannot touch this org at all.
    await expect(
      changeMemberRole(claimsFor(owner), t.id, v.id, "admin", meta),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
