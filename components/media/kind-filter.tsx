"use client";
// All / Images / Documents: a group of toggle buttons, one pressed.
import type { MediaKind } from "@/lib/media/media-rules";
import { cn } from "@/lib/utils";

const options: { value: MediaKind | undefined; label: string }[] = [
  { value: undefined, label: "All" },
  { value: "image", label: "Images" },
  { value: "document", label: "Documents" },
];

export function KindFilter({
  value,
  onChange,
}: {
  value: MediaKind | undefined;
  onChange: (kind: MediaKind | undefined) => void;
}) {
  return (
    <div
      role="group"
      aria-label="Show"
      className="inline-flex h-9 rounded-md border bg-muted p-0.5"
    >
      {options.map((o) => {
        const pressed = value === o.value;
        return (
          <button
            key={o.label}
            type="button"
            aria-pressed={pressed}
            onClick={() => onChange(o.value)}
            className={cn(
              "rounded-[5px] px-3 text-sm font-medium transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
              pressed
                ? "bg-background text-foreground shadow-xs"
                : "text-muted-foreground hover:text-foreground",
            )}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
