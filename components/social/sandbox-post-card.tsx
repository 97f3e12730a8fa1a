// One post of the Sandbox feed, drawn like a simple social network's card: who posted, when (in the
// org's zone), the text with its line breaks, how many files, and the way back to the post in
// Ghostart. Its id is the anchor of the "published" link (/<org>/sandbox#post-<id>).
import { Paperclip } from "lucide-react";
import Link from "next/link";
import { AccountAvatar } from "@/components/social/account-avatar";
import { formatOrgDateTime, mediaSummary } from "@/components/social/format";
import type { SandboxPost } from "@/lib/publishing/queries";

export function SandboxPostCard({
  org,
  post,
  timeZone,
}: {
  org: string;
  post: SandboxPost;
  timeZone: string;
}) {
  const files = mediaSummary(post.media);
  const headingId = `post-${post.id}-by`;
  return (
    <article
      id={`post-${post.id}`}
      aria-labelledby={headingId}
      data-testid="sandbox-post"
      className="grid scroll-mt-20 gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-sm target:ring-2 target:ring-primary"
    >
      <header className="flex items-center gap-3">
        <AccountAvatar name={post.accountName} url={null} />
        <div className="min-w-0">
          <h2 id={headingId} className="truncate text-sm font-semibold">
            {post.accountName}
          </h2>
          <p className="text-xs text-muted-foreground">
            <time dateTime={post.publishedAt}>{formatOrgDateTime(post.publishedAt, timeZone)}</time>
            {" · Sandbox"}
          </p>
        </div>
      </header>
      <p className="text-sm break-words whitespace-pre-wrap" data-testid="sandbox-post-body">
        {post.body}
      </p>
      {files || post.postId ? (
        <footer className="flex flex-wrap items-center justify-between gap-2 border-t pt-3 text-sm">
          {files ? (
            <span className="inline-flex items-center gap-1.5 text-muted-foreground">
              <Paperclip aria-hidden="true" className="size-4" />
              {files}
            </span>
          ) : (
            <span />
          )}
          {post.postId ? (
            <Link
              href={`/${org}/posts/${post.postId}`}
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              View in Ghostart
            </Link>
          ) : null}
        </footer>
      ) : null}
    </article>
  );
}
