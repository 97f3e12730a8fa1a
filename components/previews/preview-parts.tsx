// Pieces every network preview shares: avatar, linkified text, image tiles, media helpers.
import { memo, useMemo, type CSSProperties, type ReactNode } from "react";
import { FileText } from "lucide-react";
import { tokenize, type RichToken, type RichTokenKind } from "@/lib/posts/rich-text";
import type { PreviewAuthor, PreviewMedia } from "./types";

export const PDF_MIME = "application/pdf";

/**
 * Joins class names. The previews use this rather than `cn` (tailwind-merge) to stay a few KB: the
 * LinkedIn preview is on the composer's critical path, and its classes never conflict.
 */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}

export const isDocument = (media: PreviewMedia) => media.mime === PDF_MIME;
export const isVisual = (media: PreviewMedia) => !isDocument(media);

/** The title a network shows for a document: its file name without the extension. */
export function documentTitle(media: PreviewMedia): string {
  const name = media.fileName?.trim() ?? "";
  const title = name.replace(/\.[^./\\]{1,8}$/, "").trim();
  return title || name || "Document";
}

/** Shallow equality of media lists, so a memoized media block skips re-rendering on keystrokes. */
export function sameMedia(a: readonly PreviewMedia[], b: readonly PreviewMedia[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((m, i) => {
    const n = b[i]!;
    return (
      m.id === n.id &&
      m.url === n.url &&
      m.mime === n.mime &&
      m.alt === n.alt &&
      m.fileName === n.fileName &&
      m.width === n.width &&
      m.height === n.height
    );
  });
}

export function sameAuthor(a: PreviewAuthor, b: PreviewAuthor): boolean {
  return a.name === b.name && a.headline === b.headline && a.avatarUrl === b.avatarUrl;
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words
    .slice(0, 2)
    .map((word) => Array.from(word)[0]!.toUpperCase())
    .join("");
  return letters || "?";
}

// Saturated enough for white initials to pass contrast (≥ 4.5:1).
const avatarColors = ["#0a66c2", "#5f3dc4", "#b24020", "#1f7a4d", "#915907", "#c0266d", "#2d6a8e"];

export function avatarColor(name: string): string {
  let hash = 0;
  for (const char of name.trim()) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return avatarColors[hash % avatarColors.length]!;
}

export const Avatar = memo(function Avatar({
  author,
  size,
  className,
}: {
  author: PreviewAuthor;
  size: number;
  className?: string;
}) {
  const style: CSSProperties = { width: size, height: size };
  if (author.avatarUrl) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- signed Storage URLs: no optimisation
      <img
        src={author.avatarUrl}
        alt=""
        width={size}
        height={size}
        className={cx("shrink-0 rounded-full object-cover", className)}
        style={style}
        draggable={false}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={cx(
        "flex shrink-0 items-center justify-center rounded-full font-semibold text-white select-none",
        className,
      )}
      style={{
        ...style,
        backgroundColor: avatarColor(author.name),
        fontSize: Math.round(size * 0.4),
      }}
    >
      {initials(author.name)}
    </span>
  );
});

const allLinkKinds: readonly RichTokenKind[] = ["hashtag", "mention", "url"];

/**
 * Text with hashtags, mentions and URLs (or only `linkKinds`) styled as the network's links. They
 * are spans, not links: nothing in a preview navigates anywhere.
 */
export const RichText = memo(function RichText({
  text,
  linkClassName,
  formatUrl,
  linkKinds = allLinkKinds,
}: {
  text: string;
  linkClassName: string;
  formatUrl?: (url: string) => string;
  linkKinds?: readonly RichTokenKind[];
}) {
  const tokens = useMemo(() => tokenize(text), [text]);
  return <>{renderTokens(tokens, linkClassName, linkKinds, formatUrl)}</>;
});

function renderTokens(
  tokens: RichToken[],
  linkClassName: string,
  linkKinds: readonly RichTokenKind[],
  formatUrl?: (url: string) => string,
): ReactNode[] {
  return tokens.map((token, i) =>
    !linkKinds.includes(token.kind) ? (
      token.value
    ) : (
      <span key={i} role="none" data-kind={token.kind} className={linkClassName}>
        {token.kind === "url" && formatUrl ? formatUrl(token.value) : token.value}
      </span>
    ),
  );
}

/**
 * One image filling its tile (cropped to cover), a pulsing placeholder while it uploads, an "ALT"
 * badge when it has alt text, and an optional "+N" overlay for the images a collage leaves out.
 */
export function MediaTile({
  media,
  more = 0,
  className,
  style,
  onNaturalSize,
}: {
  media: PreviewMedia;
  more?: number;
  className?: string;
  style?: CSSProperties;
  onNaturalSize?: (width: number, height: number) => void;
}) {
  const alt = media.alt?.trim() ?? "";
  const report = (img: HTMLImageElement | null) => {
    if (img?.complete && img.naturalWidth > 0) onNaturalSize?.(img.naturalWidth, img.naturalHeight);
  };
  let content: ReactNode;
  if (media.url === null) {
    content = (
      <div
        role="img"
        aria-label={`${media.fileName ?? "Image"} (uploading)`}
        className="h-full w-full animate-pulse bg-neutral-200"
      />
    );
  } else if (isDocument(media)) {
    content = (
      <div className="flex h-full w-full items-center justify-center bg-neutral-100 text-neutral-500">
        <FileText className="size-8" role="img" aria-label={documentTitle(media)} />
      </div>
    );
  } else {
    content = (
      // eslint-disable-next-line @next/next/no-img-element -- signed Storage URLs: no optimisation
      <img
        src={media.url}
        alt={alt}
        className="h-full w-full object-cover"
        decoding="async"
        draggable={false}
        ref={onNaturalSize ? report : undefined}
        onLoad={onNaturalSize ? (event) => report(event.currentTarget) : undefined}
      />
    );
  }
  return (
    <div
      className={cx("relative overflow-hidden bg-neutral-100", className)}
      style={style}
      data-media-id={media.id}
    >
      {content}
      {alt && (
        <span
          aria-hidden="true"
          className="absolute bottom-2 left-2 rounded-sm bg-black/75 px-1 py-px text-[10px] leading-3 font-bold tracking-wide text-white"
        >
          ALT
        </span>
      )}
      {more > 0 && (
        <div className="absolute inset-0 flex items-center justify-center bg-black/55 text-3xl font-semibold text-white">
          <span aria-hidden="true">+{more}</span>
          <span className="sr-only">{`${more} more ${more === 1 ? "image" : "images"}`}</span>
        </div>
      )}
    </div>
  );
}

/** A CSS grid of tiles (grid-template-areas), with a fixed overall aspect ratio. */
export function MediaCollage({
  media,
  template,
  columns,
  rows,
  aspectRatio,
  areas,
  overflow,
  className,
  gap = 2,
  ...rest
}: {
  media: readonly PreviewMedia[];
  template: string;
  columns: string;
  rows: string;
  aspectRatio: number;
  areas: readonly string[];
  overflow: number;
  className?: string;
  gap?: number;
} & Record<`data-${string}`, string | number>) {
  return (
    <div
      className={cx("grid w-full bg-white", className)}
      style={{
        gridTemplateAreas: template,
        gridTemplateColumns: columns,
        gridTemplateRows: rows,
        aspectRatio,
        gap,
      }}
      {...rest}
    >
      {areas.map((area, i) => (
        <MediaTile
          key={media[i]!.id}
          media={media[i]!}
          style={{ gridArea: area }}
          more={i === areas.length - 1 ? overflow : 0}
        />
      ))}
    </div>
  );
}
