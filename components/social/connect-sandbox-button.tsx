"use client";
// "Connect Sandbox": connects the caller's account on the built-in practice network in place (no
// consent page: nothing leaves Ghostart) and hands the org's updated accounts to the page.
import { FlaskConical, Loader2 } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { idleState } from "@/lib/actions/state";
import { connectSandboxAction } from "@/lib/publishing/actions";
import type { SocialAccountItem } from "@/lib/social/accounts";

export function ConnectSandboxButton({
  org,
  onConnected,
}: {
  org: string;
  onConnected: (accounts: SocialAccountItem[]) => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function connect() {
    // Not `disabled` while pending: the button keeps the keyboard focus if the request fails.
    if (pending) return;
    setPending(true);
    setError(null);
    const res = await connectSandboxAction(idleState, { org }).catch(() => null);
    setPending(false);
    if (res?.status !== "success") {
      setError(
        res?.status === "error"
          ? res.message
          : "Not connected: the server could not be reached. Try again.",
      );
      return;
    }
    onConnected(res.data);
  }

  return (
    <div className="grid justify-items-start gap-2">
      <Button
        type="button"
        size="sm"
        aria-busy={pending || undefined}
        aria-disabled={pending || undefined}
        data-pending={pending || undefined}
        onClick={() => void connect()}
      >
        {pending ? (
          <Loader2 aria-hidden="true" className="animate-spin" />
        ) : (
          <FlaskConical aria-hidden="true" />
        )}
        Connect Sandbox
      </Button>
      {error ? (
        <Alert variant="destructive" data-testid="connect-sandbox-error">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
