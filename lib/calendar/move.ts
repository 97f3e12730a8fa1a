// Rules and messages of moving a post on the calendar (drag and drop or Alt+Arrow keys), pure and
// client-safe. The server decides in the end (lib/posts/calendar-actions.ts → reschedulePostByDays):
// these only refuse early what it would refuse anyway, with the same words.
import type { PostStatus } from "@/lib/posts/constants";
import { addDays, dayLabel, daysBetween, placePost, type CalendarView } from "@/lib/calendar/grid";

export const moveMessages = {
  notScheduled: "Only scheduled posts can be moved on the calendar.",
  noPermission: "Your role can't reschedule posts. Owners, admins and brand creators can.",
  past: "That day has already passed. Move the post to today or a later day.",
  pending: "This post is still being moved. Wait a moment and try again.",
  conflict: "Someone changed this post since you opened the calendar. Reload to see their change.",
  failed: "The post could not be moved. Try again.",
} as const;

export type MoveCheck = { ok: true; days: number } | { ok: false; message: string };

/** Whether a post on `fromDate` may be moved to `toDate` (0 days: nothing to do, not an error). */
export function checkMove(p: {
  status: PostStatus;
  canSchedule: boolean;
  fromDate: string;
  toDate: string;
  /** Today in the org's zone, from the server's clock. */
  today: string;
}): MoveCheck {
  if (!p.canSchedule) return { ok: false, message: moveMessages.noPermission };
  if (p.status !== "scheduled") return { ok: false, message: moveMessages.notScheduled };
  if (p.toDate < p.today) return { ok: false, message: moveMessages.past };
  return { ok: true, days: daysBetween(p.fromDate, p.toDate) };
}

/** The keys that move a focused chip: Alt+←/→ a day, Alt+↑/↓ a week (month view only). */
export function keyboardMoveDays(
  e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean },
  view: CalendarView,
): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  switch (e.key) {
    case "ArrowRight":
      return 1;
    case "ArrowLeft":
      return -1;
    case "ArrowDown":
      return view === "month" ? 7 : null;
    case "ArrowUp":
      return view === "month" ? -7 : null;
    default:
      return null;
  }
}

/** aria-keyshortcuts of a movable chip. */
export function moveShortcuts(view: CalendarView): string {
  return view === "month"
    ? "Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown"
    : "Alt+ArrowLeft Alt+ArrowRight";
}

/** "Moved to Tuesday 24 March, 09:00", from the time the server answered with. */
export function movedAnnouncement(scheduledAtIso: string, timeZone: string): string {
  const at = placePost(scheduledAtIso, timeZone);
  return `Moved to ${dayLabel(at.date)}, ${at.time}`;
}

/** The day `days` away from `date`. */
export const targetDate = (date: string, days: number) => addDays(date, days);
