"use client";
import { useActionState, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { archiveCampaignAction } from "@/lib/posts/campaign-actions";

/** Archive behind an inline confirmation (keyboard and screen readers stay in place). */
export function ArchiveCampaignButton({
  org,
  campaign,
  size = "default",
}: {
  org: string;
  campaign: { id: string; name: string };
  size?: "default" | "sm";
}) {
  const [state, formAction] = useActionState(archiveCampaignAction, idleState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming || state.status === "success") {
    return (
      <Button
        type="button"
        size={size}
        variant="outline"
        className="text-destructive"
        onClick={() => setConfirming(true)}
        disabled={state.status === "success"}
      >
        Archive
      </Button>
    );
  }
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={`Archive ${campaign.name}?`}
    >
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaignId" value={campaign.id} />
      <span className="text-sm">
        Archive “{campaign.name}”? Its posts stay in it; new posts cannot join it.
      </span>
      <Button
        type="button"
        size="sm"
        variant="outline"
        onClick={() => setConfirming(false)}
        autoFocus
      >
        Cancel
      </Button>
      <SubmitButton size="sm" variant="destructive" pendingText="Archiving…">
        Archive campaign
      </SubmitButton>
      <div className="basis-full empty:hidden">
        <FormAlert state={state} />
      </div>
    </form>
  );
}
