// The permission matrix: each action → the roles allowed, and each table × operation → the roles
// and the rows they reach. The RLS policies and grants in supabase/migrations mirror it, the UI shows
// actions by it, and tests/integration/rls-matrix.test.ts checks the database against it.
import type { OrgRole } from "@/lib/db/schema";

export const roles = [
  "owner",
  "admin",
  "brand_creator",
  "employee",
  "viewer",
] as const satisfies readonly OrgRole[];
const everyone = roles;
const admins = ["owner", "admin"] as const satisfies readonly OrgRole[];
/** Write every post, campaign and media asset of the org. */
const composers = ["owner", "admin", "brand_creator"] as const satisfies readonly OrgRole[];
/** Composers, plus employees on their own posts (see tableAccess.posts) and their own uploads. */
const writers = [
  "owner",
  "admin",
  "brand_creator",
  "employee",
] as const satisfies readonly OrgRole[];

export const roleLabels: Record<OrgRole, string> = {
  owner: "Owner",
  admin: "Admin",
  brand_creator: "Brand creator",
  employee: "Employee",
  viewer: "Viewer",
};

export const roleDescriptions: Record<OrgRole, string> = {
  owner: "Everything, including billing and deleting the organization.",
  admin: "Members, settings, approvals and publishing.",
  brand_creator: "Composes, generates, submits and schedules posts; approves others' drafts.",
  employee: "Their own voice profile and LinkedIn account; approves drafts written for them.",
  viewer: "Reads everything, changes nothing.",
};

/** Higher ranks include what lower ranks may do; nobody grants a role above their own. */
export const roleRank: Record<OrgRole, number> = {
  owner: 5,
  admin: 4,
  brand_creator: 3,
  employee: 2,
  viewer: 1,
};

export const permissions = {
  "org.view": everyone,
  "org.update": admins,
  "org.delete": ["owner"],
  "members.view": everyone,
  "members.invite": admins,
  "members.change_role": admins,
  "members.remove": admins,
  "members.transfer_ownership": ["owner"],
  "activity.view": admins,
  // Posts: an employee only on their own posts (author or on behalf of them) and only while they are
  // drafts; the app.* post functions (20261122004000_posts.sql) enforce the rows and statuses.
  "posts.view": everyone,
  "posts.create": writers,
  "posts.edit": writers,
  "posts.archive": writers,
  "posts.schedule": composers,
  "campaigns.view": everyone,
  "campaigns.manage": composers,
  "media.view": everyone,
  // An employee manages (alt text, delete) only the files they uploaded.
  "media.upload": writers,
  "media.delete": writers,
  // Social accounts: every member but a viewer connects (and disconnects) their own; company pages
  // and other members' accounts are for admins. app.connect_social_account checks the same.
  "accounts.view": everyone,
  "accounts.connect": writers,
  "accounts.manage": admins,
  // Publishing: "publish now", "retry anyway", "mark as published", and the health panel.
  "posts.publish": composers,
  "publishing.health": admins,
  // Voice profiles: every member but a viewer fills in their own (app.save_voice_exercise checks the
  // same); composers read every member's, since they generate drafts in those voices.
  "voice.edit_own": writers,
  "voice.view_all": composers,
  // AI: composers generate in anyone's voice, an employee in their own (app.check_generation_request
  // checks the rows); owners and admins bring the org's own key and read the credit ledger.
  "ai.generate": writers,
  "ai.manage_provider": admins,
  "credits.ledger": admins,
  // Reviews (20261204000300_reviews.sql): anyone but a viewer submits the posts they may edit and
  // comments; composers review others' posts, an employee the posts on behalf of them; owners and
  // admins set the rules. app.review_post and friends check the rows.
  "posts.submit": writers,
  "posts.review": writers,
  "posts.share_preview": writers,
  "reviews.settings": admins,
} as const satisfies Record<string, readonly OrgRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: OrgRole | null | undefined, permission: Permission): boolean {
  return !!role && (permissions[permission] as readonly OrgRole[]).includes(role);
}

/** Roles `actor` may give to someone (invite as, or change to). Owner only through a transfer or by an owner. */
export function assignableRoles(actor: OrgRole): OrgRole[] {
  if (!can(actor, "members.change_role")) return [];
  return roles.filter(
    (r) => roleRank[r] <= roleRank[actor] && (r !== "owner" || actor === "owner"),
  );
}

