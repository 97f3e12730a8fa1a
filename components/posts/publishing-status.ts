// What the composer's publishing panel shows for each target, and how often it asks the server
// again. Pure, so it is tested without a browser.
import type { TargetNetwork, TargetStatus } from "@/lib/posts/constants";

export const targetStatusLabels: Record<TargetStatus, string> = {
  draft: "Not scheduled",
  scheduled: "Scheduled",
  publishing: "Publishing…",
  published: "Published",
  failed: "Failed",
  unconfirmed: "Check before reposting",
  cancelled: "Cancelled",
};

type Polled = { status: TargetStatus; scheduledAt: string | null };

/** Milliseconds until the next poll, or false to stop: fast while anything is due or on its way. */
export function pollInterval(targets: readonly Polled[], now: number): number | false {
  let interval: number | false = false;
  for (const t of targets) {
    if (t.status === "publishing") return 2_000;
    if (t.status === "scheduled") {
      const due = t.scheduledAt ? Date.parse(t.scheduledAt) : now;
      if (due - now <= 10 * 60_000) return 2_000;
      interval = 30_000;
    }
  }
  return interval;
}

type AccountOf = {
  network: TargetNetwork;
  status: TargetStatus;
  account: { status: "active" | "needs_reauth" | "disconnected" } | null;
};

/**
 * What the row says about the account a target publishes with: `as` (who it goes out as),
 * `missing` or `reconnect` (amber, linking to Accounts), or nothing (Facebook and Instagram have no
 * connection yet; a published target without one). A broken account only matters while the target
 * still has to go out or could be retried.
 */
export function accountNotice(t: AccountOf): "as" | "missing" | "reconnect" | null {
  if (t.network === "facebook" || t.network === "instagram") return null;
  const matters = t.status === "scheduled" || t.status === "failed" || t.status === "unconfirmed";
  if (!t.account) return matters ? "missing" : null;
  // Expired or disconnected alike: the worker cannot publish with it until it is reconnected.
  return t.account.status !== "active" && matters ? "reconnect" : "as";
}
