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
export type TableRule = { roles: readonly OrgRole[]; rows: RowScope };

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
};