/** Whether `actor` may change or remove a member whose role is `target`. */
export function canManageMember(actor: OrgRole, target: OrgRole): boolean {
  return can(actor, "members.change_role") && roleRank[target] <= roleRank[actor];
}

export type TableOperation = "select" | "insert" | "update" | "delete";
/** Which rows a grant reaches: any row of the member's org, or only rows that are the member's own. */
export type RowScope = "org" | "own";
export type TableRule = {
  roles: readonly OrgRole[];
  rows: RowScope;
  /** Roles among `roles` that reach only their own rows although `rows` is "org". */
  ownRowsOnly?: readonly OrgRole[];
};

/** The rows `role` reaches under `rule`, or null when the rule does not grant `role` anything. */
export function rowScopeFor(rule: TableRule | undefined, role: OrgRole): RowScope | null {
  if (!rule || !rule.roles.includes(role)) return null;
  return rule.ownRowsOnly?.includes(role) ? "own" : rule.rows;
}

/**
 * Direct table access for `authenticated`, per table and operation (absent = refused). Everything
 * else goes through security definer functions that check `permissions` above: invitations and
 * member changes (app.create_invitation, app.change_member_role…), the audit log
 * (app.log_activity), org creation (app.create_organization).
 */
export const tableAccess: Record<string, Partial<Record<TableOperation, TableRule>>> = {
  organizations: {
    select: { roles: everyone, rows: "org" },
    update: { roles: admins, rows: "org" },
  },
  memberships: { select: { roles: everyone, rows: "org" } },
  profiles: { select: { roles: everyone, rows: "org" }, update: { roles: everyone, rows: "own" } },
  activity_log: { select: { roles: admins, rows: "org" } },
  invitations: { select: { roles: admins, rows: "org" } },
  email_log: {},
  notifications: {
    select: { roles: everyone, rows: "own" },
    update: { roles: everyone, rows: "own" },
  },
  email_preferences: {
    select: { roles: everyone, rows: "own" },
    insert: { roles: everyone, rows: "own" },
    update: { roles: everyone, rows: "own" },
  },
  // Posts (20261122004000_posts.sql): read only. Every write goes through a security definer function
  // (app.create_post, app.save_post_version, app.schedule_post, app.archive_post, app.create_campaign,
  // app.delete_media_asset, …) that checks `permissions` above and logs in the same transaction.
  // An employee's "own" posts are those they author or that are on behalf of them (author_id = me or
  // on_behalf_of = me); a post's versions, targets and media follow the post; their "own" media
  // assets are those they uploaded (uploaded_by = me) or that are attached to a post they can read.
  campaigns: { select: { roles: everyone, rows: "org" } },
  posts: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
  post_versions: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
  post_targets: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
  post_media: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
  media_assets: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
  // Publishing (20261122007000_social_publishing.sql): members read their org's accounts (never the
  // token columns: the grant lists the others) and the Sandbox feed; attempts follow the post. Writes
  // go through app.connect_social_account and friends, or the worker (withAdmin).
  social_accounts: { select: { roles: everyone, rows: "org" } },
  publish_attempts: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
  sandbox_posts: { select: { roles: everyone, rows: "org" } },
  oauth_states: {},
  // Voice (20261204000100_voice.sql): a member reads their own answers; composers read everyone's in
  // the org. Writes only through app.save_voice_exercise.
  voice_exercises: {
    select: { roles: everyone, rows: "org", ownRowsOnly: ["employee", "viewer"] },
  },
  voice_profiles: {
    select: { roles: everyone, rows: "org", ownRowsOnly: ["employee", "viewer"] },
  },
  // AI and credits (20261204000200_ai_credits.sql): every member sees the balance; the ledger and the
  // org's provider (never its key) are for owners and admins; an employee sees the generations they
  // asked for or that are in their voice. All written by security definer functions or the worker.
  credit_balances: { select: { roles: everyone, rows: "org" } },
  credit_ledger: { select: { roles: admins, rows: "org" } },
  ai_providers: { select: { roles: admins, rows: "org" } },
  ai_generations: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
  // Reviews follow their post; preview links too (their token hash is not readable).
  reviews: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
  preview_links: { select: { roles: everyone, rows: "org", ownRowsOnly: ["employee"] } },
};
