"use client";
// One post of the review queue: who it is for and who wrote it, when it last changed (in the org's
// zone), its comments, the text as LinkedIn shows it, and — when it waits for the caller — the
// review buttons.
import { ExternalLink, MessageSquare } from "lucide-react";
import Link from "next/link";
import { PostStatusBadge } from "@/components/posts/post-status-badge";
import { LinkedInPreview } from "@/components/previews/linkedin-preview";
import { ReviewActions } from "@/components/reviews/review-actions";
import { postLabel } from "@/components/reviews/review-outcome";
import { formatOrgDateTime, plural } from "@/components/social/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PostStatus } from "@/lib/posts/constants";
import type { ReviewQueueItem as QueueItem } from "@/lib/reviews/queries";
import type { ReviewKind } from "@/lib/reviews/schemas";

export function ReviewQueueItem({
  org,
  item,
  reviewable,
  onReviewed,
}: {
  org: { slug: string; timezone: string };
  item: QueueItem;
  /** Show Approve / Request changes / Comment (a post waiting for the caller, who may review). */
  reviewable: boolean;
  onReviewed?: (item: QueueItem, kind: ReviewKind, status: PostStatus) => void;
}) {
  const titleId = `review-item-${item.id}-title`;
  const label = postLabel(item);

  return (
    <li data-testid="review-item" data-post-id={item.id} data-status={item.status}>
      <Card aria-labelledby={titleId} role="article" className="gap-4">
        <CardHeader>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <CardTitle as="h3" id={titleId} className="text-base">
              {label}
            </CardTitle>
            <PostStatusBadge status={item.status} />
          </div>
          <CardDescription className="flex flex-wrap gap-x-2 gap-y-1">
            <span>For {item.onBehalfOfName}</span>
            <span aria-hidden="true">·</span>
            <span>Written by {item.authorName}</span>
            <span aria-hidden="true">·</span>
            <span>
              Updated{" "}
              <time dateTime={item.updatedAt} suppressHydrationWarning>
                {formatOrgDateTime(item.updatedAt, org.timezone)}
              </time>
            </span>
            <span aria-hidden="true">·</span>
            <span className="inline-flex items-center gap-1" data-testid="review-comment-count">
              <MessageSquare aria-hidden="true" className="size-3.5" />
              {plural(item.comments, "comment")}
            </span>
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="overflow-x-auto rounded-lg bg-muted/40 p-3">
            <LinkedInPreview
              text={item.body}
              media={[]}
              author={{
                name: item.onBehalfOfName,
                headline: item.onBehalfOfHeadline,
                avatarUrl: item.onBehalfOfAvatarUrl,
              }}
              width="desktop"
            />
          </div>
          {reviewable && onReviewed ? (
            <ReviewActions
              org={org.slug}
              post={item}
              onReviewed={(kind, status) => onReviewed(item, kind, status)}
            />
          ) : null}
          <Link
            href={`/${org.slug}/posts/${item.id}`}
            className="inline-flex w-fit items-center gap-1.5 text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            <ExternalLink aria-hidden="true" className="size-4" />
            Open in composer
            <span className="sr-only">: {label}</span>
          </Link>
        </CardContent>
      </Card>
    </li>
  );
}
