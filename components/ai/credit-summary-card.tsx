// The top of the Credits page: what is left this month out of the plan's allowance, and when the
// credits renew (in the org's zone). Unused credits do not carry over.
import { Coins } from "lucide-react";
import { formatOrgDateTime } from "@/components/social/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { CreditSummary } from "@/lib/ai/credits";

export function CreditSummaryCard({
  summary,
  planLabel,
  timeZone,
}: {
  summary: CreditSummary | null;
  planLabel: string | null;
  timeZone: string;
}) {
  if (!summary) {
    return (
      <EmptyState
        icon={Coins}
        title="No credits yet"
        description="This organization has not received its monthly credits. They arrive within a few minutes of the month starting."
        data-testid="credits-none"
      />
    );
  }
  const allowance = summary.monthlyAllowance;
  const percentLeft = allowance > 0 ? Math.min(100, (summary.balance / allowance) * 100) : 0;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" id="balance-title">
          This month
        </CardTitle>
        <CardDescription>
          One credit per text the AI writes. Unused credits expire when the month ends.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="grid gap-2">
          <p className="flex items-baseline gap-2">
            <span
              className="text-4xl font-semibold tracking-tight tabular-nums"
              data-testid="credits-balance"
              data-balance={summary.balance}
            >
              {summary.balance.toLocaleString("en-US")}
            </span>
            <span className="text-sm text-muted-foreground">
              of {allowance.toLocaleString("en-US")} credits left
            </span>
          </p>
          <div
            role="meter"
            aria-labelledby="balance-title"
            aria-valuemin={0}
            aria-valuemax={allowance}
            aria-valuenow={Math.min(summary.balance, allowance)}
            aria-valuetext={`${summary.balance} of ${allowance} credits left`}
            className="h-2 overflow-hidden rounded-full bg-muted"
          >
            <div
              className={percentLeft < 10 ? "h-full bg-destructive" : "h-full bg-primary"}
              style={{ width: `${percentLeft}%` }}
            />
          </div>
        </div>
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <div className="grid gap-1">
            <dt className="text-muted-foreground">Plan</dt>
            <dd className="font-medium" data-testid="credits-plan">
              {planLabel ?? summary.plan}
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-muted-foreground">Monthly allowance</dt>
            <dd className="font-medium tabular-nums">
              {allowance.toLocaleString("en-US")} credits
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-muted-foreground">Renews</dt>
            <dd className="font-medium">
              <time dateTime={summary.renewsAt} data-testid="credits-renews">
                {formatOrgDateTime(summary.renewsAt, timeZone)}
              </time>
            </dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}
