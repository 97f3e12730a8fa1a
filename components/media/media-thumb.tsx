// A file's face in the library and the picker: the image itself (a signed Storage URL), or a card for a
// PDF document. Decorative beside the file's name, so the image's alt is the file's description only.
import { FileText, ImageOff } from "lucide-react";
import type { MediaItem } from "@/lib/media/media-rules";
import { cn } from "@/lib/utils";

export function MediaThumb({ item, className }: { item: MediaItem; className?: string }) {
  const isDocument = item.mime === "application/pdf";
  return (
    <div
      className={cn(
        "relative flex aspect-square w-full items-center justify-center overflow-hidden rounded-md border bg-muted",
        className,
      )}
    >
      {isDocument ? (
        <div className="flex flex-col items-center gap-2 p-3 text-center text-muted-foreground">
          <FileText aria-hidden="true" className="size-10" />
          <span className="rounded bg-background px-1.5 py-0.5 text-xs font-semibold tracking-wide">
            PDF
          </span>
        </div>
      ) : item.url ? (
        // A short-lived signed URL from storage: next/image would proxy and cache it past its expiry.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={item.url}
          alt={item.altText ?? ""}
          loading="lazy"
          decoding="async"
          draggable={false}
          width={item.width ?? undefined}
          height={item.height ?? undefined}
          className="size-full object-cover"
        />
      ) : (
        <ImageOff aria-hidden="true" className="size-8 text-muted-foreground" />
      )}
    </div>
  );
}

export function mediaDisplayName(item: Pick<MediaItem, "fileName" | "mime">): string {
  return (
    item.fileName ?? (item.mime === "application/pdf" ? "Untitled document" : "Untitled image")
  );
}
