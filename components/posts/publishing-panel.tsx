"use client";
// The post's networks as the worker sees them: who each publishes as, its status, the link once
// published, the network's reason when it failed, and "check before reposting" (mark as published,
// or retry anyway) when the outcome is unknown. It asks the server again every 2 s while anything
// is due or on its way, so a post turns "Published" on screen without a reload.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, ExternalLink, Loader2, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useState, useTransition } from "react";
import {
  accountNotice,
  pollInterval,
  targetStatusLabels,
} from "@/components/posts/publishing-status";
import { formatLocal } from "@/components/posts/schedule-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { idleState } from "@/lib/actions/state";
import type { PostStatus } from "@/lib/posts/constants";
import { networkRules, isNetwork } from "@/lib/posts/networks";
import {
  markTargetPublishedAction,
  postPublishingAction,
  retryTargetAction,
} from "@/lib/publishing/actions";
import type { PostPublishing, TargetPublishing } from "@/lib/publishing/queries";
import { cn } from "@/lib/utils";

type Props = {
  org: string;
  timeZone: string;
  postId: string;
  /** The post's status as the editor knows it; a change (schedule, unschedule) refetches. */
  status: PostStatus;
  scheduledAt: string | null;
  canPublish: boolean;
  /** Publishing moved the post on (the worker changes its status, never its revision). */
  onStatus: (status: PostStatus, scheduledAt: string | null) => void;
};

const label = (network: string) => (isNetwork(network) ? networkRules[network].label : network);

export function PublishingPanel(props: Props) {
  const { org, postId, onStatus } = props;
  const queryClient = useQueryClient();
  const key = ["post-publishing", postId, props.status, props.scheduledAt];
  const query = useQuery({
    queryKey: key,
    queryFn: async () => {
      const res = await postPublishingAction(idleState, { org, postId });
      if (res.status === "success") return res.data;
      throw new Error(res.status === "error" ? res.message : "No answer from the server.");
    },
    refetchInterval: (q) => (q.state.data ? pollInterval(q.state.data.targets, Date.now()) : 5_000),
    // Back on the tab: ask at once, even when the last answer is younger than the app's staleTime.
    refetchOnWindowFocus: "always",
    // A status change makes a new key: keep showing the last answer meanwhile.
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  // Only a fresh answer for this key: the placeholder is the answer from before the editor's own
  // write (schedule, publish now) and would move the post back.
  const isFresh = !query.isPlaceholderData;
  useEffect(() => {
    if (!data || !isFresh) return;
    if (data.status !== props.status || data.scheduledAt !== props.scheduledAt)
      onStatus(data.status, data.scheduledAt);
  }, [data, isFresh, props.status, props.scheduledAt, onStatus]);

  const replace = (next: PostPublishing | null) => {
    if (next) queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: ["post-publishing", postId] });
  };

  const targets = data?.targets.filter((t) => t.status !== "draft") ?? [];
  if (data && targets.length === 0) return null;

  return (
    <section aria-label="Publishing" className="grid gap-3" data-testid="publishing-panel">
      <h2 className="text-sm font-semibold">Publishing</h2>
      {query.isPending ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner /> Loading the networks…
        </p>
      ) : null}
      {query.isError && !data ? (
        <p role="alert" className="text-sm text-destructive">
          {query.error.message}
        </p>
      ) : null}
      <ul className="grid gap-2" aria-live="polite">
        {targets.map((t) => (
          <TargetRow
            key={t.id}
            org={org}
            target={t}
            timeZone={props.timeZone}
            canPublish={props.canPublish}
            onChanged={replace}
          />
        ))}
      </ul>
    </section>
  );
}

