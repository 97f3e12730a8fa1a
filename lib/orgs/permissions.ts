// The permission matrix: each action → the roles allowed. The RLS policies in supabase/migrations
// mirror it; the UI shows actions by it; the database refuses regardless.
import type { OrgRole } from "@/lib/db/schema";

export const roles = [
  "owner",
  "admin",
  "brand_creator",
  "employee",
  "viewer",
] as const satisfies readonly OrgRole[];

export const roleLabels: Record<OrgRole, string> = {
  owner: "Owner",
  admin: "Admin",
  brand_creator: "Brand creator",
  employee: "Employee",
  viewer: "Viewer",
};

export const permissions = {
  "org.view": ["owner", "admin", "brand_creator", "employee", "viewer"],
  "org.update": ["owner", "admin"],
  "org.delete": ["owner"],
  "members.view": ["owner", "admin", "brand_creator", "employee", "viewer"],
  "activity.view": ["owner", "admin"],
} as const satisfies Record<string, readonly OrgRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: OrgRole | null | undefined, permission: Permission): boolean {
  return !!role && (permissions[permission] as readonly OrgRole[]).includes(role);
}
