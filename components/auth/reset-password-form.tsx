"use client";
import { useActionState } from "react";
import { FormAlert, fieldError } from "@/components/forms/form-alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { resetPasswordAction } from "@/lib/auth/actions";

export function ResetPasswordForm() {
  const [state, formAction] = useActionState(resetPasswordAction, idleState);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormAlert state={state} />
      <FormField
        id="password"
        label="New password"
        hint="At least 8 characters, with a letter and a number."
        error={fieldError(state, "password")}
      >
        <Input name="password" type="password" autoComplete="new-password" required />
      </FormField>
      <FormField
        id="confirmPassword"
        label="Repeat the new password"
        error={fieldError(state, "confirmPassword")}
      >
        <Input name="confirmPassword" type="password" autoComplete="new-password" required />
      </FormField>
      <SubmitButton pendingText="Saving…">Save new password</SubmitButton>
    </form>
  );
}
