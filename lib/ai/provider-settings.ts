// The org's own AI provider as Settings shows it, read as the caller (RLS: owners and admins). Only
// the columns `authenticated` may select: the key itself never leaves the database, its last four
// characters (`key_hint`) are all the form shows.
import "server-only";
import { sql } from "drizzle-orm";
import type { ProviderKind } from "@/lib/ai/schemas";
import { withRls, type JwtClaims } from "@/lib/db/rls";

export type AiProviderSettings = {
  kind: ProviderKind;
  baseUrl: string | null;
  model: string;
  apiVersion: string | null;
  keyHint: string | null;
  status: "active" | "invalid";
  statusReason: string | null;
  updatedAt: string;
};

/** The org's provider, or null when it uses Ghostart's default (or the caller may not see it). */
export async function getAiProviderSettings(
  claims: JwtClaims,
  orgId: string,
): Promise<AiProviderSettings | null> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<AiProviderSettings>(sql`
      select kind, base_url as "baseUrl", model, api_version as "apiVersion", key_hint as "keyHint",
             status, status_reason as "statusReason", (to_json(updated_at) #>> '{}') as "updatedAt"
        from public.ai_providers
       where org_id = ${orgId}`),
  );
  return [...rows][0] ?? null;
}
