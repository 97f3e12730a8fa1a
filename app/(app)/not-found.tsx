import Link from "next/link";
import { Button } from "@/components/ui/button";

// Another org's page, or one the caller's role cannot see, looks exactly like one that does not exist.
export default function ProductNotFound() {
  return (
    <div className="mx-auto grid max-w-md gap-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted-foreground">It does not exist, or your account cannot see it.</p>
      <Button asChild>
        <Link href="/app">Go to your organizations</Link>
      </Button>
    </div>
  );
}
