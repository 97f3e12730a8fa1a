"use client";
// The month grid: weeks from Monday, days outside the month dimmed, today marked. A day shows three
// posts and "+N more" (expands in place); the post just moved stays visible.
import { useState } from "react";
import type { DayDropTarget } from "@/components/calendar/calendar-board";
import type { PlacedPost } from "@/components/calendar/types";
import { dayLabel, monthGrid, weekdayNames, weekdayShortNames, weeksOf } from "@/lib/calendar/grid";
import { cn } from "@/lib/utils";

const VISIBLE = 3;

export function MonthView({
  date,
  today,
  postsByDate,
  pinnedId,
  dropTarget,
  renderChip,
}: {
  date: string;
  today: string;
  postsByDate: Map<string, PlacedPost[]>;
  /** Always shown in its cell (the post just moved). */
  pinnedId: string | null;
  dropTarget: (date: string) => DayDropTarget;
  renderChip: (post: PlacedPost) => React.ReactNode;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (day: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(day)) next.add(day);
      return next;
    });
  const weeks = weeksOf(monthGrid(date));

  return (
    <div className="overflow-x-auto">
      <div className="min-w-[44rem] overflow-hidden rounded-lg border">
        <div aria-hidden="true" className="grid grid-cols-7 border-b bg-muted/50">
          {weekdayShortNames.map((name, i) => (
            <div
              key={name}
              title={weekdayNames[i]}
              className="px-2 py-1.5 text-xs font-medium text-muted-foreground"
            >
              {name}
            </div>
          ))}
        </div>
        {weeks.map((week) => (
          <div key={week[0]!.date} className="grid grid-cols-7 border-b last:border-b-0">
            {week.map((d) => {
              const posts = postsByDate.get(d.date) ?? [];
              const isOpen = expanded.has(d.date);
              const shown = isOpen
                ? posts
                : posts.filter((p, i) => i < VISIBLE || p.id === pinnedId);
              const hidden = posts.length - shown.length;
              const isToday = d.date === today;
              const drop = dropTarget(d.date);
              const label = dayLabel(d.date);
              return (
                <div
                  key={d.date}
                  role="group"
                  aria-label={`${label}${posts.length ? `, ${posts.length} post${posts.length === 1 ? "" : "s"}` : ""}`}
                  aria-current={isToday ? "date" : undefined}
                  data-testid="calendar-day"
                  data-date={d.date}
                  data-today={isToday || undefined}
                  data-outside-month={!d.inMonth || undefined}
                  onDragOver={drop.onDragOver}
                  onDragLeave={drop.onDragLeave}
                  onDrop={drop.onDrop}
                  className={cn(
                    "flex min-h-28 min-w-0 flex-col gap-1 border-r p-1.5 last:border-r-0",
                    !d.inMonth && "bg-muted/40 text-muted-foreground",
                    d.inMonth && d.date < today && "bg-muted/15",
                    drop.className,
                  )}
                >
                  <span
                    className={cn(
                      "grid size-6 place-items-center self-start rounded-full text-xs font-medium tabular-nums",
                      isToday && "bg-primary text-primary-foreground",
                      !d.inMonth && !isToday && "opacity-60",
                    )}
                  >
                    {d.dayOfMonth}
                  </span>
                  {shown.length ? (
                    <ul className={cn("grid gap-1", !d.inMonth && "opacity-75")}>
                      {shown.map((p) => (
                        <li key={p.id} className="min-w-0">
                          {renderChip(p)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {hidden > 0 ? (
                    <button
                      type="button"
                      aria-expanded={false}
                      aria-label={`${hidden} more post${hidden === 1 ? "" : "s"} on ${label}`}
                      onClick={() => toggle(d.date)}
                      className="self-start rounded px-1 text-xs font-medium text-muted-foreground outline-none hover:text-foreground hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                      data-testid="calendar-more"
                    >
                      +{hidden} more
                    </button>
                  ) : isOpen && posts.length > VISIBLE ? (
                    <button
                      type="button"
                      aria-expanded={true}
                      onClick={() => toggle(d.date)}
                      className="self-start rounded px-1 text-xs font-medium text-muted-foreground outline-none hover:text-foreground hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                    >
                      Show fewer
                    </button>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
