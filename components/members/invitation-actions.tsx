"use client";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/orgs/team-actions";

export function InvitationActions({
  org,
  invitationId,
  email,
}: {
  org: string;
  invitationId: string;
  email: string;
}) {
  const [resendState, resend] = useActionState(resendInvitationAction, idleState);
  const [revokeState, revoke] = useActionState(revokeInvitationAction, idleState);
  return (
    <div className="grid justify-items-end gap-2">
      <div className="flex gap-2">
        <form action={resend}>
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="invitationId" value={invitationId} />
          <SubmitButton
            size="sm"
            variant="outline"
            pendingText="Sending…"
            aria-label={`Resend invitation to ${email}`}
          >
            {resendState.status === "success" ? "Sent again" : "Resend"}
          </SubmitButton>
        </form>
        <form action={revoke}>
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="invitationId" value={invitationId} />
          <SubmitButton
            size="sm"
            variant="ghost"
            className="text-destructive"
            pendingText="Revoking…"
            aria-label={`Revoke invitation to ${email}`}
          >
            Revoke
          </SubmitButton>
        </form>
      </div>
      <FormAlert state={resendState} />
      <FormAlert state={revokeState} />
    </div>
  );
}
