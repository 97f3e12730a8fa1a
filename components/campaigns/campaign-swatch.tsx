import { cn } from "@/lib/utils";

/** The campaign's colour as a dot (decorative: the name is always beside it). */
export function CampaignSwatch({ color, className }: { color: string | null; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-block size-3 shrink-0 rounded-full border",
        color ? "border-transparent" : "border-dashed border-muted-foreground/50",
        className,
      )}
      style={color ? { backgroundColor: color } : undefined}
    />
  );
}
