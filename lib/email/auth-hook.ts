// Supabase's Send Email Hook: every auth email (confirmation, recovery, magic link, email change)
// arrives here signed; we queue it like any other email. Answers in the shape Supabase expects.
import "server-only";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { queueAuthEmail } from "@/lib/email/queue-email";
import { authActionTypes } from "@/lib/email/templates";
import { verifyStandardWebhook } from "@/lib/email/webhook-signature";

const hookPayload = z.object({
  user: z.object({ id: z.uuid(), email: z.email() }),
  email_data: z.object({
    token: z.string().optional(),
    token_hash: z.string().min(1),
    redirect_to: z.string().optional().default(""),
    email_action_type: z.enum(authActionTypes),
    site_url: z.string().optional(),
    token_new: z.string().optional(),
    token_hash_new: z.string().optional(),
  }),
});

type HookResult = { status: number; body: unknown };
const hookError = (status: number, message: string): HookResult => ({
  status,
  body: { error: { http_code: status, message } },
});

/** The path of `redirectTo` when it points into the app; the default landing otherwise. */
function nextFrom(redirectTo: string, appUrl: string): string {
  try {
    const url = new URL(redirectTo, appUrl);
    if (url.origin === new URL(appUrl).origin && url.pathname.startsWith("/"))
      return `${url.pathname}${url.search}`;
  } catch {
    // fall through
  }
  return "/app";
}

export async function handleAuthEmailHook(headers: Headers, body: string): Promise<HookResult> {
  const env = getEnv();
  const verified = verifyStandardWebhook(env.SEND_EMAIL_HOOK_SECRET, headers, body);
  if (!verified.ok) return hookError(401, `Invalid signature: ${verified.reason}`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return hookError(400, "Body is not JSON");
  }
  const parsed = hookPayload.safeParse(json);
  if (!parsed.success)
    return hookError(400, `Unexpected payload: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const { user, email_data: d } = parsed.data;
  await queueAuthEmail({
    userId: user.id,
    to: user.email,
    // Supabase retries a hook call with the same webhook-id: dedupe on it.
    dedupeKey: `auth-hook-${headers.get("webhook-id")}`,
    data: {
      actionType: d.email_action_type,
      tokenHash: d.token_hash,
      token: d.token,
      next: nextFrom(d.redirect_to, env.APP_URL),
    },
  });
  return { status: 200, body: {} };
}
