"use client";
// The uploads in progress (and the ones that failed), one row per file: name, status, progress,
// cancel while it is still being checked or sent, dismiss when it is over.
import { AlertCircle, CheckCircle2, Loader2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { isActive, type MediaUpload } from "@/components/media/use-media-upload";
import { formatBytes } from "@/lib/media/image-types";

const statusText: Record<MediaUpload["status"], string> = {
  checking: "Checking…",
  uploading: "Uploading",
  finalizing: "Checking the stored file…",
  done: "Added to the library",
  error: "",
};

export function UploadList({
  uploads,
  onCancel,
  onDismiss,
  onClear,
}: {
  uploads: MediaUpload[];
  onCancel: (id: string) => void;
  onDismiss: (id: string) => void;
  onClear?: () => void;
}) {
  if (uploads.length === 0) return null;
  const finished = uploads.filter((u) => !isActive(u)).length;
  return (
    <div className="grid gap-2" data-testid="media-uploads">
      <ul className="grid gap-2" aria-label="Uploads">
        {uploads.map((u) => {
          const percent = Math.round(u.progress * 100);
          return (
            <li
              key={u.id}
              data-testid="media-upload"
              data-status={u.status}
              className="grid gap-1.5 rounded-md border bg-card px-3 py-2 text-sm"
            >
              <div className="flex items-center gap-2">
                {u.status === "error" ? (
                  <AlertCircle aria-hidden="true" className="size-4 shrink-0 text-destructive" />
                ) : u.status === "done" ? (
                  <CheckCircle2 aria-hidden="true" className="size-4 shrink-0 text-success" />
                ) : (
                  <Loader2 aria-hidden="true" className="size-4 shrink-0 animate-spin" />
                )}
                <span className="min-w-0 flex-1 truncate font-medium" title={u.name}>
                  {u.name}
                </span>
                <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                  {formatBytes(u.size)}
                </span>
                {u.status === "checking" || u.status === "uploading" ? (
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => onCancel(u.id)}
                    aria-label={`Cancel the upload of ${u.name}`}
                  >
                    Cancel
                  </Button>
                ) : !isActive(u) ? (
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    className="size-7"
                    onClick={() => onDismiss(u.id)}
                    aria-label={`Dismiss ${u.name}`}
                  >
                    <X aria-hidden="true" />
                  </Button>
                ) : null}
              </div>
              {u.status === "uploading" ? (
                <div className="flex items-center gap-2">
                  <div
                    role="progressbar"
                    aria-label={`Uploading ${u.name}`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={percent}
                    className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted"
                  >
                    <div
                      className="h-full bg-primary transition-[width] duration-150"
                      style={{ width: `${percent}%` }}
                    />
                  </div>
                  <span className="w-10 text-right text-xs tabular-nums">{percent}%</span>
                </div>
              ) : null}
              <p
                className={
                  u.status === "error"
                    ? "text-xs font-medium text-destructive"
                    : "text-xs text-muted-foreground"
                }
                role={u.status === "error" ? "alert" : undefined}
              >
                {u.status === "error" ? u.error : statusText[u.status]}
              </p>
            </li>
          );
        })}
      </ul>
      {onClear && finished > 1 ? (
        <Button
          type="button"
          variant="link"
          size="sm"
          className="justify-self-start px-0"
          onClick={onClear}
        >
          Clear finished uploads
        </Button>
      ) : null}
    </div>
  );
}
