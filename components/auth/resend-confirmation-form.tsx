"use client";
import { useActionState } from "react";
import { FormAlert, fieldError, fieldValue } from "@/components/forms/form-alert";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { resendConfirmationAction } from "@/lib/auth/actions";

export function ResendConfirmationForm() {
  const [state, formAction] = useActionState(resendConfirmationAction, idleState);
  if (state.status === "success") {
    return (
      <Alert variant="success">
        <AlertDescription>
          If {state.data.email} is waiting for confirmation, a new link is on its way.
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <form action={formAction} className="grid gap-3" noValidate>
      <FormAlert state={state} />
      <FormField
        id="email"
        label="Didn't get it? Send it again to"
        error={fieldError(state, "email")}
      >
        <Input
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={fieldValue(state, "email")}
        />
      </FormField>
      <SubmitButton variant="outline" pendingText="Sending…">
        Resend confirmation
      </SubmitButton>
    </form>
  );
}
