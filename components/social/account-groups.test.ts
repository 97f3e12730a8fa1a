import { describe, expect, it } from "vitest";
import {
  canDisconnect,
  connectBlockReason,
  disconnectConsequence,
  groupAccounts,
  parseOAuthFlash,
  scheduledPostsText,
} from "@/components/social/account-groups";
import type { SocialAccountItem } from "@/lib/social/accounts";

const me = "11111111-1111-4111-8111-111111111111";
const other = "22222222-2222-4222-8222-222222222222";

function account(overrides: Partial<SocialAccountItem>): SocialAccountItem {
  return {
    id: crypto.randomUUID(),
    network: "linkedin",
    kind: "member",
    userId: me,
    userName: "Me",
    externalId: "ext",
    displayName: "Someone",
    handle: null,
    avatarUrl: null,
    scopes: [],
    status: "active",
    statusReason: null,
    accessExpiresAt: null,
    connectedAt: "2026-03-01T10:00:00Z",
    scheduledCount: 0,
    ...overrides,
  };
}

describe("groupAccounts", () => {
  it("puts company pages apart whoever connected them, and splits profiles by member", () => {
    const mine = account({ network: "x" });
    const page = account({ kind: "organization", userId: me });
    const theirs = account({ userId: other });
    const former = account({ userId: null });
    const groups = groupAccounts([mine, page, theirs, former], me);
    expect(groups.mine).toEqual([mine]);
    expect(groups.pages).toEqual([page]);
    expect(groups.others).toEqual([theirs, former]);
  });
});

describe("connectBlockReason", () => {
  it("gives viewers their role's reason before anything the server lacks", () => {
    expect(connectBlockReason("viewer", "member", "no credentials")).toMatch(/viewers/i);
  });

  it("keeps company pages for owners and admins", () => {
    expect(connectBlockReason("brand_creator", "organization", null)).toMatch(/owners and admins/);
    expect(connectBlockReason("admin", "organization", null)).toBeNull();
  });

  it("passes on the server's reason to members who could otherwise connect", () => {
    expect(connectBlockReason("employee", "member", "X is not set up")).toBe("X is not set up");
    expect(connectBlockReason("employee", "member", null)).toBeNull();
  });
});

describe("canDisconnect", () => {
  it("lets a member disconnect only their own profile", () => {
    expect(canDisconnect("employee", account({}), me)).toBe(true);
    expect(canDisconnect("employee", account({ userId: other }), me)).toBe(false);
    expect(canDisconnect("brand_creator", account({ kind: "organization" }), me)).toBe(false);
  });

  it("lets admins disconnect any account, and nobody a disconnected one", () => {
    expect(canDisconnect("admin", account({ userId: other }), me)).toBe(true);
    expect(canDisconnect("owner", account({ kind: "organization", userId: other }), me)).toBe(true);
    expect(canDisconnect("owner", account({ status: "disconnected" }), me)).toBe(false);
  });

  it("never lets a viewer disconnect, even an account they once connected", () => {
    expect(canDisconnect("viewer", account({}), me)).toBe(false);
  });
});

describe("scheduled posts wording", () => {
  it("counts the posts waiting on an account", () => {
    expect(scheduledPostsText(0)).toBe("No scheduled posts");
    expect(scheduledPostsText(1)).toBe("1 scheduled post");
    expect(scheduledPostsText(4)).toBe("4 scheduled posts");
  });

  it("says how many posts will fail unless the account is reconnected", () => {
    expect(disconnectConsequence(0)).toBe("No scheduled posts use this account.");
    expect(disconnectConsequence(1)).toBe(
      "1 scheduled post will publish with this account. It will fail unless the account is reconnected before it is due.",
    );
    expect(disconnectConsequence(3)).toMatch(
      /^3 scheduled posts .* They will fail .* they are due\.$/,
    );
  });
});

describe("parseOAuthFlash", () => {
  it("reads the callback's result and message", () => {
    expect(parseOAuthFlash({ oauth: "ok", message: "Connected LinkedIn as Ada." })).toEqual({
      ok: true,
      message: "Connected LinkedIn as Ada.",
    });
    expect(parseOAuthFlash({ oauth: "error", message: "You cancelled." })).toEqual({
      ok: false,
      message: "You cancelled.",
    });
  });

  it("ignores a URL without a result or with an unknown one", () => {
    expect(parseOAuthFlash({})).toBeNull();
    expect(parseOAuthFlash({ oauth: "maybe", message: "x" })).toBeNull();
    expect(parseOAuthFlash({ oauth: ["ok", "ok"] })).toBeNull();
  });

  it("falls back to a plain message and caps a long one", () => {
    expect(parseOAuthFlash({ oauth: "error" })?.message).toBe("The account was not connected.");
    const long = parseOAuthFlash({ oauth: "ok", message: "a".repeat(1000) });
    expect(long?.message).toHaveLength(300);
    expect(long?.message.endsWith("…")).toBe(true);
  });
});
