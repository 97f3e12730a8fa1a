"use client";
// Disconnect an account after a confirmation that says what happens to the posts waiting on it.
import { Unplug } from "lucide-react";
import { disconnectConsequence } from "@/components/social/account-groups";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { idleState } from "@/lib/actions/state";
import { disconnectAccountAction } from "@/lib/publishing/actions";
import type { SocialAccountItem } from "@/lib/social/accounts";

export function DisconnectAccountDialog({
  org,
  account,
  ownerName,
  onDisconnected,
}: {
  org: string;
  account: Pick<SocialAccountItem, "id" | "displayName" | "scheduledCount">;
  /** Whose account it is, when it is not the caller's own (an admin disconnecting it). */
  ownerName?: string;
  /** The org's accounts as they are after the disconnect. */
  onDisconnected: (accounts: SocialAccountItem[], displayName: string) => void;
}) {
  return (
    <ConfirmDialog
      testId="disconnect-dialog"
      trigger={
        <>
          <Unplug aria-hidden="true" />
          Disconnect
        </>
      }
      triggerProps={{ size: "sm", "aria-label": `Disconnect ${account.displayName}` }}
      title={`Disconnect ${account.displayName}?`}
      description={
        <>
          <p data-testid="disconnect-consequence">
            {ownerName ? `This is ${ownerName}'s account. ` : null}
            {disconnectConsequence(account.scheduledCount)}
          </p>
          <p className="text-muted-foreground">
            Ghostart forgets its access to the account. It can be connected again at any time.
          </p>
        </>
      }
      confirmLabel="Disconnect"
      onConfirm={async () => {
        const res = await disconnectAccountAction(idleState, { org, accountId: account.id });
        if (res.status !== "success")
          return res.status === "error" ? res.message : "Not disconnected. Try again.";
        onDisconnected(res.data, account.displayName);
        return null;
      }}
    />
  );
}
