"use client";
import { describeTone } from "@/lib/voice/exercises";

/** One tone slider, 0 (left pole) to 100 (right pole), with its poles and value always visible. */
export function ToneSlider({
  id,
  label,
  left,
  right,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string;
  label: string;
  left: string;
  right: string;
  value: number;
  onChange: (value: number) => void;
  error?: string;
  disabled?: boolean;
}) {
  const words = describeTone(value, left, right);
  const set = (v: number) => onChange(Math.min(100, Math.max(0, Math.round(v))));
  return (
    <div className="grid gap-2" data-testid={`${id}-field`}>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <output htmlFor={id} data-testid={`${id}-value`} className="text-sm text-muted-foreground">
          {value} · {words}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={value}
        disabled={disabled}
        aria-valuetext={`${value}: ${words}`}
        aria-describedby={[`${id}-poles`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        onChange={(e) => set(Number(e.target.value))}
        onKeyDown={(e) => {
          // Arrows move by 1, Home/End to the poles (native); Page keys move by 10.
          if (e.key === "PageUp" || e.key === "PageDown") {
            e.preventDefault();
            set(value + (e.key === "PageUp" ? 10 : -10));
          }
        }}
        className="h-2 w-full cursor-pointer accent-primary focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-ring"
      />
      <div id={`${id}-poles`} className="flex justify-between text-xs text-muted-foreground">
        <span>0 = {left}</span>
        <span>100 = {right}</span>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
