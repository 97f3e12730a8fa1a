"use client";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { Button } from "@/components/ui/button";

export function OutboxRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const t = setInterval(() => startTransition(() => router.refresh()), everyMs);
    return () => clearInterval(t);
  }, [router, everyMs]);
  return (
    <Button
      variant="outline"
      size="sm"
      onClick={() => startTransition(() => router.refresh())}
      disabled={pending}
    >
      <RefreshCw aria-hidden="true" className={pending ? "size-4 animate-spin" : "size-4"} />{" "}
      Refresh
    </Button>
  );
}
