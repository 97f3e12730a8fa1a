"use client";
// The post of a shared preview link, as LinkedIn's feed shows it, on a desktop or a phone (the same
// toggle as the composer's previews). Read-only: nothing in it changes the post.
import { Monitor, Smartphone } from "lucide-react";
import { useState } from "react";
import { LinkedInPreview, type LinkedInPreviewWidth } from "@/components/previews/linkedin-preview";
import type { PreviewAuthor, PreviewMedia } from "@/components/previews/types";
import { cn } from "@/lib/utils";

const widths: { value: LinkedInPreviewWidth; label: string; Icon: typeof Monitor }[] = [
  { value: "desktop", label: "Desktop", Icon: Monitor },
  { value: "mobile", label: "Mobile", Icon: Smartphone },
];

export function SharedPostPreview({
  text,
  media,
  author,
}: {
  text: string;
  media: PreviewMedia[];
  author: PreviewAuthor;
}) {
  const [width, setWidth] = useState<LinkedInPreviewWidth>("desktop");

  return (
    <section aria-label="Post preview" className="grid justify-items-center gap-4">
      <div role="group" aria-label="Preview width" className="flex gap-1 rounded-lg border p-1">
        {widths.map(({ value, label, Icon }) => (
          <button
            key={value}
            type="button"
            aria-pressed={width === value}
            data-testid={`shared-preview-${value}`}
            onClick={() => setWidth(value)}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none",
              width === value
                ? "bg-foreground text-background"
                : "text-muted-foreground hover:bg-accent",
            )}
          >
            <Icon aria-hidden="true" className="size-4" />
            {label}
          </button>
        ))}
      </div>
      <div className="w-full overflow-x-auto">
        <div className="mx-auto w-fit">
          <LinkedInPreview text={text} media={media} author={author} width={width} />
        </div>
      </div>
    </section>
  );
}
