// The team: who is in an org, pending invitations, and the member operations. Every change goes
// through a database function that enforces the rules and writes the audit entry in the same
// transaction.
import "server-only";
import { sql } from "drizzle-orm";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import type { OrgRole } from "@/lib/db/schema";
import { fromDbError } from "@/lib/errors";

type Meta = { requestId: string | null; ip: string | null };

export type Member = {
  userId: string;
  email: string | null;
  fullName: string | null;
  role: OrgRole;
  joinedAt: string;
};
export type PendingInvitation = {
  id: string;
  email: string;
  role: OrgRole;
  invitedBy: string | null;
  expiresAt: string;
  lastSentAt: string;
  sendCount: number;
};

export async function listMembers(claims: JwtClaims, orgId: string): Promise<Member[]> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<Member>(sql`
      select m.user_id as "userId", p.email, p.full_name as "fullName", m.role, m.created_at as "joinedAt"
      from public.memberships m left join public.profiles p on p.id = m.user_id
      where m.org_id = ${orgId}
      order by app.role_rank(m.role) desc, coalesce(p.full_name, p.email)`),
  );
  return [...rows];
}

/** Pending invitations (owners and admins only: RLS answers nobody else). */
export async function listPendingInvitations(
  claims: JwtClaims,
  orgId: string,
): Promise<PendingInvitation[]> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<PendingInvitation>(sql`
      select i.id, i.email, i.role, coalesce(p.full_name, p.email) as "invitedBy", i.expires_at as "expiresAt",
             i.last_sent_at as "lastSentAt", i.send_count as "sendCount"
      from public.invitations i left join public.profiles p on p.id = i.invited_by
      where i.org_id = ${orgId} and i.accepted_at is null and i.revoked_at is null
      order by i.created_at desc`),
  );
  return [...rows];
}

async function call(claims: JwtClaims, statement: ReturnType<typeof sql>) {
  try {
    await withRls(claims, (tx) => tx.execute(statement));
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
}

export const changeMemberRole = (
  claims: JwtClaims,
  orgId: string,
  userId: string,
  role: OrgRole,
  m: Meta,
) =>
  call(
    claims,
    sql`select app.change_member_role(${orgId}::uuid, ${userId}::uuid, ${role}::public.org_role, ${m.requestId}, ${m.ip}::inet)`,
  );

/** Removes a member; with the caller's own id it is leaving. */
export const removeMember = (claims: JwtClaims, orgId: string, userId: string, m: Meta) =>
  call(
    claims,
    sql`select app.remove_member(${orgId}::uuid, ${userId}::uuid, ${m.requestId}, ${m.ip}::inet)`,
  );

export const transferOwnership = (claims: JwtClaims, orgId: string, userId: string, m: Meta) =>
  call(
    claims,
    sql`select app.transfer_ownership(${orgId}::uuid, ${userId}::uuid, ${m.requestId}, ${m.ip}::inet)`,
  );
