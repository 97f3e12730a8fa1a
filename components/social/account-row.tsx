"use client";
// One connected account in a list of the Accounts page: picture, name and handle, network, who
// connected it (in the shared lists), when, the posts waiting on it, its status, and the actions the
// caller may take on it.
import { AccountAvatar } from "@/components/social/account-avatar";
import { scheduledPostsText } from "@/components/social/account-groups";
import { AccountStatusBadge } from "@/components/social/account-status-badge";
import { DisconnectAccountDialog } from "@/components/social/disconnect-account-dialog";
import { formatOrgDate, networkLabel } from "@/components/social/format";
import { OAuthConnectForm } from "@/components/social/oauth-connect-form";
import type { SocialAccountItem } from "@/lib/social/accounts";

export type AccountRowActions = {
  /** Offer "Reconnect" (LinkedIn and X): null = not the caller's to reconnect; a string = why not. */
  reconnect: { blockedBy: string | null } | null;
  disconnect: boolean;
};

export function AccountRow({
  org,
  account,
  timeZone,
  actions,
  showOwner = false,
  onDisconnected,
}: {
  org: string;
  account: SocialAccountItem;
  timeZone: string;
  actions: AccountRowActions;
  /** Say whose account it is (other members' accounts, company pages). */
  showOwner?: boolean;
  onDisconnected: (accounts: SocialAccountItem[], displayName: string) => void;
}) {
  const owner = account.userName ?? "A former member";
  const network = account.network;
  const needsAttention = account.status !== "active";
  const reason =
    account.statusReason && account.statusReason !== "Disconnected" ? account.statusReason : null;

  return (
    <li
      className="flex flex-wrap items-center gap-3 py-3"
      data-testid="account-row"
      data-network={network}
      data-kind={account.kind}
      data-status={account.status}
      data-account-id={account.id}
    >
      <AccountAvatar name={account.displayName} url={account.avatarUrl} />
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium">
          {account.displayName}
          {account.handle ? (
            <span className="font-normal text-muted-foreground"> @{account.handle}</span>
          ) : null}
        </p>
        <p className="text-sm text-muted-foreground">
          {networkLabel(network)}
          {account.kind === "organization" ? " company page" : null}
          {showOwner ? (
            <>
              {" · "}
              {account.kind === "organization" ? `connected by ${owner}` : owner}
            </>
          ) : null}
          {" · connected "}
          <time dateTime={account.connectedAt} suppressHydrationWarning>
            {formatOrgDate(account.connectedAt, timeZone)}
          </time>
          {" · "}
          <span data-testid="scheduled-count">{scheduledPostsText(account.scheduledCount)}</span>
        </p>
        {reason && needsAttention ? (
          <p
            className={
              account.status === "needs_reauth"
                ? "text-sm text-amber-800 dark:text-amber-300"
                : "text-sm text-muted-foreground"
            }
            data-testid="account-status-reason"
          >
            {reason}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <AccountStatusBadge status={account.status} />
        {actions.reconnect && (network === "linkedin" || network === "x") ? (
          actions.reconnect.blockedBy ? (
            needsAttention ? (
              <p className="max-w-xs text-sm text-muted-foreground">
                {actions.reconnect.blockedBy}
              </p>
            ) : null
          ) : (
            <OAuthConnectForm
              org={org}
              network={network}
              kind={account.kind}
              variant={needsAttention ? "default" : "outline"}
              aria-label={`Reconnect ${account.displayName}`}
            >
              Reconnect
            </OAuthConnectForm>
          )
        ) : null}
        {actions.disconnect ? (
          <DisconnectAccountDialog
            org={org}
            account={account}
            ownerName={
              showOwner && account.kind === "member" && account.userName
                ? account.userName
                : undefined
            }
            onDisconnected={onDisconnected}
          />
        ) : null}
      </div>
    </li>
  );
}
