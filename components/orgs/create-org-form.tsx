"use client";
import { useActionState, useState } from "react";
import { FormAlert, fieldError, fieldValue } from "@/components/forms/form-alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { TimeZoneOptions } from "@/components/orgs/time-zone-options";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { createOrgAction } from "@/lib/orgs/actions";
import { slugify } from "@/lib/orgs/schemas";

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

export function CreateOrgForm({ timeZones }: { timeZones: string[] }) {
  const [state, formAction] = useActionState(createOrgAction, idleState);
  const [name, setName] = useState(fieldValue(state, "name") ?? "");
  const [slug, setSlug] = useState(fieldValue(state, "slug") ?? "");
  const [slugEdited, setSlugEdited] = useState(false);
  const [timeZone] = useState(
    () =>
      fieldValue(state, "timezone") ??
      (timeZones.includes(browserTimeZone()) ? browserTimeZone() : "UTC"),
  );

  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormAlert state={state} />
      <FormField id="name" label="Organization name" error={fieldError(state, "name")}>
        <Input
          name="name"
          required
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
        />
      </FormField>
      <FormField
        id="slug"
        label="Address"
        hint={`ghostart.app/${slug || "your-team"}`}
        error={fieldError(state, "slug")}
      >
        <Input
          name="slug"
          required
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value.toLowerCase());
            setSlugEdited(true);
          }}
        />
      </FormField>
      <FormField
        id="timezone"
        label="Time zone"
        hint="Schedules and the calendar use this zone."
        error={fieldError(state, "timezone")}
      >
        <NativeSelect name="timezone" defaultValue={timeZone}>
          <TimeZoneOptions zones={timeZones} />
        </NativeSelect>
      </FormField>
      <SubmitButton pendingText="Creating…">Create organization</SubmitButton>
    </form>
  );
}
