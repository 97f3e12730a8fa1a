// The calendar's heading and navigation: title, zone, previous / today / next and the view switch.
// Plain links (no JavaScript needed); the URL carries the view and the date.
import { ChevronLeft, ChevronRight, Globe } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { navDates, viewTitle, type CalendarView } from "@/lib/calendar/grid";
import { cn } from "@/lib/utils";

export function calendarHref(org: string, view: CalendarView, date: string): string {
  return `/${org}/calendar?view=${view}&date=${date}`;
}

export function CalendarToolbar({
  org,
  view,
  date,
  today,
  timeZone,
}: {
  org: string;
  view: CalendarView;
  /** The date the view is anchored at. */
  date: string;
  /** Today in the org's zone. */
  today: string;
  timeZone: string;
}) {
  const { prev, next } = navDates(view, date);
  const unit = view === "month" ? "month" : "week";
  // Switching to the week view from the month that holds today shows today's week.
  const weekDate = date.slice(0, 7) === today.slice(0, 7) ? today : date;

  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="calendar-title">
          {viewTitle(view, date)}
        </h1>
        <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
          <Globe aria-hidden="true" className="size-3.5" />
          Times in <span className="font-medium text-foreground">{timeZone}</span>
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label={`Calendar ${unit}s`} className="flex items-center gap-1">
          <Button asChild variant="outline" size="icon">
            <Link href={calendarHref(org, view, prev)} aria-label={`Previous ${unit}`}>
              <ChevronLeft aria-hidden="true" />
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link href={calendarHref(org, view, today)}>Today</Link>
          </Button>
          <Button asChild variant="outline" size="icon">
            <Link href={calendarHref(org, view, next)} aria-label={`Next ${unit}`}>
              <ChevronRight aria-hidden="true" />
            </Link>
          </Button>
        </nav>
        <nav aria-label="Calendar view" className="flex rounded-md border bg-muted p-0.5 text-sm">
          {(
            [
              ["month", "Month", date],
              ["week", "Week", weekDate],
            ] as const
          ).map(([v, label, d]) => (
            <Link
              key={v}
              href={calendarHref(org, v, d)}
              aria-current={v === view ? "page" : undefined}
              className={cn(
                "rounded px-3 py-1.5 font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                v === view
                  ? "bg-background text-foreground shadow-xs"
                  : "text-muted-foreground hover:text-foreground",
              )}
            >
              {label}
            </Link>
          ))}
        </nav>
      </div>
    </div>
  );
}
