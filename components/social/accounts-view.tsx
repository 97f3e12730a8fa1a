"use client";
// The Accounts page's sections: the caller's own accounts, the Sandbox, company pages and the other
// members' accounts. It keeps the org's account list in state: connecting the Sandbox and
// disconnecting return the updated list; a new server render (after OAuth) replaces it.
import { Building2, CircleCheck, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import {
  canDisconnect,
  connectBlockReason,
  groupAccounts,
  type OAuthFlash,
} from "@/components/social/account-groups";
import { AccountRow } from "@/components/social/account-row";
import { ConnectSandboxButton } from "@/components/social/connect-sandbox-button";
import { NotConnectedRow } from "@/components/social/not-connected-row";
import { OAuthConnectForm } from "@/components/social/oauth-connect-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { OrgRole } from "@/lib/db/schema";
import { can } from "@/lib/orgs/permissions";
import type { SocialAccountItem } from "@/lib/social/accounts";
import type { SocialNetwork } from "@/lib/social/types";

export type ServerConnectReasons = {
  /** canConnect() of each network and kind: null = this server can connect it. */
  linkedin: string | null;
  x: string | null;
  linkedinPages: string | null;
};

export function AccountsView({
  org,
  userId,
  role,
  sandboxEnabled,
  serverReasons,
  accounts: serverAccounts,
  flash,
}: {
  org: { slug: string; timezone: string };
  userId: string;
  role: OrgRole;
  sandboxEnabled: boolean;
  serverReasons: ServerConnectReasons;
  accounts: SocialAccountItem[];
  flash: OAuthFlash | null;
}) {
  const pathname = usePathname();
  const [accounts, setAccounts] = useState(serverAccounts);
  // A new server render (router.refresh, the OAuth redirect) brings a fresher list than ours.
  const [lastServerAccounts, setLastServerAccounts] = useState(serverAccounts);
  if (serverAccounts !== lastServerAccounts) {
    setLastServerAccounts(serverAccounts);
    setAccounts(serverAccounts);
  }
  // Kept in state: the URL's copy is stripped below, and that re-render must not hide it.
  const [notice, setNotice] = useState<OAuthFlash | null>(flash);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);

  useEffect(() => {
    // The OAuth result is shown once: a reload or a shared link does not show it again. Only the
    // address changes (history.replaceState, which Next's router follows): a router.replace would
    // render the page again on the server, and that answer could land after a newer local change
    // (connecting the Sandbox right away) and put the older list back.
    if (flash) window.history.replaceState(window.history.state, "", pathname);
  }, [flash, pathname]);

  useEffect(() => {
    // After an action on a control that is now gone (the Disconnect button of a disconnected
    // account, "Connect Sandbox"), the keyboard continues from the message that says what happened.
    if (notice && focusNotice.current) {
      focusNotice.current = false;
      noticeRef.current?.focus();
    }
  }, [notice]);

  const announce = (next: OAuthFlash) => {
    focusNotice.current = true;
    setNotice(next);
  };
  const onDisconnected = (list: SocialAccountItem[], name: string) => {
    setAccounts(list);
    announce({ ok: true, message: `Disconnected ${name}.` });
  };

  const { mine, pages, others } = groupAccounts(accounts, userId);
  const isAdmin = can(role, "accounts.manage");
  const mySandbox = mine.find((a) => a.network === "sandbox" && a.status !== "disconnected");
  const ownNetworks: SocialNetwork[] = [
    "linkedin",
    "x",
    ...(sandboxEnabled || mine.some((a) => a.network === "sandbox") ? (["sandbox"] as const) : []),
  ];
  const pagesBlockedBy = connectBlockReason(role, "organization", serverReasons.linkedinPages);

  return (
    <div className="grid gap-6">
      {notice ? (
        <Alert
          ref={noticeRef}
          tabIndex={-1}
          variant={notice.ok ? "success" : "destructive"}
          data-testid="accounts-notice"
          className="outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <AlertDescription>{notice.message}</AlertDescription>
        </Alert>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle as="h2" id="your-accounts">
            Your accounts
          </CardTitle>
          <CardDescription>
            The profiles Ghostart publishes your posts to. Only you can connect them.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y" aria-labelledby="your-accounts" data-testid="my-accounts">
            {ownNetworks.map((network) => {
              const rows = mine.filter((a) => a.network === network);
              if (rows.length === 0)
                return (
                  <NotConnectedRow
                    key={network}
                    org={org.slug}
                    network={network}
                    blockedBy={
                      network === "sandbox"
                        ? null
                        : connectBlockReason(role, "member", serverReasons[network])
                    }
                  />
                );
              return rows.map((a) => (
                <AccountRow
                  key={a.id}
                  org={org.slug}
                  account={a}
                  timeZone={org.timezone}
                  actions={{
                    reconnect: {
                      blockedBy:
                        network === "sandbox"
                          ? null
                          : connectBlockReason(role, "member", serverReasons[network]),
                    },
                    disconnect: canDisconnect(role, a, userId),
                  }}
                  onDisconnected={onDisconnected}
                />
              ));
            })}
          </ul>
        </CardContent>
      </Card>

      {sandboxEnabled ? (
        <Card id="sandbox" className="scroll-mt-20">
          <CardHeader>
            <CardTitle as="h2">Sandbox</CardTitle>
            <CardDescription>
              A built-in practice network: posts you publish to it appear on the Sandbox page,
              nothing leaves Ghostart.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid justify-items-start gap-3 text-sm">
            {mySandbox ? (
              <p className="flex items-center gap-2" data-testid="sandbox-connected">
                <CircleCheck aria-hidden="true" className="size-4 text-success" />
                Connected as {mySandbox.displayName}. Pick Sandbox as a network when you compose a
                post.
              </p>
            ) : can(role, "accounts.connect") ? (
              <ConnectSandboxButton
                org={org.slug}
                onConnected={(list) => {
                  setAccounts(list);
                  announce({
                    ok: true,
                    message: "Sandbox connected. Pick it as a network when you compose a post.",
                  });
                }}
              />
            ) : (
              <p className="text-muted-foreground">{connectBlockReason(role, "member", null)}</p>
            )}
            <Link
              href={`/${org.slug}/sandbox`}
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              Open the Sandbox feed
            </Link>
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle as="h2" id="company-pages">
            Company pages
          </CardTitle>
          <CardDescription>
            LinkedIn pages the organization posts as. Owners and admins connect and disconnect them.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {pages.length === 0 ? (
            <EmptyState
              icon={Building2}
              title="No company pages connected"
              headingLevel="h3"
              className="py-8"
            />
          ) : (
            <ul className="divide-y" aria-labelledby="company-pages" data-testid="company-pages">
              {pages.map((a) => (
                <AccountRow
                  key={a.id}
                  org={org.slug}
                  account={a}
                  timeZone={org.timezone}
                  showOwner
                  actions={{
                    reconnect: isAdmin ? { blockedBy: pagesBlockedBy } : null,
                    disconnect: canDisconnect(role, a, userId),
                  }}
                  onDisconnected={onDisconnected}
                />
              ))}
            </ul>
          )}
          {pagesBlockedBy ? (
            <p className="text-sm text-muted-foreground" data-testid="connect-unavailable">
              {pagesBlockedBy}
            </p>
          ) : (
            <OAuthConnectForm org={org.slug} network="linkedin" kind="organization">
              <Building2 aria-hidden="true" />
              Connect a LinkedIn company page
            </OAuthConnectForm>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2" id="other-accounts">
            Other members&apos; accounts
          </CardTitle>
          <CardDescription>
            {isAdmin
              ? "Each member connects their own. As an admin you can disconnect them; only their owner can reconnect."
              : "Each member connects and manages their own."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {others.length === 0 ? (
            <EmptyState
              icon={Users}
              title="No other member has connected an account"
              headingLevel="h3"
              className="py-8"
            />
          ) : (
            <ul className="divide-y" aria-labelledby="other-accounts" data-testid="other-accounts">
              {others.map((a) => (
                <AccountRow
                  key={a.id}
                  org={org.slug}
                  account={a}
                  timeZone={org.timezone}
                  showOwner
                  actions={{ reconnect: null, disconnect: canDisconnect(role, a, userId) }}
                  onDisconnected={onDisconnected}
                />
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
