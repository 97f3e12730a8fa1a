// What the chip colours mean, and how to move a post without a mouse.
import { calendarStatuses } from "@/components/calendar/status-colors";
import { postStatusColors } from "@/components/posts/post-status-badge";
import type { CalendarView } from "@/lib/calendar/grid";
import { cn } from "@/lib/utils";

export function CalendarLegend() {
  return (
    <div>
      <h2 className="sr-only">Status colours</h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs" data-testid="calendar-legend">
        {calendarStatuses.map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={cn("size-2.5 rounded-full", postStatusColors[s].dotClassName)}
            />
            {postStatusColors[s].label}
          </li>
        ))}
      </ul>
    </div>
  );
}

const Kbd = ({ children }: { children: React.ReactNode }) => (
  <kbd className="rounded border bg-muted px-1 font-mono text-[11px]">{children}</kbd>
);

export function CalendarHelp({
  id,
  view,
  canSchedule,
}: {
  id?: string;
  view: CalendarView;
  canSchedule: boolean;
}) {
  if (!canSchedule)
    return (
      <p id={id} className="text-xs text-muted-foreground">
        Select a post to open it. Owners, admins and brand creators can move scheduled posts to
        another day.
      </p>
    );
  return (
    <p id={id} className="text-xs text-muted-foreground" data-testid="calendar-help">
      To move a scheduled post, drag it to another day, or focus it and press <Kbd>Alt</Kbd> +{" "}
      <Kbd>←</Kbd> / <Kbd>→</Kbd> to move it a day
      {view === "month" ? (
        <>
          {" "}
          (<Kbd>Alt</Kbd> + <Kbd>↑</Kbd> / <Kbd>↓</Kbd> a week)
        </>
      ) : null}
      . It keeps its time of day. Only scheduled posts can be moved, and not into the past. Press{" "}
      <Kbd>Enter</Kbd> to open a post.
    </p>
  );
}
