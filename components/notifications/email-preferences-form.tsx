"use client";
import { useActionState, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/actions/state";
import { updateEmailPreferencesAction } from "@/lib/notifications/actions";
import {
  emailCategories,
  emailCategoryCopy,
  type EmailCategory,
} from "@/lib/notifications/categories";

type Prefs = Record<EmailCategory, boolean>;

/** A checkbox that looks and announces itself as a switch (no extra dependency). */
function Switch({
  id,
  name,
  checked,
  onChange,
  describedBy,
}: {
  id: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describedBy: string;
}) {
  return (
    <span className="relative inline-flex h-6 w-11 shrink-0">
      <input
        id={id}
        name={name}
        type="checkbox"
        role="switch"
        aria-describedby={describedBy}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="peer absolute inset-0 z-10 cursor-pointer appearance-none rounded-full focus-visible:outline-none"
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 rounded-full bg-input transition-colors peer-checked:bg-primary peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50"
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute top-0.5 left-0.5 size-5 rounded-full bg-background shadow-sm transition-transform peer-checked:translate-x-5"
      />
    </span>
  );
}

export function EmailPreferencesForm({ initial }: { initial: Prefs }) {
  const [state, formAction] = useActionState(updateEmailPreferencesAction, idleState);
  const [prefs, setPrefs] = useState<Prefs>(initial);
  const saved = state.status === "success" ? state.data : initial;
  const dirty = emailCategories.some((c) => prefs[c] !== saved[c]);

  return (
    <form action={formAction} className="grid gap-6">
      <FormAlert state={state} />
      <ul className="grid gap-5">
        {emailCategories.map((category) => {
          const copy = emailCategoryCopy[category];
          const id = `pref-${category}`;
          return (
            <li key={category} className="flex items-start justify-between gap-4">
              <div className="grid gap-1">
                <label htmlFor={id} className="text-sm font-medium">
                  {copy.label}
                </label>
                <p id={`${id}-hint`} className="text-sm text-muted-foreground">
                  {copy.description}
                </p>
              </div>
              <Switch
                id={id}
                name={category}
                checked={prefs[category]}
                describedBy={`${id}-hint`}
                onChange={(checked) => setPrefs((p) => ({ ...p, [category]: checked }))}
              />
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Saving…">Save preferences</SubmitButton>
        <p role="status" className="text-sm text-muted-foreground">
          {dirty ? "You have unsaved changes." : state.status === "success" ? "Saved." : ""}
        </p>
      </div>
    </form>
  );
}
