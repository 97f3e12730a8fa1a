"use client";
// A destructive action behind a confirmation, as a native modal <dialog>: the browser traps focus and
// makes the page behind it inert; Escape, Cancel and the backdrop close it (not while the action
// runs); "Cancel" has the focus, so Enter keeps things as they are. The action answers null when
// done, or the message to show in the dialog.
import { Loader2 } from "lucide-react";
import { useId, useRef, useState, type ReactNode } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";

type Props = {
  /** The button that opens the dialog: its content and props (variant, size, aria-label…). */
  trigger: ReactNode;
  triggerProps?: Omit<ButtonProps, "onClick" | "children">;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<string | null>;
  /** The dialog's test id; its confirm button gets `<testId>-confirm`. */
  testId?: string;
  triggerTestId?: string;
};

export function ConfirmDialog(props: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (!pending) dialogRef.current?.close();
  };

  async function confirm() {
    if (pending) return;
    setPending(true);
    setError(null);
    const problem = await props
      .onConfirm()
      .catch(() => "It did not work: the server could not be reached. Try again.");
    setPending(false);
    if (problem) return setError(problem);
    dialogRef.current?.close();
  }

  return (
    <>
      <Button
        type="button"
        variant="ghost"
        className="text-destructive hover:text-destructive"
        aria-haspopup="dialog"
        {...props.triggerProps}
        data-testid={props.triggerTestId}
        onClick={() => {
          setError(null);
          dialogRef.current?.showModal();
        }}
      >
        {props.trigger}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        data-testid={props.testId}
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
            {props.title}
          </h2>
          <div id={descriptionId} className="grid gap-2 text-sm">
            {props.description}
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
              data-testid={props.testId ? `${props.testId}-confirm` : undefined}
              onClick={() => void confirm()}
            >
              {pending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
              {props.confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
