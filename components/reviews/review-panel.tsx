"use client";
// The composer's review panel: where the post stands in the review loop, the buttons the caller's
// role allows (submit, approve, request changes, comment), the thread of reviews anchored to the
// versions they were about, and read-only preview links for people outside the org.
import { CheckCircle2, MessageSquare, Send, Undo2 } from "lucide-react";
import { useCallback, useEffect, useId, useState, useTransition } from "react";
import { PreviewLinks } from "@/components/reviews/preview-links";
import { ReviewThread } from "@/components/reviews/review-thread";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { idleState } from "@/lib/actions/state";
import type { PostStatus } from "@/lib/posts/constants";
import { reviewPostAction, reviewStateAction } from "@/lib/reviews/actions";
import type { PreviewLinkItem, ReviewState } from "@/lib/reviews/queries";
import type { ReviewKind } from "@/lib/reviews/schemas";

type Props = {
  org: string;
  timeZone: string;
  postId: string;
  status: PostStatus;
  revision: number;
  canShare: boolean;
  /** Viewers read the review; everyone else can comment. */
  canComment: boolean;
  /** Something (an AI draft) is about to change the post: no review step until it has. */
  busy: boolean;
  /** Submits through the editor's queue (pending edits are saved first); null when it could not. */
  submit: () => Promise<{ ok: true } | { ok: false; message: string } | null>;
  /** The post moved on (status and revision): reload the editor from the server. */
  onChanged: () => void;
};

function standing(s: ReviewState): string {
  const member = s.onBehalfOfName ?? "the person it is for";
  switch (s.status) {
    case "draft":
      return s.rules.requireApproval
        ? "Draft. Submit it for review: it needs approval before it can be scheduled."
        : "Draft. You can submit it for review, or schedule it directly.";
    case "in_review":
      return s.waitingForMember
        ? `In review: waiting for ${member}'s approval.`
        : s.approvals.length
          ? `In review: approved by ${s.approvals.map((a) => a.reviewerName).join(", ")}.`
          : "In review: waiting for a reviewer.";
    case "changes_requested":
      return "Changes requested. Revise the post, then submit it again.";
    case "approved":
      return `Approved by ${s.approvals.map((a) => a.reviewerName).join(", ") || "a reviewer"}. It can be scheduled.`;
    default:
      return s.approvals.length
        ? `Approved by ${s.approvals.map((a) => a.reviewerName).join(", ")}.`
        : "Not reviewed.";
  }
}

export function ReviewPanel(props: Props) {
  const id = useId();
  const [state, setState] = useState<ReviewState | null>(null);
  const [links, setLinks] = useState<PreviewLinkItem[]>([]);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const fetchState = useCallback(
    () => reviewStateAction(idleState, { org: props.org, postId: props.postId }),
    [props.org, props.postId],
  );
  const apply = useCallback((res: Awaited<ReturnType<typeof fetchState>>) => {
    if (res.status === "success") {
      setState(res.data.state);
      setLinks(res.data.links);
    } else if (res.status === "error") setError(res.message);
  }, []);
  const load = useCallback(async () => apply(await fetchState()), [apply, fetchState]);

  // Again whenever the post moves on (a save, a status change by someone else).
  useEffect(() => {
    let live = true;
    void fetchState().then((res) => {
      if (live) apply(res);
    });
    return () => {
      live = false;
    };
  }, [apply, fetchState, props.revision, props.status]);

  const review = (kind: ReviewKind) =>
    start(async () => {
      if (!state?.currentVersionId) return;
      setError(null);
      setFieldError(null);
      const res = await reviewPostAction(idleState, {
        org: props.org,
        review: { postId: props.postId, versionId: state.currentVersionId, kind, body },
      });
      if (res.status === "error") {
        if (res.fieldErrors?.["review.body"]) setFieldError(res.fieldErrors["review.body"]);
        else setError(res.message);
        return;
      }
      if (res.status !== "success") return;
      setBody("");
      setAnnounce(
        kind === "comment"
          ? "Comment added."
          : kind === "request_changes"
            ? "Changes requested."
            : res.data.status === "approved"
              ? "Approved."
              : "Your approval is recorded; another approval is still needed.",
      );
      if (res.data.status !== props.status) props.onChanged();
      else await load();
    });

  const submit = () =>
    start(async () => {
      setError(null);
      const res = await props.submit();
      if (!res)
        return setError("Save the post first: the message above the editor says what stopped it.");
      if (!res.ok) return setError(res.message);
      setAnnounce("Submitted for review.");
      props.onChanged();
    });

  if (!state)
    return (
      <section className="rounded-lg border p-4 text-sm text-muted-foreground" aria-busy="true">
        Loading the review…
      </section>
    );

  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid="review-panel"
      data-status={state.status}
      className="grid gap-3 rounded-lg border p-4"
    >
      <h2 id={`${id}-title`} className="font-semibold">
        Review
      </h2>
      <p className="text-sm" data-testid="review-standing">
        {standing(state)}
      </p>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {state.canSubmit ? (
        <Button
          type="button"
          className="justify-self-start"
          disabled={pending || props.busy}
          onClick={submit}
          data-testid="review-submit"
        >
          <Send aria-hidden="true" />{" "}
          {state.status === "changes_requested" ? "Submit again" : "Submit for review"}
        </Button>
      ) : null}
      {props.canComment ? (
        <>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-body`}>
              {state.canReview ? "Comment or what should change" : "Comment"}
            </Label>
            <Textarea
              id={`${id}-body`}
              rows={3}
              value={body}
              maxLength={5000}
              disabled={pending || props.busy}
              aria-invalid={!!fieldError}
              onChange={(e) => setBody(e.target.value)}
            />
            {fieldError ? <p className="text-sm text-destructive">{fieldError}</p> : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {state.canReview ? (
              <>
                <Button
                  type="button"
                  disabled={pending || props.busy}
                  onClick={() => review("approve")}
                  data-testid="review-approve"
                >
                  <CheckCircle2 aria-hidden="true" /> Approve
                </Button>
                <Button
                  type="button"
                  variant="outline"
                  disabled={pending || props.busy}
                  onClick={() => review("request_changes")}
                  data-testid="review-request-changes"
                >
                  <Undo2 aria-hidden="true" /> Request changes
                </Button>
              </>
            ) : null}
            <Button
              type="button"
              variant="ghost"
              disabled={pending || props.busy || !body.trim()}
              onClick={() => review("comment")}
              data-testid="review-comment"
            >
              <MessageSquare aria-hidden="true" /> Comment
            </Button>
          </div>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive" data-testid="review-error">
          {error}
        </p>
      ) : null}
      <ReviewThread
        reviews={state.reviews}
        currentVersionId={state.currentVersionId}
        timeZone={props.timeZone}
      />
      {props.canShare ? (
        <PreviewLinks
          org={props.org}
          postId={props.postId}
          links={links}
          timeZone={props.timeZone}
          onChange={load}
        />
      ) : null}
    </section>
  );
}
