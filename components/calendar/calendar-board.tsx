"use client";
// The interactive calendar: places the posts in the org's zone, and moves scheduled posts by whole
// days — dragged onto another day (native HTML5 drag and drop) or with Alt+Arrow keys on a focused
// chip. A move shows at once (optimistic), goes to reschedulePostAction, and then the chip sits where
// the server put it; a refusal rolls it back. Results and errors are announced in the status region.
//
// Everything is in the org's time zone and relative to `today` from the server's clock: neither the
// browser's clock nor its zone changes what the calendar shows.
import { RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { MonthView } from "@/components/calendar/month-view";
import { CHIP_DRAG_TYPE, PostChip, type ChipHints } from "@/components/calendar/post-chip";
import type { CalendarPost, PlacedPost } from "@/components/calendar/types";
import { WeekView } from "@/components/calendar/week-view";
import { Button } from "@/components/ui/button";
import { idleState } from "@/lib/actions/state";
import { addDays, isInView, placePost, type CalendarView } from "@/lib/calendar/grid";
import {
  checkMove,
  keyboardMoveDays,
  movedAnnouncement,
  moveMessages,
  moveShortcuts,
} from "@/lib/calendar/move";
import type { ErrorCode } from "@/lib/errors";
import { reschedulePostAction } from "@/lib/posts/calendar-actions";
import type { PostStatus } from "@/lib/posts/constants";
import { shiftLocalDays } from "@/lib/posts/local-time";
import { cn } from "@/lib/utils";

export type DayDropTarget = {
  onDragOver: (e: React.DragEvent<HTMLElement>) => void;
  onDragLeave: (e: React.DragEvent<HTMLElement>) => void;
  onDrop: (e: React.DragEvent<HTMLElement>) => void;
  className?: string;
};

/** A move not yet in the page's data: pending (optimistic) or answered by the server. */
type Move = {
  scheduledAt: string;
  revision: number;
  status: PostStatus;
  pending: boolean;
};

type Notice = { text: string; tone: "info" | "error"; code?: ErrorCode; seq: number };

export function CalendarBoard({
  org,
  timeZone,
  view,
  date,
  today,
  posts: serverPosts,
  canSchedule,
  helpId,
}: {
  org: string;
  timeZone: string;
  view: CalendarView;
  /** The date the view is anchored at. */
  date: string;
  /** Today in the org's zone, from the server's clock. */
  today: string;
  posts: CalendarPost[];
  canSchedule: boolean;
  /** id of the help text under the calendar. */
  helpId: string;
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [moves, setMoves] = useState<Record<string, Move>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [overDate, setOverDate] = useState<string | null>(null);
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const dragIdRef = useRef<string | null>(null);
  const pendingRef = useRef(new Set<string>());
  const focusRef = useRef<string | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const hints: ChipHints = {
    movable: `${baseId}-movable`,
    notScheduled: `${baseId}-not-scheduled`,
    noPermission: `${baseId}-no-permission`,
  };
  const shortcuts = moveShortcuts(view);

  // The page's posts with the moves it does not know of yet. A refresh that brings the moved
  // revision (or a later one) makes the move's entry moot.
  const placed = useMemo(() => {
    const out: PlacedPost[] = [];
    for (const p of serverPosts) {
      const m = moves[p.id];
      const post =
        m && (m.pending || m.revision > p.revision)
          ? { ...p, scheduledAt: m.scheduledAt, revision: m.revision, status: m.status }
          : p;
      const at = placePost(post.scheduledAt, timeZone);
      out.push({ ...post, date: at.date, hour: at.hour, time: at.time });
    }
    return out;
  }, [serverPosts, moves, timeZone]);

  const postsByDate = useMemo(() => {
    const map = new Map<string, PlacedPost[]>();
    const sorted = [...placed].sort(
      (a, b) =>
        a.scheduledAt.localeCompare(b.scheduledAt) ||
        (a.title ?? "").localeCompare(b.title ?? "") ||
        a.id.localeCompare(b.id),
    );
    for (const p of sorted) {
      const list = map.get(p.date);
      if (list) list.push(p);
      else map.set(p.date, [p]);
    }
    return map;
  }, [placed]);

  // Keyboard moves keep focus on the moved chip (it is a new element in another cell). When the
  // move took it out of view, focus goes to the board.
  useEffect(() => {
    const id = focusRef.current;
    if (!id || !boardRef.current) return;
    focusRef.current = null;
    const chip = boardRef.current.querySelector<HTMLElement>(
      `[data-testid="calendar-chip"][data-post-id="${CSS.escape(id)}"]`,
    );
    const target = chip ?? boardRef.current;
    // Unless the user went elsewhere meanwhile (the old chip is gone: focus fell to the body).
    const active = document.activeElement;
    const here = !active || active === document.body || boardRef.current.contains(active);
    if (here && active !== target) target.focus();
  });

  const announce = (text: string, tone: Notice["tone"] = "info", code?: ErrorCode) =>
    setNotice((prev) => ({ text, tone, code, seq: (prev?.seq ?? 0) + 1 }));

  async function move(post: PlacedPost, toDate: string, via: "drag" | "keyboard") {
    const check = checkMove({
      status: post.status,
      canSchedule,
      fromDate: post.date,
      toDate,
      today,
    });
    if (!check.ok) return announce(check.message, "error");
    if (check.days === 0) return;
    if (pendingRef.current.has(post.id)) return announce(moveMessages.pending, "error");

    const keepFocus = () => {
      if (via === "keyboard") focusRef.current = post.id;
    };
    const previous = moves[post.id];
    pendingRef.current.add(post.id);
    keepFocus();
    setPinnedId(post.id);
    setMoves((m) => ({
      ...m,
      [post.id]: {
        scheduledAt: shiftLocalDays(new Date(post.scheduledAt), timeZone, check.days).toISOString(),
        revision: post.revision,
        status: post.status,
        pending: true,
      },
    }));

    let result: Awaited<ReturnType<typeof reschedulePostAction>>;
    try {
      result = await reschedulePostAction(idleState, {
        org,
        postId: post.id,
        days: check.days,
        expectedRevision: post.revision,
      });
    } catch {
      result = { status: "error", code: "internal", message: moveMessages.failed };
    }
    pendingRef.current.delete(post.id);
    keepFocus();

    if (result.status === "success" && result.data.scheduledAt) {
      const saved = result.data;
      setMoves((m) => ({
        ...m,
        [post.id]: {
          scheduledAt: saved.scheduledAt!,
          revision: saved.revision,
          status: saved.status,
          pending: false,
        },
      }));
      const newDate = placePost(saved.scheduledAt!, timeZone).date;
      const outside = isInView(view, date, newDate)
        ? ""
        : `. It is now outside this ${view === "month" ? "month" : "week"}.`;
      announce(`${movedAnnouncement(saved.scheduledAt!, timeZone)}${outside}`);
      startTransition(() => router.refresh());
      return;
    }
    setMoves((m) => {
      const next = { ...m };
      if (previous) next[post.id] = previous;
      else delete next[post.id];
      return next;
    });
    announce(
      result.status === "error" ? result.message : moveMessages.failed,
      "error",
      result.status === "error" ? result.code : undefined,
    );
  }

  function onChipKeyDown(e: React.KeyboardEvent<HTMLAnchorElement>, post: PlacedPost) {
    const days = keyboardMoveDays(e, view);
    if (days === null) return;
    // Alt+Arrow is also the browser's back/forward: the calendar takes it while a chip has focus.
    e.preventDefault();
    e.stopPropagation();
    void move(post, addDays(post.date, days), "keyboard");
  }

  function endDrag() {
    dragIdRef.current = null;
    setDraggingId(null);
    setOverDate(null);
  }

  function onChipDragStart(e: React.DragEvent<HTMLAnchorElement>, post: PlacedPost) {
    e.dataTransfer.setData(CHIP_DRAG_TYPE, post.id);
    e.dataTransfer.setData("text/plain", post.id);
    e.dataTransfer.effectAllowed = "move";
    dragIdRef.current = post.id;
    setDraggingId(post.id);
  }

  const isOurDrag = (e: React.DragEvent) =>
    dragIdRef.current !== null || e.dataTransfer.types.includes(CHIP_DRAG_TYPE);

  const dropTarget = (day: string): DayDropTarget => ({
    onDragOver: (e) => {
      if (!isOurDrag(e)) return;
      // Every day accepts the drop, the past too: dropping there explains why it is refused.
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
      if (overDate !== day) setOverDate(day);
    },
    onDragLeave: (e) => {
      if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
      setOverDate((d) => (d === day ? null : d));
    },
    onDrop: (e) => {
      if (!isOurDrag(e)) return;
      e.preventDefault();
      const id = e.dataTransfer.getData(CHIP_DRAG_TYPE) || dragIdRef.current;
      endDrag();
      const post = placed.find((p) => p.id === id);
      if (post) void move(post, day, "drag");
    },
    className:
      draggingId && overDate === day
        ? day < today
          ? "bg-destructive/10 ring-2 ring-destructive/50 ring-inset"
          : "bg-accent ring-2 ring-primary/60 ring-inset"
        : undefined,
  });

  const renderChip = (post: PlacedPost) => (
    <PostChip
      org={org}
      post={post}
      movable={canSchedule && post.status === "scheduled"}
      canSchedule={canSchedule}
      pending={moves[post.id]?.pending ?? false}
      dragging={draggingId === post.id}
      shortcuts={shortcuts}
      hints={hints}
      onKeyDown={onChipKeyDown}
      onDragStart={onChipDragStart}
      onDragEnd={endDrag}
    />
  );

  return (
    <div className="grid gap-3">
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="calendar-status"
        data-tone={notice?.tone}
        className={cn(
          "text-sm",
          notice &&
            "rounded-md border px-3 py-2 " +
              (notice.tone === "error"
                ? "border-destructive/40 bg-destructive/5 text-destructive"
                : "border-success/40 bg-success/5 text-foreground"),
        )}
      >
        {notice ? <span key={notice.seq}>{notice.text}</span> : null}
      </div>
      {notice?.code === "conflict" ? (
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => {
              setNotice(null);
              setMoves({});
              startTransition(() => router.refresh());
            }}
          >
            <RotateCw aria-hidden="true" />
            Reload the calendar
          </Button>
        </div>
      ) : null}

      <div
        ref={boardRef}
        tabIndex={-1}
        aria-label="Calendar"
        aria-describedby={helpId}
        role="region"
        className="outline-none"
        data-testid="calendar-board"
        data-view={view}
      >
        {view === "month" ? (
          <MonthView
            date={date}
            today={today}
            postsByDate={postsByDate}
            pinnedId={pinnedId}
            dropTarget={dropTarget}
            renderChip={renderChip}
          />
        ) : (
          <WeekView
            date={date}
            today={today}
            timeZone={timeZone}
            postsByDate={postsByDate}
            dropTarget={dropTarget}
            renderChip={renderChip}
          />
        )}
      </div>

      <div hidden>
        <span id={hints.movable}>
          Scheduled. Drag it to another day, or press Alt with the arrow keys, to move it. It keeps
          its time of day.
        </span>
        <span id={hints.notScheduled}>{moveMessages.notScheduled}</span>
        <span id={hints.noPermission}>{moveMessages.noPermission}</span>
      </div>
    </div>
  );
}
