// The calendar's date grid: pure functions on calendar dates (YYYY-MM-DD strings), client-safe.
// Dates are days in the org's time zone; arithmetic runs on day numbers (days since 1970-01-01 as if
// UTC), so nothing here depends on the zone the server or the browser runs in. Only placePost,
// todayIn and hourKinds look at a time zone, and they take the org's explicitly.
//
// Weeks start on Monday. A month grid has as many whole weeks as the month touches (4 to 6).
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/posts/local-time";

export const calendarViews = ["month", "week"] as const;
export type CalendarView = (typeof calendarViews)[number];

export type CalendarDay = {
  /** YYYY-MM-DD */
  date: string;
  /** 1–31 */
  dayOfMonth: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  /** In the month of the date the grid was built for (always true in a week). */
  inMonth: boolean;
};

export type PostPlacement = {
  /** The local day, YYYY-MM-DD. */
  date: string;
  /** The local hour, 0–23 (the row in the week view). */
  hour: number;
  minute: number;
  /** HH:mm */
  time: string;
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const weekdayNames = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;
export const weekdayShortNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** The hours of a day as rows of the week view: 0 … 23. */
export const HOURS: readonly number[] = Array.from({ length: 24 }, (_, h) => h);

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Two-digit hour, "09". */
export const hourLabel = (hour: number) => pad(hour);

type Ymd = { y: number; m: number; d: number };

function parts(date: string): Ymd {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** Days since 1970-01-01. */
function dayNumber(date: string): number {
  const { y, m, d } = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): string {
  const dt = new Date(n * DAY_MS);
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** A real calendar date in YYYY-MM-DD within years 1900–2999, or null (bad URL values). */
export function parseCalendarDate(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = DATE_RE.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1900 || y > 2999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return value;
}

/** "month" unless the value says "week". */
export function parseCalendarView(value: unknown): CalendarView {
  return value === "week" ? "week" : "month";
}

/** Today's date in `timeZone` at `now` (the server's clock, lib/clock getNow()). */
export function todayIn(now: Date, timeZone: string): string {
  return utcToZonedLocal(now, timeZone).date;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (3).
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

export function startOfWeek(date: string): string {
  return addDays(date, -weekdayOf(date));
}

export function startOfMonth(date: string): string {
  const { y, m } = parts(date);
  return `${pad(y, 4)}-${pad(m)}-01`;
}

export function daysInMonth(date: string): number {
  const { y, m } = parts(date);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function endOfMonth(date: string): string {
  return addDays(startOfMonth(date), daysInMonth(date) - 1);
}

/** The first day of the month `months` away from `date`'s month. */
export function addMonths(date: string, months: number): string {
  const { y, m } = parts(date);
  const index = y * 12 + (m - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((((index % 12) + 12) % 12) + 1)}-01`;
}

const sameMonth = (a: string, b: string) => a.slice(0, 7) === b.slice(0, 7);

function day(date: string, monthOf: string): CalendarDay {
  return {
    date,
    dayOfMonth: parts(date).d,
    weekday: weekdayOf(date),
    inMonth: sameMonth(date, monthOf),
  };
}

/**
 * The days of the month view for `date`'s month: from the Monday on or before the 1st to the
 * Sunday on or after the last day, whole weeks (28, 35 or 42 days).
 */
export function monthGrid(date: string): CalendarDay[] {
  const first = startOfWeek(startOfMonth(date));
  const last = addDays(startOfWeek(endOfMonth(date)), 6);
  const count = daysBetween(first, last) + 1;
  return Array.from({ length: count }, (_, i) => day(addDays(first, i), date));
}

/** Splits grid days into weeks of seven. */
export function weeksOf(days: CalendarDay[]): CalendarDay[][] {
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** Monday to Sunday of the week containing `date`. */
export function weekDays(date: string): CalendarDay[] {
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => day(addDays(monday, i), date));
}

/** The days to load for a view (listPosts' `from`/`to`, both included): everything on screen. */
export function rangeFor(view: CalendarView, date: string): { from: string; to: string } {
  const days = view === "month" ? monthGrid(date) : weekDays(date);
  return { from: days[0]!.date, to: days.at(-1)!.date };
}

/**
 * The dates the previous and next buttons go to: the 1st of the neighbouring months, or the same
 * weekday a week earlier and later.
 */
export function navDates(view: CalendarView, date: string): { prev: string; next: string } {
  if (view === "month") return { prev: addMonths(date, -1), next: addMonths(date, 1) };
  return { prev: addDays(date, -7), next: addDays(date, 7) };
}

/** Whether `date` is shown by the view anchored at `anchor`. */
export function isInView(view: CalendarView, anchor: string, date: string): boolean {
  const { from, to } = rangeFor(view, anchor);
  return date >= from && date <= to;
}

const monthName = (date: string) => monthNames[parts(date).m - 1]!;

/** "March 2026" or "23 – 29 March 2026" (across months "30 March – 5 April 2026"). */
export function viewTitle(view: CalendarView, date: string): string {
  if (view === "month") return `${monthName(date)} ${parts(date).y}`;
  const days = weekDays(date);
  const a = parts(days[0]!.date);
  const b = parts(days[6]!.date);
  if (a.y !== b.y)
    return `${a.d} ${monthName(days[0]!.date)} ${a.y} – ${b.d} ${monthName(days[6]!.date)} ${b.y}`;
  if (a.m !== b.m)
    return `${a.d} ${monthName(days[0]!.date)} – ${b.d} ${monthName(days[6]!.date)} ${b.y}`;
  return `${a.d} – ${b.d} ${monthName(days[6]!.date)} ${b.y}`;
}

/** "Tuesday 24 March" (with the year when `withYear`). */
export function dayLabel(date: string, opts: { withYear?: boolean } = {}): string {
  const { y, d } = parts(date);
  const label = `${weekdayNames[weekdayOf(date)]} ${d} ${monthName(date)}`;
  return opts.withYear ? `${label} ${y}` : label;
}

/** Where a post sits: its local day, hour and time in the org's zone. */
export function placePost(scheduledAtIso: string, timeZone: string): PostPlacement {
  const local = utcToZonedLocal(new Date(scheduledAtIso), timeZone);
  const [hour, minute] = local.time.split(":").map(Number) as [number, number];
  return { date: local.date, hour, minute, time: local.time };
}

export type HourKind = "normal" | "skipped" | "repeated";

/**
 * What each local hour of `date` is in `timeZone`: "skipped" when the clocks jump over it (spring
 * forward), "repeated" when it happens twice (fall back). A day has 23 or 25 hours then; the week
 * view still shows rows 00–23 and marks these.
 */
export function hourKinds(date: string, timeZone: string): HourKind[] {
  return HOURS.map((hour): HourKind => {
    const start = zonedLocalToUtc(date, `${pad(hour)}:00`, timeZone);
    const end = zonedLocalToUtc(date, `${pad(hour)}:59`, timeZone);
    if (!start.ok && !end.ok) return "skipped";
    if (!start.ok || !end.ok) return "normal"; // a gap of part of the hour (rare zones): shown as usual
    // The earlier instant of the hour's start; an hour later the clock shows the same hour again.
    const later = utcToZonedLocal(new Date(start.utc.getTime() + HOUR_MS), timeZone);
    return later.date === date && later.time === `${pad(hour)}:00` ? "repeated" : "normal";
  });
}

/** The length of `date` in `timeZone`, in hours (23 or 25 on DST change days, else 24). */
export function hoursInDay(date: string, timeZone: string): number {
  const kinds = hourKinds(date, timeZone);
  return (
    24 - kinds.filter((k) => k === "skipped").length + kinds.filter((k) => k === "repeated").length
  );
}
