// Social accounts as the caller sees them (RLS: members read their org's accounts, never the token
// columns) and the writes, through the security definer functions of
// 20261122007000_social_publishing.sql. Tokens are encrypted here before they reach SQL.
import "server-only";
import { sql } from "drizzle-orm";
import { iso } from "@/lib/db/sql";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { AppError, fromDbError } from "@/lib/errors";
import type { AuditMeta } from "@/lib/posts/mutations";
import { sealToken } from "@/lib/social/tokens";
import type { AccountKind, SocialNetwork, SocialProfile, TokenSet } from "@/lib/social/types";

export type SocialAccountItem = {
  id: string;
  network: SocialNetwork;
  kind: AccountKind;
  userId: string | null;
  userName: string | null;
  externalId: string;
  displayName: string;
  handle: string | null;
  avatarUrl: string | null;
  scopes: string[];
  status: "active" | "needs_reauth" | "disconnected";
  statusReason: string | null;
  accessExpiresAt: string | null;
  connectedAt: string;
  /** Posts of the org still scheduled on this account (or that will resolve to it). */
  scheduledCount: number;
};

/** Every account of the org, connected first, then by network and name. */
export async function listAccounts(claims: JwtClaims, orgId: string): Promise<SocialAccountItem[]> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<SocialAccountItem & Record<string, unknown>>(sql`
      select a.id, a.network, a.kind, a.user_id as "userId",
             coalesce(nullif(btrim(pr.full_name), ''), pr.email) as "userName",
             a.external_id as "externalId", a.display_name as "displayName", a.handle,
             a.avatar_url as "avatarUrl", a.scopes, a.status, a.status_reason as "statusReason",
             ${iso("a.access_expires_at")} as "accessExpiresAt", ${iso("a.connected_at")} as "connectedAt",
             (select count(*)::int from public.post_targets t join public.posts p on p.id = t.post_id
               where t.org_id = a.org_id and t.network = a.network and t.status = 'scheduled'
                 and (t.social_account_id = a.id
                      or (t.social_account_id is null and a.kind = 'member'
                          and (p.on_behalf_of = a.user_id or a.network = 'sandbox')))) as "scheduledCount"
      from public.social_accounts a
      left join public.profiles pr on pr.id = a.user_id
      where a.org_id = ${orgId}
      order by (a.status = 'disconnected'), a.network, a.display_name`),
  );
  return [...rows];
}

export type ConnectInput = {
  orgId: string;
  network: SocialNetwork;
  kind: AccountKind;
  profile: SocialProfile;
  tokens: TokenSet | null;
};

/** Connects or reconnects; a refresh token already stored survives a reconnect that brings none. */
export async function connectAccount(
  claims: JwtClaims,
  input: ConnectInput,
  meta: AuditMeta,
): Promise<{ id: string; displayName: string }> {
  const identity = {
    orgId: input.orgId,
    network: input.network,
    kind: input.kind,
    externalId: input.profile.externalId,
  };
  const t = input.tokens;
  const access = t ? sealToken(identity, "access", t.accessToken) : null;
  const refresh = t?.refreshToken ? sealToken(identity, "refresh", t.refreshToken) : null;
  const accessExpires = t ? new Date(Date.now() + t.expiresIn * 1000).toISOString() : null;
  const refreshExpires =
    t?.refreshToken && t.refreshExpiresIn
      ? new Date(Date.now() + t.refreshExpiresIn * 1000).toISOString()
      : null;
  try {
    const rows = await withRls(claims, (tx) =>
      tx.execute<{ id: string; displayName: string }>(sql`
        select r.id, r.display_name as "displayName" from app.connect_social_account(
          ${input.orgId}::uuid, ${input.network}, ${input.kind}, ${input.profile.externalId},
          ${input.profile.name.slice(0, 200) || input.profile.externalId}, ${input.profile.handle},
          ${input.profile.avatarUrl},
          array(select jsonb_array_elements_text(${JSON.stringify(t?.scopes ?? [])}::jsonb)),
          ${access}, ${refresh},
          ${accessExpires}::timestamptz, ${refreshExpires}::timestamptz, ${meta.requestId}, ${meta.ip}::inet) r`),
    );
    return [...rows][0]!;
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
}

/** The built-in Sandbox network: one account per member, no credentials. */
export async function connectSandbox(
  claims: JwtClaims,
  orgId: string,
  user: { id: string; name: string },
  meta: AuditMeta,
) {
  return connectAccount(
    claims,
    {
      orgId,
      network: "sandbox",
      kind: "member",
      profile: {
        externalId: user.id,
        name: `${user.name} (Sandbox)`,
        handle: null,
        avatarUrl: null,
      },
      tokens: null,
    },
    meta,
  );
}

export async function disconnectAccount(
  claims: JwtClaims,
  orgId: string,
  accountId: string,
  meta: AuditMeta,
): Promise<void> {
  try {
    await withRls(claims, async (tx) => {
      const found = await tx.execute(
        sql`select 1 from public.social_accounts where id = ${accountId} and org_id = ${orgId}`,
      );
      if ([...found].length === 0) throw new AppError("not_found", "That account does not exist.");
      await tx.execute(
        sql`select app.disconnect_social_account(${accountId}::uuid, ${meta.requestId}, ${meta.ip}::inet)`,
      );
    });
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
}
