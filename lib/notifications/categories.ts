// Email categories a user can turn off. Only non-essential emails have one; essential emails (auth,
// invitations) have none and are always sent. The SQL check constraints in
// supabase/migrations/20261122003000_notifications.sql list the same values.
export const emailCategories = ["product", "team", "review", "publishing"] as const;
export type EmailCategory = (typeof emailCategories)[number];

export const isEmailCategory = (value: unknown): value is EmailCategory =>
  typeof value === "string" && (emailCategories as readonly string[]).includes(value);

export const emailCategoryCopy: Record<EmailCategory, { label: string; description: string }> = {
  product: {
    label: "Product news and tips",
    description: "Your welcome email, tips for getting more out of Ghostart, and what's new.",
  },
  team: {
    label: "Team activity",
    description: "When someone joins one of your organizations or your role changes.",
  },
  review: {
    label: "Reviews",
    description: "When a draft is waiting for your review or someone reviews yours.",
  },
  publishing: {
    label: "Publishing problems",
    description: "When a post fails to publish or a connected account needs reconnecting.",
  },
};
