"use client";
// A Facebook Page post as the desktop feed shows it. The feed folds long text behind "See more":
// PLATFORMS.md gives ≈477 characters on desktop, so the preview cuts by characters
// (foldByCharacters: at the last space near 477, never inside a grapheme cluster) rather than by
// rendered lines. Images: 1 full width, 2 side by side, 3 or more as one on top of two with "+N"
// for the rest. Nothing navigates.
import { memo, useDeferredValue, useMemo, useState } from "react";
import { Ellipsis, Globe, MessageCircle, Share2, ThumbsUp, type LucideIcon } from "lucide-react";
import { foldByCharacters } from "@/lib/posts/rich-text";
import {
  Avatar,
  isDocument,
  MediaCollage,
  MediaTile,
  RichText,
  sameAuthor,
  sameMedia,
} from "./preview-parts";
import type { PreviewAuthor, PreviewMedia } from "./types";

export type FacebookPreviewProps = { text: string; media: PreviewMedia[]; author: PreviewAuthor };

/** Characters the desktop feed shows before "See more" (PLATFORMS.md). */
export const FACEBOOK_FOLD_CHARACTERS = 477;

const FACEBOOK_FONT = '"Segoe UI Historic", "Segoe UI", Helvetica, Arial, sans-serif';

export function FacebookPreview({ text, media, author }: FacebookPreviewProps) {
  const deferredText = useDeferredValue(text);
  const fold = useMemo(
    () => foldByCharacters(deferredText, FACEBOOK_FOLD_CHARACTERS),
    [deferredText],
  );
  const [expanded, setExpanded] = useState(false);
  if (expanded && text === "") setExpanded(false);
  const folded = fold.isFolded && !expanded;
  const shown = folded ? fold.visibleText : deferredText.trimEnd();

  return (
    <section
      aria-label="Facebook preview"
      data-testid="facebook-preview"
      className="w-full max-w-[500px] overflow-hidden rounded-[8px] bg-white text-[#050505] shadow-[0_1px_2px_rgba(0,0,0,0.2)] ring-1 ring-black/5 [color-scheme:light]"
      style={{ fontFamily: FACEBOOK_FONT }}
    >
      <FacebookHeader author={author} />
      {shown && (
        <div
          data-testid="facebook-preview-text"
          data-folded={folded ? "true" : "false"}
          className="px-4 pt-1 pb-3 text-[15px] leading-5 break-words whitespace-pre-wrap"
        >
          <RichText text={shown} linkClassName="text-[#0064d1]" />
          {folded && (
            <>
              {"… "}
              <button
                type="button"
                aria-expanded={false}
                onClick={() => setExpanded(true)}
                className="font-semibold hover:underline"
              >
                See more
              </button>
            </>
          )}
        </div>
      )}
      <FacebookMedia media={media} />
      <FacebookFooter />
    </section>
  );
}

export default FacebookPreview;

const FacebookHeader = memo(
  function FacebookHeader({ author }: { author: PreviewAuthor }) {
    return (
      <div className="flex items-center gap-2 px-4 pt-3 pb-2">
        <Avatar author={author} size={40} />
        <div className="min-w-0 flex-1">
          <div className="truncate text-[15px] leading-5 font-semibold">
            {author.name.trim() || "Your Page"}
          </div>
          <div className="flex items-center gap-1 text-[13px] leading-4 text-[#65676b]">
            <span>Just now ·</span>
            <Globe className="size-3" role="img" aria-label="Public" />
          </div>
        </div>
        <Ellipsis aria-hidden="true" className="size-5 shrink-0 text-[#65676b]" />
      </div>
    );
  },
  (a, b) => sameAuthor(a.author, b.author),
);

const FacebookMedia = memo(
  function FacebookMedia({ media }: { media: PreviewMedia[] }) {
    const images = media.filter((m) => !isDocument(m));
    const documents = media.length - images.length;
    const note = documents > 0 && (
      <p className="px-4 pt-2 text-[13px] leading-4 text-[#65676b]">
        Facebook posts do not show PDF documents: {documents}{" "}
        {documents === 1 ? "file is" : "files are"} not shown.
      </p>
    );
    if (images.length === 0) return note || null;
    if (images.length === 1) {
      const image = images[0]!;
      const ratio =
        image.width && image.height
          ? Math.min(1.91, Math.max(4 / 5, image.width / image.height))
          : 1.91;
      return (
        <>
          <div data-testid="facebook-media" data-count={1}>
            <MediaTile media={image} className="w-full" style={{ aspectRatio: ratio }} />
          </div>
          {note}
        </>
      );
    }
    const two = images.length === 2;
    return (
      <>
        <MediaCollage
          media={images}
          template={two ? '"a b"' : '"a a" "b c"'}
          columns="1fr 1fr"
          rows={two ? "1fr" : "1fr 1fr"}
          aspectRatio={two ? 2 : 1}
          areas={two ? ["a", "b"] : ["a", "b", "c"]}
          overflow={two ? 0 : images.length - 3}
          data-testid="facebook-media"
          data-count={images.length}
        />
        {note}
      </>
    );
  },
  (a, b) => sameMedia(a.media, b.media),
);

const facebookActions: { label: string; Icon: LucideIcon }[] = [
  { label: "Like", Icon: ThumbsUp },
  { label: "Comment", Icon: MessageCircle },
  { label: "Share", Icon: Share2 },
];

const FacebookFooter = memo(function FacebookFooter() {
  return (
    <div aria-hidden="true" className="select-none">
      <div className="flex items-center gap-1 px-4 py-2.5 opacity-50">
        <span className="flex size-[18px] items-center justify-center rounded-full bg-[#0866ff] text-[10px]">
          👍
        </span>
        <span className="h-2 w-10 rounded-full bg-black/10" />
      </div>
      <div className="mx-4 flex border-t border-black/10 py-1">
        {facebookActions.map(({ label, Icon }) => (
          <div
            key={label}
            className="flex flex-1 items-center justify-center gap-2 py-1.5 text-[15px] leading-5 font-semibold text-[#65676b]"
          >
            <Icon className="size-5" strokeWidth={1.75} />
            {label}
          </div>
        ))}
      </div>
    </div>
  );
});
