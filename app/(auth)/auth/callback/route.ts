// GET /auth/callback?code=… — OAuth (LinkedIn) returns here; the PKCE code becomes a session.
import { NextResponse, type NextRequest } from "next/server";
import { nextPathSchema } from "@/lib/auth/schemas";
import { createSupabaseServerClient } from "@/lib/auth/supabase-server";
import { queueWelcomeEmail } from "@/lib/email/queue-email";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { JwtClaims } from "@/lib/db/rls";

export async function GET(request: NextRequest) {
  const appUrl = getEnv().APP_URL;
  const code = request.nextUrl.searchParams.get("code");
  const next = nextPathSchema.parse(request.nextUrl.searchParams.get("next") ?? undefined);
  const providerError = request.nextUrl.searchParams.get("error_description");
  if (!code) {
    const reason = providerError ? "oauth_denied" : "invalid_link";
    return NextResponse.redirect(new URL(`/login?error=${reason}`, appUrl));
  }
  const supabase = await createSupabaseServerClient();
  const { error } = await supabase.auth.exchangeCodeForSession(code);
  if (error) return NextResponse.redirect(new URL("/login?error=oauth_failed", appUrl));
  const { data } = await supabase.auth.getClaims();
  if (data?.claims) {
    await queueWelcomeEmail(data.claims as unknown as JwtClaims).catch((err) =>
      logger.error("welcome email not queued", { err }),
    );
  }
  return NextResponse.redirect(new URL(next, appUrl));
}
