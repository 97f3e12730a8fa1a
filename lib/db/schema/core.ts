// Core tenancy tables: organizations, memberships, profiles, activity_log, email_log.
import { sql } from "drizzle-orm";
import {
  bigint,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const orgRole = pgEnum("org_role", [
  "owner",
  "admin",
  "brand_creator",
  "employee",
  "viewer",
]);
export type OrgRole = (typeof orgRole.enumValues)[number];

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  timezone: text("timezone").notNull().default("UTC"),
  settings: jsonb("settings")
    .$type<Record<string, unknown>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  createdBy: uuid("created_by"),
  /** `<org id>/<uuid>.<ext>` in the `logos` Storage bucket. */
  logoPath: text("logo_path"),
  ...timestamps,
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
});
export type Organization = typeof organizations.$inferSelect;

export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    role: orgRole("role").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);
export type Membership = typeof memberships.$inferSelect;

export const profiles = pgTable("profiles", {
  id: uuid("id").primaryKey(),
  email: text("email"),
  fullName: text("full_name"),
  headline: text("headline"),
  avatarUrl: text("avatar_url"),
  ...timestamps,
});
export type Profile = typeof profiles.$inferSelect;

export const activityLog = pgTable("activity_log", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: uuid("org_id").notNull(),
  actorId: uuid("actor_id"),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id"),
  summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
  requestId: text("request_id"),
  ip: text("ip"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type ActivityLogEntry = typeof activityLog.$inferSelect;

export const emailStatus = ["queued", "sent", "failed", "suppressed"] as const;
export const emailLog = pgTable("email_log", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id"),
  userId: uuid("user_id"),
  template: text("template").notNull(),
  toEmail: text("to_email").notNull(),
  data: jsonb("data")
    .$type<Record<string, unknown>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  dedupeKey: text("dedupe_key").unique(),
  status: text("status", { enum: emailStatus }).notNull().default("queued"),
  category: text("category"), // an email_preferences category; null = essential (auth, invitations)
  attempts: integer("attempts").notNull().default(0),
  providerId: text("provider_id"),
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});
export type EmailLogEntry = typeof emailLog.$inferSelect;
