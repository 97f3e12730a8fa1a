// The reviews of a post, oldest first, each anchored to the version it was about.
import { formatOrgDateTime } from "@/components/social/format";
import type { ReviewItem } from "@/lib/reviews/queries";
import { cn } from "@/lib/utils";

const kindLabels: Record<ReviewItem["kind"], string> = {
  approve: "approved",
  request_changes: "requested changes",
  comment: "commented",
};

export function ReviewThread(props: {
  reviews: ReviewItem[];
  currentVersionId: string | null;
  timeZone: string;
}) {
  if (props.reviews.length === 0)
    return <p className="text-sm text-muted-foreground">No reviews or comments yet.</p>;
  return (
    <ol className="grid gap-2" aria-label="Reviews and comments" data-testid="review-thread">
      {props.reviews.map((r) => {
        const current = r.versionId === props.currentVersionId;
        return (
          <li
            key={r.id}
            data-testid="review-entry"
            data-kind={r.kind}
            className={cn(
              "rounded-md border p-3 text-sm",
              r.kind === "request_changes" && "border-amber-300 bg-amber-50",
              r.kind === "approve" && "border-green-300 bg-green-50",
            )}
          >
            <p className="text-xs text-muted-foreground">
              <span className="font-medium text-foreground">{r.reviewerName}</span>{" "}
              {kindLabels[r.kind]} on version {r.versionNo}
              {current ? " (current)" : ""} · {formatOrgDateTime(r.createdAt, props.timeZone)}
            </p>
            {r.body ? <p className="mt-1 whitespace-pre-wrap">{r.body}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
