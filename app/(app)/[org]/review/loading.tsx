import { Skeleton } from "@/components/ui/skeleton";

function ItemSkeleton({ withActions }: { withActions: boolean }) {
  return (
    <div className="grid gap-4 rounded-xl border p-6">
      <div className="grid gap-2">
        <Skeleton className="h-5 w-64 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-56 w-full max-w-[555px] rounded-[8px]" />
      {withActions ? (
        <div className="grid gap-3">
          <Skeleton className="h-20 w-full" />
          <div className="flex flex-wrap gap-2">
            <Skeleton className="h-9 w-28" />
            <Skeleton className="h-9 w-36" />
            <Skeleton className="h-9 w-28" />
          </div>
        </div>
      ) : null}
    </div>
  );
}

export default function ReviewLoading() {
  return (
    <div className="mx-auto grid max-w-5xl gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the review queue…
      </span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-32" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-4">
        <Skeleton className="h-6 w-56" />
        <ItemSkeleton withActions />
        <ItemSkeleton withActions />
      </div>
      <div className="grid gap-4">
        <Skeleton className="h-6 w-64" />
        <ItemSkeleton withActions={false} />
      </div>
    </div>
  );
}
