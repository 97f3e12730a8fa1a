"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { ColorSwatchPicker } from "@/components/campaigns/color-swatch-picker";
import { FormAlert, fieldError } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { idleState } from "@/lib/actions/state";
import { createCampaignAction, updateCampaignAction } from "@/lib/posts/campaign-actions";

export type CampaignFormValues = {
  name: string;
  description: string;
  color: string;
  startsOn: string;
  endsOn: string;
};

const empty: CampaignFormValues = {
  name: "",
  description: "",
  color: "",
  startsOn: "",
  endsOn: "",
};

type Props = {
  org: string;
  /** Editing this campaign; creating a new one without it. */
  campaignId?: string;
  initial?: Partial<CampaignFormValues>;
  /** Where "Cancel" goes. */
  cancelHref?: string;
};

/** Creates or edits a campaign. A save moves to the campaign's page; a refusal keeps what was typed. */
export function CampaignForm({ org, campaignId, initial, cancelHref }: Props) {
  const editing = Boolean(campaignId);
  const [state, formAction] = useActionState(
    editing ? updateCampaignAction : createCampaignAction,
    idleState,
  );
  // Controlled: React resets an uncontrolled form after an action, and a refused save keeps its input.
  const [v, setV] = useState<CampaignFormValues>({ ...empty, ...initial });
  const set =
    (key: keyof CampaignFormValues) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setV((prev) => ({ ...prev, [key]: e.target.value }));

  return (
    <form
      action={formAction}
      className="grid gap-5"
      noValidate
      aria-label={editing ? "Edit campaign" : "New campaign"}
    >
      <input type="hidden" name="org" value={org} />
      {campaignId ? <input type="hidden" name="campaignId" value={campaignId} /> : null}
      <FormAlert state={state} />
      <FormField id="campaign-name" label="Name" required error={fieldError(state, "name")}>
        <Input name="name" required maxLength={120} value={v.name} onChange={set("name")} />
      </FormField>
      <FormField
        id="campaign-description"
        label="Description"
        hint="Optional. What the campaign is for, who it speaks to."
        error={fieldError(state, "description")}
      >
        <Textarea
          name="description"
          maxLength={2000}
          rows={3}
          value={v.description}
          onChange={set("description")}
        />
      </FormField>
      <ColorSwatchPicker
        name="color"
        value={v.color}
        onChange={(color) => setV((prev) => ({ ...prev, color }))}
        error={fieldError(state, "color")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="campaign-starts" label="Starts on" error={fieldError(state, "startsOn")}>
          <Input type="date" name="startsOn" value={v.startsOn} onChange={set("startsOn")} />
        </FormField>
        <FormField id="campaign-ends" label="Ends on" error={fieldError(state, "endsOn")}>
          <Input
            type="date"
            name="endsOn"
            min={v.startsOn || undefined}
            value={v.endsOn}
            onChange={set("endsOn")}
          />
        </FormField>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText={editing ? "Saving…" : "Creating…"}>
          {editing ? "Save campaign" : "Create campaign"}
        </SubmitButton>
        {cancelHref ? (
          <Button asChild variant="ghost">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
