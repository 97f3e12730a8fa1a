// Ways an email gets queued: a row in email_log first (the record and the idempotency key), then the job.
import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { withAdmin } from "@/lib/db/admin";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { emailLog } from "@/lib/db/schema";
import { sendEmailJob } from "@/lib/email/send-email";
import { templateData } from "@/lib/email/templates";
import type { EmailCategory } from "@/lib/notifications/categories";
import type { z } from "zod";

/** The signed-in user's welcome email, once per user (app.queue_welcome_email dedupes). */
export async function queueWelcomeEmail(claims: JwtClaims): Promise<string | null> {
  const rows = await withRls(claims, (tx) =>
    tx.execute<{ id: string | null }>(sql`select app.queue_welcome_email() as id`),
  );
  const id = [...rows][0]?.id ?? null;
  if (id) await sendEmailJob.enqueue({ emailId: id });
  return id;
}

/** An auth email from the Send Email Hook (system code: the hook's signature is the caller's proof). */
export async function queueAuthEmail(input: {
  userId: string;
  to: string;
  data: z.input<(typeof templateData)["auth"]>;
  dedupeKey: string;
}): Promise<string> {
  const data = templateData.auth.parse(input.data);
  const [row] = await withAdmin((tx) =>
    tx
      .insert(emailLog)
      .values({
        userId: input.userId,
        template: "auth",
        toEmail: input.to,
        data,
        dedupeKey: input.dedupeKey,
      })
      .onConflictDoUpdate({ target: emailLog.dedupeKey, set: { dedupeKey: input.dedupeKey } })
      .returning({ id: emailLog.id }),
  );
  await sendEmailJob.enqueue({ emailId: row!.id });
  return row!.id;
}

/**
 * A non-essential email to a user from system code (the worker): logged once per `dedupeKey`, sent
 * to their profile's address, honouring their preference for `category` when the job runs.
 */
export async function queueUserEmail<
  T extends "publish_problem" | "account_reauth" | "review_update",
>(input: {
  userId: string;
  template: T;
  data: z.input<(typeof templateData)[T]>;
  category: EmailCategory;
  dedupeKey: string;
}): Promise<string | null> {
  const data = templateData[input.template].parse(input.data);
  const rows = await withAdmin((tx) =>
    tx.execute<{ id: string }>(sql`
      insert into public.email_log (user_id, template, to_email, data, dedupe_key, category)
      select p.id, ${input.template}, p.email, ${JSON.stringify(data)}::jsonb, ${input.dedupeKey}, ${input.category}
        from public.profiles p where p.id = ${input.userId} and p.email is not null
      on conflict (dedupe_key) do nothing
      returning id`),
  );
  const id = [...rows][0]?.id ?? null;
  if (id) await sendEmailJob.enqueue({ emailId: id });
  return id;
}

/** Sweep: re-enqueue emails still queued after `olderThanMs` (their job was lost or never added). */
export async function requeueStaleEmails(olderThanMs = 60_000): Promise<number> {
  const stale = await withAdmin((tx) =>
    tx
      .select({ id: emailLog.id })
      .from(emailLog)
      .where(
        and(
          eq(emailLog.status, "queued"),
          lt(emailLog.createdAt, new Date(Date.now() - olderThanMs)),
        ),
      )
      .limit(500),
  );
  for (const { id } of stale) await sendEmailJob.enqueue({ emailId: id });
  return stale.length;
}
