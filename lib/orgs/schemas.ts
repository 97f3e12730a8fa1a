import { z } from "zod";

// Paths an org slug would shadow (top-level routes and what we may add).
export const reservedSlugs = new Set([
  "api",
  "app",
  "auth",
  "login",
  "logout",
  "signup",
  "onboarding",
  "dev",
  "pricing",
  "forgot-password",
  "reset-password",
  "check-email",
  "settings",
  "new",
  "orgs",
  "admin",
  "help",
  "docs",
  "blog",
  "about",
  "legal",
  "privacy",
  "terms",
  "static",
  "public",
  "assets",
  "invite",
  "invitations",
  "preview",
  "share",
  "account",
  "unsubscribe",
]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(
    /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    "Use lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
  )
  .refine((s) => !s.includes("--"), "Use single hyphens only.")
  .refine((s) => !reservedSlugs.has(s), "This address is reserved. Pick another.");

export const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}, "Pick a time zone from the list.");

export const createOrgInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give your organization a name.")
    .max(80, "Use at most 80 characters."),
  slug: slugSchema,
  timezone: timezoneSchema,
});
export type CreateOrgInput = z.infer<typeof createOrgInput>;

/** A slug suggestion from a name: "Acme Studio, Inc." → "acme-studio-inc". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

export const orgRoleSchema = z.enum(
  ["owner", "admin", "brand_creator", "employee", "viewer"],
  "Pick a role.",
);

export const inviteMembersInput = z.object({
  org: z.string(),
  emails: z
    .string()
    .trim()
    .min(1, "Enter at least one email address.")
    .max(20_000, "That list is too long."),
  role: orgRoleSchema,
});

export const memberTargetInput = z.object({ org: z.string(), userId: z.uuid() });
export const changeRoleInput = memberTargetInput.extend({ role: orgRoleSchema });
export const transferOwnershipInput = memberTargetInput.extend({ confirm: z.string() });
export const invitationTargetInput = z.object({ org: z.string(), invitationId: z.uuid() });
export const orgOnlyInput = z.object({ org: z.string() });
