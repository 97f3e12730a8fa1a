import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div
      className="mx-auto grid max-w-5xl gap-6"
      aria-busy="true"
      aria-label="Loading the campaign"
    >
      <Skeleton className="h-4 w-24" />
      <div className="grid gap-3 rounded-xl border p-6">
        <div className="flex items-center gap-3">
          <Skeleton className="size-4 rounded-full" />
          <Skeleton className="h-7 w-64" />
        </div>
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-4 w-full max-w-xl" />
        <div className="flex gap-2">
          <Skeleton className="h-9 w-48" />
          <Skeleton className="h-9 w-20" />
        </div>
      </div>
      {Array.from({ length: 3 }, (_, s) => (
        <div key={s} className="grid gap-2">
          <Skeleton className="h-5 w-32" />
          {Array.from({ length: 3 }, (_, i) => (
            <div key={i} className="flex items-center gap-3 rounded-lg border px-4 py-3">
              <Skeleton className="h-5 w-20" />
              <Skeleton className="h-4 flex-1" />
              <Skeleton className="h-4 w-32" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
