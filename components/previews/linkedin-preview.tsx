"use client";
// A LinkedIn feed card as the feed renders it: the same width, font and line height, folded after
// three rendered lines behind "…see more" (lib/posts/linkedin-fold.ts, measured on a canvas with
// the body's font), hashtags, mentions and URLs styled as links, images in LinkedIn's collage
// (lib/posts/linkedin-grid.ts), a PDF as a document card. Stays light in a dark app: it shows
// LinkedIn, not the app. Nothing in it navigates.
//
// Cheap on every keystroke: the fold stops at the fourth line and measures words through a cached
// canvas; header, media and footer are memoized and do not re-render while typing.
import { memo, useMemo, useRef, useState } from "react";
import {
  Ellipsis,
  FileText,
  Globe,
  MessageSquareText,
  Repeat2,
  Send,
  ThumbsUp,
  type LucideIcon,
} from "lucide-react";
import { foldLinkedIn, LINKEDIN_LINE_WIDTHS } from "@/lib/posts/linkedin-fold";
import { linkedInGrid, linkedInImageAspect } from "@/lib/posts/linkedin-grid";
import { LINKEDIN_FONT_FAMILY, useLinkedInMeasure } from "./linkedin-measure";
import {
  Avatar,
  cx,
  documentTitle,
  isDocument,
  MediaCollage,
  MediaTile,
  RichText,
  sameAuthor,
  sameMedia,
} from "./preview-parts";
import type { PreviewAuthor, PreviewMedia } from "./types";

export type LinkedInPreviewWidth = "desktop" | "mobile";

export type LinkedInPreviewProps = {
  text: string;
  media: PreviewMedia[];
  author: PreviewAuthor;
  width: LinkedInPreviewWidth;
};

/** Feed card widths in CSS px; the text column inside is LINKEDIN_LINE_WIDTHS (16px inset). */
export const LINKEDIN_CARD_WIDTHS = { desktop: 555, mobile: 375 } as const;

const LINE_HEIGHT = 20;
const MAX_LINES = 3;
const TEXT_INSET = 16;

export function LinkedInPreview({ text, media, author, width }: LinkedInPreviewProps) {
  const lineWidth = LINKEDIN_LINE_WIDTHS[width];
  const measure = useLinkedInMeasure();
  const fold = useMemo(
    () => foldLinkedIn(text, { lineWidth, measure, maxLines: MAX_LINES }),
    [text, lineWidth, measure],
  );
  const [expanded, setExpanded] = useState(false);
  // Emptied text folds again: the next post starts collapsed, as the feed shows it. Any other
  // edit keeps what the reader chose.
  if (expanded && text === "") setExpanded(false);
  const textRef = useRef<HTMLDivElement>(null);

  const folded = fold.isFolded && !expanded;
  const shown = fold.isFolded && expanded ? text.trimEnd() : fold.visibleText;

  const expand = () => {
    setExpanded(true);
    // The button disappears with the fold: keep focus on the text it revealed.
    textRef.current?.focus({ preventScroll: true });
  };

  return (
    <section
      aria-label={`LinkedIn preview (${width})`}
      data-testid="linkedin-preview"
      data-width={width}
      className="shrink-0 overflow-hidden rounded-[8px] bg-white text-black/90 shadow-[0_0_0_1px_rgba(0,0,0,0.08),0_2px_3px_rgba(0,0,0,0.04)] [color-scheme:light]"
      style={{ width: LINKEDIN_CARD_WIDTHS[width], fontFamily: LINKEDIN_FONT_FAMILY }}
    >
      <LinkedInHeader author={author} />
      <div
        ref={textRef}
        tabIndex={-1}
        data-testid="linkedin-preview-text"
        data-folded={folded ? "true" : "false"}
        className={cx(
          "relative mt-2 text-[14px] leading-5 font-normal break-words whitespace-pre-wrap text-black/90 empty:hidden",
          folded && "overflow-hidden",
        )}
        style={{
          width: lineWidth,
          marginLeft: TEXT_INSET,
          height: folded ? MAX_LINES * LINE_HEIGHT : undefined,
        }}
      >
        <RichText text={shown} linkClassName="font-semibold text-[#0a66c2]" />
        {folded && (
          <button
            type="button"
            aria-expanded={false}
            onClick={expand}
            className="absolute right-0 bottom-0 bg-linear-to-r from-white/0 via-white via-30% to-white pl-6 text-[14px] leading-5 text-black/60 hover:text-[#0a66c2] hover:underline focus-visible:text-[#0a66c2]"
          >
            …see more
          </button>
        )}
      </div>
      <LinkedInMedia media={media} />
      <LinkedInFooter width={width} />
    </section>
  );
}

const LinkedInHeader = memo(
  function LinkedInHeader({ author }: { author: PreviewAuthor }) {
    return (
      <div className="flex items-start gap-2 px-4 pt-3">
        <Avatar author={author} size={48} />
        <div className="min-w-0 flex-1">
          <div className="truncate text-[14px] leading-5 font-semibold text-black/90">
            {author.name.trim() || "Your name"}
          </div>
          {author.headline?.trim() && (
            <div className="truncate text-[12px] leading-4 text-black/60">{author.headline}</div>
          )}
          <div className="flex items-center gap-1 text-[12px] leading-4 text-black/60">
            <span>now ·</span>
            <Globe className="size-3.5" role="img" aria-label="Public" />
          </div>
        </div>
        <Ellipsis aria-hidden="true" className="size-6 shrink-0 text-black/60" />
      </div>
    );
  },
  (a, b) => sameAuthor(a.author, b.author),
);

/**
 * Images in LinkedIn's collage, or a document card for a PDF. A LinkedIn post carries either
 * images or one document: with both, or several documents, the preview shows the first document
 * and says what it leaves out.
 */
