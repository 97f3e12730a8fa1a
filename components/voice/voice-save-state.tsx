import { AlertCircle, Check, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { SaveState } from "@/components/voice/use-voice-save";

const text: Record<SaveState["kind"], string> = {
  idle: "",
  pending: "Unsaved changes",
  saving: "Saving…",
  saved: "Saved",
  error: "Not saved",
};

/** The autosave indicator: `data-state` is idle, pending, saving, saved or error. */
export function VoiceSaveState({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <div
      data-testid="voice-save-state"
      data-state={state.kind}
      role="status"
      className="flex min-h-8 items-center gap-2 text-sm text-muted-foreground"
    >
      {state.kind === "saving" ? (
        <Loader2 aria-hidden="true" className="size-4 animate-spin" />
      ) : null}
      {state.kind === "saved" ? <Check aria-hidden="true" className="size-4 text-success" /> : null}
      {state.kind === "error" ? (
        <>
          <AlertCircle aria-hidden="true" className="size-4 text-destructive" />
          <span className="text-destructive">
            {text.error}: {state.message}
          </span>
          {state.canRetry ? (
            <Button type="button" size="sm" variant="outline" onClick={onRetry}>
              Try again
            </Button>
          ) : null}
        </>
      ) : (
        <span>{text[state.kind]}</span>
      )}
    </div>
  );
}
