import { Skeleton } from "@/components/ui/skeleton";

export default function AccountsLoading() {
  return (
    <div className="mx-auto grid max-w-5xl gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the accounts…
      </span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-36" />
        <Skeleton className="h-4 w-80" />
      </div>
      {[3, 1, 2].map((rows, k) => (
        <div key={k} className="grid gap-4 rounded-xl border p-6">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-72" />
          {Array.from({ length: rows }, (_, r) => (
            <div key={r} className="flex items-center gap-3">
              <Skeleton className="size-10 rounded-full" />
              <div className="grid flex-1 gap-2">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-64" />
              </div>
              <Skeleton className="h-8 w-28" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
