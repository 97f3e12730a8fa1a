"use client";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { acceptInvitationAction } from "@/lib/orgs/team-actions";

export function AcceptInvitationForm({ token, orgName }: { token: string; orgName: string }) {
  const [state, formAction] = useActionState(acceptInvitationAction, idleState);
  return (
    <form action={formAction} className="grid gap-3">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Joining…">Join {orgName}</SubmitButton>
    </form>
  );
}
