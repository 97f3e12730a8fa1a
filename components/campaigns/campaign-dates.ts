// A campaign's start and end are calendar days (no time, no zone): shown as they are.
const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

/** "1 Mar 2026 – 31 Mar 2026", "From 1 Mar 2026", "Until 31 Mar 2026", or null without dates. */
export function campaignDateRange(startsOn: string | null, endsOn: string | null): string | null {
  if (startsOn && endsOn)
    return startsOn === endsOn
      ? formatDay(startsOn)
      : `${formatDay(startsOn)} – ${formatDay(endsOn)}`;
  if (startsOn) return `From ${formatDay(startsOn)}`;
  if (endsOn) return `Until ${formatDay(endsOn)}`;
  return null;
}
