// GET /auth/confirm?token_hash=…&type=…&next=… — email links (confirm, recovery, magic link). Verified
// server-side with verifyOtp, so a link opened in another browser still works.
import { NextResponse, type NextRequest } from "next/server";
import { confirmParams } from "@/lib/auth/schemas";
import { createSupabaseServerClient } from "@/lib/auth/supabase-server";
import { queueWelcomeEmail } from "@/lib/email/queue-email";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { JwtClaims } from "@/lib/db/rls";

export async function GET(request: NextRequest) {
  const appUrl = getEnv().APP_URL;
  const parsed = confirmParams.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.redirect(new URL("/login?error=invalid_link", appUrl));
  const { token_hash, type, next } = parsed.data;

  const supabase = await createSupabaseServerClient();
  const { data, error } = await supabase.auth.verifyOtp({ token_hash, type });
  if (error || !data.session) {
    const reason = type === "recovery" ? "recovery_link_expired" : "link_expired";
    return NextResponse.redirect(new URL(`/login?error=${reason}`, appUrl));
  }
  if (type === "signup" || type === "email") {
    const { data: claims } = await supabase.auth.getClaims();
    if (claims?.claims) {
      // Best effort: the email_log row is written first, and the worker's sweep re-enqueues it if Redis was down.
      await queueWelcomeEmail(claims.claims as unknown as JwtClaims).catch((err) =>
        logger.error("welcome email not queued", { err }),
      );
    }
  }
  return NextResponse.redirect(new URL(type === "recovery" ? "/reset-password" : next, appUrl));
}