const LinkedInMedia = memo(
  function LinkedInMedia({ media }: { media: PreviewMedia[] }) {
    const documents = media.filter(isDocument);
    const images = media.filter((m) => !isDocument(m));
    if (documents.length > 0) {
      const left = images.length + documents.length - 1;
      return (
        <div className="mt-2">
          <LinkedInDocument document={documents[0]!} />
          {left > 0 && (
            <p className="px-4 pt-2 text-[12px] leading-4 text-black/60">
              A LinkedIn post carries images or one document, not both: {left}{" "}
              {left === 1 ? "file is" : "files are"} not shown.
            </p>
          )}
        </div>
      );
    }
    if (images.length === 0) return null;
    const grid = linkedInGrid(images.length);
    if (grid.layout === "1") {
      const image = images[0]!;
      return <LinkedInSingleImage key={`${image.id}:${image.url}`} image={image} />;
    }
    return (
      <MediaCollage
        className="mt-2"
        media={images}
        template={grid.template}
        columns={grid.columns}
        rows={grid.rows}
        aspectRatio={grid.aspectRatio ?? 1}
        areas={grid.tiles.map((tile) => tile.area)}
        overflow={grid.overflow}
        data-testid="linkedin-media"
        data-layout={grid.layout}
        data-count={images.length}
      />
    );
  },
  (a, b) => sameMedia(a.media, b.media),
);

/** One image at its own ratio (clamped); when the size is not stored, the loaded image's. */
function LinkedInSingleImage({ image }: { image: PreviewMedia }) {
  const known = image.width !== null && image.height !== null;
  const [natural, setNatural] = useState<readonly [number, number] | null>(null);
  const aspect = linkedInImageAspect(image.width ?? natural?.[0], image.height ?? natural?.[1]);
  return (
    <div className="mt-2" data-testid="linkedin-media" data-layout="1" data-count={1}>
      <MediaTile
        media={image}
        className="w-full"
        style={{ aspectRatio: aspect }}
        onNaturalSize={
          known
            ? undefined
            : (w, h) => setNatural((prev) => (prev?.[0] === w && prev[1] === h ? prev : [w, h]))
        }
      />
    </div>
  );
}

function LinkedInDocument({ document }: { document: PreviewMedia }) {
  const title = documentTitle(document);
  const uploading = document.url === null;
  return (
    <div
      data-testid="linkedin-document"
      className="overflow-hidden border-y border-black/10 bg-[#f4f2ee]"
    >
      <div className="flex items-center gap-2 bg-[#1d2226] px-4 py-2 text-white">
        <span className="min-w-0 flex-1 truncate text-[14px] leading-5 font-semibold">{title}</span>
        <span className="shrink-0 rounded-sm bg-white/20 px-1.5 text-[11px] leading-4 font-semibold tracking-wide">
          PDF
        </span>
      </div>
      <div className="flex items-center justify-center py-5" style={{ aspectRatio: 4 / 3 }}>
        <div
          role="img"
          aria-label={uploading ? `${title} (uploading)` : `First page of ${title}`}
          className={cx(
            "flex h-full flex-col items-center justify-center gap-3 rounded-[2px] bg-white shadow-md ring-1 ring-black/10",
            uploading && "animate-pulse",
          )}
          style={{ aspectRatio: 8.5 / 11 }}
        >
          <FileText aria-hidden="true" className="size-12 text-[#b3261e]" strokeWidth={1.5} />
          <div aria-hidden="true" className="flex w-1/2 flex-col gap-1.5">
            <span className="h-1.5 rounded-full bg-black/10" />
            <span className="h-1.5 w-4/5 rounded-full bg-black/10" />
            <span className="h-1.5 w-3/5 rounded-full bg-black/10" />
          </div>
        </div>
      </div>
    </div>
  );
}

const actions: { label: string; Icon: LucideIcon }[] = [
  { label: "Like", Icon: ThumbsUp },
  { label: "Comment", Icon: MessageSquareText },
  { label: "Repost", Icon: Repeat2 },
  { label: "Send", Icon: Send },
];

const reactions = [
  { emoji: "👍", color: "#378fe9" },
  { emoji: "❤️", color: "#df704d" },
  { emoji: "👏", color: "#6dae4f" },
];

/** Reactions and the action bar, as decoration: not interactive, hidden from assistive tech. */
const LinkedInFooter = memo(function LinkedInFooter({ width }: { width: LinkedInPreviewWidth }) {
  const mobile = width === "mobile";
  return (
    <div aria-hidden="true" className="select-none">
      <div className="flex items-center px-4 py-2 opacity-50">
        {reactions.map(({ emoji, color }, i) => (
          <span
            key={emoji}
            className={cx(
              "flex size-4 items-center justify-center rounded-full text-[9px] leading-none ring-1 ring-white",
              i > 0 && "-ml-1",
            )}
            style={{ backgroundColor: color }}
          >
            {emoji}
          </span>
        ))}
        <span className="ml-1.5 h-2 w-12 rounded-full bg-black/10" />
      </div>
      <div className="mx-4 border-t border-black/10" />
      <div className="flex justify-between px-2 py-1">
        {actions.map(({ label, Icon }) => (
          <div
            key={label}
            className={cx(
              "flex flex-1 items-center justify-center rounded text-black/60",
              mobile
                ? "flex-col gap-0.5 py-1.5 text-[12px] leading-4"
                : "gap-1.5 py-2.5 text-[14px] leading-5 font-semibold",
            )}
          >
            <Icon className="size-5" strokeWidth={1.75} />
            <span>{label}</span>
          </div>
        ))}
      </div>
    </div>
  );
});
