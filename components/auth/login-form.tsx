"use client";
import Link from "next/link";
import { useActionState } from "react";
import { FormAlert, fieldError, fieldValue } from "@/components/forms/form-alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { signInAction } from "@/lib/auth/actions";

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction] = useActionState(signInAction, idleState);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next ?? ""} />
      <FormField id="email" label="Email" error={fieldError(state, "email")}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={fieldValue(state, "email")}
        />
      </FormField>
      <FormField id="password" label="Password" error={fieldError(state, "password")}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <div className="flex justify-end text-sm">
        <Link href="/forgot-password" className="text-primary underline-offset-4 hover:underline">
          Forgot your password?
        </Link>
      </div>
      <SubmitButton pendingText="Logging in…">Log in</SubmitButton>
    </form>
  );
}
