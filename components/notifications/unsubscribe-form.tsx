"use client";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { unsubscribeAction } from "@/lib/notifications/actions";

export function UnsubscribeForm({ token, label }: { token: string; label: string }) {
  const [state, formAction] = useActionState(unsubscribeAction, idleState);
  if (state.status === "success") {
    return (
      <Alert variant="success" data-testid="unsubscribed">
        <AlertDescription>
          Done: you will not get “{label}” emails any more. You can turn them back on in your email
          preferences at any time.
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <form action={formAction} className="grid gap-4">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Unsubscribing…">Unsubscribe</SubmitButton>
    </form>
  );
}
