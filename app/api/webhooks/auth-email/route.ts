// POST /api/webhooks/auth-email — Supabase Send Email Hook: verify, record in email_log, enqueue.
import { NextResponse } from "next/server";
import { handleAuthEmailHook } from "@/lib/email/auth-hook";
import { logger } from "@/lib/logger";

export async function POST(request: Request) {
  try {
    const { status, body } = await handleAuthEmailHook(request.headers, await request.text());
    return NextResponse.json(body, { status });
  } catch (err) {
    logger.error("auth email hook failed", { err });
    return NextResponse.json(
      { error: { http_code: 500, message: "Could not queue the email" } },
      { status: 500 },
    );
  }
}
