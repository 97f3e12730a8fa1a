import { Skeleton } from "@/components/ui/skeleton";

export default function VoiceLoading() {
  return (
    <div className="mx-auto grid max-w-5xl gap-8" aria-busy="true">
      <span className="sr-only" role="status">
        Loading your voice exercises…
      </span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-28" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="grid content-start gap-4">
          <Skeleton className="h-10 w-full" />
          {Array.from({ length: 7 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </div>
        <div className="grid content-start gap-4 rounded-xl border p-6">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-full" />
          {[1, 2, 3].map((k) => (
            <div key={k} className="grid gap-2">
              <Skeleton className="h-4 w-32" />
              <Skeleton className="h-9 w-full" />
            </div>
          ))}
          <div className="flex justify-end gap-2">
            <Skeleton className="h-9 w-36" />
            <Skeleton className="h-9 w-28" />
          </div>
        </div>
      </div>
    </div>
  );
}
