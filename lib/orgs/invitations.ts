// Invitations: create (one or many), resend, revoke, preview by token and accept. The rules live in
// the database functions (20261122001000_teams.sql); this module hashes tokens and sends the emails.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { withAdmin } from "@/lib/db/admin";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { emailLog, type OrgRole } from "@/lib/db/schema";
import { sendEmailJob } from "@/lib/email/send-email";
import { AppError, fromDbError } from "@/lib/errors";
import { describeLineErrors, parseInviteList } from "@/lib/orgs/invite-list";
import { roleLabels } from "@/lib/orgs/permissions";

export const INVITATION_TTL_DAYS = 7;

type Meta = { requestId: string | null; ip: string | null };
type InvitationRow = {
  id: string;
  email: string;
  role: OrgRole;
  send_count: number;
  expires_at: string;
};

export const hashInvitationToken = (token: string) =>
  createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
const expiry = () => new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);

async function queueInvitationEmail(
  org: { id: string; name: string },
  inviterName: string | null,
  inv: InvitationRow,
  token: string,
) {
  // email_log is system-written: the row carries the raw token the link needs, and nobody but the
  // worker reads it. Dedupe per send so a retried request does not send twice.
  const [row] = await withAdmin((tx) =>
    tx
      .insert(emailLog)
      .values({
        orgId: org.id,
        template: "invitation",
        toEmail: inv.email,
        data: {
          orgName: org.name,
          inviterName,
          roleLabel: roleLabels[inv.role],
          token,
          expiresAt: new Date(inv.expires_at).toISOString(),
        },
        dedupeKey: `invitation-${inv.id}-${inv.send_count}`,
      })
      .onConflictDoNothing()
      .returning({ id: emailLog.id }),
  );
  if (row) await sendEmailJob.enqueue({ emailId: row.id });
}

async function inviterName(claims: JwtClaims): Promise<string | null> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<{ name: string | null }>(
      sql`select coalesce(full_name, email) as name from public.profiles where id = auth.uid()`,
    ),
  );
  return [...rows][0]?.name ?? null;
}

/**
 * Invites every address in `list` with `role`, all or nothing: when any line is malformed or refused
 * by the database (already a member, already invited), nobody is invited and every failing line is
 * reported.
 */
export async function inviteMembers(
  claims: JwtClaims,
  org: { id: string; name: string },
  input: { list: string; role: OrgRole },
  meta: Meta,
): Promise<{ invited: string[] }> {
  const parsed = parseInviteList(input.list);
  if (parsed.hasErrors) {
    const message = describeLineErrors(parsed.entries) || "Enter at least one email address.";
    throw new AppError("validation_failed", "Fix the list; nobody was invited.", {
      fieldErrors: { emails: message },
    });
  }
  const created: { inv: InvitationRow; token: string }[] = [];
  const lineErrors: string[] = [];
  try {
    await withRls(claims, async (tx) => {
      for (const entry of parsed.entries) {
        const token = newToken();
        try {
          // A savepoint per line: collect every refusal, then roll the whole batch back.
          const rows = await tx.transaction((sp) =>
            sp.execute<InvitationRow>(sql`
              select id, email, role, send_count, expires_at from app.create_invitation(
                ${org.id}::uuid, ${entry.email!}, ${input.role}::public.org_role, ${hashInvitationToken(token)},
                ${expiry().toISOString()}::timestamptz, ${meta.requestId}, ${meta.ip}::inet)`),
          );
          created.push({ inv: [...rows][0]!, token });
        } catch (err) {
          const known = fromDbError(err);
          // Refusals about the caller or the role apply to every line: stop with them.
          if (!known || known.code === "forbidden" || known.code === "rule_violation")
            throw known ?? err;
          lineErrors.push(`Line ${entry.line}: ${known.message}`);
        }
      }
      if (lineErrors.length) throw new AppError("conflict", "rollback");
    });
  } catch (err) {
    if (lineErrors.length) {
      throw new AppError("conflict", "Fix the list; nobody was invited.", {
        fieldErrors: { emails: lineErrors.join("\n") },
      });
    }
    throw err instanceof AppError ? err : (fromDbError(err) ?? err);
  }
  const name = await inviterName(claims);
  for (const { inv, token } of created) await queueInvitationEmail(org, name, inv, token);
  return { invited: created.map((c) => c.inv.email) };
}

export async function resendInvitation(
  claims: JwtClaims,
  org: { id: string; name: string },
  invitationId: string,
  meta: Meta,
) {
  const token = newToken();
  try {
    const rows = await withRls(claims, (tx) =>
      tx.execute<InvitationRow>(sql`
        select id, email, role, send_count, expires_at from app.renew_invitation(
          ${invitationId}::uuid, ${hashInvitationToken(token)}, ${expiry().toISOString()}::timestamptz, ${meta.requestId}, ${meta.ip}::inet)`),
    );
    await queueInvitationEmail(org, await inviterName(claims), [...rows][0]!, token);
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
}

export async function revokeInvitation(claims: JwtClaims, invitationId: string, meta: Meta) {
  try {
    await withRls(claims, (tx) =>
      tx.execute(
        sql`select app.revoke_invitation(${invitationId}::uuid, ${meta.requestId}, ${meta.ip}::inet)`,
      ),
    );
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
}

export async function acceptInvitation(
  claims: JwtClaims,
  token: string,
  meta: Meta,
): Promise<string> {
  try {
    const rows = await withRls(claims, (tx) =>
      tx.execute<{ slug: string }>(
        sql`select app.accept_invitation(${hashInvitationToken(token)}, ${meta.requestId}, ${meta.ip}::inet) as slug`,
      ),
    );
    return [...rows][0]!.slug;
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
}

export type InvitationPreview = {
  orgName: string;
  email: string;
  roleLabel: string;
  inviterName: string | null;
  status: "pending" | "expired" | "revoked" | "accepted" | "org_deleted";
};

/**
 * What an invitation link offers, for the acceptance page, before the visitor has an account. The
 * token is the credential here (as a signature is for a webhook), so this reads as the system.
 */
export async function getInvitationPreview(token: string): Promise<InvitationPreview | null> {
  if (token.length < 20 || token.length > 100) return null;
  const rows = await withAdmin((tx) =>
    tx.execute<{
      org_name: string;
      email: string;
      role: OrgRole;
      inviter: string | null;
      expires_at: string;
      accepted_at: string | null;
      revoked_at: string | null;
      deleted_at: string | null;
    }>(sql`
      select o.name as org_name, i.email, i.role, coalesce(p.full_name, p.email) as inviter, i.expires_at, i.accepted_at, i.revoked_at, o.deleted_at
      from public.invitations i
      join public.organizations o on o.id = i.org_id
      left join public.profiles p on p.id = i.invited_by
      where i.token_hash = ${hashInvitationToken(token)}`),
  );
  const r = [...rows][0];
  if (!r) return null;
  const status: InvitationPreview["status"] = r.deleted_at
    ? "org_deleted"
    : r.accepted_at
      ? "accepted"
      : r.revoked_at
        ? "revoked"
        : new Date(r.expires_at) <= new Date()
          ? "expired"
          : "pending";
  return {
    orgName: r.org_name,
    email: r.email,
    roleLabel: roleLabels[r.role],
    inviterName: r.inviter,
    status,
  };
}
