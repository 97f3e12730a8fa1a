"use client";
// The media library page's body: search (kept in the URL, debounced), All/Images/Documents, upload by
// button or drag and drop with per-file progress, and the grid of files. Viewers read; employees
// manage only their own uploads (the database enforces both; the controls follow).
import { ImageIcon, Search, Upload } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { KindFilter } from "@/components/media/kind-filter";
import { MediaTile } from "@/components/media/media-tile";
import { UploadList } from "@/components/media/upload-list";
import { useDebounced } from "@/components/media/use-debounced";
import { useMediaLibrary } from "@/components/media/use-media-library";
import { useMediaUpload } from "@/components/media/use-media-upload";
import { mediaDisplayName } from "@/components/media/media-thumb";
import type { OrgRole } from "@/lib/db/schema";
import {
  MEDIA_DOCUMENT_MAX_BYTES,
  MEDIA_IMAGE_MAX_BYTES,
  MEDIA_LIST_LIMIT,
  mediaAcceptAttribute,
  type MediaKind,
  type MediaLibraryItem,
} from "@/lib/media/media-rules";
import { formatBytes } from "@/lib/media/image-types";
import { can } from "@/lib/orgs/permissions";
import { cn } from "@/lib/utils";

type Props = {
  org: { slug: string; timezone: string };
  role: OrgRole;
  userId: string;
  initial: { q: string; kind: MediaKind | undefined; items: MediaLibraryItem[] };
};

export function MediaLibraryView({ org, role, userId, initial }: Props) {
  const [q, setQ] = useState(initial.q);
  const [kind, setKind] = useState<MediaKind | undefined>(initial.kind);
  const [dragDepth, setDragDepth] = useState(0);
  const [notice, setNotice] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const debouncedQ = useDebounced(q, 300);
  const list = useMediaLibrary(
    org.slug,
    { q: debouncedQ, kind },
    { filter: { q: initial.q, kind: initial.kind }, items: initial.items },
  );
  const uploader = useMediaUpload(org.slug);
  const canUpload = can(role, "media.upload");
  const canManage = (item: MediaLibraryItem) =>
    can(role, "media.delete") && (role !== "employee" || item.uploadedBy === userId);

  // The search and filter live in the URL (shareable, kept on reload) without a server round trip.
  useEffect(() => {
    const url = new URL(window.location.href);
    const set = (key: string, value: string | undefined) =>
      value ? url.searchParams.set(key, value) : url.searchParams.delete(key);
    set("q", debouncedQ.trim() || undefined);
    set("kind", kind);
    if (url.href !== window.location.href) window.history.replaceState(null, "", url);
  }, [debouncedQ, kind]);

  const startUpload = async (files: File[]) => {
    if (files.length === 0) return;
    setNotice("");
    const done = await uploader.upload(files);
    if (done.length > 0)
      setNotice(
        done.length === 1
          ? `“${mediaDisplayName(done[0]!)}” was added to the library.`
          : `${done.length} files were added to the library.`,
      );
  };

  const items = list.data ?? [];
  const filtered = !!debouncedQ.trim() || !!kind;
  const dragging = dragDepth > 0;

  const dropHandlers = canUpload
    ? {
        onDragEnter: (e: React.DragEvent) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          setDragDepth((d) => d + 1);
        },
        onDragOver: (e: React.DragEvent) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        },
        onDragLeave: (e: React.DragEvent) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          setDragDepth((d) => Math.max(0, d - 1));
        },
        onDrop: (e: React.DragEvent) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          setDragDepth(0);
          if (e.dataTransfer.files.length > 0) void startUpload([...e.dataTransfer.files]);
        },
      }
    : {};

  return (
    <div className="grid gap-5" {...dropHandlers}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="relative min-w-56 flex-1">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            type="search"
            aria-label="Search files by name or description"
            placeholder="Search by name or description"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="pl-8"
            data-testid="media-search"
          />
        </div>
        <KindFilter value={kind} onChange={setKind} />
        {canUpload ? (
          <>
            <input
              ref={inputRef}
              id="media-upload-input"
              type="file"
              multiple
              accept={mediaAcceptAttribute("any")}
              className="sr-only"
              tabIndex={-1}
              aria-label="Upload files"
              data-testid="media-upload-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = ""; // picking the same file again still triggers a change
                void startUpload(files);
              }}
            />
            <Button type="button" onClick={() => inputRef.current?.click()}>
              <Upload aria-hidden="true" />
              Upload files
            </Button>
          </>
        ) : null}
      </div>

      {canUpload ? (
        <div
          className={cn(
            "flex flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed px-4 py-6 text-center text-sm transition-colors",
            dragging ? "border-primary bg-primary/5" : "border-border text-muted-foreground",
          )}
          data-testid="media-drop-zone"
        >
          <p className="font-medium text-foreground">
            {dragging ? "Drop to upload" : "Drop images or PDF documents anywhere here"}
          </p>
          <p>
            PNG, JPEG, WebP or GIF up to {formatBytes(MEDIA_IMAGE_MAX_BYTES)}; PDF up to{" "}
            {formatBytes(MEDIA_DOCUMENT_MAX_BYTES)}.{" "}
            <Button
              type="button"
              variant="link"
              className="h-auto p-0"
              onClick={() => inputRef.current?.click()}
            >
              Choose files
            </Button>
          </p>
        </div>
      ) : null}

      <UploadList
        uploads={uploader.uploads}
        onCancel={uploader.cancel}
        onDismiss={uploader.dismiss}
        onClear={uploader.clearFinished}
      />

      <p role="status" aria-live="polite" className="text-sm text-muted-foreground empty:hidden">
        {notice}
      </p>

      {list.isError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {list.error.message}
        </p>
      ) : null}

      {list.isPending ? null : items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={Search}
            title="No files match"
            description="The search looks at file names and descriptions."
            action={
              <Button
                type="button"
                variant="outline"
                onClick={() => {
                  setQ("");
                  setKind(undefined);
                }}
              >
                Show all files
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={ImageIcon}
            title="No files yet"
            description={
              canUpload
                ? "Upload images and PDF documents once; use them in any post."
                : "Files your team uploads appear here."
            }
            action={
              canUpload ? (
                <Button type="button" onClick={() => inputRef.current?.click()}>
                  <Upload aria-hidden="true" />
                  Upload files
                </Button>
              ) : undefined
            }
          />
        )
      ) : (
        <section aria-label="Files" className="grid gap-3">
          <p className="text-sm text-muted-foreground">
            {items.length >= MEDIA_LIST_LIMIT
              ? `The ${MEDIA_LIST_LIMIT} newest files${filtered ? " that match" : ""}. Search to find others.`
              : `${items.length} ${items.length === 1 ? "file" : "files"}${filtered ? " match" : ""}.`}
          </p>
          <ul
            className={cn(
              "grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4",
              list.isPlaceholderData && "opacity-60 transition-opacity",
            )}
            aria-busy={list.isFetching || undefined}
          >
            {items.map((item) => (
              <MediaTile
                key={item.id}
                org={org.slug}
                item={item}
                timeZone={org.timezone}
                canManage={canManage(item)}
                onDeleted={(gone) => setNotice(`“${mediaDisplayName(gone)}” was deleted.`)}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
