"use client";
// Connect (or reconnect) a LinkedIn or X account: a plain form POST to the start route, which sends
// the browser on to the network's consent page. A POST, so neither a prefetch nor a crawler starts a
// connection. The button shows it is working until the browser leaves, and again after Back.
import { Loader2 } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { AccountKind } from "@/lib/social/types";

export function OAuthConnectForm({
  org,
  network,
  kind,
  children,
  variant = "default",
  "aria-label": ariaLabel,
}: {
  org: string;
  network: "linkedin" | "x";
  kind: AccountKind;
  children: React.ReactNode;
  variant?: ButtonProps["variant"];
  "aria-label"?: string;
}) {
  const [pending, setPending] = useState(false);
  useEffect(() => {
    // Back from the consent page restores this page from the back-forward cache, pending and all.
    const reset = (e: PageTransitionEvent) => {
      if (e.persisted) setPending(false);
    };
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  return (
    <form
      method="post"
      action={`/api/oauth/${network}/start`}
      onSubmit={(e) => {
        if (pending) e.preventDefault();
        else setPending(true);
      }}
    >
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="kind" value={kind} />
      <Button
        type="submit"
        size="sm"
        variant={variant}
        aria-label={ariaLabel}
        aria-busy={pending || undefined}
        data-pending={pending || undefined}
      >
        {pending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
        {children}
      </Button>
    </form>
  );
}
