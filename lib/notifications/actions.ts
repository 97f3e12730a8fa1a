"use server";
// Server actions for the notification bell (TanStack Query calls them as query and mutation
// functions), the email preferences page, and the public unsubscribe page.
import { action, authAction, orgAction } from "@/lib/actions/client";
import { AppError } from "@/lib/errors";
import {
  emailPreferencesInput,
  markNotificationReadInput,
  notificationsInput,
  unsubscribeInput,
} from "@/lib/notifications/schemas";
import { setMyEmailPreferences } from "@/lib/notifications/preferences";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "@/lib/notifications/queries";
import { applyUnsubscribe } from "@/lib/notifications/unsubscribe";

export const listNotificationsAction = orgAction("org.view", notificationsInput, (_input, ctx) =>
  listNotifications(ctx.user.claims, ctx.org.id),
);

export const markNotificationReadAction = orgAction(
  "org.view",
  markNotificationReadInput,
  async (input, ctx) => ({
    updated: await markNotificationRead(ctx.user.claims, ctx.org.id, input.id),
  }),
);

export const markAllReadAction = orgAction("org.view", notificationsInput, async (_input, ctx) => ({
  updated: await markAllNotificationsRead(ctx.user.claims, ctx.org.id),
}));

export const updateEmailPreferencesAction = authAction(
  emailPreferencesInput,
  async (input, ctx) => {
    const saved = await setMyEmailPreferences(ctx.user.claims, input);
    ctx.log.info("email preferences saved");
    return saved;
  },
);

/** Public (no session): the token is the credential. */
export const unsubscribeAction = action(unsubscribeInput, async (input, ctx) => {
  const done = await applyUnsubscribe(input.token);
  if (!done)
    throw new AppError(
      "not_found",
      "This unsubscribe link is not valid. Open it from the email again.",
    );
  ctx.log.info("unsubscribed by link", { userId: done.userId, category: done.category });
  return { category: done.category };
});
