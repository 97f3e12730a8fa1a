// A network the caller has no account on yet: "Connect LinkedIn" / "Connect X" (the OAuth form), or
// in plain words why it cannot be connected here; the Sandbox points to its own section below.
import { networkLabel } from "@/components/social/format";
import { OAuthConnectForm } from "@/components/social/oauth-connect-form";
import type { SocialNetwork } from "@/lib/social/types";

export function NotConnectedRow({
  org,
  network,
  blockedBy,
}: {
  org: string;
  network: SocialNetwork;
  /** Why the caller cannot connect it (role or server), or null. */
  blockedBy: string | null;
}) {
  const label = networkLabel(network);
  return (
    <li
      className="flex flex-wrap items-center gap-3 py-3"
      data-testid="account-row"
      data-network={network}
      data-status="not_connected"
    >
      <span
        aria-hidden="true"
        className="flex size-10 shrink-0 items-center justify-center rounded-full border border-dashed text-sm font-semibold text-muted-foreground"
      >
        {label.slice(0, 1)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-medium">{label}</p>
        <p className="text-sm text-muted-foreground">Not connected</p>
      </div>
      {network === "sandbox" ? (
        <a
          href="#sandbox"
          className="text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          Set up the Sandbox below
        </a>
      ) : blockedBy ? (
        <p className="max-w-sm text-sm text-muted-foreground" data-testid="connect-unavailable">
          {blockedBy}
        </p>
      ) : (
        <OAuthConnectForm org={org} network={network} kind="member">
          Connect {label}
        </OAuthConnectForm>
      )}
    </li>
  );
}
