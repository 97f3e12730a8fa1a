"use client";
import { Check } from "lucide-react";
import { campaignColors } from "@/components/campaigns/campaign-colors";
import { cn } from "@/lib/utils";

type Props = {
  name: string;
  /** "#rrggbb", or "" for none. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
};

/** A radio group of colour swatches (arrow keys move between them, as in any radio group). */
export function ColorSwatchPicker({ name, value, onChange, error, disabled }: Props) {
  const errorId = error ? `${name}-error` : undefined;
  const current = value.toLowerCase();
  const options: { value: string; name: string }[] = [
    { value: "", name: "No colour" },
    ...campaignColors,
  ];
  // A colour set elsewhere (not in the palette) stays selectable.
  if (current && !options.some((o) => o.value === current))
    options.push({ value: current, name: `Current (${current})` });

  return (
    <fieldset
      className="grid gap-2"
      aria-describedby={errorId}
      aria-invalid={error ? true : undefined}
      disabled={disabled}
    >
      <legend className="mb-2 text-sm leading-none font-medium">Colour</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => {
          const checked = o.value === current;
          return (
            <label
              key={o.value || "none"}
              title={o.name}
              className={cn(
                "relative flex size-8 cursor-pointer items-center justify-center rounded-full border shadow-xs",
                "has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                checked ? "ring-2 ring-foreground ring-offset-2" : "",
              )}
              style={o.value ? { backgroundColor: o.value } : undefined}
            >
              <input
                type="radio"
                name={name}
                value={o.value}
                checked={checked}
                onChange={() => onChange(o.value)}
                className="sr-only"
                aria-label={o.name}
              />
              {o.value ? (
                checked ? (
                  <Check aria-hidden="true" className="size-4 text-white drop-shadow" />
                ) : null
              ) : (
                <span aria-hidden="true" className="h-px w-5 rotate-45 bg-muted-foreground" />
              )}
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
