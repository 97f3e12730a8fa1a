import { Skeleton } from "@/components/ui/skeleton";

export default function CalendarLoading() {
  return (
    <div className="mx-auto grid max-w-7xl gap-4" role="status" aria-label="Loading the calendar">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid gap-2">
          <Skeleton className="h-8 w-48" />
          <Skeleton className="h-4 w-40" />
        </div>
        <div className="flex gap-2">
          <Skeleton className="h-9 w-36" />
          <Skeleton className="h-9 w-32" />
        </div>
      </div>
      <div className="overflow-hidden rounded-lg border">
        <div className="grid grid-cols-7 border-b bg-muted/50">
          {Array.from({ length: 7 }, (_, i) => (
            <div key={i} className="px-2 py-2">
              <Skeleton className="h-3 w-8" />
            </div>
          ))}
        </div>
        {Array.from({ length: 5 }, (_, w) => (
          <div key={w} className="grid grid-cols-7 border-b last:border-b-0">
            {Array.from({ length: 7 }, (_, d) => (
              <div
                key={d}
                className="grid min-h-28 content-start gap-1.5 border-r p-1.5 last:border-r-0"
              >
                <Skeleton className="size-6 rounded-full" />
                {(w * 7 + d) % 3 === 0 ? <Skeleton className="h-5 w-full" /> : null}
                {(w * 7 + d) % 5 === 1 ? <Skeleton className="h-5 w-4/5" /> : null}
              </div>
            ))}
          </div>
        ))}
      </div>
      <span className="sr-only">Loading the calendar…</span>
    </div>
  );
}
