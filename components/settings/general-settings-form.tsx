"use client";
import { useActionState, useEffect, useState } from "react";
import { FormAlert, fieldError } from "@/components/forms/form-alert";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { TimeZoneOptions } from "@/components/orgs/time-zone-options";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { updateOrgSettingsAction } from "@/lib/orgs/settings-actions";

type Props = {
  org: { slug: string; name: string; timezone: string };
  timeZones: string[];
  readOnly: boolean;
  /** Set after a save that changed the address (the page moved to the new URL). */
  justSaved?: boolean;
};

export function GeneralSettingsForm({ org, timeZones, readOnly, justSaved }: Props) {
  const [state, formAction] = useActionState(updateOrgSettingsAction, idleState);
  // Controlled, so a refused save keeps what was typed (React resets uncontrolled forms after an action).
  const [name, setName] = useState(org.name);
  const [slug, setSlug] = useState(org.slug);
  const [timezone, setTimezone] = useState(org.timezone);
  const [touched, setTouched] = useState(false);
  const dirty = name !== org.name || slug !== org.slug || timezone !== org.timezone;
  const saved = !touched && (justSaved || state.status === "success");
  const slugChanged = slug.trim().toLowerCase() !== org.slug;

  // After a save that moved the page (?saved=1), drop the flag so a reload does not repeat the notice.
  useEffect(() => {
    if (!justSaved) return;
    const url = new URL(window.location.href);
    url.searchParams.delete("saved");
    window.history.replaceState(null, "", url);
  }, [justSaved]);
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setTouched(true);
      set(v);
    };

  return (
    <form
      action={(formData) => {
        setTouched(false);
        formAction(formData);
      }}
      className="grid gap-5"
      noValidate
      aria-label="General settings"
    >
      <input type="hidden" name="org" value={org.slug} />
      <FormAlert state={state} />
      {saved ? (
        <Alert variant="success" data-testid="settings-saved">
          <AlertDescription>Settings saved.</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="org-name" label="Organization name" error={fieldError(state, "name")}>
        <Input
          name="name"
          required
          maxLength={80}
          autoComplete="organization"
          value={name}
          readOnly={readOnly}
          onChange={(e) => edit(setName)(e.target.value)}
        />
      </FormField>
      <FormField
        id="org-slug"
        label="Address"
        hint={
          readOnly ? (
            `ghostart.app/${org.slug}`
          ) : (
            <>
              ghostart.app/{slug || "your-team"}
              {slugChanged ? (
                <span className="block text-foreground">
                  Links to ghostart.app/{org.slug} will stop working, and the old address stays
                  reserved.
                </span>
              ) : null}
            </>
          )
        }
        error={fieldError(state, "slug")}
      >
        <Input
          name="slug"
          required
          maxLength={40}
          autoCapitalize="none"
          spellCheck={false}
          value={slug}
          readOnly={readOnly}
          onChange={(e) => edit(setSlug)(e.target.value.toLowerCase())}
        />
      </FormField>
      <FormField
        id="org-timezone"
        label="Time zone"
        hint="Schedules, the calendar and reports use this zone."
        error={fieldError(state, "timezone")}
      >
        <NativeSelect
          name="timezone"
          value={timezone}
          disabled={readOnly}
          onChange={(e) => edit(setTimezone)(e.target.value)}
        >
          <TimeZoneOptions zones={timeZones} />
        </NativeSelect>
      </FormField>
      {readOnly ? null : (
        <div className="flex items-center gap-3">
          <SubmitButton pendingText="Saving…" disabled={!dirty}>
            Save changes
          </SubmitButton>
          {dirty ? (
            <span className="text-sm text-muted-foreground" aria-live="polite">
              Unsaved changes
            </span>
          ) : null}
        </div>
      )}
    </form>
  );
}
