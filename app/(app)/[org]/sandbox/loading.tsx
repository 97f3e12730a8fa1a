import { Skeleton } from "@/components/ui/skeleton";

export default function SandboxLoading() {
  return (
    <div className="mx-auto grid max-w-2xl gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the Sandbox feed…
      </span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-32" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      {Array.from({ length: 3 }, (_, k) => (
        <div key={k} className="grid gap-3 rounded-xl border p-4">
          <div className="flex items-center gap-3">
            <Skeleton className="size-10 rounded-full" />
            <div className="grid gap-2">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-3 w-28" />
            </div>
          </div>
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-5/6" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      ))}
    </div>
  );
}
