// post.publish: publishes one target (DESIGN.md §4). Claim the row, write the attempt, call the
// network, store what happened. What the network's answer proves decides the next step:
//   nothing was sent, or a 500/503        → retry with backoff (the same job; after the last try: failed)
//   429                                    → this job waits Retry-After; the queue keeps going
//   refused (400/403/422/426), token (401) → failed, with the network's reason in plain words
//   timeout, dropped connection, 502/504   → unconfirmed: never re-sent without a person deciding
//   LinkedIn DUPLICATE_POST on a retry      → the earlier attempt landed: published
import "server-only";
import { DelayedError, UnrecoverableError } from "bullmq";
import { z } from "zod";
import { getNow } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { defineJob, type JobContext } from "@/lib/jobs/registry";
import { getFileStore } from "@/lib/media/file-store";
import { noticeAccountNeedsReauth, noticePublishProblem } from "@/lib/publishing/notices";
import {
  accountById,
  claimTarget,
  disconnectedAccountFor,
  earlierAttemptWasSent,
  linkedInMentions,
  markAccountNeedsReauth,
  markAttemptSent,
  markEnded,
  markPublished,
  publishJobId,
  publishToSandbox,
  releaseClaim,
  renewLease,
  saveProgress,
  targetState,
  type AccountForPublishing,
  type ClaimedTarget,
  type PublishJobData,
} from "@/lib/publishing/targets";
import { splitThread } from "@/lib/posts/x-thread";
import { AppError } from "@/lib/errors";
import { TokenDecryptError } from "@/lib/social/crypto";
import { networkLabels } from "@/lib/social/labels";
import { getNetworkClient, isNetworkConfigured } from "@/lib/social/networks";
import { getKeyRing, openToken } from "@/lib/social/tokens";
import { PublishError, socialNetworks, type PublishMedia } from "@/lib/social/types";

const payload = z.object({
  targetId: z.uuid(),
  network: z.enum(socialNetworks),
  dueAt: z.number().int().nonnegative(),
  attempt: z.number().int().min(1),
});

export const publishJob = defineJob({
  name: "post.publish",
  queue: (d) => `publish-${d.network}`,
  schema: payload,
  jobId: publishJobId,
  options: () => ({
    attempts: getEnv().PUBLISH_ATTEMPTS,
    backoff: { type: "exponential", delay: getEnv().PUBLISH_BACKOFF_MS },
  }),
  handler: publishTargetJob,
});

type Ending =
  | { kind: "failed" | "unconfirmed"; code: string; message: string; httpStatus?: number | null }
  | { kind: "published"; platformPostId: string | null; url: string | null; note?: string };

