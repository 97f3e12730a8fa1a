"use client";
// An X post, or the thread the text becomes when it is longer than one post (split and numbered
// by lib/posts/x-thread.ts, which weighs text with twitter-text: load this component lazily).
// Up to 4 images on the first post in X's grids; X shows no PDF documents. Nothing navigates.
import { memo, useDeferredValue, useMemo, useState } from "react";
import {
  Bookmark,
  ChartNoAxesColumn,
  Ellipsis,
  Heart,
  MessageCircle,
  Repeat2,
  Share,
} from "lucide-react";
import { splitThread } from "@/lib/posts/x-thread";
import {
  Avatar,
  cx,
  isDocument,
  MediaCollage,
  MediaTile,
  RichText,
  sameAuthor,
  sameMedia,
} from "./preview-parts";
import type { PreviewAuthor, PreviewMedia } from "./types";

export type XPreviewProps = { text: string; media: PreviewMedia[]; author: PreviewAuthor };

const X_FONT =
  'TwitterChirp, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
/** Images X takes on one post. */
export const X_MAX_IMAGES = 4;

/** A plausible @handle from a display name: ASCII letters, digits and "_", at most 15. */
export function xHandle(name: string): string {
  const handle = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "")
    .slice(0, 15);
  return handle || "you";
}

/** How X displays a link: without scheme and "www.", cut with "…" after 25 characters. */
export function xDisplayUrl(url: string): string {
  const bare = url.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
  return bare.length > 26 ? `${bare.slice(0, 25)}…` : bare;
}

export function XPreview({ text, media, author }: XPreviewProps) {
  // Splitting weighs the text with twitter-text: let typing go first on long posts.
  const deferredText = useDeferredValue(text);
  const parts = useMemo(() => splitThread(deferredText, { numbering: true }), [deferredText]);
  return (
    <section
      aria-label="X preview"
      data-testid="x-preview"
      data-posts={parts.length}
      className="w-full max-w-[598px] overflow-hidden rounded-2xl border border-[#eff3f4] bg-white pb-1 text-[#0f1419] [color-scheme:light]"
      style={{ fontFamily: X_FONT }}
    >
      {parts.map((part, i) => (
        <XPost
          key={i}
          text={part}
          author={author}
          position={i + 1}
          total={parts.length}
          media={i === 0 ? media : null}
        />
      ))}
    </section>
  );
}

export default XPreview;

const XPost = memo(
  function XPost({
    text,
    author,
    position,
    total,
    media,
  }: {
    text: string;
    author: PreviewAuthor;
    position: number;
    total: number;
    media: PreviewMedia[] | null;
  }) {
    const name = author.name.trim() || "Your name";
    return (
      <article
        data-testid="x-post"
        aria-label={total > 1 ? `Post ${position} of ${total}` : "Post"}
        className="flex gap-2 px-4"
      >
        <div className="flex w-10 shrink-0 flex-col items-center" aria-hidden="true">
          <div className={cx("h-3 w-0.5", position > 1 && "bg-[#cfd9de]")} />
          <Avatar author={author} size={40} />
          {position < total && (
            <div data-testid="x-thread-line" className="mt-1 w-0.5 flex-1 bg-[#cfd9de]" />
          )}
        </div>
        <div className="min-w-0 flex-1 pt-3 pb-2">
          <div className="flex items-center gap-1 text-[15px] leading-5">
            <span className="truncate font-bold">{name}</span>
            <span className="truncate text-[#536471]">@{xHandle(author.name)}</span>
            <span className="shrink-0 text-[#536471]">· now</span>
            <Ellipsis aria-hidden="true" className="ml-auto size-[18px] shrink-0 text-[#536471]" />
          </div>
          {text && (
            <div className="text-[15px] leading-5 break-words whitespace-pre-wrap">
              <RichText text={text} linkClassName="text-[#1d9bf0]" formatUrl={xDisplayUrl} />
            </div>
          )}
          {media && <XMedia media={media} />}
          <XActions />
        </div>
      </article>
    );
  },
  (a, b) =>
    a.text === b.text &&
    a.position === b.position &&
    a.total === b.total &&
    sameAuthor(a.author, b.author) &&
    (a.media === b.media || (a.media !== null && b.media !== null && sameMedia(a.media, b.media))),
);

const xGrids = {
  2: { template: '"a b"', columns: "1fr 1fr", rows: "1fr" },
  3: { template: '"a b" "a c"', columns: "1fr 1fr", rows: "1fr 1fr" },
  4: { template: '"a b" "c d"', columns: "1fr 1fr", rows: "1fr 1fr" },
} as const;

const XMedia = memo(
  function XMedia({ media }: { media: PreviewMedia[] }) {
    const images = media.filter((m) => !isDocument(m));
    const hasDocument = images.length < media.length;
    const shown = images.slice(0, X_MAX_IMAGES);
    const left = images.length - shown.length;
    return (
      <>
        {shown.length === 1 && (
          <XSingleImage key={`${shown[0]!.id}:${shown[0]!.url}`} image={shown[0]!} />
        )}
        {shown.length > 1 && (
          <MediaCollage
            className="mt-3 overflow-hidden rounded-2xl border border-[#cfd9de]"
            media={shown}
            {...xGrids[shown.length as 2 | 3 | 4]}
            aspectRatio={16 / 9}
            areas={["a", "b", "c", "d"].slice(0, shown.length)}
            overflow={0}
            data-testid="x-media"
            data-count={shown.length}
          />
        )}
        {left > 0 && (
          <p className="mt-2 text-[13px] leading-4 text-[#536471]">
            X shows up to {X_MAX_IMAGES} images per post: {left} {left === 1 ? "is" : "are"} not
            shown.
          </p>
        )}
        {hasDocument && (
          <p className="mt-2 text-[13px] leading-4 text-[#536471]">X does not show PDF documents</p>
        )}
      </>
    );
  },
  (a, b) => sameMedia(a.media, b.media),
);

/** One image at its own ratio, between 3:4 and 2:1; 16:9 until its size is known. */
function XSingleImage({ image }: { image: PreviewMedia }) {
  const [natural, setNatural] = useState<readonly [number, number] | null>(null);
  const width = image.width ?? natural?.[0];
  const height = image.height ?? natural?.[1];
  const aspect = width && height ? Math.min(2, Math.max(3 / 4, width / height)) : 16 / 9;
  return (
    <div data-testid="x-media" data-count={1} className="mt-3">
      <MediaTile
        media={image}
        className="w-full rounded-2xl border border-[#cfd9de]"
        style={{ aspectRatio: aspect }}
        onNaturalSize={
          image.width !== null && image.height !== null
            ? undefined
            : (w, h) => setNatural((prev) => (prev?.[0] === w && prev[1] === h ? prev : [w, h]))
        }
      />
    </div>
  );
}

const xActions = [MessageCircle, Repeat2, Heart, ChartNoAxesColumn];

const XActions = memo(function XActions() {
  return (
    <div
      aria-hidden="true"
      className="mt-3 flex max-w-[425px] items-center justify-between text-[#536471]"
    >
      {xActions.map((Icon, i) => (
        <Icon key={i} className="size-[18px]" strokeWidth={1.75} />
      ))}
      <span className="flex gap-3">
        <Bookmark className="size-[18px]" strokeWidth={1.75} />
        <Share className="size-[18px]" strokeWidth={1.75} />
      </span>
    </div>
  );
});
