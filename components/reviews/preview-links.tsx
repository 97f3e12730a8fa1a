"use client";
// Read-only preview links for an outside approver: made for 1, 7 or 30 days, shown once (the token
// is kept only as a hash), listed with their views, and revocable.
import { Copy, Link2 } from "lucide-react";
import { useState, useTransition } from "react";
import { formatOrgDateTime, plural } from "@/components/social/format";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NativeSelect } from "@/components/ui/native-select";
import { idleState } from "@/lib/actions/state";
import { createPreviewLinkAction, revokePreviewLinkAction } from "@/lib/reviews/actions";
import type { PreviewLinkItem } from "@/lib/reviews/queries";

export function PreviewLinks(props: {
  org: string;
  postId: string;
  timeZone: string;
  links: PreviewLinkItem[];
  onChange: () => Promise<void>;
}) {
  const [days, setDays] = useState(7);
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const create = () =>
    start(async () => {
      setError(null);
      const res = await createPreviewLinkAction(idleState, {
        org: props.org,
        postId: props.postId,
        days,
      });
      if (res.status === "error") return setError(res.message);
      if (res.status !== "success") return;
      setMade(res.data.url);
      await props.onChange();
    });

  const revoke = async (linkId: string) => {
    const res = await revokePreviewLinkAction(idleState, { org: props.org, linkId });
    if (res.status === "error") return res.message;
    await props.onChange();
    return null;
  };

  return (
    <div className="grid gap-2 border-t pt-3" data-testid="preview-links">
      <h3 className="text-sm font-medium">Share a read-only preview</h3>
      <div className="flex flex-wrap items-center gap-2">
        <NativeSelect
          aria-label="Link lasts"
          value={days}
          wrapperClassName="w-auto"
          onChange={(e) => setDays(Number(e.target.value))}
        >
          <option value={1}>1 day</option>
          <option value={7}>7 days</option>
          <option value={30}>30 days</option>
        </NativeSelect>
        <Button type="button" size="sm" variant="outline" disabled={pending} onClick={create}>
          <Link2 aria-hidden="true" /> Create link
        </Button>
      </div>
      {made ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 p-2 text-sm">
          <code className="break-all" data-testid="preview-link-url">
            {made}
          </code>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() => void navigator.clipboard?.writeText(made)}
          >
            <Copy aria-hidden="true" /> Copy
          </Button>
          <p className="w-full text-xs text-muted-foreground">
            Copy it now: it is shown only once. Anyone with the link sees this post, nothing else.
          </p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {props.links.length ? (
        <ul className="grid gap-1 text-xs text-muted-foreground">
          {props.links.map((l) => {
            const live = !l.revokedAt && !l.expired;
            return (
              <li
                key={l.id}
                className="flex flex-wrap items-center gap-2"
                data-testid="preview-link"
              >
                <span>
                  {l.revokedAt
                    ? "Revoked"
                    : live
                      ? `Expires ${formatOrgDateTime(l.expiresAt, props.timeZone)}`
                      : "Expired"}{" "}
                  · {plural(l.views, "view")}
                </span>
                {live ? (
                  <ConfirmDialog
                    trigger="Revoke"
                    triggerProps={{ size: "sm" }}
                    title="Revoke this preview link?"
                    description={<p>Whoever has the link can no longer open the preview.</p>}
                    confirmLabel="Revoke"
                    onConfirm={() => revoke(l.id)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
