"use client";
// Radio buttons or checkboxes in a fieldset whose legend names the question.
import { cn } from "@/lib/utils";

export function ChoiceGroup<V extends string>({
  id,
  type,
  legend,
  hint,
  required,
  options,
  selected,
  onChange,
  error,
  disabled,
  className,
}: {
  id: string;
  type: "radio" | "checkbox";
  legend: string;
  hint?: string;
  required?: boolean;
  options: { value: V; label: string; help?: string }[];
  selected: V[];
  onChange: (next: V[]) => void;
  error?: string;
  disabled?: boolean;
  className?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      id={id}
      className={cn("grid gap-2", className)}
      aria-describedby={describedBy || undefined}
      data-invalid={error ? true : undefined}
      data-testid={`${id}-field`}
    >
      <legend className="mb-2 text-sm font-medium">
        {legend}
        {required ? (
          <span aria-hidden="true" className="ml-1 text-destructive">
            *
          </span>
        ) : null}
      </legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => {
          const checked = selected.includes(o.value);
          return (
            // The label stretches over the card, so the whole card toggles the choice.
            <div
              key={o.value}
              className={cn(
                "relative flex items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                checked && "border-primary bg-primary/5",
                disabled && "opacity-60",
              )}
            >
              <input
                id={`${id}-${o.value}`}
                type={type}
                name={id}
                value={o.value}
                checked={checked}
                disabled={disabled}
                aria-describedby={o.help ? `${id}-${o.value}-help` : undefined}
                className="mt-0.5 size-4 accent-primary"
                onChange={(e) =>
                  onChange(
                    type === "radio"
                      ? [o.value]
                      : e.target.checked
                        ? [...selected, o.value]
                        : selected.filter((v) => v !== o.value),
                  )
                }
              />
              <span className="grid gap-0.5">
                <label
                  htmlFor={`${id}-${o.value}`}
                  className={cn(
                    "font-medium after:absolute after:inset-0",
                    disabled ? "cursor-not-allowed" : "cursor-pointer",
                  )}
                >
                  {o.label}
                </label>
                {o.help ? (
                  <span id={`${id}-${o.value}-help`} className="text-muted-foreground">
                    {o.help}
                  </span>
                ) : null}
              </span>
            </div>
          );
        })}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
