"use client";
// Approve, request changes or comment on the version of a post the queue shows. The note is needed
// to request changes or to comment (a field error beside it otherwise); a refusal from the server —
// the post changed since the page loaded, it left review — shows inline with a way to reload.
import { Check, Loader2, MessageSquare, RotateCw, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { reviewNoteError } from "@/components/reviews/review-outcome";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { idleState } from "@/lib/actions/state";
import type { PostStatus } from "@/lib/posts/constants";
import { reviewPostAction } from "@/lib/reviews/actions";
import { REVIEW_BODY_MAX, type ReviewKind } from "@/lib/reviews/schemas";

type Failure = { message: string; canReload: boolean };

export function ReviewActions({
  org,
  post,
  onReviewed,
}: {
  org: string;
  post: { id: string; currentVersionId: string | null; authorName: string };
  onReviewed: (kind: ReviewKind, status: PostStatus) => void;
}) {
  const router = useRouter();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // The buttons are disabled while a step runs, which drops the focus: once it ends, the keyboard
  // continues from the note (after a comment, or a note to fix) or from the error.
  const focusNext = useRef<"note" | "failure" | null>(null);
  const [note, setNote] = useState("");
  const [pending, setPending] = useState<ReviewKind | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const noteId = `review-note-${post.id}`;
  const versionId = post.currentVersionId;

  useEffect(() => {
    if (pending || !focusNext.current) return;
    (focusNext.current === "note" ? noteRef.current : failureRef.current)?.focus();
    focusNext.current = null;
  }, [pending]);

  async function send(kind: ReviewKind) {
    if (pending || !versionId) return;
    setFailure(null);
    const problem = reviewNoteError(kind, note);
    setNoteError(problem);
    if (problem) {
      noteRef.current?.focus();
      return;
    }
    setPending(kind);
    const res = await reviewPostAction(idleState, {
      org,
      review: { postId: post.id, versionId, kind, body: note.trim() || undefined },
    }).catch(() => null);
    setPending(null);
    if (res?.status === "success") {
      setNote("");
      if (kind === "comment") focusNext.current = "note";
      onReviewed(kind, res.data.status);
      return;
    }
    if (res?.status === "error") {
      const field = res.fieldErrors?.["review.body"];
      if (field) {
        setNoteError(field);
        focusNext.current = "note";
        return;
      }
      focusNext.current = "failure";
      setFailure({
        message: res.message,
        canReload: ["conflict", "rule_violation", "not_found"].includes(res.code),
      });
      return;
    }
    focusNext.current = "failure";
    setFailure({
      message: "Not sent: the server could not be reached. Try again.",
      canReload: false,
    });
  }

  const busy = pending !== null;
  const spinner = (kind: ReviewKind) =>
    pending === kind ? <Loader2 aria-hidden="true" className="animate-spin" /> : null;

  if (!versionId)
    return <p className="text-sm text-muted-foreground">This post has no text to review yet.</p>;

  return (
    <div className="grid gap-3">
      <FormField
        id={noteId}
        label={`Note for ${post.authorName}`}
        hint="Needed to request changes or to comment; optional when you approve."
        error={noteError ?? undefined}
      >
        <Textarea
          ref={noteRef}
          value={note}
          maxLength={REVIEW_BODY_MAX}
          rows={3}
          disabled={busy}
          onChange={(e) => {
            setNote(e.target.value);
            if (noteError) setNoteError(null);
          }}
        />
      </FormField>
      {failure ? (
        <Alert
          ref={failureRef}
          tabIndex={-1}
          variant="destructive"
          data-testid="review-error"
          className="outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <AlertDescription>
            <p>{failure.message}</p>
            {failure.canReload ? (
              <Button type="button" variant="outline" size="sm" onClick={() => router.refresh()}>
                <RotateCw aria-hidden="true" />
                Reload the queue
              </Button>
            ) : null}
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={busy}
          aria-busy={pending === "approve" || undefined}
          data-testid="review-approve"
          onClick={() => void send("approve")}
        >
          {spinner("approve") ?? <Check aria-hidden="true" />}
          Approve
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={busy}
          aria-busy={pending === "request_changes" || undefined}
          data-testid="review-request-changes"
          onClick={() => void send("request_changes")}
        >
          {spinner("request_changes") ?? <Undo2 aria-hidden="true" />}
          Request changes
        </Button>
        <Button
          type="button"
          variant="ghost"
          disabled={busy}
          aria-busy={pending === "comment" || undefined}
          data-testid="review-comment"
          onClick={() => void send("comment")}
        >
          {spinner("comment") ?? <MessageSquare aria-hidden="true" />}
          Comment
        </Button>
      </div>
    </div>
  );
}
