// Times in the notification list: relative while recent, then a date — calendar days and dates are
// counted in the org's time zone (the zone the whole org UI uses), not the browser's.
const dayKey = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(date)
    .slice(0, 10);

const dayNumber = (key: string) => {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

export function formatRelativeTime(
  iso: string,
  now: Date,
  timeZone: string,
  locale = "en-US",
): string {
  const date = new Date(iso);
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, "minute");
  const days = dayNumber(dayKey(now, timeZone)) - dayNumber(dayKey(date, timeZone));
  if (days <= 0) return rtf.format(-Math.round(minutes / 60), "hour");
  if (days < 7) return rtf.format(-days, "day");
  const sameYear = dayKey(now, timeZone).slice(0, 4) === dayKey(date, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(date);
}

/** The full date and time in the org's zone, for a tooltip and the <time> element. */
export function formatDateTime(iso: string, timeZone: string, locale = "en-US"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** Only same-site paths are followed from a notification (the database checks this too). */
export const isSafeAppPath = (link: string | null | undefined): link is string =>
  !!link && /^\/($|[^/\\])/.test(link) && !/[\\\s\u0000-\u001f]/.test(link);
