import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function OrgNotFound() {
  return (
    <div className="mx-auto grid max-w-md gap-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Organization not found</h1>
      <p className="text-muted-foreground">It does not exist, or you are not one of its members.</p>
      <Button asChild>
        <Link href="/app">Go to your organizations</Link>
      </Button>
    </div>
  );
}
