import { describe, expect, it } from "vitest";
import {
  checkMove,
  keyboardMoveDays,
  moveMessages,
  movedAnnouncement,
  moveShortcuts,
} from "./move";

const base = {
  status: "scheduled" as const,
  canSchedule: true,
  fromDate: "2026-03-24",
  today: "2026-03-20",
};

describe("checkMove", () => {
  it("counts the days of an allowed move", () => {
    expect(checkMove({ ...base, toDate: "2026-03-31" })).toEqual({ ok: true, days: 7 });
    expect(checkMove({ ...base, toDate: "2026-03-20" })).toEqual({ ok: true, days: -4 });
    expect(checkMove({ ...base, toDate: "2026-03-24" })).toEqual({ ok: true, days: 0 });
  });

  it("refuses the past, other statuses and roles without posts.schedule", () => {
    expect(checkMove({ ...base, toDate: "2026-03-19" })).toEqual({
      ok: false,
      message: moveMessages.past,
    });
    expect(checkMove({ ...base, status: "draft", toDate: "2026-03-25" })).toEqual({
      ok: false,
      message: moveMessages.notScheduled,
    });
    expect(checkMove({ ...base, status: "published", toDate: "2026-03-25" })).toEqual({
      ok: false,
      message: moveMessages.notScheduled,
    });
    expect(checkMove({ ...base, canSchedule: false, toDate: "2026-03-25" })).toEqual({
      ok: false,
      message: moveMessages.noPermission,
    });
  });
});

describe("keyboardMoveDays", () => {
  const key = (
    k: string,
    mods: Partial<Record<"alt" | "ctrl" | "meta" | "shift", boolean>> = {},
  ) => ({
    key: k,
    altKey: mods.alt ?? true,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
  });

  it("moves by a day, or a week in the month view", () => {
    expect(keyboardMoveDays(key("ArrowRight"), "month")).toBe(1);
    expect(keyboardMoveDays(key("ArrowLeft"), "month")).toBe(-1);
    expect(keyboardMoveDays(key("ArrowDown"), "month")).toBe(7);
    expect(keyboardMoveDays(key("ArrowUp"), "month")).toBe(-7);
    expect(keyboardMoveDays(key("ArrowRight"), "week")).toBe(1);
    expect(keyboardMoveDays(key("ArrowDown"), "week")).toBeNull();
  });

  it("needs Alt alone", () => {
    expect(keyboardMoveDays(key("ArrowRight", { alt: false }), "month")).toBeNull();
    expect(keyboardMoveDays(key("ArrowRight", { ctrl: true }), "month")).toBeNull();
    expect(keyboardMoveDays(key("ArrowRight", { shift: true }), "month")).toBeNull();
    expect(keyboardMoveDays(key("Enter"), "month")).toBeNull();
  });

  it("lists the shortcuts per view", () => {
    expect(moveShortcuts("month")).toContain("Alt+ArrowDown");
    expect(moveShortcuts("week")).not.toContain("Alt+ArrowDown");
  });
});

describe("movedAnnouncement", () => {
  it("says the new local day and time", () => {
    expect(movedAnnouncement("2026-03-24T08:00:00.000Z", "Europe/Berlin")).toBe(
      "Moved to Tuesday 24 March, 09:00",
    );
    // After Berlin's spring forward the same 09:00 is an hour earlier in UTC.
    expect(movedAnnouncement("2026-03-30T07:00:00.000Z", "Europe/Berlin")).toBe(
      "Moved to Monday 30 March, 09:00",
    );
  });
});
