"use client";
// Pick files from the media library (or upload new ones) for a post. A native modal <dialog>: the
// browser traps focus and makes the page behind it inert; Escape closes it; focus goes back to what
// opened it. Files are picked with checkboxes, in the order they are ticked; new uploads are ticked.
import { Check, Search, Upload, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { KindFilter } from "@/components/media/kind-filter";
import { MediaThumb, mediaDisplayName } from "@/components/media/media-thumb";
import { UploadList } from "@/components/media/upload-list";
import { useDebounced } from "@/components/media/use-debounced";
import { useMediaLibrary } from "@/components/media/use-media-library";
import { useMediaUpload, type MediaItem } from "@/components/media/use-media-upload";
import { formatBytes } from "@/lib/media/image-types";
import {
  mediaAcceptAttribute,
  type MediaKind,
  type MediaLibraryItem,
} from "@/lib/media/media-rules";
import { cn } from "@/lib/utils";

export type MediaPickerDialogProps = {
  /** The org's slug. */
  org: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The picked files, in the order they were ticked. The dialog stays open: close it here. */
  onPick: (items: MediaItem[]) => void;
  /** Which files to offer and accept as uploads (default: images and PDFs). */
  accept?: "image" | "document" | "any";
  /** At most this many files can be picked (default: no limit). */
  max?: number;
  /** Whether the caller may upload (default: true; the server checks the role anyway). */
  canUpload?: boolean;
};

const pickable = (item: MediaLibraryItem, accept: "image" | "document" | "any") =>
  accept === "any" || item.kind === accept;

export function MediaPickerDialog({
  org,
  open,
  onOpenChange,
  onPick,
  accept = "any",
  max,
  canUpload = true,
}: MediaPickerDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const openerRef = useRef<Element | null>(null);
  const titleId = useId();
  const [q, setQ] = useState("");
  const [kindChoice, setKindChoice] = useState<MediaKind | undefined>(undefined);
  const [picked, setPicked] = useState<MediaLibraryItem[]>([]);
  const debouncedQ = useDebounced(q, 250);
  const kind = accept === "any" ? kindChoice : accept;
  const list = useMediaLibrary(org, { q: debouncedQ, kind });
  const uploader = useMediaUpload(org, {
    accept,
    onUploaded: (item) =>
      setPicked((p) =>
        p.some((i) => i.id === item.id) || (max !== undefined && p.length >= max)
          ? p
          : [...p, item],
      ),
  });

  // Open and close the native dialog with the prop; put focus back where it was on the way out.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
      searchRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(
    () => () => {
      // Unmounted while open (the parent renders the dialog only when open).
      const opener = openerRef.current;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [],
  );

  const close = () => onOpenChange(false);

  const toggle = (item: MediaLibraryItem) =>
    setPicked((p) =>
      p.some((i) => i.id === item.id)
        ? p.filter((i) => i.id !== item.id)
        : max !== undefined && p.length >= max
          ? p
          : [...p, item],
    );

  const items = (list.data ?? []).filter((i) => pickable(i, accept));
  const full = max !== undefined && picked.length >= max;
  const noun = accept === "document" ? "documents" : accept === "image" ? "images" : "files";

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      data-testid="media-picker"
      onClose={() => {
        const opener = openerRef.current;
        if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
        if (open) close();
      }}
      onCancel={(e) => {
        // Escape: close through the parent, so its state stays the truth.
        e.preventDefault();
        close();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === dialogRef.current) close();
      }}
      className="m-auto h-[min(90dvh,48rem)] w-[min(95vw,64rem)] max-w-none rounded-xl border bg-background p-0 text-foreground shadow-xl backdrop:bg-black/50"
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center justify-between gap-4 border-b px-5 py-4">
          <div>
            <h2 id={titleId} className="text-lg font-semibold">
              Add {noun} from the library
            </h2>
            <p className="text-sm text-muted-foreground">
              Tick the {noun} to add{max !== undefined ? ` (up to ${max})` : ""}, or upload new
              ones.
            </p>
          </div>
          <Button type="button" variant="ghost" size="icon" onClick={close} aria-label="Close">
            <X aria-hidden="true" />
          </Button>
        </header>

        <div className="flex flex-wrap items-end gap-3 border-b px-5 py-3">
          <div className="relative min-w-48 flex-1">
            <Search
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              ref={searchRef}
              type="search"
              aria-label="Search files by name or description"
              placeholder="Search by name or description"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onKeyDown={(e) => {
                // Escape clears the search first; the next one closes the dialog.
                if (e.key === "Escape" && q) {
                  e.preventDefault();
                  setQ("");
                }
              }}
              className="pl-8"
            />
          </div>
          {accept === "any" ? <KindFilter value={kindChoice} onChange={setKindChoice} /> : null}
          {canUpload ? (
            <>
              <input
                ref={inputRef}
                type="file"
                multiple
                accept={mediaAcceptAttribute(accept)}
                className="sr-only"
                tabIndex={-1}
                aria-hidden="true"
                data-testid="media-picker-upload-input"
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  e.target.value = "";
                  if (files.length) void uploader.upload(files);
                }}
              />
              <Button type="button" variant="outline" onClick={() => inputRef.current?.click()}>
                <Upload aria-hidden="true" />
                Upload
              </Button>
            </>
          ) : null}
        </div>

        <div className="flex-1 overflow-y-auto px-5 py-4">
          <div className="grid gap-4">
            <UploadList
              uploads={uploader.uploads}
              onCancel={uploader.cancel}
              onDismiss={uploader.dismiss}
              onClear={uploader.clearFinished}
            />
            {list.isError ? (
              <p role="alert" className="text-sm font-medium text-destructive">
                {list.error.message}
              </p>
            ) : list.isPending ? (
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5">
                {Array.from({ length: 10 }, (_, k) => (
                  <Skeleton key={k} className="aspect-square w-full" />
                ))}
              </div>
            ) : items.length === 0 ? (
              <EmptyState
                headingLevel="h3"
                title={debouncedQ ? "No files match" : `No ${noun} yet`}
                description={
                  debouncedQ
                    ? "Try other words: the search looks at file names and descriptions."
                    : canUpload
                      ? `Upload ${noun} here; they stay in the library for your next posts.`
                      : undefined
                }
              />
            ) : (
              <fieldset>
                <legend className="sr-only">Files</legend>
                <ul
                  className={cn(
                    "grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5",
                    list.isPlaceholderData && "opacity-60",
                  )}
                >
                  {items.map((item) => {
                    const order = picked.findIndex((p) => p.id === item.id);
                    const checked = order >= 0;
                    const name = mediaDisplayName(item);
                    return (
                      <li key={item.id} data-testid="media-picker-item" data-media-id={item.id}>
                        <label
                          className={cn(
                            "group relative grid cursor-pointer gap-1.5 rounded-lg border p-2 text-sm transition-colors has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                            checked ? "border-primary bg-primary/5" : "hover:bg-accent/50",
                            !checked && full && "cursor-not-allowed opacity-60",
                          )}
                        >
                          <input
                            type="checkbox"
                            className="peer sr-only"
                            aria-label={name}
                            checked={checked}
                            disabled={!checked && full}
                            onChange={() => toggle(item)}
                          />
                          <MediaThumb item={item} />
                          <span
                            aria-hidden="true"
                            className={cn(
                              "absolute top-3 left-3 flex size-6 items-center justify-center rounded-full border-2 text-xs font-semibold shadow-sm",
                              checked
                                ? "border-primary bg-primary text-primary-foreground"
                                : "border-white bg-black/30",
                            )}
                          >
                            {checked ? (
                              max === 1 ? (
                                <Check className="size-3.5" />
                              ) : (
                                order + 1
                              )
                            ) : null}
                          </span>
                          <span className="truncate font-medium" title={name}>
                            {name}
                          </span>
                          <span className="text-xs text-muted-foreground">
                            {item.kind === "document" ? "PDF" : "Image"} ·{" "}
                            {formatBytes(item.sizeBytes)}
                            {item.width && item.height ? ` · ${item.width}×${item.height}` : ""}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            )}
          </div>
        </div>

        <footer className="flex flex-wrap items-center justify-between gap-3 border-t px-5 py-3">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {picked.length === 0
              ? "Nothing picked yet."
              : `${picked.length} ${picked.length === 1 ? "file" : "files"} picked.`}
          </p>
          <div className="flex gap-2">
            <Button type="button" variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button
              type="button"
              disabled={picked.length === 0 || uploader.busy}
              onClick={() => onPick(picked)}
            >
              {picked.length > 1 ? `Add ${picked.length} files` : "Add file"}
            </Button>
          </div>
        </footer>
      </div>
    </dialog>
  );
}
