import { cn } from "@/lib/utils";

/** "3 of 6 done" with a progress bar; Playwright reads `data-completed`. */
export function VoiceMeter({
  completed,
  total,
  className,
}: {
  completed: number;
  total: number;
  className?: string;
}) {
  const percent = total ? Math.round((completed / total) * 100) : 0;
  const label = `${completed} of ${total} done`;
  return (
    <div
      data-testid="voice-meter"
      data-completed={completed}
      data-total={total}
      className={cn("grid gap-2", className)}
    >
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id="voice-meter-label" className="font-medium">
          Voice profile
        </span>
        <span className="text-muted-foreground" aria-hidden="true">
          {label}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="voice-meter-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={label}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div
          className="h-full rounded-full bg-primary transition-[width] duration-300"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
