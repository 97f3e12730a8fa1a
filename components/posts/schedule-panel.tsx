"use client";
// Scheduling from the composer: a local date and time in the org's zone (never the browser's).
// The server turns it into an instant, refuses the past and times skipped by DST, and checks the
// post against every network again; the worker publishes at that time. "Publish now" takes the same
// checks and is due at once.
import { CalendarClock, Send, Undo2 } from "lucide-react";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { idleState } from "@/lib/actions/state";
import { addDays } from "@/lib/calendar/grid";
import {
  publishPostNowAction,
  schedulePostAction,
  unschedulePostAction,
} from "@/lib/posts/composer-actions";
import type { PostStatus } from "@/lib/posts/constants";
import { utcToZonedLocal } from "@/lib/posts/local-time";
import type { RunWrite } from "@/components/posts/use-post-sync";

export function formatLocal(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

type Props = {
  org: string;
  timeZone: string;
  today: string;
  canSchedule: boolean;
  /** posts.publish: "Publish now". */
  canPublish: boolean;
  post: { id: string | null; revision: number; status: PostStatus; scheduledAt: string | null };
  /** Networks the post goes to (for "Publish to N networks now?"). */
  networkCount: number;
  blockedReason: string | null;
  /** Runs the write once pending edits are saved (components/posts/use-post-sync.ts). */
  runWrite: RunWrite;
};

export function SchedulePanel(props: Props) {
  const { post, timeZone } = props;
  const current = post.scheduledAt ? utcToZonedLocal(new Date(post.scheduledAt), timeZone) : null;
  const [date, setDate] = useState(current?.date ?? addDays(props.today, 1));
  const [time, setTime] = useState(current?.time ?? "09:00");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [confirmNow, setConfirmNow] = useState(false);
  const publishNowButton = useRef<HTMLButtonElement>(null);
  const id = useId();

  if (!props.canSchedule) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="schedule-not-allowed">
        Owners, admins and brand creators schedule posts. Save your draft and they will take it from
        here.
      </p>
    );
  }

  const scheduled = post.status === "scheduled" && post.scheduledAt;

  const notSaved =
    "The post has changes that are not saved yet. Wait for “Saved” (or fix what the message above the editor says) and try again.";

  const schedule = () =>
    start(async () => {
      setErrors({});
      setMessage(null);
      const res = await props.runWrite(async ({ id, revision }) => {
        const r = await schedulePostAction(idleState, {
          org: props.org,
          postId: id,
          expectedRevision: revision,
          date,
          time,
        });
        return { result: r, row: r.status === "success" ? (r.data.post ?? null) : null };
      });
      if (!res) return setMessage(notSaved);
      if (res.status === "error") {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.fieldErrors?.time || res.fieldErrors?.date ? null : res.message);
        return;
      }
      if (res.status === "success" && res.data.conflict) setMessage(res.data.conflict.message);
    });

  const publishNow = () =>
    start(async () => {
      setMessage(null);
      const res = await props.runWrite(async ({ id, revision }) => {
        const r = await publishPostNowAction(idleState, {
          org: props.org,
          postId: id,
          expectedRevision: revision,
        });
        return { result: r, row: r.status === "success" ? (r.data.post ?? null) : null };
      });
      closeConfirmNow();
      if (!res) return setMessage(notSaved);
      if (res.status === "error") return setMessage(res.message);
      if (res.status === "success" && res.data.conflict) setMessage(res.data.conflict.message);
    });

  /** The confirmation goes away: the focus goes back to the button that opened it. */
  const closeConfirmNow = () => {
    setConfirmNow(false);
    requestAnimationFrame(() => publishNowButton.current?.focus());
  };

  const unschedule = () =>
    start(async () => {
      setMessage(null);
      const res = await props.runWrite(async ({ id, revision }) => {
        const r = await unschedulePostAction(idleState, {
          org: props.org,
          postId: id,
          expectedRevision: revision,
        });
        return { result: r, row: r.status === "success" ? (r.data.post ?? null) : null };
      });
      if (!res) return setMessage(notSaved);
      if (res.status === "error") return setMessage(res.message);
      if (res.status === "success" && res.data.conflict) setMessage(res.data.conflict.message);
    });

  return (
    <section aria-labelledby={`${id}-title`} className="grid gap-3" data-testid="schedule-panel">
      <h2 id={`${id}-title`} className="flex items-center gap-2 text-sm font-semibold">
        <CalendarClock aria-hidden="true" className="size-4" /> Schedule
      </h2>
      {scheduled ? (
        <p className="text-sm" data-testid="scheduled-for">
          Scheduled for{" "}
          <span className="font-medium">{formatLocal(post.scheduledAt!, timeZone)}</span> (
          {timeZone.replaceAll("_", " ")}).
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-date`}>Date</Label>
          <Input
            id={`${id}-date`}
            type="date"
            value={date}
            min={props.today}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? `${id}-date-error` : undefined}
            className="w-40"
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-time`}>Time</Label>
          <Input
            id={`${id}-time`}
            type="time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
            aria-invalid={errors.time ? true : undefined}
            aria-describedby={errors.time ? `${id}-time-error` : `${id}-zone`}
            className="w-32"
          />
        </div>
        <Button
          type="button"
          onClick={schedule}
          disabled={pending || !post.id || props.blockedReason !== null}
          title={props.blockedReason ?? undefined}
          aria-describedby={props.blockedReason ? `${id}-blocked` : undefined}
        >
          {scheduled ? "Reschedule" : "Schedule"}
        </Button>
        {scheduled ? (
          <Button type="button" variant="outline" onClick={unschedule} disabled={pending}>
            <Undo2 aria-hidden="true" /> Unschedule
          </Button>
        ) : null}
        {props.canPublish ? (
          <Button
            ref={publishNowButton}
            type="button"
            variant="secondary"
            onClick={() => setConfirmNow(true)}
            disabled={pending || !post.id || props.blockedReason !== null || confirmNow}
            title={props.blockedReason ?? undefined}
            aria-describedby={props.blockedReason ? `${id}-blocked` : undefined}
            aria-expanded={confirmNow}
          >
            <Send aria-hidden="true" /> Publish now
          </Button>
        ) : null}
      </div>
      {confirmNow ? (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-now`}
          className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 p-3 text-sm"
          onKeyDown={(e) => e.key === "Escape" && closeConfirmNow()}
        >
          <p id={`${id}-now`} className="mr-auto">
            Publish to {props.networkCount === 1 ? "1 network" : `${props.networkCount} networks`}{" "}
            now?
          </p>
          <Button type="button" size="sm" onClick={publishNow} disabled={pending} autoFocus>
            Publish
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={closeConfirmNow}>
            Cancel
          </Button>
        </div>
      ) : null}
      <p id={`${id}-zone`} className="text-xs text-muted-foreground">
        In the organization&apos;s time zone, {timeZone.replaceAll("_", " ")}.
        {!post.id ? " Write something first: the post is saved before it is scheduled." : null}
      </p>
      {errors.date ? (
        <p id={`${id}-date-error`} className="text-sm text-destructive">
          {errors.date}
        </p>
      ) : null}
      {errors.time ? (
        <p id={`${id}-time-error`} className="text-sm text-destructive">
          {errors.time}
        </p>
      ) : null}
      {props.blockedReason ? (
        <p id={`${id}-blocked`} className="text-sm text-muted-foreground">
          {props.blockedReason}
        </p>
      ) : null}
      {message ? (
        <p role="alert" className="text-sm text-destructive" data-testid="schedule-error">
          {message}
        </p>
      ) : null}
    </section>
  );
}
