// tokens.refresh: renews an account's access token before it expires (the sweep adds the job a week
// ahead). New tokens are encrypted under the current key, which is also how values under a retired
// key get rewritten. A refresh token the network did not send again is kept, never erased. An
// account that cannot be renewed becomes `needs_reauth` and its member is told, once, before the
// token runs out; its scheduled posts show the problem on the calendar.
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getNow } from "@/lib/clock";
import { withAdmin } from "@/lib/db/admin";
import { defineJob } from "@/lib/jobs/registry";
import { noticeAccountNeedsReauth } from "@/lib/publishing/notices";
import { TokenDecryptError } from "@/lib/social/crypto";
import { networkLabels } from "@/lib/social/labels";
import { getNetworkClient } from "@/lib/social/networks";
import { openToken, sealToken, type AccountIdentity } from "@/lib/social/tokens";
import { PublishError, type SocialNetwork } from "@/lib/social/types";

type AccountRow = AccountIdentity & {
  id: string;
  orgSlug: string;
  network: SocialNetwork;
  userId: string | null;
  displayName: string;
  status: string;
  refreshTokenEnc: string | null;
  accessExpiresAt: string | null;
  reauthNotifiedAt: string | null;
};

export const tokenRefreshJob = defineJob({
  name: "tokens.refresh",
  queue: "system",
  schema: z.object({ accountId: z.uuid() }),
  async handler({ accountId }, { log }) {
    const [account] = [
      ...(await withAdmin((tx) =>
        tx.execute<AccountRow & Record<string, unknown>>(sql`
          select a.id, a.org_id as "orgId", o.slug as "orgSlug", a.network, a.kind,
                 a.external_id as "externalId", a.user_id as "userId", a.display_name as "displayName",
                 a.status, a.refresh_token_enc as "refreshTokenEnc",
                 a.access_expires_at as "accessExpiresAt", a.reauth_notified_at as "reauthNotifiedAt"
          from public.social_accounts a join public.organizations o on o.id = a.org_id
          where a.id = ${accountId}`),
      )),
    ];
    if (!account || account.status !== "active" || account.network === "sandbox") return;
    const network = networkLabels[account.network];
    const expiresAt = account.accessExpiresAt ? new Date(account.accessExpiresAt) : null;

    if (!account.refreshTokenEnc) {
      // LinkedIn gives refresh tokens to approved partners only: the member reconnects instead.
      if (expiresAt && expiresAt.getTime() <= getNow().getTime())
        return reauth(account, `The ${network} sign-in expired.`);
      if (!account.reauthNotifiedAt && expiresAt) await remindBeforeExpiry(account, expiresAt);
      return;
    }

    let refreshToken: string;
    try {
      refreshToken = openToken(account, "refresh", account.refreshTokenEnc);
    } catch (err) {
      if (!(err instanceof TokenDecryptError)) throw err; // missing keys: the operator's to fix
      return reauth(account, `The stored ${network} sign-in cannot be read any more.`);
    }
    try {
      const tokens = await getNetworkClient(account.network as "linkedin" | "x").refresh(
        refreshToken,
      );
      await withAdmin((tx) =>
        tx.execute(sql`
          update public.social_accounts
             set access_token_enc = ${sealToken(account, "access", tokens.accessToken)},
                 refresh_token_enc = coalesce(${tokens.refreshToken ? sealToken(account, "refresh", tokens.refreshToken) : null}, refresh_token_enc),
                 access_expires_at = now() + ${tokens.expiresIn} * interval '1 second',
                 refresh_expires_at = case when ${tokens.refreshToken ?? null}::text is null then refresh_expires_at
                                           when ${tokens.refreshExpiresIn ?? null}::int is null then null
                                           else now() + ${tokens.refreshExpiresIn ?? null}::int * interval '1 second' end,
                 refresh_checked_at = now(), status_reason = null
           where id = ${account.id} and status = 'active'`),
      );
      log.info("token refreshed", { accountId, network: account.network });
    } catch (err) {
      if (err instanceof PublishError && ourCredentialsRefused(err)) {
        // Our app's client id or secret is wrong: every account would fail alike, and reconnecting
        // would not help, so nobody is asked to; the operator reads this in the logs.
        log.error("token refresh refused the app's credentials", {
          accountId,
          network: account.network,
          code: err.networkCode,
        });
        return;
      }
      if (err instanceof PublishError && (err.kind === "auth" || err.kind === "rejected"))
        return reauth(account, `${network} no longer accepts the saved sign-in.`);
      throw err; // network trouble: BullMQ retries with backoff
    }
  },
});

const ourCredentialsRefused = (err: PublishError) =>
  err.networkCode === "invalid_client" || err.networkCode === "unauthorized_client";

async function reauth(account: AccountRow, reason: string) {
  const rows = await withAdmin((tx) =>
    tx.execute(sql`
      update public.social_accounts
         set status = 'needs_reauth', status_reason = ${reason}, reauth_notified_at = now()
       where id = ${account.id} and status = 'active' returning id`),
  );
  if ([...rows].length === 0) return;
  await noticeAccountNeedsReauth({
    orgId: account.orgId,
    orgSlug: account.orgSlug,
    accountId: account.id,
    network: account.network,
    accountName: account.displayName,
    userId: account.userId,
    reason,
  });
}

async function remindBeforeExpiry(account: AccountRow, expiresAt: Date) {
  const reason = `The ${networkLabels[account.network]} sign-in expires on ${expiresAt.toUTCString()}.`;
  await withAdmin((tx) =>
    tx.execute(sql`
      update public.social_accounts set reauth_notified_at = now(), status_reason = ${reason}
       where id = ${account.id}`),
  );
  await noticeAccountNeedsReauth({
    orgId: account.orgId,
    orgSlug: account.orgSlug,
    accountId: account.id,
    network: account.network,
    accountName: account.displayName,
    userId: account.userId,
    reason,
  });
}
