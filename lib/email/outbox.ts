// The dev outbox: emails the local Resend stand-in received. Only when DEV_OUTBOX is on (never in
// production), and only from a loopback stand-in.
import "server-only";
import { getEnv } from "@/lib/env";

export type OutboxEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  created_at: string;
};

export function isOutboxEnabled(): boolean {
  const env = getEnv();
  // A loopback stand-in is the guard: production talks to Resend itself and has no outbox.
  if (!env.DEV_OUTBOX || !env.RESEND_BASE_URL) return false;
  return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(env.RESEND_BASE_URL).hostname);
}

export async function listOutbox(limit = 30): Promise<OutboxEmail[]> {
  const env = getEnv();
  const headers = { authorization: `Bearer ${env.RESEND_API_KEY}` };
  const list = await fetch(`${env.RESEND_BASE_URL}/emails?limit=${limit}`, {
    headers,
    cache: "no-store",
  });
  if (!list.ok) throw new Error(`outbox list failed: HTTP ${list.status}`);
  const { data } = (await list.json()) as { data: { id: string }[] };
  return Promise.all(
    data.map(async ({ id }) => {
      const res = await fetch(`${env.RESEND_BASE_URL}/emails/${id}`, {
        headers,
        cache: "no-store",
      });
      return (await res.json()) as OutboxEmail;
    }),
  );
}
