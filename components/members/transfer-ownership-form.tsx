"use client";
import { useActionState } from "react";
import { FormAlert, fieldError } from "@/components/forms/form-alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { transferOwnershipAction } from "@/lib/orgs/team-actions";

export function TransferOwnershipForm({
  org,
  candidates,
}: {
  org: string;
  candidates: { userId: string; name: string }[];
}) {
  const [state, formAction] = useActionState(transferOwnershipAction, idleState);
  if (state.status === "success")
    return <p className="text-sm">Ownership transferred. You are now an admin.</p>;
  return (
    <form action={formAction} className="grid gap-4 sm:max-w-md" noValidate>
      <input type="hidden" name="org" value={org} />
      <FormAlert state={state} />
      <FormField id="transfer-user" label="New owner" error={fieldError(state, "userId")}>
        <NativeSelect name="userId">
          {candidates.map((c) => (
            <NativeSelectOption key={c.userId} value={c.userId}>
              {c.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <FormField
        id="transfer-confirm"
        label={`Type ${org} to confirm`}
        error={fieldError(state, "confirm")}
      >
        <Input name="confirm" autoComplete="off" />
      </FormField>
      <SubmitButton
        variant="destructive"
        pendingText="Transferring…"
        className="justify-self-start"
      >
        Transfer ownership
      </SubmitButton>
    </form>
  );
}
