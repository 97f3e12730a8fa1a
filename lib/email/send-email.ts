// email.send job: renders an email_log row and sends it through Resend. The row id is Resend's
// idempotency key, so a job that runs again after a crash (BullMQ is at-least-once) sends once.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { Resend } from "resend";
import { z } from "zod";
import { withAdmin } from "@/lib/db/admin";
import { emailLog } from "@/lib/db/schema";
import { renderEmail, type RenderedEmail } from "@/lib/email/templates";
import { getEnv } from "@/lib/env";
import { defineJob } from "@/lib/jobs/registry";
import { isEmailCategoryEnabled } from "@/lib/notifications/preferences";

// Resend error names that no retry will fix.
const permanentErrors = new Set([
  "validation_error",
  "missing_required_field",
  "invalid_parameter",
  "invalid_from_address",
  "restricted_api_key",
  "invalid_api_key",
]);

let client: Resend | undefined;
function resend(): Resend {
  const env = getEnv();
  client ??= new Resend(
    env.RESEND_API_KEY,
    env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined,
  );
  return client;
}

export const sendEmailJob = defineJob({
  name: "email.send",
  queue: "email",
  schema: z.object({ emailId: z.uuid() }),
  jobId: ({ emailId }) => `email-${emailId}`,
  async handler({ emailId }, { job, log }) {
    const env = getEnv();
    const [row] = await withAdmin((tx) =>
      tx
        .update(emailLog)
        .set({ attempts: sql`${emailLog.attempts} + 1` })
        .where(eq(emailLog.id, emailId))
        .returning(),
    );
    if (!row) return log.warn("email row not found", { emailId });
    if (row.status !== "queued")
      return log.info("email already handled", { emailId, status: row.status });

    let email: RenderedEmail;
    try {
      email = renderEmail(row.template, row.data, {
        appUrl: env.APP_URL,
        userId: row.userId,
        category: row.category,
        unsubscribeSecret: env.UNSUBSCRIBE_SECRET,
      });
    } catch (err) {
      // A row that cannot be rendered never will be: fail it rather than retry (and re-sweep) forever.
      await withAdmin((tx) =>
        tx
          .update(emailLog)
          .set({ status: "failed", error: `render: ${(err as Error).message}`.slice(0, 500) })
          .where(eq(emailLog.id, emailId)),
      );
      return log.error("email could not be rendered", { emailId, err });
    }
    // Non-essential emails honour the recipient's email_preferences; essential ones have no category.
    if (
      email.category &&
      row.userId &&
      !(await isEmailCategoryEnabled(row.userId, email.category))
    ) {
      await withAdmin((tx) =>
        tx.update(emailLog).set({ status: "suppressed" }).where(eq(emailLog.id, emailId)),
      );
      return log.info("email suppressed by preference", { emailId, category: email.category });
    }
    const { data, error } = await resend().emails.send(
      {
        from: env.EMAIL_FROM,
        to: row.toEmail,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers,
      },
      { idempotencyKey: row.id },
    );
    if (error) {
      const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (permanentErrors.has(error.name) || isLastAttempt) {
        await withAdmin((tx) =>
          tx
            .update(emailLog)
            .set({ status: "failed", error: `${error.name}: ${error.message}` })
            .where(eq(emailLog.id, emailId)),
        );
        log.error("email failed", { emailId, error: error.name });
        return;
      }
      throw new Error(`Resend: ${error.name}: ${error.message}`);
    }
    await withAdmin((tx) =>
      tx
        .update(emailLog)
        .set({ status: "sent", providerId: data?.id ?? null, sentAt: new Date(), error: null })
        .where(eq(emailLog.id, emailId)),
    );
    log.info("email sent", { emailId, template: row.template });
  },
});
