"use client";
// The week grid: seven day columns (drop targets) × 24 local hour rows, 00–23. A post sits in the
// row of its local hour in the org's zone. On a DST change day the skipped hour (clocks forward) is
// hatched and the repeated one (clocks back) marked: that day has 23 or 25 hours.
import { useMemo } from "react";
import type { DayDropTarget } from "@/components/calendar/calendar-board";
import type { PlacedPost } from "@/components/calendar/types";
import {
  dayLabel,
  HOURS,
  hourKinds,
  hourLabel,
  weekDays,
  weekdayShortNames,
  type HourKind,
} from "@/lib/calendar/grid";
import { cn } from "@/lib/utils";

const hourNotes: Record<Exclude<HourKind, "normal">, string> = {
  skipped: "The clocks go forward: this hour does not exist on this day.",
  repeated: "The clocks go back: this hour happens twice on this day.",
};

export function WeekView({
  date,
  today,
  timeZone,
  postsByDate,
  dropTarget,
  renderChip,
}: {
  date: string;
  today: string;
  timeZone: string;
  postsByDate: Map<string, PlacedPost[]>;
  dropTarget: (date: string) => DayDropTarget;
  renderChip: (post: PlacedPost) => React.ReactNode;
}) {
  const days = useMemo(
    () => weekDays(date).map((d) => ({ ...d, kinds: hourKinds(d.date, timeZone) })),
    [date, timeZone],
  );

  return (
    <div className="overflow-x-auto rounded-lg border">
      <div className="grid min-w-[52rem] grid-cols-[3.25rem_repeat(7,minmax(0,1fr))] grid-rows-[auto_repeat(24,minmax(2.75rem,auto))]">
        <div aria-hidden="true" className="row-span-25 grid grid-rows-subgrid bg-muted/30">
          <div className="border-b" />
          {HOURS.map((h) => (
            <div
              key={h}
              className="border-b px-1.5 pt-0.5 text-right text-[11px] text-muted-foreground tabular-nums last:border-b-0"
            >
              {hourLabel(h)}:00
            </div>
          ))}
        </div>
        {days.map((d) => {
          const posts = postsByDate.get(d.date) ?? [];
          const isToday = d.date === today;
          const drop = dropTarget(d.date);
          const skipped = d.kinds.filter((k) => k === "skipped").length;
          const repeated = d.kinds.filter((k) => k === "repeated").length;
          const length = 24 - skipped + repeated;
          return (
            <div
              key={d.date}
              role="group"
              aria-label={`${dayLabel(d.date)}${posts.length ? `, ${posts.length} post${posts.length === 1 ? "" : "s"}` : ""}`}
              aria-current={isToday ? "date" : undefined}
              data-testid="calendar-day"
              data-date={d.date}
              data-today={isToday || undefined}
              onDragOver={drop.onDragOver}
              onDragLeave={drop.onDragLeave}
              onDrop={drop.onDrop}
              className={cn(
                "row-span-25 grid min-w-0 grid-rows-subgrid border-l",
                d.date < today && "bg-muted/15",
                drop.className,
              )}
            >
              <div
                className={cn(
                  "flex items-center gap-1.5 border-b px-2 py-1.5 text-xs",
                  isToday && "bg-accent text-accent-foreground",
                )}
              >
                <span className="font-medium text-muted-foreground" aria-hidden="true">
                  {weekdayShortNames[d.weekday]}
                </span>
                <span
                  aria-hidden="true"
                  className={cn(
                    "grid size-6 place-items-center rounded-full font-semibold tabular-nums",
                    isToday && "bg-primary text-primary-foreground",
                  )}
                >
                  {d.dayOfMonth}
                </span>
                {length !== 24 ? (
                  <span
                    className="ml-auto rounded border border-dashed px-1 text-[10px] text-muted-foreground"
                    title={
                      length < 24
                        ? "The clocks go forward: this day has 23 hours."
                        : "The clocks go back: this day has 25 hours."
                    }
                  >
                    {length} h<span className="sr-only"> day (clocks change)</span>
                  </span>
                ) : null}
              </div>
              {HOURS.map((h) => {
                const kind = d.kinds[h]!;
                const inHour = posts.filter((p) => p.hour === h);
                return (
                  <div
                    key={h}
                    data-testid="calendar-hour"
                    data-date={d.date}
                    data-hour={hourLabel(h)}
                    data-hour-kind={kind === "normal" ? undefined : kind}
                    title={kind === "normal" ? undefined : hourNotes[kind]}
                    className={cn(
                      "min-w-0 border-b p-0.5 last:border-b-0",
                      kind === "skipped" &&
                        "bg-[repeating-linear-gradient(135deg,transparent_0_6px,var(--color-muted)_6px_12px)]",
                      kind === "repeated" && "border-l-2 border-l-amber-400",
                    )}
                  >
                    {kind !== "normal" ? <span className="sr-only">{hourNotes[kind]}</span> : null}
                    {inHour.length ? (
                      <ul className="grid gap-0.5">
                        {inHour.map((p) => (
                          <li key={p.id} className="min-w-0">
                            {renderChip(p)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
