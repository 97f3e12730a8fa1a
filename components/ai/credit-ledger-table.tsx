// The credit ledger, newest first: when (in the org's zone), what moved the balance, by how much,
// the balance after, and who. A generation links to its post. Paged by id (?before=).
import { ReceiptText } from "lucide-react";
import Link from "next/link";
import { ledgerRowView } from "@/components/ai/ledger-format";
import { formatOrgDateTime } from "@/components/social/format";
import { EmptyState } from "@/components/ui/empty-state";
import type { LedgerEntry } from "@/lib/ai/credits";
import { cn } from "@/lib/utils";

export function CreditLedgerTable({
  org,
  entries,
  isFirstPage,
}: {
  org: { slug: string; timezone: string };
  entries: LedgerEntry[];
  isFirstPage: boolean;
}) {
  if (entries.length === 0) {
    return (
      <EmptyState
        icon={ReceiptText}
        headingLevel="h3"
        title={isFirstPage ? "No credit movements yet" : "No older entries"}
        description={
          isFirstPage
            ? "Monthly grants, generations and refunds will be listed here."
            : "This is the start of the ledger."
        }
        className="py-8"
        data-testid="ledger-empty"
      />
    );
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-labelledby="ledger-title">
        <thead>
          <tr className="border-b text-left text-muted-foreground">
            <th scope="col" className="py-2 pr-4 font-medium">
              When
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              What
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Credits
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Balance after
            </th>
            <th scope="col" className="py-2 font-medium">
              Who
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {entries.map((entry) => {
            const row = ledgerRowView(entry);
            return (
              <tr
                key={entry.id}
                className="align-top"
                data-testid="ledger-row"
                data-kind={entry.kind}
                data-entry-id={entry.id}
              >
                <td className="py-3 pr-4 whitespace-nowrap text-muted-foreground">
                  <time dateTime={entry.createdAt}>
                    {formatOrgDateTime(entry.createdAt, org.timezone)}
                  </time>
                </td>
                <th scope="row" className="py-3 pr-4 text-left font-normal">
                  <span className="font-medium">{row.kindLabel}</span>
                  {row.operation ? (
                    <span className="text-muted-foreground"> · {row.operation}</span>
                  ) : null}
                  {row.postId ? (
                    <>
                      {" · "}
                      <Link
                        href={`/${org.slug}/posts/${row.postId}`}
                        className="font-medium text-primary underline-offset-4 hover:underline"
                      >
                        Open post
                      </Link>
                    </>
                  ) : null}
                  {row.note ? (
                    <span className="block text-xs text-muted-foreground">{row.note}</span>
                  ) : null}
                </th>
                <td
                  className={cn(
                    "py-3 pr-4 text-right font-medium whitespace-nowrap tabular-nums",
                    row.direction === "in" ? "text-success" : "text-destructive",
                  )}
                  data-testid="ledger-amount"
                >
                  {row.amount}
                  <span className="sr-only">
                    {row.direction === "in"
                      ? " credits added"
                      : entry.kind === "expire"
                        ? " credits expired"
                        : " credits used"}
                  </span>
                </td>
                <td className="py-3 pr-4 text-right tabular-nums">
                  {entry.balanceAfter.toLocaleString("en-US")}
                </td>
                <td className="py-3">{row.who}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
