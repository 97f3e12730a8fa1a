"use client";
// Settings → Reviews: whether a post needs an approval before it can be scheduled, and whether the
// person it is for must be one of the approvers. Owners and admins change them; others read them.
import { Loader2 } from "lucide-react";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { idleState, type ActionState } from "@/lib/actions/state";
import { saveReviewSettingsAction } from "@/lib/reviews/actions";
import type { ReviewSettings } from "@/lib/reviews/schemas";

export function ReviewSettingsCard({
  org,
  initial,
  canEdit,
}: {
  org: string;
  initial: ReviewSettings;
  canEdit: boolean;
}) {
  const [saved, setSaved] = useState(initial);
  const [requireApproval, setRequireApproval] = useState(initial.requireApproval);
  const [requireMember, setRequireMember] = useState(initial.requireMemberApproval);
  const [state, setState] = useState<ActionState<ReviewSettings>>(idleState);
  const [pending, startTransition] = useTransition();
  // Member approval is a kind of approval: without approval it is off (and saved off).
  const memberOn = requireApproval && requireMember;
  const dirty =
    requireApproval !== saved.requireApproval || memberOn !== saved.requireMemberApproval;

  const save = () =>
    startTransition(async () => {
      const res = await saveReviewSettingsAction(idleState, {
        org,
        requireApproval,
        requireMemberApproval: memberOn,
      }).catch((): ActionState<ReviewSettings> => ({
        status: "error",
        code: "internal",
        message: "Not saved: the server could not be reached. Try again.",
      }));
      setState(res);
      if (res.status === "success") {
        setSaved(res.data);
        setRequireApproval(res.data.requireApproval);
        setRequireMember(res.data.requireMemberApproval);
      }
    });

  return (
    <Card data-testid="review-settings">
      <CardHeader>
        <CardTitle as="h2">Reviews</CardTitle>
        <CardDescription>Who has to approve a post before it goes out.</CardDescription>
      </CardHeader>
      <CardContent>
        {canEdit ? (
          <form
            className="grid gap-5"
            aria-label="Review rules"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <FormAlert state={state} />
            <fieldset className="grid gap-4" disabled={pending}>
              <legend className="sr-only">Approval rules</legend>
              <CheckboxRow
                id="review-require-approval"
                label="Require approval before scheduling"
                hint="Someone other than the author — an owner, admin or brand creator, or the person the post is for — approves the current text."
                checked={requireApproval}
                onChange={setRequireApproval}
              />
              <CheckboxRow
                id="review-require-member-approval"
                label="The person a post is for must approve it too"
                hint={
                  requireApproval
                    ? "When someone writes a post for a colleague, that colleague's approval is one of them."
                    : "Turn on approval before scheduling first."
                }
                checked={memberOn}
                disabled={!requireApproval}
                onChange={setRequireMember}
              />
            </fieldset>
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={pending || !dirty} aria-busy={pending || undefined}>
                {pending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
                {pending ? "Saving…" : "Save review rules"}
              </Button>
              <span className="text-sm text-muted-foreground" role="status">
                {dirty
                  ? "Unsaved changes"
                  : state.status === "success"
                    ? "Review rules saved."
                    : ""}
              </span>
            </div>
          </form>
        ) : (
          <dl className="grid gap-3 text-sm" data-testid="review-settings-read-only">
            <div className="flex flex-wrap justify-between gap-2">
              <dt className="text-muted-foreground">Approval before scheduling</dt>
              <dd className="font-medium">{saved.requireApproval ? "Required" : "Not required"}</dd>
            </div>
            <div className="flex flex-wrap justify-between gap-2">
              <dt className="text-muted-foreground">The person a post is for approves it too</dt>
              <dd className="font-medium">{saved.requireMemberApproval ? "Yes" : "No"}</dd>
            </div>
            <p className="text-muted-foreground">Owners and admins change these rules.</p>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}

function CheckboxRow({
  id,
  label,
  hint,
  checked,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        className="peer mt-0.5 size-4 shrink-0 accent-primary disabled:cursor-not-allowed"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div className="grid gap-1 peer-disabled:opacity-60">
        <label htmlFor={id} className="text-sm leading-none font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      </div>
    </div>
  );
}
