"use client";
// The publishing health panel: the org's figures of the last and next day, what is late, accounts
// that need reconnecting, and the job queues. Refreshed every 15 s while the page is visible
// (TanStack Query pauses the interval in a hidden tab) and on demand.
import { useQuery } from "@tanstack/react-query";
import { CircleCheck, Loader2, RefreshCw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { HealthStatCard } from "@/components/social/health-stat-card";
import { formatOrgDateTime, networkLabel, overdueReason, plural } from "@/components/social/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { idleState } from "@/lib/actions/state";
import { publishingHealthAction } from "@/lib/publishing/actions";
import type { PublishingHealth } from "@/lib/publishing/queries";

const REFRESH_MS = 15_000;
/** The query's limit (lib/publishing/queries.ts): a full list may have more behind it. */
const OVERDUE_LIMIT = 20;

const amberAlert = "border-amber-500/50 bg-amber-500/10 text-amber-900 dark:text-amber-200";

export function PublishingHealthPanel({
  org,
  initial,
  loadedAt,
}: {
  org: { slug: string; timezone: string };
  initial: PublishingHealth;
  /** When the server read `initial` (ISO). */
  loadedAt: string;
}) {
  const health = useQuery({
    queryKey: ["publishing-health", org.slug],
    queryFn: async () => {
      const res = await publishingHealthAction(idleState, { org: org.slug });
      if (res.status === "success") return res.data;
      throw new Error(res.status === "error" ? res.message : "No answer from the server.");
    },
    initialData: initial,
    initialDataUpdatedAt: Date.parse(loadedAt),
    staleTime: REFRESH_MS / 2,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const h = health.data;
  const updatedAt = new Date(health.dataUpdatedAt).toISOString();
  const postsWith = (status: string) => `/${org.slug}/posts?status=${status}`;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          Updated{" "}
          <time dateTime={updatedAt} suppressHydrationWarning data-testid="health-updated-at">
            {formatOrgDateTime(updatedAt, org.timezone)}
          </time>
          . Refreshes every 15 seconds while this page is open.
        </p>
        <Button
          type="button"
          variant="outline"
          size="sm"
          aria-busy={health.isFetching || undefined}
          onClick={() => void health.refetch({ cancelRefetch: false })}
        >
          {health.isFetching ? (
            <Loader2 aria-hidden="true" className="animate-spin" />
          ) : (
            <RefreshCw aria-hidden="true" />
          )}
          Refresh
        </Button>
      </div>

      {health.isError ? (
        <Alert variant="destructive" data-testid="health-error">
          <AlertDescription>
            Could not refresh: {health.error.message} The figures below are from the last update.
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <HealthStatCard
          title="Upcoming"
          caption="Scheduled in the next 24 hours"
          value={h.upcoming}
          testId="health-upcoming"
        />
        <HealthStatCard
          title="Published"
          caption="In the last 24 hours"
          value={h.publishedLastDay}
          testId="health-published"
        />
        <HealthStatCard
          title="Unconfirmed"
          caption="Outcome unknown: check before reposting"
          value={h.unconfirmed}
          tone={h.unconfirmed > 0 ? "warning" : undefined}
          link={{ href: postsWith("unconfirmed"), label: "See unconfirmed posts" }}
          testId="health-unconfirmed"
        />
        <HealthStatCard
          title="Failed"
          caption="In the last 7 days"
          value={h.failedLastWeek}
          tone={h.failedLastWeek > 0 ? "danger" : undefined}
          link={{ href: postsWith("failed"), label: "See failed posts" }}
          testId="health-failed"
        />
      </div>

      <Card>
        <CardHeader>
          <CardTitle as="h2" id="overdue-title">
            Overdue
          </CardTitle>
          <CardDescription>
            Due more than a minute ago and not published yet.
            {h.overdue.length >= OVERDUE_LIMIT ? ` The ${OVERDUE_LIMIT} oldest are shown.` : null}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {h.overdue.length === 0 ? (
            <p
              className="flex items-center gap-2 rounded-lg border border-success/40 bg-success/5 px-4 py-3 text-sm font-medium text-success"
              data-testid="nothing-late"
            >
              <CircleCheck aria-hidden="true" className="size-4" />
              Nothing is late
            </p>
          ) : (
            <ul className="divide-y" aria-labelledby="overdue-title" data-testid="overdue-list">
              {h.overdue.map((t) => (
                <li
                  key={t.targetId}
                  className="grid gap-0.5 py-3 text-sm"
                  data-testid="overdue-item"
                  data-target-id={t.targetId}
                >
                  <Link
                    href={`/${org.slug}/posts/${t.postId}`}
                    className="font-medium text-primary underline-offset-4 hover:underline"
                  >
                    {networkLabel(t.network)} post
                    {t.scheduledAt ? (
                      <>
                        {" due "}
                        <time dateTime={t.scheduledAt} suppressHydrationWarning>
                          {formatOrgDateTime(t.scheduledAt, org.timezone)}
                        </time>
                      </>
                    ) : null}
                  </Link>
                  <p className="text-muted-foreground">{overdueReason(t.status)}</p>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2" id="reauth-title">
              Accounts needing reconnection
            </CardTitle>
            <CardDescription>
              Their scheduled posts fail until they are reconnected.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            {h.accountsNeedingReauth.length === 0 ? (
              <p className="flex items-center gap-2 text-muted-foreground" data-testid="no-reauth">
                <CircleCheck aria-hidden="true" className="size-4 text-success" />
                Every connected account is working.
              </p>
            ) : (
              <ul className="divide-y" aria-labelledby="reauth-title" data-testid="reauth-list">
                {h.accountsNeedingReauth.map((a) => (
                  <li key={a.id} className="py-2">
                    <p className="font-medium">
                      {a.displayName}{" "}
                      <span className="font-normal text-muted-foreground">
                        · {networkLabel(a.network)}
                      </span>
                    </p>
                    {a.statusReason ? (
                      <p className="text-amber-800 dark:text-amber-300">{a.statusReason}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <Link
              href={`/${org.slug}/accounts`}
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              Go to Accounts
            </Link>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle as="h2" id="queues-title">
              Queues
            </CardTitle>
            <CardDescription>
              This organization&apos;s posts waiting to go out, per network.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            {h.queuesError ? (
              <Alert className={amberAlert} role="alert" data-testid="queues-error">
                <TriangleAlert aria-hidden="true" />
                <AlertDescription className="text-current">{h.queuesError}</AlertDescription>
              </Alert>
            ) : null}
            <table className="w-full text-sm" aria-labelledby="queues-title">
              <thead>
                <tr className="border-b text-left text-muted-foreground">
                  <th scope="col" className="py-2 font-medium">
                    Network
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Due now
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Later
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Publishing
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {h.queues.map((q) => (
                  <tr key={q.network} data-testid="queue-row" data-network={q.network}>
                    <th scope="row" className="py-2 text-left font-medium">
                      {networkLabel(q.network)}
                    </th>
                    <td className="py-2 text-right tabular-nums" data-testid="queue-due">
                      {q.due}
                    </td>
                    <td className="py-2 text-right tabular-nums" data-testid="queue-later">
                      {q.later}
                    </td>
                    <td className="py-2 text-right tabular-nums" data-testid="queue-publishing">
                      {q.publishing}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="text-xs text-muted-foreground" data-testid="queue-total">
              {plural(
                h.queues.reduce((n, q) => n + q.due + q.later + q.publishing, 0),
                "post",
              )}{" "}
              in the queue.
            </p>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
