"use client";
// "Remove, use Ghostart's default" after a confirmation. A native modal <dialog> (as disconnecting
// an account): the browser traps focus, Escape and Cancel close it, and Cancel has the focus.
import { Loader2, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { removeAiProviderAction } from "@/lib/ai/actions";
import { idleState } from "@/lib/actions/state";

export function RemoveAiProviderDialog({ org, onRemoved }: { org: string; onRemoved: () => void }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (!pending) dialogRef.current?.close();
  };

  async function remove() {
    if (pending) return;
    setPending(true);
    setError(null);
    const res = await removeAiProviderAction(idleState, { org }).catch(() => null);
    setPending(false);
    if (res?.status !== "success") {
      setError(
        res?.status === "error"
          ? res.message
          : "Not removed: the server could not be reached. Try again.",
      );
      return;
    }
    dialogRef.current?.close();
    onRemoved();
    router.refresh();
  }

  return (
    <>
      <Button
        type="button"
        variant="ghost"
        className="text-destructive hover:text-destructive"
        aria-haspopup="dialog"
        data-testid="ai-provider-remove"
        onClick={() => {
          setError(null);
          dialogRef.current?.showModal();
        }}
      >
        <Trash2 aria-hidden="true" />
        Remove, use Ghostart&apos;s default
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        data-testid="ai-provider-remove-dialog"
        onCancel={(e) => {
          if (pending) e.preventDefault();
        }}
        onClick={(e) => {
          if (e.target === dialogRef.current) close();
        }}
        className="m-auto w-[min(95vw,30rem)] rounded-xl border bg-background p-0 text-foreground shadow-xl backdrop:bg-black/50"
      >
        <div className="grid gap-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            Remove your AI provider?
          </h2>
          <p id={descriptionId} className="text-sm">
            New drafts and edits go back to Ghostart&apos;s default model. The stored key is
            deleted: to use this provider again, enter it again.
          </p>
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
              data-testid="ai-provider-remove-confirm"
              onClick={() => void remove()}
            >
              {pending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
              Remove
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
