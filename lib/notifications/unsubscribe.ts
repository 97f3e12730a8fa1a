// Unsubscribing from an email link, without logging in. The signed token is the caller's proof, as a
// webhook's signature is: there is no session to run withRls with, so these write through withAdmin,
// and only ever the one (user, category) pair the token names — never anything taken from input.
import "server-only";
import { sql } from "drizzle-orm";
import { withAdmin } from "@/lib/db/admin";
import { getEnv } from "@/lib/env";
import { emailCategoryCopy, type EmailCategory } from "@/lib/notifications/categories";
import { verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

export type UnsubscribePreview = {
  category: EmailCategory;
  label: string;
  description: string;
  /** The recipient's address, partly hidden (the link may have been forwarded). */
  maskedEmail: string | null;
  /** False when this category is already off. */
  enabled: boolean;
};

export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}${"•".repeat(Math.max(1, Math.min(local.length - shown.length, 6)))}${email.slice(at)}`;
}

/** What a token would turn off, for the confirmation page (a GET: reads only). Null = invalid. */
export async function previewUnsubscribe(
  token: string | null | undefined,
): Promise<UnsubscribePreview | null> {
  const target = verifyUnsubscribeToken(getEnv().UNSUBSCRIBE_SECRET, token);
  if (!target) return null;
  const rows = await withAdmin((tx) =>
    tx.execute<{ email: string | null; enabled: boolean | null }>(sql`
      select u.email, p.enabled
      from auth.users u
      left join public.email_preferences p on p.user_id = u.id and p.category = ${target.category}
      where u.id = ${target.userId}::uuid`),
  );
  const row = [...rows][0];
  if (!row) return null; // the account is gone
  return {
    category: target.category,
    ...emailCategoryCopy[target.category],
    maskedEmail: row.email ? maskEmail(row.email) : null,
    enabled: row.enabled ?? true,
  };
}

/**
 * Turns off the token's category for the token's user. Idempotent. Returns what was turned off, or
 * null when the token is invalid (or its account no longer exists).
 */
export async function applyUnsubscribe(
  token: string | null | undefined,
): Promise<{ userId: string; category: EmailCategory } | null> {
  const target = verifyUnsubscribeToken(getEnv().UNSUBSCRIBE_SECRET, token);
  if (!target) return null;
  const rows = await withAdmin((tx) =>
    tx.execute<{ user_id: string }>(sql`
      insert into public.email_preferences (user_id, category, enabled)
      select u.id, ${target.category}, false from auth.users u where u.id = ${target.userId}::uuid
      on conflict (user_id, category) do update set enabled = false
      returning user_id`),
  );
  return [...rows].length ? target : null;
}
