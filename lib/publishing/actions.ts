"use server";
// Server actions of publishing: a post's live target status (polled by the composer while anything
// is on its way), "retry anyway" and "mark as published" for a target whose outcome is unknown, the
// Sandbox network, disconnecting an account, and the health panel.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { orgAction } from "@/lib/actions/client";
import { getNow } from "@/lib/clock";
import { withRls } from "@/lib/db/rls";
import { AppError, fromDbError } from "@/lib/errors";
import { getPostPublishing, getPublishingHealth } from "@/lib/publishing/queries";
import { enqueuePostTargetsSafely } from "@/lib/publishing/enqueue";
import { connectSandbox, disconnectAccount, listAccounts } from "@/lib/social/accounts";
import { getEnv } from "@/lib/env";

const org = z.object({ org: z.string() });

export const postPublishingAction = orgAction(
  "posts.view",
  org.extend({ postId: z.uuid() }),
  async (input, ctx) => {
    const found = await getPostPublishing(ctx.user.claims, ctx.org.id, input.postId);
    if (!found) throw new AppError("not_found", "That post does not exist.");
    return found;
  },
);

/** The target's post must be in the org of the URL (the permission was checked for that org). */
async function targetInOrg(claims: Parameters<typeof withRls>[0], orgId: string, targetId: string) {
  const rows = await withRls(claims, (tx) =>
    tx.execute<{ postId: string }>(
      sql`select post_id as "postId" from public.post_targets where id = ${targetId} and org_id = ${orgId}`,
    ),
  );
  const row = [...rows][0];
  if (!row) throw new AppError("not_found", "That post does not exist.");
  return row.postId;
}

async function callTarget(
  claims: Parameters<typeof withRls>[0],
  statement: ReturnType<typeof sql>,
) {
  try {
    await withRls(claims, (tx) => tx.execute(statement));
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
}

/** "Retry anyway": a new attempt, due now. For a failed post too, once its cause is fixed. */
export const retryTargetAction = orgAction(
  "posts.publish",
  org.extend({ targetId: z.uuid() }),
  async (input, ctx) => {
    const postId = await targetInOrg(ctx.user.claims, ctx.org.id, input.targetId);
    await callTarget(
      ctx.user.claims,
      sql`select app.retry_target(${input.targetId}::uuid, ${getNow().toISOString()}::timestamptz,
        ${ctx.requestId}, ${ctx.ip}::inet)`,
    );
    await enqueuePostTargetsSafely(postId);
    ctx.log.info("publish retried", { targetId: input.targetId });
    return getPostPublishing(ctx.user.claims, ctx.org.id, postId);
  },
);

export const markTargetPublishedAction = orgAction(
  "posts.publish",
  org.extend({
    targetId: z.uuid(),
    url: z
      .string()
      .trim()
      .transform((v) => v || null)
      .pipe(
        z.url({ protocol: /^https$/, message: "Paste the post's link (https://…)." }).nullable(),
      )
      .optional(),
  }),
  async (input, ctx) => {
    const postId = await targetInOrg(ctx.user.claims, ctx.org.id, input.targetId);
    await callTarget(
      ctx.user.claims,
      sql`select app.mark_target_published(${input.targetId}::uuid, ${input.url ?? null},
        ${ctx.requestId}, ${ctx.ip}::inet)`,
    );
    ctx.log.info("target marked published", { targetId: input.targetId });
    return getPostPublishing(ctx.user.claims, ctx.org.id, postId);
  },
);

export const connectSandboxAction = orgAction("accounts.connect", org, async (_input, ctx) => {
  if (!getEnv().SANDBOX_NETWORK)
    throw new AppError("rule_violation", "The Sandbox network is turned off on this server.");
  const [me] = [
    ...(await withRls(ctx.user.claims, (tx) =>
      tx.execute<{ name: string }>(
        sql`select coalesce(nullif(btrim(full_name), ''), email, 'Me') as name from public.profiles where id = auth.uid()`,
      ),
    )),
  ];
  const account = await connectSandbox(
    ctx.user.claims,
    ctx.org.id,
    { id: ctx.user.id, name: me?.name ?? "Me" },
    ctx,
  );
  ctx.log.info("sandbox connected", { accountId: account.id });
  return listAccounts(ctx.user.claims, ctx.org.id);
});

export const disconnectAccountAction = orgAction(
  "accounts.connect",
  org.extend({ accountId: z.uuid() }),
  async (input, ctx) => {
    await disconnectAccount(ctx.user.claims, ctx.org.id, input.accountId, ctx);
    ctx.log.info("account disconnected", { accountId: input.accountId });
    return listAccounts(ctx.user.claims, ctx.org.id);
  },
);

export const publishingHealthAction = orgAction("publishing.health", org, async (_input, ctx) =>
  getPublishingHealth(ctx.user.claims, ctx.org.id),
);
