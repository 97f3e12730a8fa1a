// Writing notifications from system code (jobs, webhooks, sweeps). Users never insert them: the
// table grants `authenticated` no INSERT. SQL callers use app.notify() from their own security
// definer function (see the invitation trigger in 20261122003000_notifications.sql); TypeScript
// callers without a user session use these, which go through the same function via withAdmin, so
// the link check and the "recipient must still be a member" rule live in one place.
import "server-only";
import { sql } from "drizzle-orm";
import { withAdmin } from "@/lib/db/admin";
import type { OrgRole } from "@/lib/db/schema";
import { fromDbError } from "@/lib/errors";

export type NotificationInput = {
  /** snake_case, e.g. `member_joined`, `post_failed`. */
  kind: string;
  title: string;
  body?: string | null;
  /** A path inside the app ("/acme/posts/…"); never a full URL. */
  link?: string | null;
};

const rethrow = (err: unknown): never => {
  throw fromDbError(err) ?? err;
};

/** Notifies one member of `orgId`. Returns the new id, or null when they are not a member. */
export async function notify(
  orgId: string,
  userId: string,
  n: NotificationInput,
): Promise<string | null> {
  const rows = await withAdmin((tx) =>
    tx.execute<{ id: string | null }>(
      sql`select app.notify(${orgId}::uuid, ${userId}::uuid, ${n.kind}, ${n.title}, ${n.body ?? null}, ${n.link ?? null}) as id`,
    ),
  ).catch(rethrow);
  return [...rows][0]?.id ?? null;
}

/**
 * Notifies every member of `orgId` (or those with one of `roles`), except `exceptUserId` (usually
 * whoever caused it). Returns how many were notified.
 */
export async function notifyMembers(
  orgId: string,
  n: NotificationInput,
  options: { roles?: readonly OrgRole[]; exceptUserId?: string | null } = {},
): Promise<number> {
  const roles = options.roles ? `{${options.roles.join(",")}}` : null;
  const rows = await withAdmin((tx) =>
    tx.execute<{ id: string | null }>(sql`
      select app.notify(m.org_id, m.user_id, ${n.kind}, ${n.title}, ${n.body ?? null}, ${n.link ?? null}) as id
      from public.memberships m
      where m.org_id = ${orgId}::uuid
        and (${roles}::public.org_role[] is null or m.role = any (${roles}::public.org_role[]))
        and (${options.exceptUserId ?? null}::uuid is null or m.user_id <> ${options.exceptUserId ?? null}::uuid)`),
  ).catch(rethrow);
  return [...rows].filter((r) => r.id).length;
}
