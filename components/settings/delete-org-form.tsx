"use client";
import { useActionState, useState } from "react";
import { FormAlert, fieldError } from "@/components/forms/form-alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { deleteOrgAction } from "@/lib/orgs/settings-actions";

export function DeleteOrgForm({ org }: { org: { slug: string; name: string } }) {
  const [state, formAction] = useActionState(deleteOrgAction, idleState);
  const [confirm, setConfirm] = useState("");
  const matches = confirm.trim() === org.slug;

  return (
    <form action={formAction} className="grid gap-4" noValidate aria-label="Delete organization">
      <input type="hidden" name="org" value={org.slug} />
      <div className="grid gap-2 text-sm">
        <p>
          Deleting <span className="font-medium">{org.name}</span> takes effect immediately:
        </p>
        <ul className="grid list-disc gap-1 pl-5 text-muted-foreground">
          <li>Every member loses access to it, its posts, calendar and media.</li>
          <li>Scheduled posts are not published, and pending invitations stop working.</li>
          <li>
            The address ghostart.app/{org.slug} stays reserved: no one, you included, can use it
            again.
          </li>
          <li>You cannot undo this from the app.</li>
        </ul>
      </div>
      <FormAlert
        state={state.status === "error" && state.fieldErrors?.confirm ? idleState : state}
      />
      <FormField
        id="delete-confirm"
        label={
          <span>
            Type <span className="font-mono font-semibold">{org.slug}</span> to confirm
          </span>
        }
        error={fieldError(state, "confirm")}
      >
        <Input
          name="confirm"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </FormField>
      <div>
        <SubmitButton variant="destructive" pendingText="Deleting…" disabled={!matches}>
          Delete this organization
        </SubmitButton>
      </div>
    </form>
  );
}
