// Campaigns, posts, their immutable versions, per-network targets, media assets and their order on a
// post (20261122004000_posts.sql). Children reference their parent by (org_id, parent_id), so a row
// can never point at another org's campaign, post or media asset. Writes go through the app.*
// functions of that migration (lib/posts/mutations.ts), never through these tables directly.
import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  campaignStatuses,
  postSources,
  postStatuses,
  targetNetworks,
  targetStatuses,
  type CampaignStatus,
  type PostSource,
  type PostStatus,
  type TargetNetwork,
  type TargetStatus,
} from "@/lib/posts/constants";
import { organizations } from "./core";

export const postStatus = pgEnum("post_status", postStatuses);
export const postSource = pgEnum("post_source", postSources);
export const campaignStatus = pgEnum("campaign_status", campaignStatuses);
export type { CampaignStatus, PostSource, PostStatus, TargetNetwork, TargetStatus };

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    color: text("color"),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    status: campaignStatus("status").notNull().default("active"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    archivedAt: ts("archived_at"),
  },
  (t) => [
    unique("campaigns_org_id_id_key").on(t.orgId, t.id),
    uniqueIndex("campaigns_org_id_name_key")
      .on(t.orgId, sql`lower(btrim(${t.name}))`)
      .where(sql`${t.status} = 'active'`),
    index("campaigns_org_id_status_idx").on(t.orgId, t.status),
  ],
);
export type Campaign = typeof campaigns.$inferSelect;

export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id"),
    authorId: uuid("author_id"),
    /** The member whose voice and LinkedIn the post is for. */
    onBehalfOf: uuid("on_behalf_of"),
    status: postStatus("status").notNull().default("draft"),
    title: text("title"),
    scheduledAt: ts("scheduled_at"),
    currentVersionId: uuid("current_version_id"),
    /** Optimistic concurrency: +1 on every change; writers pass the revision they opened. */
    revision: integer("revision").notNull().default(1),
    updatedBy: uuid("updated_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    archivedAt: ts("archived_at"),
  },
  (t) => [
    unique("posts_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "posts_campaign_fkey",
      columns: [t.orgId, t.campaignId],
      foreignColumns: [campaigns.orgId, campaigns.id],
    }),
    // posts_current_version_fkey: (id, current_version_id) → post_versions (post_id, id), in SQL only
    // (declaring it here would make the two tables' types circular).
    index("posts_org_id_status_idx").on(t.orgId, t.status),
    index("posts_org_id_scheduled_at_idx")
      .on(t.orgId, t.scheduledAt)
      .where(sql`${t.scheduledAt} is not null`),
    index("posts_org_id_updated_at_idx").on(t.orgId, t.updatedAt.desc()),
    index("posts_org_id_campaign_id_idx")
      .on(t.orgId, t.campaignId)
      .where(sql`${t.campaignId} is not null`),
    index("posts_org_id_author_id_idx").on(t.orgId, t.authorId),
    index("posts_org_id_on_behalf_of_idx").on(t.orgId, t.onBehalfOf),
  ],
);
export type Post = typeof posts.$inferSelect;

export const postVersions = pgTable(
  "post_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    postId: uuid("post_id").notNull(),
    versionNo: integer("version_no").notNull(),
    body: text("body").notNull(),
    source: postSource("source").notNull().default("human"),
    authorId: uuid("author_id"),
    /** The version this one copies, when it was made by restoring. */
    restoredFrom: uuid("restored_from"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "post_versions_post_fkey",
      columns: [t.orgId, t.postId],
      foreignColumns: [posts.orgId, posts.id],
    }).onDelete("cascade"),
    unique("post_versions_post_id_version_no_key").on(t.postId, t.versionNo),
    unique("post_versions_post_id_id_key").on(t.postId, t.id),
    foreignKey({
      name: "post_versions_restored_from_fkey",
      columns: [t.postId, t.restoredFrom],
      foreignColumns: [t.postId, t.id],
    }),
    index("post_versions_org_id_idx").on(t.orgId),
  ],
);
export type PostVersion = typeof postVersions.$inferSelect;

export const postTargets = pgTable(
  "post_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    postId: uuid("post_id").notNull(),
    network: text("network", { enum: targetNetworks }).notNull(),
    /** Gets its foreign key with social_accounts (a later migration). */
    socialAccountId: uuid("social_account_id"),
    textOverride: text("text_override"),
    status: text("status", { enum: targetStatuses }).notNull().default("draft"),
    publishedAt: ts("published_at"),
    platformPostId: text("platform_post_id"),
    platformUrl: text("platform_url"),
    error: text("error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "post_targets_post_fkey",
      columns: [t.orgId, t.postId],
      foreignColumns: [posts.orgId, posts.id],
    }).onDelete("cascade"),
    unique("post_targets_post_id_network_key").on(t.postId, t.network),
    index("post_targets_org_id_network_idx").on(t.orgId, t.network),
  ],
);
export type PostTarget = typeof postTargets.$inferSelect;

export const mediaAssets = pgTable(
  "media_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    uploadedBy: uuid("uploaded_by"),
    bucket: text("bucket", { enum: ["media"] })
      .notNull()
      .default("media"),
    /** `<org id>/<uuid>.<ext>` in the `media` Storage bucket. */
    path: text("path").notNull(),
    mime: text("mime").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    width: integer("width"),
    height: integer("height"),
    altText: text("alt_text"),
    createdAt: ts("created_at").notNull().defaultNow(),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    unique("media_assets_path_key").on(t.path),
    unique("media_assets_org_id_id_key").on(t.orgId, t.id),
    index("media_assets_org_id_created_at_idx")
      .on(t.orgId, t.createdAt.desc())
      .where(sql`${t.deletedAt} is null`),
    index("media_assets_org_id_uploaded_by_idx").on(t.orgId, t.uploadedBy),
  ],
);
export type MediaAsset = typeof mediaAssets.$inferSelect;

export const postMedia = pgTable(
  "post_media",
  {
    orgId: uuid("org_id").notNull(),
    postId: uuid("post_id").notNull(),
    mediaId: uuid("media_id").notNull(),
    /** 0-based order on the post. */
    position: smallint("position").notNull(),
    altOverride: text("alt_override"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "post_media_pkey", columns: [t.postId, t.position] }),
    foreignKey({
      name: "post_media_post_fkey",
      columns: [t.orgId, t.postId],
      foreignColumns: [posts.orgId, posts.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "post_media_media_fkey",
      columns: [t.orgId, t.mediaId],
      foreignColumns: [mediaAssets.orgId, mediaAssets.id],
    }),
    unique("post_media_post_id_media_id_key").on(t.postId, t.mediaId),
    index("post_media_media_id_idx").on(t.mediaId),
    index("post_media_org_id_idx").on(t.orgId),
  ],
);
export type PostMedia = typeof postMedia.$inferSelect;
