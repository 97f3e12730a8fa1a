// Email preferences: per user, one row per category that was ever changed; no row = enabled.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { withAdmin } from "@/lib/db/admin";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { emailPreferences } from "@/lib/db/schema";
import {
  emailCategories,
  isEmailCategory,
  type EmailCategory,
} from "@/lib/notifications/categories";

export type EmailPreferenceState = Record<EmailCategory, boolean>;

const allEnabled = (): EmailPreferenceState =>
  Object.fromEntries(emailCategories.map((c) => [c, true])) as EmailPreferenceState;

/** The signed-in user's preferences (RLS: their own rows only). */
export async function getMyEmailPreferences(claims: JwtClaims): Promise<EmailPreferenceState> {
  const rows = await withRls(claims, (tx) =>
    tx
      .select({ category: emailPreferences.category, enabled: emailPreferences.enabled })
      .from(emailPreferences)
      .where(eq(emailPreferences.userId, claims.sub)),
  );
  const state = allEnabled();
  for (const r of rows) state[r.category] = r.enabled;
  return state;
}

/** Saves the signed-in user's choice for each given category (RLS: their own rows only). */
export async function setMyEmailPreferences(
  claims: JwtClaims,
  changes: Partial<EmailPreferenceState>,
): Promise<EmailPreferenceState> {
  const entries = Object.entries(changes).filter(([c]) => isEmailCategory(c));
  // Raw SQL: Drizzle would list every column (updated_at as DEFAULT), and `authenticated` may insert
  // only user_id, category and enabled.
  if (entries.length)
    await withRls(claims, (tx) =>
      tx.execute(sql`
        insert into public.email_preferences (user_id, category, enabled)
        select auth.uid(), c.category, c.enabled
        from unnest(${`{${entries.map(([c]) => c).join(",")}}`}::text[],
                    ${`{${entries.map(([, v]) => (v ? "t" : "f")).join(",")}}`}::boolean[]) as c (category, enabled)
        on conflict (user_id, category) do update set enabled = excluded.enabled`),
    );
  return getMyEmailPreferences(claims);
}

/** For the email job (withAdmin: it runs without a user session, scoped by the row's user id). */
export async function isEmailCategoryEnabled(
  userId: string,
  category: EmailCategory,
): Promise<boolean> {
  const [row] = await withAdmin((tx) =>
    tx
      .select({ enabled: emailPreferences.enabled })
      .from(emailPreferences)
      .where(and(eq(emailPreferences.userId, userId), eq(emailPreferences.category, category))),
  );
  return row?.enabled ?? true;
}
