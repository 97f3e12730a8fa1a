import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelativeTime, isSafeAppPath } from "./format";

const now = new Date("2026-11-22T10:00:00Z");

describe("notification times", () => {
  it("is relative while recent", () => {
    expect(formatRelativeTime("2026-11-22T09:59:40Z", now, "UTC")).toBe("just now");
    expect(formatRelativeTime("2026-11-22T09:55:00Z", now, "UTC")).toBe("5 minutes ago");
    expect(formatRelativeTime("2026-11-22T07:00:00Z", now, "UTC")).toBe("3 hours ago");
  });

  it("counts calendar days in the org's time zone", () => {
    // 02:00 UTC is still the 21st in New York (21:00), and 10:00 UTC is the 22nd there too.
    expect(formatRelativeTime("2026-11-22T02:00:00Z", now, "America/New_York")).toBe("yesterday");
    expect(formatRelativeTime("2026-11-22T02:00:00Z", now, "UTC")).toBe("8 hours ago");
    // In Tokyo 10:00 UTC is 19:00 on the 22nd, and 14:30 UTC the day before is 23:30 on the 21st.
    expect(formatRelativeTime("2026-11-21T14:30:00Z", now, "Asia/Tokyo")).toBe("yesterday");
    expect(formatRelativeTime("2026-11-19T12:00:00Z", now, "UTC")).toBe("3 days ago");
  });

  it("shows a date after a week, with the year when it differs", () => {
    expect(formatRelativeTime("2026-11-01T12:00:00Z", now, "UTC")).toBe("Nov 1");
    expect(formatRelativeTime("2025-12-31T23:30:00Z", now, "UTC")).toBe("Dec 31, 2025");
    expect(formatRelativeTime("2025-12-31T23:30:00Z", now, "Europe/Paris")).toBe("Jan 1");
  });

  it("formats the full time in the org's zone", () => {
    expect(formatDateTime("2026-11-22T10:00:00Z", "Europe/Paris")).toMatch(/Nov 22, 2026.*11:00/);
  });
});

describe("notification links", () => {
  it("follows only same-site paths", () => {
    expect(isSafeAppPath("/acme/members")).toBe(true);
    expect(isSafeAppPath("/")).toBe(true);
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "acme",
      "/a b",
      null,
      "",
    ])
      expect(isSafeAppPath(bad), String(bad)).toBe(false);
  });
});
