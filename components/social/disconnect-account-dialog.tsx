"use client";
// Disconnect an account after a confirmation that says what happens to the posts waiting on it. A
// native modal <dialog>: the browser traps focus and makes the page behind it inert; Escape and
// Cancel close it (not while the request runs); "Cancel" has the focus, so Enter keeps the account.
import { Loader2, Unplug } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { disconnectConsequence } from "@/components/social/account-groups";
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (!pending) dialogRef.current?.close();
  };

  async function disconnect() {
    if (pending) return;
    setPending(true);
    setError(null);
    const res = await disconnectAccountAction(idleState, { org, accountId: account.id }).catch(
      () => null,
    );
    setPending(false);
    if (res?.status !== "success") {
      setError(
        res?.status === "error"
          ? res.message
          : "Not disconnected: the server could not be reached. Try again.",
      );
      return;
    }
    dialogRef.current?.close();
    onDisconnected(res.data, account.displayName);
  }

  return (
    <>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        className="text-destructive hover:text-destructive"
        aria-label={`Disconnect ${account.displayName}`}
        aria-haspopup="dialog"
        onClick={() => {
          setError(null);
          dialogRef.current?.showModal();
        }}
      >
        <Unplug aria-hidden="true" />
        Disconnect
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        data-testid="disconnect-dialog"
        onCancel={(e) => {
          if (pending) e.preventDefault();
        }}
        onClick={(e) => {
          // A click on the backdrop (the dialog element itself, outside its content) closes it.
          if (e.target === dialogRef.current) close();
        }}
        className="m-auto w-[min(95vw,30rem)] rounded-xl border bg-background p-0 text-foreground shadow-xl backdrop:bg-black/50"
      >
        <div className="grid gap-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            Disconnect {account.displayName}?
          </h2>
          <div className="grid gap-2 text-sm">
            <p id={descriptionId} data-testid="disconnect-consequence">
              {ownerName ? `This is ${ownerName}'s account. ` : null}
              {disconnectConsequence(account.scheduledCount)}
            </p>
            <p className="text-muted-foreground">
              Ghostart forgets its access to the account. It can be connected again at any time.
            </p>
          </div>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" autoFocus disabled={pending} onClick={close}>
              Cancel
            </Button>
            <Button
              type="button"
              variant="destructive"
              aria-busy={pending || undefined}
              onClick={() => void disconnect()}
            >
              {pending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
              Disconnect
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
