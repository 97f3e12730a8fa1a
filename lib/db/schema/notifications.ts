// In-app notifications and per-user email preferences (20261122003000_notifications.sql).
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { emailCategories } from "@/lib/notifications/categories";
import { organizations } from "./core";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_id_created_at_idx").on(t.userId, t.createdAt.desc()),
    index("notifications_org_id_idx").on(t.orgId),
  ],
);
export type Notification = typeof notifications.$inferSelect;

export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: uuid("user_id").notNull(),
    category: text("category", { enum: emailCategories }).notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);
export type EmailPreference = typeof emailPreferences.$inferSelect;
