"use client";
import { useActionState } from "react";
import { FormAlert, fieldError, fieldValue } from "@/components/forms/form-alert";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { forgotPasswordAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const [state, formAction] = useActionState(forgotPasswordAction, idleState);
  if (state.status === "success") {
    return (
      <Alert variant="success">
        <AlertDescription>
          If an account exists for <strong>{state.data.email}</strong>, we sent it a link to choose
          a new password. The link works once, for one hour.
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormAlert state={state} />
      <FormField id="email" label="Email" error={fieldError(state, "email")}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={fieldValue(state, "email")}
        />
      </FormField>
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
