// Run under other process zones too (TZ=Pacific/Auckland npx vitest run --project unit lib/calendar):
// the grid may depend only on the org's zone it is given, never the server's or the browser's.
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dayLabel,
  daysBetween,
  hourKinds,
  hoursInDay,
  isInView,
  monthGrid,
  navDates,
  parseCalendarDate,
  parseCalendarView,
  placePost,
  rangeFor,
  startOfWeek,
  todayIn,
  viewTitle,
  weekDays,
  weekdayOf,
  weeksOf,
} from "./grid";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";

describe("parsing URL values", () => {
  it.each([
    ["2026-03-15", "2026-03-15"],
    ["2028-02-29", "2028-02-29"],
    ["2026-02-29", null],
    ["2026-13-01", null],
    ["2026-3-1", null],
    ["1899-12-31", null],
    ["3000-01-01", null],
    ["", null],
    [undefined, null],
    [["2026-03-15"], null],
  ])("parseCalendarDate(%j) = %j", (value, expected) => {
    expect(parseCalendarDate(value)).toBe(expected);
  });

  it("defaults the view to month", () => {
    expect(parseCalendarView("week")).toBe("week");
    expect(parseCalendarView("month")).toBe("month");
    expect(parseCalendarView("day")).toBe("month");
    expect(parseCalendarView(undefined)).toBe("month");
  });
});

describe("day arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-03-31", 1)).toBe("2026-04-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30"); // Berlin's 23-hour day is still one day
    expect(daysBetween("2026-03-23", "2026-04-02")).toBe(10);
    expect(daysBetween("2026-04-02", "2026-03-23")).toBe(-10);
  });

  it("counts weekdays from Monday", () => {
    expect(weekdayOf("2026-03-23")).toBe(0); // Monday
    expect(weekdayOf("2026-03-29")).toBe(6); // Sunday
    expect(weekdayOf("1970-01-01")).toBe(3); // Thursday
    expect(weekdayOf("1969-12-29")).toBe(0);
    expect(startOfWeek("2026-03-29")).toBe("2026-03-23");
    expect(startOfWeek("2026-03-23")).toBe("2026-03-23");
  });

  it("moves to the 1st of other months", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-01");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-01");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-01");
    expect(addMonths("2026-03-15", -15)).toBe("2024-12-01");
  });
});

