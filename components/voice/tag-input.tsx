"use client";
// A list typed one entry at a time: Enter (or a comma) adds what is typed, Backspace in the empty
// box removes the last entry, each entry has its own remove button. Used for the phrases of the tone
// step and the words and topics to avoid.
import { X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function TagInput({
  id,
  label,
  hint,
  values,
  onChange,
  maxItems,
  maxLength,
  error,
  placeholder,
  disabled,
}: {
  id: string;
  label: string;
  hint?: string;
  values: string[];
  onChange: (values: string[]) => void;
  maxItems: number;
  maxLength: number;
  error?: string;
  placeholder?: string;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const full = values.length >= maxItems;

  const add = () => {
    const value = draft.trim();
    if (!value) return;
    if (values.some((v) => v.toLowerCase() === value.toLowerCase())) {
      setAnnouncement(`“${value}” is already in the list.`);
      setDraft("");
      return;
    }
    if (full) {
      setAnnouncement(`The list holds at most ${maxItems} entries.`);
      return;
    }
    onChange([...values, value]);
    setAnnouncement(`Added “${value}”.`);
    setDraft("");
  };
  const remove = (index: number) => {
    const removed = values[index];
    onChange(values.filter((_, i) => i !== index));
    setAnnouncement(`Removed “${removed}”.`);
  };

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="grid gap-2" data-testid={`${id}-field`} data-invalid={error ? true : undefined}>
      <Label htmlFor={id}>{label}</Label>
      {values.length ? (
        <ul aria-label={label} className="flex flex-wrap gap-2">
          {values.map((value, i) => (
            <li
              key={value}
              className="inline-flex items-center gap-1 rounded-full border bg-secondary py-0.5 pr-1 pl-3 text-sm text-secondary-foreground"
            >
              <span>{value}</span>
              <button
                type="button"
                onClick={() => remove(i)}
                disabled={disabled}
                aria-label={`Remove “${value}”`}
                className="rounded-full p-1 outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                <X aria-hidden="true" className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-2">
        <Input
          id={id}
          value={draft}
          placeholder={placeholder}
          maxLength={maxLength}
          disabled={disabled || full}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={add}
          onKeyDown={(e) => {
            if ((e.key === "Enter" || e.key === ",") && !e.nativeEvent.isComposing) {
              e.preventDefault();
              add();
            } else if (e.key === "Backspace" && !draft && values.length) {
              e.preventDefault();
              remove(values.length - 1);
            }
          }}
        />
        <Button
          type="button"
          variant="outline"
          onClick={add}
          disabled={disabled || full || !draft.trim()}
          aria-label={`Add to ${label.toLowerCase()}`}
        >
          Add
        </Button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint} {values.length}/{maxItems}.
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
