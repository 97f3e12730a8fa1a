"use client";
import { useActionState } from "react";
import { FormAlert, fieldError, fieldValue } from "@/components/forms/form-alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { signUpAction } from "@/lib/auth/actions";

export function SignupForm({ next, email }: { next?: string; email?: string }) {
  const [state, formAction] = useActionState(signUpAction, idleState);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next ?? ""} />
      <FormField id="fullName" label="Your name" error={fieldError(state, "fullName")}>
        <Input
          name="fullName"
          autoComplete="name"
          required
          defaultValue={fieldValue(state, "fullName")}
        />
      </FormField>
      <FormField id="email" label="Work email" error={fieldError(state, "email")}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={fieldValue(state, "email") ?? email}
        />
      </FormField>
      <FormField
        id="password"
        label="Password"
        hint="At least 8 characters, with a letter and a number."
        error={fieldError(state, "password")}
      >
        <Input name="password" type="password" autoComplete="new-password" required />
      </FormField>
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
