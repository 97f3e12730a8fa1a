"use client";
// One post on the calendar: a link to the post, coloured by status, with its local time, flagged
// when an account it publishes with needs reconnecting. A scheduled post (for a role with
// posts.schedule) can be dragged to another day or moved with Alt+Arrow keys; the board
// (calendar-board.tsx) does the moving.
import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { postStatusColors } from "@/components/posts/post-status-badge";
import { chipText, type PlacedPost } from "@/components/calendar/types";
import { cn } from "@/lib/utils";

/** The drag data type of a chip (its post id). */
export const CHIP_DRAG_TYPE = "application/x-ghostart-post";

export type ChipHints = {
  /** ids of the hidden descriptions (aria-describedby). */
  movable: string;
  notScheduled: string;
  noPermission: string;
};

export function PostChip({
  org,
  post,
  movable,
  canSchedule,
  pending,
  dragging,
  shortcuts,
  hints,
  onKeyDown,
  onDragStart,
  onDragEnd,
}: {
  org: string;
  post: PlacedPost;
  movable: boolean;
  canSchedule: boolean;
  pending: boolean;
  dragging: boolean;
  /** aria-keyshortcuts of a movable chip. */
  shortcuts: string;
  hints: ChipHints;
  onKeyDown: (e: React.KeyboardEvent<HTMLAnchorElement>, post: PlacedPost) => void;
  onDragStart: (e: React.DragEvent<HTMLAnchorElement>, post: PlacedPost) => void;
  onDragEnd: () => void;
}) {
  const colors = postStatusColors[post.status];
  const text = chipText(post);
  const hint = movable
    ? "Drag to another day, or press Alt + arrow keys, to move it."
    : canSchedule
      ? "Only scheduled posts can be moved."
      : "Your role can't move posts.";
  return (
    <Link
      href={`/${org}/posts/${post.id}`}
      prefetch={false}
      draggable={movable}
      data-testid="calendar-chip"
      data-post-id={post.id}
      data-status={post.status}
      data-local-date={post.date}
      data-local-time={post.time}
      aria-describedby={
        movable ? hints.movable : canSchedule ? hints.notScheduled : hints.noPermission
      }
      aria-keyshortcuts={movable ? shortcuts : undefined}
      aria-busy={pending || undefined}
      title={`${post.time} · ${colors.label} · ${text}${post.accountProblem ? " · Account needs reconnecting" : ""}\n${hint}`}
      onKeyDown={(e) => onKeyDown(e, post)}
      onDragStart={movable ? (e) => onDragStart(e, post) : undefined}
      onDragEnd={movable ? onDragEnd : undefined}
      className={cn(
        "flex w-full min-w-0 items-center gap-1.5 rounded border px-1.5 py-0.5 text-xs leading-5 outline-none",
        "focus-visible:ring-[3px] focus-visible:ring-ring/60 hover:brightness-95",
        colors.className,
        movable ? "cursor-grab active:cursor-grabbing" : "cursor-pointer",
        pending && "opacity-70",
        dragging && "opacity-40",
      )}
    >
      <span
        aria-hidden="true"
        className={cn("size-2 shrink-0 rounded-full", colors.dotClassName)}
      />
      <time className="shrink-0 font-medium tabular-nums" dateTime={post.scheduledAt}>
        {post.time}
      </time>
      <span className="min-w-0 truncate">{text}</span>
      <span className="sr-only">, {colors.label}</span>
      {post.accountProblem ? (
        // Named as an image: part of the link's name, and found by its label or its tooltip.
        <span
          role="img"
          aria-label="Account needs reconnecting"
          title="Account needs reconnecting"
          className="ml-auto shrink-0 text-amber-700"
          data-testid="chip-account-problem"
        >
          <AlertTriangle aria-hidden="true" className="size-3" />
        </span>
      ) : null}
    </Link>
  );
}
