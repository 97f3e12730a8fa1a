// Telling people when publishing goes wrong: an in-app notice and an email (category "publishing",
// so they can turn the emails off), each once per target attempt or account problem.
import "server-only";
import { queueUserEmail } from "@/lib/email/queue-email";
import { createLogger } from "@/lib/logger";
import { notify } from "@/lib/notifications/notify";
import { networkLabels } from "@/lib/social/labels";
import type { SocialNetwork } from "@/lib/social/types";

const log = createLogger({ component: "publishing-notices" });

export async function noticePublishProblem(input: {
  orgId: string;
  orgSlug: string;
  postId: string;
  targetId: string;
  attempt: number;
  network: SocialNetwork;
  title: string | null;
  body: string;
  recipients: (string | null)[];
  status: "failed" | "unconfirmed";
  reason: string;
}): Promise<void> {
  const network = networkLabels[input.network];
  const postTitle = input.title?.trim() || excerpt(input.body);
  const path = `/${input.orgSlug}/posts/${input.postId}`;
  const title =
    input.status === "failed"
      ? `Not published on ${network}: ${postTitle}`
      : `Check ${network} before reposting: ${postTitle}`;
  for (const userId of new Set(input.recipients.filter((u): u is string => !!u))) {
    try {
      await notify(input.orgId, userId, {
        kind: input.status === "failed" ? "post_failed" : "post_unconfirmed",
        title: title.slice(0, 200),
        body: input.reason,
        link: path,
      });
      await queueUserEmail({
        userId,
        template: "publish_problem",
        data: { status: input.status, network, postTitle, reason: input.reason, path },
        category: "publishing",
        dedupeKey: `publish:${input.targetId}:${input.attempt}:${input.status}:${userId}`,
      });
    } catch (err) {
      // The post's status already says what happened; a lost notice must not undo it.
      log.error("publish notice failed", { err, targetId: input.targetId, userId });
    }
  }
}

export async function noticeAccountNeedsReauth(input: {
  orgId: string;
  orgSlug: string;
  accountId: string;
  network: SocialNetwork;
  accountName: string;
  userId: string | null;
  reason: string;
}): Promise<void> {
  if (!input.userId) return;
  const network = networkLabels[input.network];
  const path = `/${input.orgSlug}/accounts`;
  try {
    await notify(input.orgId, input.userId, {
      kind: "account_needs_reauth",
      title: `Reconnect ${network} (${input.accountName})`.slice(0, 200),
      body: input.reason,
      link: path,
    });
    await queueUserEmail({
      userId: input.userId,
      template: "account_reauth",
      data: { network, accountName: input.accountName, reason: input.reason, path },
      category: "publishing",
      dedupeKey: `reauth:${input.accountId}:${new Date().toISOString().slice(0, 10)}`,
    });
  } catch (err) {
    log.error("reauth notice failed", { err, accountId: input.accountId });
  }
}

function excerpt(body: string): string {
  const line = body.trim().split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || "Untitled post";
}
