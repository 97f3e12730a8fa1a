/** What the post previews need to know about one attached file (images and PDF documents). */
export type PreviewMedia = {
  id: string;
  /** A (signed) URL to show it from; null while it is still uploading. */
  url: string | null;
  mime: string;
  alt: string | null;
  fileName: string | null;
  width: number | null;
  height: number | null;
};

/** Who the post appears to come from. */
export type PreviewAuthor = {
  name: string;
  headline: string | null;
  avatarUrl: string | null;
};
