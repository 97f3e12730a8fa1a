// Run under different process zones too (TZ=Pacific/Auckland npx vitest run lib/posts/local-time.test.ts):
// nothing here may depend on the zone the server runs in.
import { describe, expect, it } from "vitest";
import {
  isValidTimeZone,
  shiftLocalDays,
  utcToZonedLocal,
  zonedLocalToUtc,
  type ZonedToUtcResult,
} from "./local-time";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const HOUR = 3_600_000;

const utc = (iso: string): ZonedToUtcResult => ({ ok: true, utc: new Date(iso) });

describe("zonedLocalToUtc", () => {
  it.each([
    // Ordinary days, winter and summer.
    [BERLIN, "2026-01-15", "09:00", "2026-01-15T08:00:00.000Z"],
    [BERLIN, "2026-07-15", "09:00", "2026-07-15T07:00:00.000Z"],
    [BERLIN, "2026-12-31", "23:59", "2026-12-31T22:59:00.000Z"],
    [BERLIN, "2026-01-01", "00:00", "2025-12-31T23:00:00.000Z"],
    [NEW_YORK, "2026-01-15", "09:00", "2026-01-15T14:00:00.000Z"],
    [NEW_YORK, "2026-07-15", "09:00", "2026-07-15T13:00:00.000Z"],
    [NEW_YORK, "2026-07-15", "23:30", "2026-07-16T03:30:00.000Z"],
    ["UTC", "2026-03-29", "02:30", "2026-03-29T02:30:00.000Z"],
    ["Asia/Kolkata", "2026-03-29", "09:00", "2026-03-29T03:30:00.000Z"],
    // Around Berlin's spring-forward (2026-03-29, 02:00 → 03:00).
    [BERLIN, "2026-03-29", "01:59", "2026-03-29T00:59:00.000Z"],
    [BERLIN, "2026-03-29", "03:00", "2026-03-29T01:00:00.000Z"],
    // Around New York's spring-forward (2026-03-08, 02:00 → 03:00).
    [NEW_YORK, "2026-03-08", "01:59", "2026-03-08T06:59:00.000Z"],
    [NEW_YORK, "2026-03-08", "03:00", "2026-03-08T07:00:00.000Z"],
    // Fall-back overlaps pick the earlier instant (still summer time).
    [BERLIN, "2026-10-25", "02:00", "2026-10-25T00:00:00.000Z"],
    [BERLIN, "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"],
    [BERLIN, "2026-10-25", "02:59", "2026-10-25T00:59:00.000Z"],
    [BERLIN, "2026-10-25", "03:00", "2026-10-25T02:00:00.000Z"],
    [BERLIN, "2026-10-25", "01:59", "2026-10-24T23:59:00.000Z"],
    [NEW_YORK, "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
    [NEW_YORK, "2026-11-01", "02:00", "2026-11-01T07:00:00.000Z"],
    [NEW_YORK, "2026-11-01", "00:59", "2026-11-01T04:59:00.000Z"],
  ])("%s %s %s → %s", (tz, date, time, iso) => {
    expect(zonedLocalToUtc(date, time, tz)).toEqual(utc(iso));
  });

  it.each([
    [BERLIN, "2026-03-29", "02:00"],
    [BERLIN, "2026-03-29", "02:30"],
    [BERLIN, "2026-03-29", "02:59"],
    [NEW_YORK, "2026-03-08", "02:00"],
    [NEW_YORK, "2026-03-08", "02:30"],
  ])("%s %s %s does not exist (clocks skip it)", (tz, date, time) => {
    expect(zonedLocalToUtc(date, time, tz)).toEqual({ ok: false, reason: "nonexistent" });
  });

  it.each([
    ["2026-02-30", "09:00", BERLIN],
    ["2026-13-01", "09:00", BERLIN],
    ["2026-1-5", "09:00", BERLIN],
    ["2026-01-05", "24:00", BERLIN],
    ["2026-01-05", "9:00", BERLIN],
    ["2026-01-05", "09:60", BERLIN],
    ["2026-01-05", "09:00:00", BERLIN],
    ["2026-01-05", "09:00", "Mars/Olympus_Mons"],
    ["", "", BERLIN],
  ])("%s %s %s is invalid", (date, time, tz) => {
    expect(zonedLocalToUtc(date, time, tz)).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts a leap day only in leap years", () => {
    expect(zonedLocalToUtc("2028-02-29", "12:00", BERLIN)).toEqual(utc("2028-02-29T11:00:00.000Z"));
    expect(zonedLocalToUtc("2027-02-29", "12:00", BERLIN)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("utcToZonedLocal", () => {
  it.each([
    ["2026-03-29T00:59:00Z", BERLIN, "2026-03-29", "01:59"],
    ["2026-03-29T01:00:00Z", BERLIN, "2026-03-29", "03:00"],
    ["2026-10-25T00:30:00Z", BERLIN, "2026-10-25", "02:30"],
    ["2026-10-25T01:30:00Z", BERLIN, "2026-10-25", "02:30"],
    ["2025-12-31T23:00:00Z", BERLIN, "2026-01-01", "00:00"],
    ["2026-07-16T03:30:00Z", NEW_YORK, "2026-07-15", "23:30"],
    ["2026-11-01T05:30:00Z", NEW_YORK, "2026-11-01", "01:30"],
    ["2026-11-01T06:30:00Z", NEW_YORK, "2026-11-01", "01:30"],
    ["2026-01-01T00:00:00Z", "UTC", "2026-01-01", "00:00"],
  ])("%s in %s is %s %s", (iso, tz, date, time) => {
    expect(utcToZonedLocal(new Date(iso), tz)).toEqual({ date, time });
  });

  it("round-trips every hour of a year, and every quarter hour around the changes", () => {
    const roundTrip = (tz: string, from: number, to: number, step: number) => {
      let secondOccurrences = 0;
      for (let t = from; t < to; t += step) {
        const local = utcToZonedLocal(new Date(t), tz);
        const back = zonedLocalToUtc(local.date, local.time, tz);
        expect(back.ok, `${tz} ${local.date} ${local.time}`).toBe(true);
        // A repeated time's second occurrence maps back to the first, one hour earlier.
        if (back.ok && back.utc.getTime() !== t) {
          expect(t - back.utc.getTime()).toBe(HOUR);
          secondOccurrences += 1;
        }
      }
      return secondOccurrences;
    };
    const quarter = 15 * 60_000;
    for (const tz of [BERLIN, NEW_YORK])
      expect(roundTrip(tz, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), HOUR)).toBe(1);
    expect(roundTrip(BERLIN, Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30), quarter)).toBe(0);
    expect(roundTrip(BERLIN, Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 26), quarter)).toBe(4);
    expect(roundTrip(NEW_YORK, Date.UTC(2026, 2, 7), Date.UTC(2026, 2, 9), quarter)).toBe(0);
    expect(roundTrip(NEW_YORK, Date.UTC(2026, 9, 31), Date.UTC(2026, 10, 2), quarter)).toBe(4);
  });

  it("throws on an unknown time zone", () => {
    expect(() => utcToZonedLocal(new Date(), "Nowhere/Land")).toThrow(RangeError);
    expect(isValidTimeZone("Nowhere/Land")).toBe(false);
    expect(isValidTimeZone(BERLIN)).toBe(true);
  });
});

describe("shiftLocalDays", () => {
  const shift = (iso: string, tz: string, days: number) =>
    shiftLocalDays(new Date(iso), tz, days).toISOString();
  const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / HOUR;

  it("keeps 09:00 across Berlin's spring-forward: the instant moves 23 h", () => {
    const from = zonedLocalToUtc("2026-03-28", "09:00", BERLIN);
    expect(from).toEqual(utc("2026-03-28T08:00:00.000Z"));
    const to = shift("2026-03-28T08:00:00.000Z", BERLIN, 1);
    expect(to).toBe("2026-03-29T07:00:00.000Z");
    expect(utcToZonedLocal(new Date(to), BERLIN)).toEqual({ date: "2026-03-29", time: "09:00" });
    expect(hoursBetween("2026-03-28T08:00:00.000Z", to)).toBe(23);
    // And back again: 25 h the other way round.
    expect(shift(to, BERLIN, -1)).toBe("2026-03-28T08:00:00.000Z");
  });

  it("keeps 09:00 across Berlin's fall-back: the instant moves 25 h", () => {
    const to = shift("2026-10-24T07:00:00.000Z", BERLIN, 1);
    expect(to).toBe("2026-10-25T08:00:00.000Z");
    expect(utcToZonedLocal(new Date(to), BERLIN)).toEqual({ date: "2026-10-25", time: "09:00" });
    expect(hoursBetween("2026-10-24T07:00:00.000Z", to)).toBe(25);
  });

  it("keeps 09:00 across New York's changes (23 h in March, 25 h in November)", () => {
    const spring = shift("2026-03-07T14:00:00.000Z", NEW_YORK, 1);
    expect(spring).toBe("2026-03-08T13:00:00.000Z");
    expect(hoursBetween("2026-03-07T14:00:00.000Z", spring)).toBe(23);
    const fall = shift("2026-10-31T13:00:00.000Z", NEW_YORK, 1);
    expect(fall).toBe("2026-11-01T14:00:00.000Z");
    expect(hoursBetween("2026-10-31T13:00:00.000Z", fall)).toBe(25);
  });

  it("moves by whole weeks and across years, and by zero days not at all", () => {
    // Berlin 2026-03-22 09:00 (winter) + 7 days = 2026-03-29 09:00 (summer).
    expect(shift("2026-03-22T08:00:00.000Z", BERLIN, 7)).toBe("2026-03-29T07:00:00.000Z");
    expect(shift("2026-12-31T14:00:00.000Z", NEW_YORK, 1)).toBe("2027-01-01T14:00:00.000Z");
    expect(shift("2026-05-05T05:05:05.005Z", NEW_YORK, 0)).toBe("2026-05-05T05:05:05.005Z");
    expect(shift("2026-05-05T05:05:05.005Z", NEW_YORK, 30)).toBe("2026-06-04T05:05:05.005Z");
  });

  it("moves a time that does not exist on the target day to the first minute after the gap", () => {
    // 02:30 on the 28th → the 29th has no 02:30 → 03:00 local (01:00 UTC).
    const to = shift("2026-03-28T01:30:00.000Z", BERLIN, 1);
    expect(to).toBe("2026-03-29T01:00:00.000Z");
    expect(utcToZonedLocal(new Date(to), BERLIN)).toEqual({ date: "2026-03-29", time: "03:00" });
    expect(shift("2026-03-09T06:15:00.000Z", NEW_YORK, -1)).toBe("2026-03-08T07:00:00.000Z"); // 02:15 → 03:00
  });

  it("picks the earlier instant when the time happens twice on the target day", () => {
    // 02:30 on the 24th (summer) → 02:30 on the 25th, first occurrence (still summer).
    expect(shift("2026-10-24T00:30:00.000Z", BERLIN, 1)).toBe("2026-10-25T00:30:00.000Z");
    expect(shift("2026-11-02T06:30:00.000Z", NEW_YORK, -1)).toBe("2026-11-01T05:30:00.000Z");
  });

  it("refuses fractional days and unknown zones", () => {
    expect(() => shiftLocalDays(new Date(), BERLIN, 0.5)).toThrow(RangeError);
    expect(() => shiftLocalDays(new Date(), "Nowhere/Land", 1)).toThrow(RangeError);
  });
});
