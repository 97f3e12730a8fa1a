import { Skeleton } from "@/components/ui/skeleton";

export default function CreditsLoading() {
  return (
    <div className="mx-auto grid max-w-5xl gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading credits…
      </span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-32" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-6 rounded-xl border p-6">
        <div className="grid gap-2">
          <Skeleton className="h-5 w-28" />
          <Skeleton className="h-4 w-80 max-w-full" />
        </div>
        <Skeleton className="h-10 w-48" />
        <Skeleton className="h-2 w-full rounded-full" />
        <div className="grid gap-4 sm:grid-cols-3">
          {Array.from({ length: 3 }, (_, k) => (
            <div key={k} className="grid gap-2">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-5 w-32" />
            </div>
          ))}
        </div>
      </div>
      <div className="grid gap-4 rounded-xl border p-6">
        <Skeleton className="h-5 w-20" />
        <Skeleton className="h-8 w-full" />
        {Array.from({ length: 8 }, (_, k) => (
          <Skeleton key={k} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}
