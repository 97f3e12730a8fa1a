// Local dates and times in an IANA time zone ↔ UTC instants, for scheduling: the UI shows and takes
// the org's local time, the database stores timestamptz (DESIGN §4). Pure, Intl only, and independent
// of the process's own time zone (nothing here reads local Date fields).
//
// Rules:
// - A local time that does not exist (the hour skipped when clocks move forward, e.g. 02:30 on
//   2026-03-29 in Europe/Berlin) is refused by zonedLocalToUtc ("nonexistent").
// - A local time that happens twice (the hour repeated when clocks move back, e.g. 02:30 on
//   2026-10-25 in Europe/Berlin) means the earlier instant, the first time the clock shows it
//   (there: 00:30 UTC, still in summer time).
// - shiftLocalDays keeps the local time of day, so across a DST change the instant moves by 23 or
//   25 hours per day. When the same time does not exist on the target day, it moves forward to the
//   first minute that does (02:30 on the spring-forward day becomes 03:00).

export type LocalDateTime = {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm, 24-hour */
  time: string;
};

export type ZonedToUtcResult =
  { ok: true; utc: Date } | { ok: false; reason: "nonexistent" | "invalid" };

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      f = null; // RangeError: not a time zone
    }
    formatters.set(timeZone, f);
  }
  return formatters.get(timeZone) ?? null;
}

export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** The wall clock in `timeZone` at instant `ms`, expressed as milliseconds "as if UTC". */
function wallAt(ms: number, f: Intl.DateTimeFormat): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms)))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall + (((ms % 1000) + 1000) % 1000); // formatToParts has no milliseconds
}

/** UTC offset (ms) of `timeZone` at instant `ms`. */
const offsetAt = (ms: number, f: Intl.DateTimeFormat) => wallAt(ms, f) - ms;

type Resolved =
  | { kind: "ok"; utc: number } // the earlier instant when the wall time happens twice
  | { kind: "gap"; offsetBefore: number; offsetAfter: number };

/** The instants at which `timeZone`'s clock shows `wall` (ms "as if UTC"). */
function resolveWall(wall: number, f: Intl.DateTimeFormat): Resolved {
  // Offsets a day either side of the wall time: a DST change in between shows as two offsets.
  const offsetBefore = offsetAt(wall - DAY, f);
  const offsetAfter = offsetAt(wall + DAY, f);
  const candidates = [...new Set([wall - offsetBefore, wall - offsetAfter])]
    .filter((utc) => wallAt(utc, f) === wall)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return { kind: "gap", offsetBefore, offsetAfter };
  return { kind: "ok", utc: candidates[0]! };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Milliseconds "as if UTC" of a calendar date and time, or null when either is not a real one. */
function parseWall(date: string, time: string): number | null {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const wall = Date.UTC(y, m - 1, day, Number(t[1]), Number(t[2]));
  const check = new Date(wall);
  // Date.UTC rolls 2026-02-30 over to March; a real date comes back unchanged.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day)
    return null;
  return wall;
}

/**
 * The instant at which `timeZone`'s clocks show `date` `time`. "invalid" for a malformed or unreal
 * date or time, or an unknown time zone; "nonexistent" for a time skipped by a DST change. A time
 * that happens twice gives the earlier instant.
 */
export function zonedLocalToUtc(date: string, time: string, timeZone: string): ZonedToUtcResult {
  const f = formatterFor(timeZone);
  const wall = parseWall(date, time);
  if (!f || wall === null) return { ok: false, reason: "invalid" };
  const r = resolveWall(wall, f);
  if (r.kind === "gap") return { ok: false, reason: "nonexistent" };
  return { ok: true, utc: new Date(r.utc) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatWall(wall: number): LocalDateTime {
  const d = new Date(wall);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** The local date and time (to the minute) in `timeZone` at `utc`. Throws on an unknown time zone. */
export function utcToZonedLocal(utc: Date, timeZone: string): LocalDateTime {
  const f = formatterFor(timeZone);
  if (!f) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return formatWall(wallAt(utc.getTime(), f));
}

/**
 * `utc` moved by `days` calendar days in `timeZone`, keeping the local time of day (seconds
 * included). Across a DST change the instant moves by 23 or 25 hours per day. When the time does
 * not exist on the target day, the result is the first minute after the gap; when it happens twice,
 * the earlier instant. Throws on an unknown time zone.
 */
export function shiftLocalDays(utc: Date, timeZone: string, days: number): Date {
  const f = formatterFor(timeZone);
  if (!f) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  const wall = wallAt(utc.getTime(), f) + days * DAY;
  const r = resolveWall(wall, f);
  if (r.kind === "ok") return new Date(r.utc);
  // In a gap the clock jumps from offsetBefore to offsetAfter. `early` is still before the change
  // and `late` after it; the change itself is the first minute that exists after the gap.
  const wallMinute = wall - (((wall % MINUTE) + MINUTE) % MINUTE);
  let early = wallMinute - r.offsetAfter;
  let late = wallMinute - r.offsetBefore;
  while (late - early > MINUTE) {
    const mid = early + Math.floor((late - early) / 2 / MINUTE) * MINUTE;
    if (offsetAt(mid, f) === r.offsetBefore) early = mid;
    else late = mid;
  }
  return new Date(late);
}
