import { Skeleton } from "@/components/ui/skeleton";

/** The campaign form while its page loads (new and edit). */
export function CampaignFormSkeleton() {
  return (
    <div className="mx-auto grid max-w-2xl gap-6" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-4 w-28" />
      <div className="grid gap-5 rounded-xl border p-6">
        <Skeleton className="h-6 w-40" />
        <div className="grid gap-2">
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-9 w-full" />
        </div>
        <div className="grid gap-2">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-20 w-full" />
        </div>
        <div className="flex gap-2">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="size-8 rounded-full" />
          ))}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
        </div>
        <Skeleton className="h-9 w-36" />
      </div>
    </div>
  );
}
