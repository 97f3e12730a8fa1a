"use client";
import { useActionState } from "react";
import { FormAlert, fieldError, fieldValue } from "@/components/forms/form-alert";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import type { OrgRole } from "@/lib/db/schema";
import { idleState } from "@/lib/actions/state";
import { roleDescriptions, roleLabels } from "@/lib/orgs/permissions";
import { inviteMembersAction } from "@/lib/orgs/team-actions";

export function InviteForm({ org, roles }: { org: string; roles: OrgRole[] }) {
  const [state, formAction] = useActionState(inviteMembersAction, idleState);
  const defaultRole = roles.includes("employee") ? "employee" : roles.at(-1);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="org" value={org} />
      {state.status === "success" ? (
        <Alert variant="success" data-testid="invite-success">
          <AlertDescription>
            Invited {state.data.invited.join(", ")}. They have an email with a link that works for 7
            days.
          </AlertDescription>
        </Alert>
      ) : (
        <FormAlert state={state} />
      )}
      <FormField
        id="emails"
        label="Email addresses"
        hint="One per line, or separated by commas. “Name <email>” works too. Up to 50 at a time."
        error={fieldError(state, "emails")}
      >
        <Textarea
          name="emails"
          rows={4}
          required
          defaultValue={state.status === "success" ? "" : fieldValue(state, "emails")}
          placeholder={"alex@example.com\nSam Rivera <sam@example.com>"}
        />
      </FormField>
      <FormField id="role" label="Role" error={fieldError(state, "role")}>
        <NativeSelect name="role" defaultValue={fieldValue(state, "role") ?? defaultRole}>
          {roles.map((r) => (
            <NativeSelectOption key={r} value={r}>
              {roleLabels[r]} — {roleDescriptions[r]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <SubmitButton pendingText="Sending invitations…" className="justify-self-start">
        Send invitations
      </SubmitButton>
    </form>
  );
}
