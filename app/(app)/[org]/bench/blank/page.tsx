// An empty page inside the org layout: the baseline bench/composer.ts measures the composer's
// first-load JavaScript against. Only served when BENCH_ROUTES is on.
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";

export default function BlankBenchPage() {
  if (!getEnv().BENCH_ROUTES) notFound();
  return <div data-testid="bench-blank" />;
}
