import { describe, expect, it } from "vitest";
import {
  formatOrgDate,
  formatOrgDateTime,
  initialsOf,
  mediaSummary,
  networkLabel,
  overdueReason,
} from "@/components/social/format";

describe("org times", () => {
  it("shows an instant in the org's zone, not the process's", () => {
    // 23:30 UTC on 28 March is already the 29th in Berlin (summer time since 01:00 UTC).
    expect(formatOrgDateTime("2026-03-28T23:30:00Z", "Europe/Berlin")).toBe("29 Mar 2026, 00:30");
    expect(formatOrgDateTime("2026-03-28T23:30:00Z", "America/New_York")).toBe(
      "28 Mar 2026, 19:30",
    );
    expect(formatOrgDate("2026-03-28T23:30:00Z", "Asia/Tokyo")).toBe("29 Mar 2026");
  });
});

describe("mediaSummary", () => {
  it("counts images, PDFs and other files", () => {
    expect(mediaSummary([])).toBeNull();
    expect(mediaSummary([{ mime: "image/png" }])).toBe("1 image");
    expect(
      mediaSummary([
        { mime: "image/png" },
        { mime: "image/jpeg" },
        { mime: "application/pdf" },
        { mime: "video/mp4" },
      ]),
    ).toBe("2 images · 1 PDF · 1 file");
  });
});

describe("labels", () => {
  it("names known networks and keeps unknown ones", () => {
    expect(networkLabel("linkedin")).toBe("LinkedIn");
    expect(networkLabel("sandbox")).toBe("Sandbox");
    expect(networkLabel("mastodon")).toBe("mastodon");
    expect(networkLabel("toString")).toBe("toString");
  });

  it("says why a target is late", () => {
    expect(overdueReason("scheduled")).toBe("Not picked up yet");
    expect(overdueReason("publishing")).toBe("Stuck while publishing");
  });

  it("takes the first and last initials, ignoring a suffix in brackets", () => {
    expect(initialsOf("Ada Lovelace")).toBe("AL");
    expect(initialsOf("Ada King Lovelace (Sandbox)")).toBe("AL");
    expect(initialsOf("ada")).toBe("A");
    expect(initialsOf("  ")).toBe("?");
    expect(initialsOf("Émile Zola")).toBe("ÉZ");
  });
});
