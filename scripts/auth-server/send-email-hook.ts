// Supabase's Send Email Hook over HTTP: a Standard Webhooks-signed POST of {user, email_data}.
import { randomUUID } from "node:crypto";
import { signStandardWebhook } from "../../lib/email/webhook-signature";
import type { UserJson } from "./users";

export type EmailActionType = "signup" | "recovery" | "magiclink" | "email_change" | "invite";

export type SendEmailPayload = {
  user: UserJson;
  email_data: {
    token: string;
    token_hash: string;
    redirect_to: string;
    email_action_type: EmailActionType;
    site_url: string;
    token_new: string;
    token_hash_new: string;
  };
};

const HOOK_TIMEOUT_MS = 5_000;

/** Throws when the hook cannot be reached or answers anything but 2xx. */
export async function postSendEmailHook(
  hook: { url: string; secret: string },
  payload: SendEmailPayload,
): Promise<void> {
  const body = JSON.stringify(payload);
  const signature = signStandardWebhook(
    hook.secret,
    randomUUID(),
    Math.floor(Date.now() / 1000),
    body,
  );
  const res = await fetch(hook.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signature },
    body,
    signal: AbortSignal.timeout(HOOK_TIMEOUT_MS),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`Send Email Hook answered HTTP ${res.status}`);
}
