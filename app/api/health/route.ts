// GET /api/health — database, RLS safety, Redis and queues; 503 when any fails.
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ok, checks } = await checkHealth();
  return NextResponse.json(
    { status: ok ? "ok" : "error", checks },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
