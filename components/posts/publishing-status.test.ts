import { describe, expect, it } from "vitest";
import { accountNotice, pollInterval, targetStatusLabels } from "./publishing-status";

const now = Date.parse("2026-11-22T10:00:00Z");
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe("pollInterval", () => {
  it("polls every 2 s while a target publishes or is due within ten minutes (or overdue)", () => {
    expect(pollInterval([{ status: "publishing", scheduledAt: at(-1) }], now)).toBe(2_000);
    expect(pollInterval([{ status: "scheduled", scheduledAt: at(2) }], now)).toBe(2_000);
    expect(pollInterval([{ status: "scheduled", scheduledAt: at(-3) }], now)).toBe(2_000);
    expect(
      pollInterval(
        [
          { status: "published", scheduledAt: null },
          { status: "scheduled", scheduledAt: at(5) },
        ],
        now,
      ),
    ).toBe(2_000);
  });

  it("polls every 30 s for later posts, and stops once nothing is on its way", () => {
    expect(pollInterval([{ status: "scheduled", scheduledAt: at(60) }], now)).toBe(30_000);
    expect(
      pollInterval(
        [
          { status: "published", scheduledAt: null },
          { status: "failed", scheduledAt: null },
          { status: "unconfirmed", scheduledAt: null },
        ],
        now,
      ),
    ).toBe(false);
    expect(pollInterval([], now)).toBe(false);
  });
});

describe("targetStatusLabels", () => {
  it("says each status in words, an unknown outcome so nobody reposts blindly", () => {
    expect([
      targetStatusLabels.scheduled,
      targetStatusLabels.publishing,
      targetStatusLabels.published,
      targetStatusLabels.failed,
      targetStatusLabels.unconfirmed,
    ]).toEqual(["Scheduled", "Publishing…", "Published", "Failed", "Check before reposting"]);
  });
});

describe("accountNotice", () => {
  const active = { status: "active" } as const;
  it("names the account a target goes out as", () => {
    expect(accountNotice({ network: "sandbox", status: "scheduled", account: active })).toBe("as");
    expect(accountNotice({ network: "linkedin", status: "published", account: active })).toBe("as");
  });

  it("flags a missing or broken account while the target still has to go out", () => {
    expect(accountNotice({ network: "sandbox", status: "scheduled", account: null })).toBe(
      "missing",
    );
    for (const status of ["needs_reauth", "disconnected"] as const)
      expect(accountNotice({ network: "x", status: "failed", account: { status } })).toBe(
        "reconnect",
      );
    expect(
      accountNotice({
        network: "linkedin",
        status: "unconfirmed",
        account: { status: "needs_reauth" },
      }),
    ).toBe("reconnect");
  });

  it("stays quiet once published, and for networks nobody can connect yet", () => {
    expect(accountNotice({ network: "linkedin", status: "published", account: null })).toBeNull();
    expect(
      accountNotice({
        network: "linkedin",
        status: "published",
        account: { status: "disconnected" },
      }),
    ).toBe("as");
    expect(accountNotice({ network: "facebook", status: "scheduled", account: null })).toBeNull();
  });
});
