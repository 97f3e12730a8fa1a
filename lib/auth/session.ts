// Who is calling: claims from a verified access token (getClaims checks the signature against the
// project's JWKS), never from a decoded cookie.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { JwtClaims } from "@/lib/db/rls";
import { createSupabaseServerClient } from "@/lib/auth/supabase-server";

export type SessionUser = { id: string; email: string; claims: JwtClaims };

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const supabase = await createSupabaseServerClient();
  const { data, error } = await supabase.auth.getClaims();
  if (error || !data?.claims?.sub) return null;
  const claims = data.claims as unknown as JwtClaims;
  return { id: claims.sub, email: String(claims.email ?? ""), claims };
});

export async function requireSessionUser(next?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  return user;
}
