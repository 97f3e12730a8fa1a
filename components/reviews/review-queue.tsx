"use client";
// The Review page's two lists: posts waiting for the caller's review, and the caller's own posts
// that came back with changes requested. A review step that takes a post off the caller's plate
// removes it here at once; what happened is announced (aria-live) and the keyboard continues from
// that message. A new server render (Reload after a conflict) replaces the lists.
import { Inbox } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { ReviewQueueItem } from "@/components/reviews/review-queue-item";
import { postLabel, reviewOutcome } from "@/components/reviews/review-outcome";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import type { PostStatus } from "@/lib/posts/constants";
import type { ReviewQueueItem as QueueItem } from "@/lib/reviews/queries";
import type { ReviewKind } from "@/lib/reviews/schemas";

export function ReviewQueue({
  org,
  canReview,
  toReview: serverToReview,
  changesRequested,
}: {
  org: { slug: string; timezone: string };
  canReview: boolean;
  toReview: QueueItem[];
  changesRequested: QueueItem[];
}) {
  const [toReview, setToReview] = useState(serverToReview);
  const [lastServer, setLastServer] = useState(serverToReview);
  if (serverToReview !== lastServer) {
    setLastServer(serverToReview);
    setToReview(serverToReview);
  }
  const [notice, setNotice] = useState<{ id: number; message: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);

  useEffect(() => {
    // The buttons of a post that left the list are gone: continue from the message.
    if (notice && focusNotice.current) {
      focusNotice.current = false;
      noticeRef.current?.focus();
    }
  }, [notice]);

  const onReviewed = (item: QueueItem, kind: ReviewKind, status: PostStatus) => {
    const outcome = reviewOutcome(kind, status, { ...item, label: postLabel(item) });
    setToReview((list) =>
      outcome.leaves
        ? list.filter((p) => p.id !== item.id)
        : list.map((p) => (p.id === item.id ? { ...p, status, comments: p.comments + 1 } : p)),
    );
    focusNotice.current = outcome.leaves;
    setNotice((prev) => ({ id: (prev?.id ?? 0) + 1, message: outcome.message }));
  };

  const isEmpty = toReview.length === 0 && changesRequested.length === 0;

  return (
    <div className="grid gap-8" data-testid="review-queue">
      {/* Always in the page, so screen readers hear each new message. */}
      <div aria-live="polite" aria-atomic="true">
        {notice ? (
          <Alert
            key={notice.id}
            ref={noticeRef}
            tabIndex={-1}
            role="none"
            variant="success"
            data-testid="review-notice"
            className="outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <AlertDescription>{notice.message}</AlertDescription>
          </Alert>
        ) : null}
      </div>

      {isEmpty ? (
        <EmptyState
          icon={Inbox}
          title="Nothing waiting for you"
          description="Posts your team submits for your review, and your own posts that come back with changes requested, show up here."
          data-testid="review-empty"
        />
      ) : (
        <>
          <QueueSection
            id="to-review"
            title="Waiting for your review"
            emptyText="No post is waiting for your review."
            count={toReview.length}
          >
            {toReview.map((item) => (
              <ReviewQueueItem
                key={item.id}
                org={org}
                item={item}
                reviewable={canReview}
                onReviewed={onReviewed}
              />
            ))}
          </QueueSection>
          <QueueSection
            id="changes-requested"
            title="Changes requested on your posts"
            emptyText="None of your posts is waiting for changes."
            count={changesRequested.length}
          >
            {changesRequested.map((item) => (
              <ReviewQueueItem key={item.id} org={org} item={item} reviewable={false} />
            ))}
          </QueueSection>
        </>
      )}
    </div>
  );
}

function QueueSection({
  id,
  title,
  emptyText,
  count,
  children,
}: {
  id: string;
  title: string;
  emptyText: string;
  count: number;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="grid gap-4" data-testid={id}>
      <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
        {title} <span className="font-normal text-muted-foreground">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          {emptyText}
        </p>
      ) : (
        <ul className="grid gap-4">{children}</ul>
      )}
    </section>
  );
}
