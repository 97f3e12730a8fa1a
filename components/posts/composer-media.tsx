"use client";
// The post's files in the composer: upload straight to Storage (components/media), pick from the
// library, describe each (alt text for this post), reorder by dragging or with the arrow buttons,
// remove. The order is the order the networks show them in.
import {
  ArrowDown,
  ArrowUp,
  FileText,
  GripVertical,
  ImagePlus,
  Library,
  Trash2,
} from "lucide-react";
import dynamic from "next/dynamic";
import { memo, useEffect, useRef, useState } from "react";
import { useMediaUpload, type MediaItem } from "@/components/media/use-media-upload";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ComposerMedia } from "@/lib/posts/composer-data";
import { MAX_MEDIA_PER_POST } from "@/lib/posts/constants";
import { cn } from "@/lib/utils";

const MediaPickerDialog = dynamic(() =>
  import("@/components/media/media-picker-dialog").then((m) => m.MediaPickerDialog),
);

export const toComposerMedia = (m: MediaItem): ComposerMedia => ({
  id: m.id,
  url: m.url,
  mime: m.mime,
  altText: m.altText,
  altOverride: null,
  fileName: m.fileName,
  width: m.width,
  height: m.height,
  sizeBytes: m.sizeBytes,
});

type Props = {
  org: string;
  media: ComposerMedia[];
  readOnly: boolean;
  onChange: (update: (media: ComposerMedia[]) => ComposerMedia[]) => void;
  /** True while files are uploading (scheduling waits for them). */
  onUploadingChange?: (uploading: boolean) => void;
};

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export const ComposerMediaList = memo(function ComposerMediaList(props: Props) {
  const { org, media, readOnly, onChange } = props;
  const { uploads, upload } = useMediaUpload(org);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [dragging, setDragging] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const room = MAX_MEDIA_PER_POST - media.length;

  const add = (items: ComposerMedia[]) =>
    onChange((current) => {
      const fresh = items.filter((i) => !current.some((c) => c.id === i.id));
      const fits = fresh.slice(0, MAX_MEDIA_PER_POST - current.length);
      if (fits.length < fresh.length)
        setNotice(`A post can have at most ${MAX_MEDIA_PER_POST} files; the rest were left out.`);
      return [...current, ...fits];
    });

  const onFiles = async (files: File[]) => {
    setNotice(null);
    if (files.length === 0) return;
    const done = await upload(files.slice(0, Math.max(room, 0)));
    if (files.length > room)
      setNotice(`A post can have at most ${MAX_MEDIA_PER_POST} files; the rest were left out.`);
    add(done.map(toComposerMedia));
  };

  const active = uploads.filter((u) => u.status !== "done");
  const busy = active.some((u) => u.status !== "error");
  const { onUploadingChange } = props;
  useEffect(() => onUploadingChange?.(busy), [busy, onUploadingChange]);

  return (
    <section aria-label="Files" className="grid gap-2" data-testid="composer-media">
      {readOnly ? null : (
        <div
          className="flex flex-wrap items-center gap-2"
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes("Files")) e.preventDefault();
          }}
          onDrop={(e) => {
            if (e.dataTransfer.files.length === 0) return;
            e.preventDefault();
            void onFiles([...e.dataTransfer.files]);
          }}
        >
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => input.current?.click()}
            disabled={room <= 0}
          >
            <ImagePlus aria-hidden="true" /> Upload images or a PDF
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
            className="sr-only"
            tabIndex={-1}
            aria-label="Upload images or a PDF"
            data-testid="composer-upload-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = "";
              void onFiles(files);
            }}
          />
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => setPickerOpen(true)}
            disabled={room <= 0}
          >
            <Library aria-hidden="true" /> From the library
          </Button>
          <span className="text-xs text-muted-foreground">or drop files here</span>
        </div>
      )}

      {active.length > 0 ? (
        <ul className="grid gap-1 text-xs" aria-label="Uploads" aria-live="polite">
          {active.map((u) => (
            <li key={u.id} className="flex items-center gap-2">
              <span className="truncate">{u.name}</span>
              {u.status === "error" ? (
                <span className="text-destructive">{u.error}</span>
              ) : (
                <progress
                  className="h-1.5 w-24"
                  max={1}
                  value={u.progress}
                  aria-label={`Uploading ${u.name}`}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {notice ? (
        <p role="status" className="text-xs text-muted-foreground">
          {notice}
        </p>
      ) : null}

      {media.length > 0 ? (
        <ol className="grid gap-2" aria-label="Attached files, in order">
          {media.map((m, i) => (
            <li
              key={m.id}
              data-testid="composer-media-item"
              data-media-id={m.id}
              draggable={!readOnly}
              onDragStart={(e) => {
                setDragging(i);
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/x-ghostart-media", String(i));
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => {
                if (dragging !== null) e.preventDefault();
              }}
              onDrop={(e) => {
                if (dragging === null) return;
                e.preventDefault();
                onChange((current) => move(current, dragging, i));
                setDragging(null);
              }}
              className={cn(
                "flex items-center gap-3 rounded-md border bg-card p-2",
                dragging === i && "opacity-50",
                m.deleted && "border-destructive/50",
              )}
            >
              {readOnly ? null : (
                <GripVertical
                  aria-hidden="true"
                  className="size-4 cursor-grab text-muted-foreground"
                />
              )}
              <div className="flex size-12 shrink-0 items-center justify-center overflow-hidden rounded bg-muted">
                {m.mime === "application/pdf" ? (
                  <FileText aria-hidden="true" className="size-6 text-muted-foreground" />
                ) : m.url ? (
                  // eslint-disable-next-line @next/next/no-img-element -- signed Storage URL, no optimiser
                  <img src={m.url} alt="" className="size-full object-cover" />
                ) : null}
              </div>
              <div className="grid min-w-0 flex-1 gap-1">
                <p className="truncate text-xs text-muted-foreground">
                  {i + 1}. {m.fileName ?? (m.mime === "application/pdf" ? "Document" : "Image")}
                  {m.deleted ? (
                    <span className="text-destructive"> — deleted from the library</span>
                  ) : null}
                </p>
                {m.mime.startsWith("image/") ? (
                  <Input
                    aria-label={`Alt text for file ${i + 1}`}
                    placeholder={m.altText ?? "Describe the image for people who cannot see it"}
                    value={m.altOverride ?? ""}
                    readOnly={readOnly}
                    maxLength={1000}
                    onChange={(e) => {
                      const value = e.target.value;
                      onChange((current) =>
                        current.map((c) => (c.id === m.id ? { ...c, altOverride: value } : c)),
                      );
                    }}
                    className="h-8 text-xs"
                  />
                ) : null}
              </div>
              {readOnly ? null : (
                <div className="flex shrink-0 items-center">
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={`Move file ${i + 1} up`}
                    disabled={i === 0}
                    onClick={() => onChange((current) => move(current, i, i - 1))}
                  >
                    <ArrowUp aria-hidden="true" />
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={`Move file ${i + 1} down`}
                    disabled={i === media.length - 1}
                    onClick={() => onChange((current) => move(current, i, i + 1))}
                  >
                    <ArrowDown aria-hidden="true" />
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={`Remove file ${i + 1}`}
                    onClick={() => onChange((current) => current.filter((c) => c.id !== m.id))}
                  >
                    <Trash2 aria-hidden="true" />
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      ) : null}

      {pickerOpen ? (
        <MediaPickerDialog
          org={org}
          open={pickerOpen}
          onOpenChange={setPickerOpen}
          onPick={(items: MediaItem[]) => {
            add(items.map(toComposerMedia));
            setPickerOpen(false);
          }}
        />
      ) : null}
    </section>
  );
});
