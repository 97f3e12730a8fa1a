// What the Accounts page shows: the org's accounts sorted into its sections, who may connect or
// disconnect what (the database checks again), and the words for statuses and consequences. Pure
// and client-safe.
import type { OrgRole } from "@/lib/db/schema";
import { can } from "@/lib/orgs/permissions";
import type { SocialAccountItem } from "@/lib/social/accounts";
import type { AccountKind } from "@/lib/social/types";
import { plural } from "@/components/social/format";

export type AccountStatus = SocialAccountItem["status"];

export const accountStatusLabels: Record<AccountStatus, string> = {
  active: "Active",
  needs_reauth: "Needs reconnecting",
  disconnected: "Disconnected",
};

export type AccountGroups = {
  /** The caller's own profiles (kind member), every network. */
  mine: SocialAccountItem[];
  /** Company pages (kind organization), whoever connected them. */
  pages: SocialAccountItem[];
  /** Other members' own profiles, and those of former members (no user any more). */
  others: SocialAccountItem[];
};

/** Splits the org's accounts by section, keeping the order they came in. */
export function groupAccounts(
  accounts: readonly SocialAccountItem[],
  userId: string,
): AccountGroups {
  const groups: AccountGroups = { mine: [], pages: [], others: [] };
  for (const a of accounts) {
    if (a.kind === "organization") groups.pages.push(a);
    else if (a.userId === userId) groups.mine.push(a);
    else groups.others.push(a);
  }
  return groups;
}

/**
 * Why the caller cannot start connecting an account of this kind, or null when they can: their role
 * first (a viewer reads one consistent reason everywhere), then what the server lacks.
 */
export function connectBlockReason(
  role: OrgRole,
  kind: AccountKind,
  serverReason: string | null,
): string | null {
  if (!can(role, "accounts.connect")) return "Viewers can see accounts but not connect them.";
  if (kind === "organization" && !can(role, "accounts.manage"))
    return "Only owners and admins can connect company pages.";
  return serverReason;
}

/** Own profiles for every member but a viewer; company pages and other members' for admins. */
export function canDisconnect(role: OrgRole, account: SocialAccountItem, userId: string): boolean {
  if (account.status === "disconnected") return false;
  if (can(role, "accounts.manage")) return true;
  return can(role, "accounts.connect") && account.kind === "member" && account.userId === userId;
}

export function scheduledPostsText(n: number): string {
  return n === 0 ? "No scheduled posts" : plural(n, "scheduled post");
}

/** What disconnecting does to the posts waiting on the account (the confirmation dialog). */
export function disconnectConsequence(n: number): string {
  if (n === 0) return "No scheduled posts use this account.";
  return `${plural(n, "scheduled post")} will publish with this account. ${
    n === 1 ? "It" : "They"
  } will fail unless the account is reconnected before ${n === 1 ? "it is" : "they are"} due.`;
}

export type OAuthFlash = { ok: boolean; message: string };

const MAX_FLASH = 300;

/** The OAuth callback's `?oauth=ok|error&message=…`, or null when the URL carries none. */
export function parseOAuthFlash(
  params: Record<string, string | string[] | undefined>,
): OAuthFlash | null {
  const oauth = params.oauth;
  if (oauth !== "ok" && oauth !== "error") return null;
  const ok = oauth === "ok";
  const raw = typeof params.message === "string" ? params.message.replace(/\s+/g, " ").trim() : "";
  const message = raw
    ? raw.length > MAX_FLASH
      ? `${raw.slice(0, MAX_FLASH - 1)}…`
      : raw
    : ok
      ? "The account is connected."
      : "The account was not connected.";
  return { ok, message };
}
