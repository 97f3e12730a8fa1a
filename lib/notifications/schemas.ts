import { z } from "zod";
import { emailCategories, type EmailCategory } from "@/lib/notifications/categories";

const orgSlug = z.string().trim().toLowerCase().min(1).max(60);

export const notificationsInput = z.object({ org: orgSlug });
export const markNotificationReadInput = z.object({ org: orgSlug, id: z.uuid() });

// A checkbox posts "on" when checked and nothing when not; plain objects may send booleans.
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** Every category at once: one that is absent (an unchecked box) is turned off. */
export const emailPreferencesInput = z.object(
  Object.fromEntries(emailCategories.map((c) => [c, checkbox])) as Record<
    EmailCategory,
    typeof checkbox
  >,
);

export const unsubscribeInput = z.object({ token: z.string().trim().min(1).max(200) });
