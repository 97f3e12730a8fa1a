"use client";
import { useActionState, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OrgRole } from "@/lib/db/schema";
import { idleState, type ActionState } from "@/lib/actions/state";
import { roleLabels } from "@/lib/orgs/permissions";
import { changeRoleAction, leaveOrgAction, removeMemberAction } from "@/lib/orgs/team-actions";

type Target = { userId: string; name: string; role: OrgRole };

export function MemberRoleForm({
  org,
  member,
  roles,
}: {
  org: string;
  member: Target;
  roles: OrgRole[];
}) {
  const [state, formAction] = useActionState(changeRoleAction, idleState);
  const options = roles.includes(member.role) ? roles : [member.role, ...roles];
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="userId" value={member.userId} />
      <NativeSelect
        name="role"
        defaultValue={member.role}
        aria-label={`Role of ${member.name}`}
        wrapperClassName="w-40"
      >
        {options.map((r) => (
          <NativeSelectOption key={r} value={r}>
            {roleLabels[r]}
          </NativeSelectOption>
        ))}
      </NativeSelect>
      <SubmitButton size="sm" variant="outline" pendingText="Saving…">
        Change role
      </SubmitButton>
      <div className="basis-full empty:hidden">
        <FormAlert state={state} />
      </div>
    </form>
  );
}

/** A destructive action behind an inline confirmation (no modal: keyboard and screen readers stay in place). */
function ConfirmingForm<T>({
  label,
  confirmLabel,
  question,
  action,
  fields,
}: {
  label: string;
  confirmLabel: string;
  question: string;
  action: (prev: ActionState<T>, raw: FormData) => Promise<ActionState<T>>;
  fields: Record<string, string>;
}) {
  const [state, formAction] = useActionState<ActionState<T>, FormData>(action, idleState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button
        type="button"
        size="sm"
        variant="ghost"
        className="text-destructive"
        onClick={() => setConfirming(true)}
      >
        {label}
      </Button>
    );
  }
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={question}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <span className="text-sm">{question}</span>
      <Button
        type="button"
        size="sm"
        variant="outline"
        onClick={() => setConfirming(false)}
        autoFocus
      >
        Cancel
      </Button>
      <SubmitButton size="sm" variant="destructive" pendingText="Working…">
        {confirmLabel}
      </SubmitButton>
      <div className="basis-full empty:hidden">
        <FormAlert state={state} />
      </div>
    </form>
  );
}

export function RemoveMemberButton({ org, member }: { org: string; member: Target }) {
  return (
    <ConfirmingForm
      label="Remove"
      confirmLabel="Remove"
      question={`Remove ${member.name} from the organization?`}
      action={removeMemberAction}
      fields={{ org, userId: member.userId }}
    />
  );
}

export function LeaveOrgButton({ org }: { org: string }) {
  return (
    <ConfirmingForm
      label="Leave organization"
      confirmLabel="Leave"
      question="Leave this organization? You will lose access until someone invites you again."
      action={leaveOrgAction}
      fields={{ org }}
    />
  );
}
