"use client";
// An Instagram feed post: the first image square (a carousel shows its dots), then the caption
// after the name in bold, folded at 125 characters — or after its second line, whichever comes
// first — behind "more" (foldByCharacters). Instagram links hashtags and mentions, not URLs, and
// needs at least one image. Nothing navigates.
import { memo, useDeferredValue, useMemo, useState } from "react";
import { Bookmark, Ellipsis, Heart, ImageOff, MessageCircle, Send } from "lucide-react";
import { foldByCharacters, type RichTokenKind } from "@/lib/posts/rich-text";
import {
  Avatar,
  cx,
  isDocument,
  MediaTile,
  RichText,
  sameAuthor,
  sameMedia,
} from "./preview-parts";
import type { PreviewAuthor, PreviewMedia } from "./types";

export type InstagramPreviewProps = { text: string; media: PreviewMedia[]; author: PreviewAuthor };

/** Caption characters the feed shows before "more" (PLATFORMS.md: ≈125). */
export const INSTAGRAM_FOLD_CHARACTERS = 125;
const INSTAGRAM_FOLD_LINES = 2;
const MAX_DOTS = 10;

const INSTAGRAM_FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const captionLinks: readonly RichTokenKind[] = ["hashtag", "mention"];

export function InstagramPreview({ text, media, author }: InstagramPreviewProps) {
  const deferredText = useDeferredValue(text);
  const fold = useMemo(
    () =>
      foldByCharacters(deferredText, INSTAGRAM_FOLD_CHARACTERS, {
        maxLines: INSTAGRAM_FOLD_LINES,
      }),
    [deferredText],
  );
  const [expanded, setExpanded] = useState(false);
  if (expanded && text === "") setExpanded(false);
  const folded = fold.isFolded && !expanded;
  const shown = folded ? fold.visibleText : deferredText.trimEnd();
  const name = author.name.trim() || "your_account";

  return (
    <section
      aria-label="Instagram preview"
      data-testid="instagram-preview"
      className="w-full max-w-[470px] overflow-hidden rounded-[8px] border border-[#dbdbdb] bg-white pb-3 text-black [color-scheme:light]"
      style={{ fontFamily: INSTAGRAM_FONT }}
    >
      <InstagramHeader author={author} />
      <InstagramMedia media={media} />
      {shown && (
        <p
          data-testid="instagram-preview-text"
          data-folded={folded ? "true" : "false"}
          className="px-3 text-[14px] leading-[18px] break-words whitespace-pre-wrap"
        >
          <span className="font-semibold">{name}</span>{" "}
          <RichText text={shown} linkClassName="text-[#00376b]" linkKinds={captionLinks} />
          {folded && (
            <>
              {"… "}
              <button
                type="button"
                aria-expanded={false}
                onClick={() => setExpanded(true)}
                className="text-[#737373]"
              >
                more
              </button>
            </>
          )}
        </p>
      )}
    </section>
  );
}

export default InstagramPreview;

const InstagramHeader = memo(
  function InstagramHeader({ author }: { author: PreviewAuthor }) {
    return (
      <div className="flex items-center gap-2.5 px-3 py-2.5">
        <span className="rounded-full bg-linear-to-tr from-[#feda75] via-[#d62976] to-[#4f5bd5] p-[2px]">
          <Avatar author={author} size={32} className="ring-2 ring-white" />
        </span>
        <span className="min-w-0 flex-1 truncate text-[14px] leading-[18px] font-semibold">
          {author.name.trim() || "your_account"}
        </span>
        <Ellipsis aria-hidden="true" className="size-5 shrink-0" />
      </div>
    );
  },
  (a, b) => sameAuthor(a.author, b.author),
);

const InstagramMedia = memo(
  function InstagramMedia({ media }: { media: PreviewMedia[] }) {
    const images = media.filter((m) => !isDocument(m));
    const documents = media.length - images.length;
    const first = images[0];
    const dots = Math.min(images.length, MAX_DOTS);
    return (
      <>
        {first ? (
          <div className="relative" data-testid="instagram-media" data-count={images.length}>
            <MediaTile media={first} className="aspect-square w-full" />
            {images.length > 1 && (
              <span className="absolute top-3 right-3 rounded-full bg-black/70 px-2 py-0.5 text-[12px] leading-4 font-medium text-white">
                <span className="sr-only">Image </span>1/{images.length}
              </span>
            )}
          </div>
        ) : (
          <div
            data-testid="instagram-no-media"
            className="flex aspect-square w-full flex-col items-center justify-center gap-2 border-y border-[#efefef] bg-[#fafafa] p-6 text-center text-[14px] text-[#737373]"
          >
            <ImageOff aria-hidden="true" className="size-10" strokeWidth={1.5} />
            Instagram needs at least one image
          </div>
        )}
        <div aria-hidden="true" className="relative flex items-center gap-4 px-3 pt-2.5 pb-2">
          <Heart className="size-6" strokeWidth={1.75} />
          <MessageCircle className="size-6 -scale-x-100" strokeWidth={1.75} />
          <Send className="size-6" strokeWidth={1.75} />
          {dots > 1 && (
            <span
              data-testid="instagram-dots"
              className="absolute left-1/2 flex -translate-x-1/2 gap-1"
            >
              {Array.from({ length: dots }, (_, i) => (
                <span
                  key={i}
                  className={cx("size-1.5 rounded-full", i === 0 ? "bg-[#0095f6]" : "bg-black/20")}
                />
              ))}
            </span>
          )}
          <Bookmark className="ml-auto size-6" strokeWidth={1.75} />
        </div>
        {documents > 0 && (
          <p className="px-3 pb-1 text-[12px] leading-4 text-[#737373]">
            Instagram does not show PDF documents: {documents}{" "}
            {documents === 1 ? "file is" : "files are"} not shown.
          </p>
        )}
      </>
    );
  },
  (a, b) => sameMedia(a.media, b.media),
);