function TargetRow(props: {
  org: string;
  target: TargetPublishing;
  timeZone: string;
  canPublish: boolean;
  onChanged: (next: PostPublishing | null) => void;
}) {
  const { target: t, org } = props;
  const network = label(t.network);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirmRetry, setConfirmRetry] = useState(false);
  const [marking, setMarking] = useState(false);
  const [url, setUrl] = useState("");
  const id = useId();

  const retry = () =>
    start(async () => {
      setError(null);
      const res = await retryTargetAction(idleState, { org, targetId: t.id });
      if (res.status === "error") return setError(res.message);
      setConfirmRetry(false);
      props.onChanged(res.status === "success" ? res.data : null);
    });
  const markPublished = () =>
    start(async () => {
      setError(null);
      const res = await markTargetPublishedAction(idleState, {
        org,
        targetId: t.id,
        url: url.trim() || undefined,
      });
      if (res.status === "error") return setError(res.fieldErrors?.url ?? res.message);
      setMarking(false);
      props.onChanged(res.status === "success" ? res.data : null);
    });

  return (
    <li
      className="grid gap-2 rounded-md border p-3 text-sm"
      data-testid="target-row"
      data-network={t.network}
      data-status={t.status}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-medium">{network}</span>
          <AccountNote org={org} network={network} target={t} />
        </span>
        <Badge
          variant="outline"
          className={cn(
            t.status === "published" && "border-emerald-300 bg-emerald-50 text-emerald-900",
            t.status === "failed" && "border-red-300 bg-red-50 text-red-900",
            t.status === "unconfirmed" && "border-amber-400 bg-amber-50 text-amber-900",
            t.status === "publishing" && "border-violet-300 bg-violet-50 text-violet-900",
          )}
        >
          {t.status === "publishing" ? (
            <Loader2 aria-hidden="true" className="size-3 motion-safe:animate-spin" />
          ) : null}
          {targetStatusLabels[t.status]}
        </Badge>
      </div>

      {t.status === "scheduled" && t.scheduledAt ? (
        <p className="text-muted-foreground">
          Due <time dateTime={t.scheduledAt}>{formatLocal(t.scheduledAt, props.timeZone)}</time> (
          {props.timeZone.replaceAll("_", " ")}).
        </p>
      ) : null}

      {t.status === "published" ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted-foreground">
          {t.publishedAt ? (
            <time dateTime={t.publishedAt}>{formatLocal(t.publishedAt, props.timeZone)}</time>
          ) : null}
          {t.platformUrl ? (
            <a
              href={t.platformUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline"
            >
              View post <ExternalLink aria-hidden="true" className="size-3" />
              <span className="sr-only"> on {network} (opens in a new tab)</span>
            </a>
          ) : null}
          {t.error ? <span>{t.error}</span> : null}
        </p>
      ) : null}

      {t.status === "failed" ? (
        <div className="grid gap-2">
          <p className="text-destructive">{t.error ?? `${network} did not publish the post.`}</p>
          {props.canPublish ? (
            <div>
              <Button type="button" size="sm" variant="outline" onClick={retry} disabled={pending}>
                <RotateCcw aria-hidden="true" /> Retry
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}

      {t.status === "unconfirmed" ? (
        <div
          className="grid gap-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950"
          data-testid="check-before-reposting"
        >
          <p className="flex items-center gap-2 font-medium">
            <AlertTriangle aria-hidden="true" className="size-4" /> Check {network} before reposting
          </p>
          <p>{t.error}</p>
          {props.canPublish ? (
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                size="sm"
                onClick={() => {
                  setConfirmRetry(false);
                  setMarking((m) => !m);
                }}
                aria-expanded={marking}
                disabled={pending}
              >
                Mark as published
              </Button>
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={() => {
                  setMarking(false);
                  setConfirmRetry(true);
                }}
                aria-expanded={confirmRetry}
                disabled={pending}
              >
                Retry anyway
              </Button>
            </div>
          ) : null}
          {marking ? (
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                markPublished();
              }}
            >
              <div className="grid gap-1">
                <Label htmlFor={`${id}-url`}>Link to the post (optional)</Label>
                <Input
                  id={`${id}-url`}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  onKeyDown={(e) => e.key === "Escape" && setMarking(false)}
                  autoFocus
                  className="w-72 bg-background"
                />
              </div>
              <Button type="submit" size="sm" disabled={pending}>
                Confirm
              </Button>
            </form>
          ) : null}
          {confirmRetry ? (
            <div
              role="alertdialog"
              aria-labelledby={`${id}-retry`}
              className="grid gap-2"
              onKeyDown={(e) => e.key === "Escape" && setConfirmRetry(false)}
            >
              <p id={`${id}-retry`}>
                If the post did reach {network}, retrying may publish it twice. Retry anyway?
              </p>
              <div className="flex gap-2">
                <Button
                  type="button"
                  size="sm"
                  variant="destructive"
                  onClick={retry}
                  disabled={pending}
                >
                  Yes, retry
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  onClick={() => setConfirmRetry(false)}
                  // The safe answer has the focus: Enter by habit must not post twice.
                  autoFocus
                >
                  Cancel
                </Button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}

      {error ? (
        <p role="alert" className="text-destructive">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** Who the target goes out as, or why it cannot (amber, with the way to the Accounts page). */
function AccountNote({
  org,
  network,
  target: t,
}: {
  org: string;
  network: string;
  target: TargetPublishing;
}) {
  const notice = accountNotice(t);
  const accounts = (text: string) => (
    <Link href={`/${org}/accounts`} className="underline underline-offset-4">
      {text}
    </Link>
  );
  if (notice === "missing")
    return (
      <span className="text-amber-700" data-testid="account-problem">
        No {network} account connected — {accounts("connect it in Accounts")}
      </span>
    );
  if (notice === "reconnect")
    return (
      <span className="text-amber-700" data-testid="account-problem">
        as {t.account!.displayName} — {accounts("needs reconnecting")}
      </span>
    );
  if (notice === "as")
    return <span className="text-muted-foreground">as {t.account!.displayName}</span>;
  return null;
}
