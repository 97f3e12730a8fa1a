"use client";
// Previews beside the editor, one tab per network of the post. LinkedIn's (also the Sandbox's) is
// part of the page; the others load when their tab is first opened (X's brings twitter-text for the
// thread split).
import dynamic from "next/dynamic";
import { memo, useState } from "react";
import { LinkedInPreview } from "@/components/previews/linkedin-preview";
import type { PreviewAuthor, PreviewMedia } from "@/components/previews/types";
import { Skeleton } from "@/components/ui/skeleton";
import { type Network, networkRules } from "@/lib/posts/networks";
import { cn } from "@/lib/utils";

const loading = () => <Skeleton className="h-64 w-full max-w-[555px]" />;
const XPreview = dynamic(() => import("@/components/previews/x-preview"), { loading });
const FacebookPreview = dynamic(() => import("@/components/previews/facebook-preview"), {
  loading,
});
const InstagramPreview = dynamic(() => import("@/components/previews/instagram-preview"), {
  loading,
});

type Props = {
  networks: Network[];
  textFor: (network: Network) => string;
  media: PreviewMedia[];
  author: PreviewAuthor;
  /** Who the LinkedIn post appears from when it goes out as a company page. */
  linkedinAuthor?: PreviewAuthor;
};

export const ComposerPreviews = memo(function ComposerPreviews(props: Props) {
  const { networks, textFor, media, author, linkedinAuthor } = props;
  const [chosen, setChosen] = useState<Network>("linkedin");
  const [width, setWidth] = useState<"desktop" | "mobile">("desktop");
  const active = networks.includes(chosen) ? chosen : (networks[0] ?? null);

  if (!active) {
    return (
      <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
        Pick a network to see how the post will look there.
      </p>
    );
  }

  return (
    <section aria-label="Previews" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="tablist" aria-label="Preview network" className="flex gap-1">
          {networks.map((n) => (
            <button
              key={n}
              type="button"
              role="tab"
              id={`preview-tab-${n}`}
              aria-selected={n === active}
              aria-controls="preview-panel"
              onClick={() => setChosen(n)}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none",
                n === active && "bg-accent text-foreground",
              )}
            >
              {networkRules[n].label}
            </button>
          ))}
        </div>
        {active === "linkedin" || active === "sandbox" ? (
          <div role="group" aria-label="Preview width" className="flex gap-1 text-xs">
            {(["desktop", "mobile"] as const).map((w) => (
              <button
                key={w}
                type="button"
                aria-pressed={width === w}
                onClick={() => setWidth(w)}
                className={cn(
                  "rounded-md border px-2 py-1 capitalize focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none",
                  width === w ? "bg-foreground text-background" : "text-muted-foreground",
                )}
              >
                {w}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <div
        id="preview-panel"
        role="tabpanel"
        aria-labelledby={`preview-tab-${active}`}
        className="overflow-x-auto"
      >
        {active === "linkedin" || active === "sandbox" ? (
          // The Sandbox shows posts as LinkedIn would (it takes what LinkedIn takes).
          <LinkedInPreview
            text={textFor(active)}
            media={media}
            author={active === "linkedin" ? (linkedinAuthor ?? author) : author}
            width={width}
          />
        ) : active === "x" ? (
          <XPreview text={textFor("x")} media={media} author={author} />
        ) : active === "facebook" ? (
          <FacebookPreview text={textFor("facebook")} media={media} author={author} />
        ) : (
          <InstagramPreview text={textFor("instagram")} media={media} author={author} />
        )}
      </div>
    </section>
  );
});