async function publishTargetJob(data: PublishJobData, ctx: JobContext): Promise<void> {
  const env = getEnv();
  const jobId = ctx.job.id ?? publishJobId(data);
  const claimed = await claimTarget(data, jobId, env.PUBLISH_LEASE_MS);
  if (!claimed) return waitIfEarly(data, ctx);
  const { account: claimedAccount, ...target } = claimed;

  let sent = false;
  let partsDone = target.progress?.partIds.length ?? 0;
  // Uploads can outlast the lease: keep it alive while this job holds the claim.
  const heartbeat = setInterval(
    () =>
      renewLease(target, env.PUBLISH_LEASE_MS).catch((err) =>
        ctx.log.warn("lease renewal failed", { err, targetId: target.id }),
      ),
    Math.max(1000, Math.floor(env.PUBLISH_LEASE_MS / 3)),
  );
  try {
    const account = claimedAccount ?? (await disconnectedAccountFor(target));
    const problem = accountProblem(target, account);
    if (problem) return await end(target, problem);

    if (target.network === "sandbox") {
      await publishToSandbox(target, account!, env.APP_URL);
      ctx.log.info("published", { targetId: target.id, network: "sandbox" });
      return;
    }

    const unavailable = setupProblem(target.network);
    if (unavailable) return await end(target, unavailable);
    const client = getNetworkClient(target.network);
    let accessToken: string;
    try {
      accessToken = openToken(
        {
          orgId: target.orgId,
          network: account!.network,
          kind: account!.kind,
          externalId: account!.externalId,
        },
        "access",
        account!.accessTokenEnc!,
      );
    } catch (err) {
      if (!(err instanceof TokenDecryptError)) throw err;
      // This one value no longer opens (its key was removed, or it was tampered with): only a new
      // sign-in replaces it.
      const reason = `The stored sign-in of ${account!.displayName} cannot be read any more. Reconnect the account.`;
      await needsReauth(target, account!, reason);
      return await end(target, { kind: "failed", code: "token_unreadable", message: reason });
    }

    const parts =
      target.network === "x" ? splitThread(target.body, { numbering: true }) : undefined;
    const result = await client.publish({
      account: { kind: account!.kind, externalId: account!.externalId, accessToken },
      text: target.body,
      mentions: target.network === "linkedin" ? await linkedInMentions(target.orgId) : undefined,
      // The X preview shows the thread numbered; publish exactly what it showed.
      parts,
      media: target.media.map(toPublishMedia),
      progress: target.progress,
      onProgress: (p) => {
        partsDone = p.partIds.length;
        return saveProgress(target, p, env.PUBLISH_LEASE_MS);
      },
      markSent: async () => {
        sent = true;
        await markAttemptSent(target, env.PUBLISH_LEASE_MS);
      },
    });
    await end(target, {
      kind: "published",
      platformPostId: result.platformPostId,
      url: result.url,
    });
    ctx.log.info("published", { targetId: target.id, network: target.network });
  } catch (err) {
    if (err instanceof PublishError)
      return handlePublishError(target, err, ctx, sent, partsDone > 0);
    if (err instanceof DelayedError) throw err;
    // Our own failure (database, storage, a bug). Before anything was sent the claim goes back
    // and BullMQ retries; after, the outcome is unknown and a person decides.
    if (sent) {
      await end(target, {
        kind: "unconfirmed",
        code: "internal",
        message:
          "Something went wrong on our side after the post was sent. Check the network before reposting.",
      });
      return;
    }
    await releaseClaim(target, "released", { error: String((err as Error)?.message ?? err) });
    throw err;
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * What this server cannot do for any account (missing app credentials or token keys): the post
 * fails with the reason at once instead of being retried until someone notices.
 */
function setupProblem(network: "linkedin" | "x"): Ending | null {
  const label = networkLabels[network];
  if (!isNetworkConfigured(network))
    return {
      kind: "failed",
      code: "network_not_configured",
      message: `${label} is not set up on this server (the app's client id and secret are missing). An administrator must add them; then retry.`,
    };
  try {
    getKeyRing();
  } catch (err) {
    return {
      kind: "failed",
      code: "server_not_configured",
      message:
        err instanceof AppError
          ? `${err.message} An administrator must fix it; then retry.`
          : "The server's token encryption keys are misconfigured. An administrator must fix them; then retry.",
    };
  }
  return null;
}

/** A job that found nothing to claim: early (the row is due later), or stale (nothing to do). */
async function waitIfEarly(data: PublishJobData, ctx: JobContext) {
  const state = await targetState(data.targetId);
  if (
    state?.status === "scheduled" &&
    state.attempt === data.attempt &&
    state.dueAt === data.dueAt &&
    data.dueAt > getNow().getTime() &&
    ctx.token
  ) {
    await ctx.job.moveToDelayed(data.dueAt, ctx.token);
    throw new DelayedError();
  }
  ctx.log.info("nothing to publish", { targetId: data.targetId, status: state?.status ?? "gone" });
}

function accountProblem(t: ClaimedTarget, account: AccountForPublishing | null): Ending | null {
  const network = networkLabels[t.network];
  if (!account)
    return {
      kind: "failed",
      code: "no_account",
      message:
        t.network === "sandbox"
          ? "No Sandbox account is connected. Connect the Sandbox network in Accounts, then retry."
          : `The person this post is for has not connected ${network}. Connect it in Accounts, then retry.`,
    };
  if (account.status === "disconnected" || (t.network !== "sandbox" && !account.accessTokenEnc))
    return {
      kind: "failed",
      code: "account_disconnected",
      message: `${account.displayName}'s ${network} account was disconnected. Reconnect it in Accounts, then retry.`,
    };
  if (account.status === "needs_reauth")
    return {
      kind: "failed",
      code: "account_needs_reauth",
      message: `${account.displayName}'s ${network} account needs reconnecting. Reconnect it in Accounts, then retry.`,
    };
  return null;
}

async function handlePublishError(
  target: ClaimedTarget,
  err: PublishError,
  ctx: JobContext,
  sent: boolean,
  /** Part of an X thread was already created (by this attempt or an earlier one). */
  threadStarted: boolean,
): Promise<void> {
  const network = networkLabels[target.network];
  const status = err.status;
  ctx.log.warn("publish attempt failed", {
    targetId: target.id,
    network: target.network,
    kind: err.kind,
    status,
    sent,
  });
  switch (err.kind) {
    case "not_sent":
    case "retryable": {
      const job = ctx.job;
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!lastTry) {
        await releaseClaim(target, "retry", { httpStatus: status, error: err.message });
        throw new Error(`${network}: ${err.message}`); // BullMQ retries this job with backoff
      }
      return end(target, {
        kind: "failed",
        code: err.kind === "not_sent" ? "network_unreachable" : "network_error",
        message: `${err.message} We tried ${job.opts.attempts ?? 1} times. Retry when ${network} is back.`,
        httpStatus: status,
      });
    }
    case "rate_limited": {
      await releaseClaim(target, "rate_limited", { httpStatus: status, error: err.message });
      const until = Date.now() + (err.retryAfterMs ?? 60_000);
      if (!ctx.token) throw new UnrecoverableError("rate limited without a job token");
      await ctx.job.moveToDelayed(until, ctx.token);
      throw new DelayedError();
    }
    case "duplicate":
      // A duplicate inside a thread proves only that this part exists: the thread may be incomplete.
      if (threadStarted)
        return end(target, {
          kind: "unconfirmed",
          code: "duplicate_in_thread",
          message: `${err.message} Part of the thread is already on ${network}, so it may be incomplete. Check ${network}: mark it as published if the whole thread is there, or retry it.`,
          httpStatus: status,
        });
      if (await earlierAttemptWasSent(target))
        return end(target, {
          kind: "published",
          platformPostId: null,
          url: null,
          note: `${network} reported this exact post already on the profile: an earlier attempt published it.`,
        });
      return end(target, {
        kind: "failed",
        code: "duplicate",
        message: `${network} refused the post because the same text was already posted on this profile. Change the text, then schedule it again.`,
        httpStatus: status,
      });
    case "auth": {
      const account = await accountById(target.socialAccountId);
      const reason = `${network} refused the connection (the sign-in expired or was revoked).`;
      if (account) await needsReauth(target, account, reason);
      return end(target, {
        kind: "failed",
        code: "auth",
        message: `${reason} Reconnect ${account?.displayName ?? "the account"} in Accounts, then retry.`,
        httpStatus: status,
      });
    }
    case "rejected":
      return end(target, {
        kind: "failed",
        code: "rejected",
        message: err.message,
        httpStatus: status,
      });
    case "unknown":
      return end(target, {
        kind: "unconfirmed",
        code: "unknown_outcome",
        message: `We sent the post to ${network} but got no clear answer (${err.message}). Check ${network} before reposting: mark it as published if it is there, or retry it.`,
        httpStatus: status,
      });
  }
}

async function end(target: ClaimedTarget, ending: Ending) {
  if (ending.kind === "published") {
    await markPublished(target, {
      platformPostId: ending.platformPostId,
      url: ending.url,
      note: ending.note,
    });
    return;
  }
  const changed = await markEnded(target, ending.kind, {
    code: ending.code,
    message: ending.message,
    httpStatus: ending.httpStatus,
  });
  if (!changed) return;
  await noticePublishProblem({
    orgId: target.orgId,
    orgSlug: target.orgSlug,
    postId: target.postId,
    targetId: target.id,
    attempt: target.attempt,
    network: target.network,
    title: target.title,
    body: target.body,
    recipients: [target.authorId, target.onBehalfOf],
    status: ending.kind,
    reason: ending.message,
  });
}

async function needsReauth(target: ClaimedTarget, account: AccountForPublishing, reason: string) {
  if (await markAccountNeedsReauth(account.id, reason))
    await noticeAccountNeedsReauth({
      orgId: target.orgId,
      orgSlug: target.orgSlug,
      accountId: account.id,
      network: account.network,
      accountName: account.displayName,
      userId: account.userId,
      reason,
    });
}

function toPublishMedia(m: ClaimedTarget["media"][number]): PublishMedia {
  return {
    mime: m.mime,
    altText: m.alt,
    fileName: m.name,
    sizeBytes: m.size,
    async bytes() {
      const url = await getFileStore().createDownloadUrl("media", m.path, 600);
      const res = await fetch(url, {
        signal: AbortSignal.timeout(getEnv().PUBLISH_REQUEST_TIMEOUT_MS),
      });
      if (!res.ok)
        throw new PublishError(
          "not_sent",
          `The file ${m.name ?? m.path} could not be read (HTTP ${res.status}).`,
        );
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
