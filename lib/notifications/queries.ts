// The signed-in user's notifications in one org. RLS limits every statement to their own rows in
// orgs they still belong to; the org filter only picks which of those the bell shows.
import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { notifications } from "@/lib/db/schema";

export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

export type NotificationList = { items: NotificationItem[]; unread: number };

export async function listNotifications(
  claims: JwtClaims,
  orgId: string,
  limit = 20,
): Promise<NotificationList> {
  return withRls(claims, async (tx) => {
    const rows = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, claims.sub)))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
    const [unread] = await tx
      .select({ n: count() })
      .from(notifications)
      .where(
        and(
          eq(notifications.orgId, orgId),
          eq(notifications.userId, claims.sub),
          isNull(notifications.readAt),
        ),
      );
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      })),
      unread: unread?.n ?? 0,
    };
  });
}

/** Marks one notification read; false when it is not the caller's (or already read). */
export async function markNotificationRead(
  claims: JwtClaims,
  orgId: string,
  id: string,
): Promise<boolean> {
  const rows = await withRls(claims, (tx) =>
    tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(eq(notifications.id, id), eq(notifications.orgId, orgId), isNull(notifications.readAt)),
      )
      .returning({ id: notifications.id }),
  );
  return rows.length > 0;
}

/** Marks every unread notification of the caller in `orgId` read; returns how many. */
export async function markAllNotificationsRead(claims: JwtClaims, orgId: string): Promise<number> {
  const rows = await withRls(claims, (tx) =>
    tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.orgId, orgId),
          eq(notifications.userId, claims.sub),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id }),
  );
  return rows.length;
}
