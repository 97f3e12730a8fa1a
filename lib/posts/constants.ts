// Value lists of the posts tables, for zod schemas, the UI and the Drizzle mirror. The enums and check
// constraints in supabase/migrations/20261122004000_posts.sql list the same values. Client-safe.

export const postStatuses = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
  "publishing",
  "published",
  "failed",
  "unconfirmed",
  "archived",
] as const;
export type PostStatus = (typeof postStatuses)[number];

export const postSources = ["human", "ai"] as const;
export type PostSource = (typeof postSources)[number];

export const campaignStatuses = ["active", "archived"] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** The post_targets.network check; `sandbox` is the local stand-in network. */
export const targetNetworks = ["linkedin", "x", "facebook", "instagram", "sandbox"] as const;
export type TargetNetwork = (typeof targetNetworks)[number];

export const targetStatuses = [
  "draft",
  "scheduled",
  "publishing",
  "published",
  "failed",
  "unconfirmed",
  "cancelled",
] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** Most files on one post (LinkedIn's limit for an image post). */
export const MAX_MEDIA_PER_POST = 20;
