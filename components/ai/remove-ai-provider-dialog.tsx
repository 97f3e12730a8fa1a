"use client";
// "Remove, use Ghostart's default" after a confirmation.
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeAiProviderAction } from "@/lib/ai/actions";
import { idleState } from "@/lib/actions/state";

export function RemoveAiProviderDialog({ org, onRemoved }: { org: string; onRemoved: () => void }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      testId="ai-provider-remove-dialog"
      trigger={
        <>
          <Trash2 aria-hidden="true" />
          Remove, use Ghostart&apos;s default
        </>
      }
      triggerTestId="ai-provider-remove"
      title="Remove your AI provider?"
      description={
        <p>
          New drafts and edits go back to Ghostart&apos;s default model. The stored key is deleted:
          to use this provider again, enter it again.
        </p>
      }
      confirmLabel="Remove"
      onConfirm={async () => {
        const res = await removeAiProviderAction(idleState, { org });
        if (res.status !== "success")
          return res.status === "error" ? res.message : "Not removed. Try again.";
        onRemoved();
        router.refresh();
        return null;
      }}
    />
  );
}
