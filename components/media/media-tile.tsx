"use client";
// One file of the library page: its face, name, size, who uploaded it and when (in the org's time
// zone), its description (alt text) edited in place — saved on blur or Enter — and delete with a
// confirm step. Files used by scheduled posts cannot be deleted; the tile says why.
import { Check, Loader2, Trash2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MediaThumb, mediaDisplayName } from "@/components/media/media-thumb";
import { mediaQueryPrefix, updateMediaLists } from "@/components/media/use-media-library";
import { idleState } from "@/lib/actions/state";
import { formatBytes } from "@/lib/media/image-types";
import { deleteMediaAction, updateMediaAltTextAction } from "@/lib/media/media-actions";
import { scheduledUseMessage, type MediaLibraryItem } from "@/lib/media/media-rules";
import { formatDateTime } from "@/lib/notifications/format";

type AltState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

export function MediaTile({
  org,
  item,
  timeZone,
  canManage,
  onDeleted,
}: {
  org: string;
  item: MediaLibraryItem;
  timeZone: string;
  /** Whether the caller may change and delete this file (the database decides again). */
  canManage: boolean;
  onDeleted: (item: MediaLibraryItem) => void;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const name = mediaDisplayName(item);
  // null: not being edited, show the saved description.
  const [draft, setDraft] = useState<string | null>(null);
  const [alt, setAlt] = useState<AltState>({ kind: "idle" });
  const saving = useRef(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const inUse = item.scheduledUses > 0;
  const isImage = item.kind === "image";

  async function saveAlt() {
    if (draft === null || saving.current) return;
    const next = draft.trim();
    if (next === (item.altText ?? "")) {
      setDraft(null);
      return;
    }
    saving.current = true;
    setAlt({ kind: "saving" });
    const res = await updateMediaAltTextAction(idleState, {
      org,
      mediaId: item.id,
      altText: next,
    })
      .catch(() => null)
      .finally(() => {
        saving.current = false;
      });
    if (!res || res.status !== "success") {
      setAlt({
        kind: "error",
        message:
          res?.status === "error"
            ? (res.fieldErrors?.altText ?? res.message)
            : "Not saved: the server could not be reached. Try again.",
      });
      return;
    }
    updateMediaLists(queryClient, org, (list) =>
      list.map((i) => (i.id === item.id ? { ...i, altText: res.data.altText } : i)),
    );
    setDraft(null);
    setAlt({ kind: "saved" });
  }

  async function remove() {
    setDeleting(true);
    setDeleteError(null);
    const res = await deleteMediaAction(idleState, { org, mediaId: item.id }).catch(() => null);
    setDeleting(false);
    if (!res || res.status !== "success") {
      setDeleteError(
        res?.status === "error"
          ? res.message
          : "Not deleted: the server could not be reached. Try again.",
      );
      setConfirming(false);
      // The refusal may come from a post scheduled since the page loaded: show the current count.
      void queryClient.invalidateQueries({ queryKey: mediaQueryPrefix(org) });
      return;
    }
    updateMediaLists(queryClient, org, (list) => list.filter((i) => i.id !== item.id));
    void queryClient.invalidateQueries({ queryKey: mediaQueryPrefix(org) });
    onDeleted(item);
  }

  const details = [
    item.kind === "document" ? "PDF" : "Image",
    item.width && item.height ? `${item.width}×${item.height}` : null,
    formatBytes(item.sizeBytes),
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <li
      data-testid="media-tile"
      data-media-id={item.id}
      className="grid content-start gap-2 rounded-lg border bg-card p-2 text-sm"
    >
      {item.url ? (
        <a
          href={item.url}
          target="_blank"
          rel="noreferrer"
          className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          aria-label={`Open ${name}`}
        >
          <MediaThumb item={item} />
        </a>
      ) : (
        <MediaThumb item={item} />
      )}
      <div className="grid gap-0.5 px-1">
        <p id={`${id}-name`} className="truncate font-medium" title={name}>
          {name}
        </p>
        <p className="text-xs text-muted-foreground">{details}</p>
        <p className="truncate text-xs text-muted-foreground">
          {item.uploadedByName ?? "A former member"} ·{" "}
          <time dateTime={item.createdAt} suppressHydrationWarning>
            {formatDateTime(item.createdAt, timeZone)}
          </time>
        </p>
      </div>

      <div className="grid gap-1 px-1">
        {canManage ? (
          <>
            <label htmlFor={`${id}-alt`} className="text-xs font-medium">
              {isImage ? "Alt text" : "Description"}
            </label>
            <Input
              id={`${id}-alt`}
              value={draft ?? item.altText ?? ""}
              placeholder={isImage ? "Describe the image" : "What is this document?"}
              maxLength={1000}
              aria-invalid={alt.kind === "error" || undefined}
              aria-describedby={`${id}-alt-status`}
              onChange={(e) => {
                setDraft(e.target.value);
                if (alt.kind !== "saving") setAlt({ kind: "idle" });
              }}
              onBlur={() => void saveAlt()}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void saveAlt();
                } else if (e.key === "Escape" && draft !== null) {
                  e.preventDefault();
                  setDraft(null);
                  setAlt({ kind: "idle" });
                }
              }}
              className="h-8 text-xs"
              data-testid="media-alt-input"
            />
            <p
              id={`${id}-alt-status`}
              aria-live="polite"
              className={
                alt.kind === "error"
                  ? "min-h-4 text-xs font-medium text-destructive"
                  : "min-h-4 text-xs text-muted-foreground"
              }
              data-testid="media-alt-status"
            >
              {alt.kind === "saving" ? (
                <span className="inline-flex items-center gap-1">
                  <Loader2 aria-hidden="true" className="size-3 animate-spin" /> Saving…
                </span>
              ) : alt.kind === "saved" ? (
                <span className="inline-flex items-center gap-1 text-success">
                  <Check aria-hidden="true" className="size-3" /> Saved
                </span>
              ) : alt.kind === "error" ? (
                alt.message
              ) : null}
            </p>
          </>
        ) : item.altText ? (
          <p className="text-xs">
            <span className="font-medium">{isImage ? "Alt text: " : "Description: "}</span>
            {item.altText}
          </p>
        ) : isImage ? (
          <p className="text-xs text-muted-foreground">No alt text yet.</p>
        ) : null}
      </div>

      {canManage ? (
        <div className="grid gap-1 px-1 pb-1">
          {confirming ? (
            <div
              role="group"
              aria-label={`Confirm deleting ${name}`}
              className="grid gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-2"
            >
              <p className="text-xs">
                Delete this file from the library? Posts already published keep it.
              </p>
              <div className="flex gap-2">
                <Button
                  type="button"
                  size="sm"
                  variant="destructive"
                  disabled={deleting}
                  onClick={() => void remove()}
                >
                  {deleting ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
                  Delete
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  autoFocus
                  disabled={deleting}
                  onClick={() => setConfirming(false)}
                >
                  Keep
                </Button>
              </div>
            </div>
          ) : (
            <Button
              type="button"
              size="sm"
              variant="ghost"
              className="justify-self-start text-destructive hover:text-destructive"
              disabled={inUse}
              aria-describedby={inUse || deleteError ? `${id}-delete-note` : undefined}
              onClick={() => {
                setDeleteError(null);
                setConfirming(true);
              }}
              aria-label={`Delete ${name}`}
            >
              <Trash2 aria-hidden="true" />
              Delete
            </Button>
          )}
          {deleteError || inUse ? (
            <p
              id={`${id}-delete-note`}
              role={deleteError ? "alert" : undefined}
              className={
                deleteError
                  ? "text-xs font-medium text-destructive"
                  : "text-xs text-muted-foreground"
              }
              data-testid="media-delete-note"
            >
              {deleteError ?? scheduledUseMessage(item.scheduledUses)}
            </p>
          ) : null}
        </div>
      ) : inUse ? (
        <p className="px-1 pb-1 text-xs text-muted-foreground">
          {item.scheduledUses === 1
            ? "Used by 1 scheduled post."
            : `Used by ${item.scheduledUses} scheduled posts.`}
        </p>
      ) : null}
    </li>
  );
}
