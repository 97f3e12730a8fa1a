"use client";
// The logo through the FileStore protocol: the server signs an upload URL, the browser PUTs the bytes
// straight to storage (with progress), the server checks the stored file and makes it the logo.
import { useEffect, useRef, useState } from "react";
import { ImageUp, Loader2, Trash2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { idleState, type ActionState } from "@/lib/actions/state";
import { uploadToSignedUrl } from "@/lib/media/browser-upload";
import { LOGO_MAX_BYTES, logoAccept, logoMessages } from "@/lib/orgs/logo-rules";
import {
  finalizeLogoAction,
  prepareLogoUploadAction,
  removeLogoAction,
} from "@/lib/orgs/settings-actions";

type Phase =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "uploading"; progress: number }
  | { kind: "checking" }
  | { kind: "removing" };

type Props = {
  org: { slug: string; name: string };
  logoUrl: string | null;
  canEdit: boolean;
};

function initials(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join("") || "?"
  );
}

function failure(state: ActionState<unknown>): string {
  if (state.status !== "error") return "";
  return state.fieldErrors?.logo ?? state.message;
}

export function LogoUploader({ org, logoUrl, canEdit }: Props) {
  // undefined: show what the page says; otherwise what the last action here produced.
  const [override, setOverride] = useState<string | null | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const shown = override === undefined ? logoUrl : override;
  const busy = phase.kind !== "idle";

  useEffect(() => () => abortRef.current?.abort(), []);

  async function upload(file: File) {
    setError(null);
    setNotice(null);
    // Early refusals in the browser; the server checks everything again on the stored file.
    if (!logoAccept.split(",").includes(file.type)) return setError(logoMessages.type);
    if (file.size === 0) return setError(logoMessages.empty);
    if (file.size > LOGO_MAX_BYTES) return setError(logoMessages.tooLarge(file.size));

    setPhase({ kind: "preparing" });
    const prepared = await prepareLogoUploadAction(idleState, {
      org: org.slug,
      contentType: file.type,
      size: file.size,
    });
    if (prepared.status !== "success") {
      setPhase({ kind: "idle" });
      return setError(failure(prepared));
    }

    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ kind: "uploading", progress: 0 });
    const put = await uploadToSignedUrl(prepared.data.uploadUrl, file, prepared.data.contentType, {
      signal: controller.signal,
      onProgress: (progress) => setPhase({ kind: "uploading", progress }),
    });
    abortRef.current = null;
    if (!put.ok) {
      setPhase({ kind: "idle" });
      return put.aborted ? setNotice("Upload cancelled.") : setError(put.message);
    }

    setPhase({ kind: "checking" });
    const done = await finalizeLogoAction(idleState, { org: org.slug, path: prepared.data.path });
    setPhase({ kind: "idle" });
    if (done.status !== "success") return setError(failure(done));
    setOverride(done.data.logoUrl);
    setNotice("Logo updated.");
  }

  async function remove() {
    setError(null);
    setNotice(null);
    setPhase({ kind: "removing" });
    const done = await removeLogoAction(idleState, { org: org.slug });
    setPhase({ kind: "idle" });
    if (done.status !== "success") return setError(failure(done));
    setOverride(null);
    setNotice("Logo removed.");
  }

  const percent = phase.kind === "uploading" ? Math.round(phase.progress * 100) : 0;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-4">
        <div
          className="flex size-20 shrink-0 items-center justify-center overflow-hidden rounded-lg border bg-muted text-xl font-semibold text-muted-foreground"
          data-testid="org-logo"
        >
          {shown ? (
            // A short-lived signed URL from storage: next/image would proxy and cache it past its expiry.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={shown} alt={`${org.name} logo`} className="size-full object-contain" />
          ) : (
            <span role="img" aria-label={`${org.name} has no logo`}>
              {initials(org.name)}
            </span>
          )}
        </div>
        {canEdit ? (
          <div className="grid gap-2">
            <div className="flex flex-wrap gap-2">
              <input
                ref={inputRef}
                id="logo-file"
                type="file"
                accept={logoAccept}
                className="sr-only"
                tabIndex={-1}
                aria-hidden="true"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = ""; // picking the same file again still triggers a change
                  if (file) void upload(file);
                }}
              />
              <Button
                type="button"
                variant="outline"
                disabled={busy}
                aria-describedby={error ? "logo-error" : "logo-hint"}
                onClick={() => inputRef.current?.click()}
              >
                {phase.kind === "preparing" || phase.kind === "checking" ? (
                  <Loader2 aria-hidden="true" className="animate-spin" />
                ) : (
                  <ImageUp aria-hidden="true" />
                )}
                {shown ? "Replace logo" : "Upload logo"}
              </Button>
              {shown ? (
                <Button type="button" variant="ghost" disabled={busy} onClick={() => void remove()}>
                  {phase.kind === "removing" ? (
                    <Loader2 aria-hidden="true" className="animate-spin" />
                  ) : (
                    <Trash2 aria-hidden="true" />
                  )}
                  Remove logo
                </Button>
              ) : null}
            </div>
            <p id="logo-hint" className="text-sm text-muted-foreground">
              PNG, JPEG, WebP or GIF, up to 2 MB. A square image works best.
            </p>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">
            Only owners and admins can change the logo.
          </p>
        )}
      </div>

      {phase.kind === "uploading" ? (
        <div className="flex items-center gap-3">
          <div
            role="progressbar"
            aria-label="Uploading logo"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 flex-1 overflow-hidden rounded-full bg-muted"
          >
            <div
              className="h-full bg-primary transition-[width] duration-150"
              style={{ width: `${percent}%` }}
            />
          </div>
          <span className="w-10 text-right text-sm tabular-nums">{percent}%</span>
          <Button type="button" variant="ghost" size="sm" onClick={() => abortRef.current?.abort()}>
            <X aria-hidden="true" />
            Cancel
          </Button>
        </div>
      ) : null}

      <p role="status" aria-live="polite" className="text-sm text-muted-foreground empty:hidden">
        {phase.kind === "preparing"
          ? "Preparing the upload…"
          : phase.kind === "checking"
            ? "Checking the image…"
            : phase.kind === "removing"
              ? "Removing the logo…"
              : (notice ?? "")}
      </p>
      {error ? (
        <p
          id="logo-error"
          role="alert"
          className="text-sm font-medium text-destructive"
          data-testid="logo-error"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