describe("monthGrid", () => {
  it("March 2026: Monday 23 Feb … Sunday 5 April, 6 weeks", () => {
    const days = monthGrid("2026-03-17");
    expect(days).toHaveLength(42);
    expect(days[0]).toEqual({ date: "2026-02-23", dayOfMonth: 23, weekday: 0, inMonth: false });
    expect(days[6]!.date).toBe("2026-03-01");
    expect(days[6]!.inMonth).toBe(true);
    expect(days.at(-1)).toEqual({ date: "2026-04-05", dayOfMonth: 5, weekday: 6, inMonth: false });
    expect(days.filter((d) => d.inMonth)).toHaveLength(31);
    // Consecutive days, Monday first in every week.
    days.forEach((d, i) => expect(daysBetween(days[0]!.date, d.date)).toBe(i));
    for (const week of weeksOf(days)) {
      expect(week).toHaveLength(7);
      expect(week.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it("has as many weeks as the month touches", () => {
    expect(monthGrid("2027-02-01")).toHaveLength(28); // 1 Feb 2027 is a Monday, 28 days
    expect(monthGrid("2026-02-10")).toHaveLength(35);
    expect(monthGrid("2026-08-10")).toHaveLength(42); // starts on a Saturday, 31 days
  });

  it("contains the whole DST weeks of Berlin", () => {
    const march = monthGrid("2026-03-01").map((d) => d.date);
    expect(march).toContain("2026-03-29");
    const october = monthGrid("2026-10-01").map((d) => d.date);
    expect(october).toContain("2026-10-25");
    expect(october[0]).toBe("2026-09-28");
    expect(october.at(-1)).toBe("2026-11-01");
  });
});

describe("weekDays", () => {
  it("is Monday to Sunday around the date", () => {
    expect(weekDays("2026-03-25").map((d) => d.date)).toEqual([
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
    ]);
    expect(weekDays("2026-03-29")[0]!.date).toBe("2026-03-23");
    expect(weekDays("2026-10-25").map((d) => d.date)).toEqual([
      "2026-10-19",
      "2026-10-20",
      "2026-10-21",
      "2026-10-22",
      "2026-10-23",
      "2026-10-24",
      "2026-10-25",
    ]);
  });

  it("crosses years", () => {
    expect(weekDays("2026-01-01").map((d) => d.date)).toEqual([
      "2025-12-29",
      "2025-12-30",
      "2025-12-31",
      "2026-01-01",
      "2026-01-02",
      "2026-01-03",
      "2026-01-04",
    ]);
  });
});

describe("rangeFor and navDates", () => {
  it("loads everything on screen", () => {
    expect(rangeFor("month", "2026-03-17")).toEqual({ from: "2026-02-23", to: "2026-04-05" });
    expect(rangeFor("week", "2026-03-25")).toEqual({ from: "2026-03-23", to: "2026-03-29" });
    expect(rangeFor("week", "2026-10-25")).toEqual({ from: "2026-10-19", to: "2026-10-25" });
  });

  it("goes to neighbouring months and weeks", () => {
    expect(navDates("month", "2026-03-17")).toEqual({ prev: "2026-02-01", next: "2026-04-01" });
    expect(navDates("month", "2026-01-31")).toEqual({ prev: "2025-12-01", next: "2026-02-01" });
    expect(navDates("week", "2026-03-25")).toEqual({ prev: "2026-03-18", next: "2026-04-01" });
    expect(navDates("week", "2026-12-30")).toEqual({ prev: "2026-12-23", next: "2027-01-06" });
  });

  it("knows what a view shows", () => {
    expect(isInView("month", "2026-03-17", "2026-04-05")).toBe(true);
    expect(isInView("month", "2026-03-17", "2026-04-06")).toBe(false);
    expect(isInView("week", "2026-03-25", "2026-03-29")).toBe(true);
    expect(isInView("week", "2026-03-25", "2026-03-30")).toBe(false);
  });
});

describe("titles and labels", () => {
  it.each([
    ["month", "2026-03-17", "March 2026"],
    ["month", "2026-12-01", "December 2026"],
    ["week", "2026-03-25", "23 – 29 March 2026"],
    ["week", "2026-04-01", "30 March – 5 April 2026"],
    ["week", "2026-01-01", "29 December 2025 – 4 January 2026"],
  ] as const)("%s %s → %s", (view, date, title) => {
    expect(viewTitle(view, date)).toBe(title);
  });

  it("names days", () => {
    expect(dayLabel("2026-03-24")).toBe("Tuesday 24 March");
    expect(dayLabel("2026-03-29", { withYear: true })).toBe("Sunday 29 March 2026");
  });
});

describe("todayIn", () => {
  it("is the date in the org's zone, not the process's", () => {
    const now = new Date("2026-03-28T23:30:00Z");
    expect(todayIn(now, BERLIN)).toBe("2026-03-29"); // 00:30 CET
    expect(todayIn(now, NEW_YORK)).toBe("2026-03-28");
    expect(todayIn(now, "Pacific/Auckland")).toBe("2026-03-29");
    expect(todayIn(now, "UTC")).toBe("2026-03-28");
  });
});

describe("placePost", () => {
  it.each([
    // Berlin spring forward, Sunday 2026-03-29: 02:00 CET → 03:00 CEST.
    ["2026-03-28T08:00:00.000Z", BERLIN, "2026-03-28", 9, 0, "09:00"], // Saturday, CET
    ["2026-03-29T07:00:00.000Z", BERLIN, "2026-03-29", 9, 0, "09:00"], // Sunday, CEST
    ["2026-03-30T07:00:00.000Z", BERLIN, "2026-03-30", 9, 0, "09:00"],
    ["2026-03-29T00:59:00.000Z", BERLIN, "2026-03-29", 1, 59, "01:59"],
    ["2026-03-29T01:00:00.000Z", BERLIN, "2026-03-29", 3, 0, "03:00"], // 02:xx never shows
    ["2026-03-28T23:30:00.000Z", BERLIN, "2026-03-29", 0, 30, "00:30"], // the UTC day before
    // Berlin fall back, Sunday 2026-10-25: 03:00 CEST → 02:00 CET; 02:30 happens twice.
    ["2026-10-24T07:00:00.000Z", BERLIN, "2026-10-24", 9, 0, "09:00"],
    ["2026-10-25T08:00:00.000Z", BERLIN, "2026-10-25", 9, 0, "09:00"],
    ["2026-10-25T00:30:00.000Z", BERLIN, "2026-10-25", 2, 30, "02:30"], // first 02:30 (CEST)
    ["2026-10-25T01:30:00.000Z", BERLIN, "2026-10-25", 2, 30, "02:30"], // second 02:30 (CET)
    ["2026-10-25T22:59:00.000Z", BERLIN, "2026-10-25", 23, 59, "23:59"],
    ["2026-10-25T23:00:00.000Z", BERLIN, "2026-10-26", 0, 0, "00:00"],
    // Other zones.
    ["2026-03-24T13:15:00.000Z", NEW_YORK, "2026-03-24", 9, 15, "09:15"],
    ["2026-03-24T03:00:00.000Z", NEW_YORK, "2026-03-23", 23, 0, "23:00"],
    ["2026-03-24T20:00:00.000Z", "Pacific/Auckland", "2026-03-25", 9, 0, "09:00"],
    ["2026-03-24T03:30:00.000Z", "Asia/Kolkata", "2026-03-24", 9, 0, "09:00"],
  ] as const)("%s in %s → %s %s:%s", (iso, zone, date, hour, minute, time) => {
    expect(placePost(iso, zone)).toEqual({ date, hour, minute, time });
  });

  it("keeps 09:00 in the 09 row every day of a DST week", () => {
    // A post rescheduled day by day keeps its local time: the instants are 23/25 h apart.
    const spring = [
      "2026-03-27T08:00:00.000Z",
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
    ];
    expect(spring.map((iso) => placePost(iso, BERLIN).hour)).toEqual([9, 9, 9, 9]);
    expect(spring.map((iso) => placePost(iso, BERLIN).date)).toEqual([
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
    ]);
    const autumn = [
      "2026-10-24T07:00:00.000Z",
      "2026-10-25T08:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
    ];
    expect(autumn.map((iso) => placePost(iso, BERLIN).time)).toEqual(["09:00", "09:00", "09:00"]);
  });
});

describe("DST hours", () => {
  it("marks Berlin's skipped hour on 2026-03-29 (23 hours)", () => {
    const kinds = hourKinds("2026-03-29", BERLIN);
    expect(kinds[2]).toBe("skipped");
    expect(kinds.filter((k) => k !== "normal")).toEqual(["skipped"]);
    expect(hoursInDay("2026-03-29", BERLIN)).toBe(23);
  });

  it("marks Berlin's repeated hour on 2026-10-25 (25 hours)", () => {
    const kinds = hourKinds("2026-10-25", BERLIN);
    expect(kinds[2]).toBe("repeated");
    expect(kinds.filter((k) => k !== "normal")).toEqual(["repeated"]);
    expect(hoursInDay("2026-10-25", BERLIN)).toBe(25);
  });

  it("leaves ordinary days and zones without DST alone", () => {
    for (const [date, zone] of [
      ["2026-03-28", BERLIN],
      ["2026-03-30", BERLIN],
      ["2026-10-24", BERLIN],
      ["2026-03-29", "UTC"],
      ["2026-03-29", "Asia/Kolkata"],
      ["2026-10-25", NEW_YORK], // New York changes on other days
    ] as const) {
      expect(hourKinds(date, zone).every((k) => k === "normal")).toBe(true);
      expect(hoursInDay(date, zone)).toBe(24);
    }
    expect(hoursInDay("2026-03-08", NEW_YORK)).toBe(23);
    expect(hoursInDay("2026-11-01", NEW_YORK)).toBe(25);
    expect(hourKinds("2026-11-01", NEW_YORK)[1]).toBe("repeated");
  });
});
