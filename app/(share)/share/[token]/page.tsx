// /share/[token] — an outside approver's read-only preview of one post, without an account: the
// token is the only key and every open counts a view (getSharedPreview). An unknown token is a 404;
// an expired or revoked link, or a post that is gone, says so.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Eye } from "lucide-react";
import { SharedLinkUnavailable } from "@/components/reviews/shared-link-unavailable";
import { SharedPostPreview } from "@/components/reviews/shared-post-preview";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { createLogger } from "@/lib/logger";
import { getSharedPreview } from "@/lib/reviews/queries";
import { signSharedMedia } from "@/lib/reviews/shared-media";

export const metadata: Metadata = {
  title: "Shared preview",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

// The visitor's zone is unknown to the server and the link carries no org zone: say UTC plainly.
const expiryFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function SharedPreviewPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const preview = await getSharedPreview(token);
  if (!preview.ok) {
    if (preview.reason === "unknown") notFound();
    return <SharedLinkUnavailable reason={preview.reason} />;
  }

  const log = createLogger({ component: "shared-preview" });
  const files = await signSharedMedia(preview.media, preview.expiresAt, log);
  const expires = `${expiryFormat.format(new Date(preview.expiresAt))} UTC`;

  return (
    <div className="mx-auto grid max-w-4xl gap-6" data-testid="shared-preview">
      <Alert data-testid="shared-preview-banner" className="bg-background">
        <Eye aria-hidden="true" />
        <AlertDescription className="text-foreground">
          <p>
            Preview shared by <strong>{preview.orgName}</strong> · read-only · expires{" "}
            <time dateTime={preview.expiresAt}>{expires}</time>
          </p>
        </AlertDescription>
      </Alert>
      <div className="grid gap-1 text-center">
        <h1 className="text-xl font-semibold tracking-tight">
          {preview.title?.trim() || `A post by ${preview.author.name}`}
        </h1>
        <p className="text-sm text-muted-foreground">
          How it will look on LinkedIn. It has not been published.
        </p>
      </div>
      {files.unavailable > 0 ? (
        <Alert role="status" data-testid="shared-preview-media-unavailable">
          <AlertDescription>
            {files.unavailable === 1
              ? "One attached file could not be loaded right now."
              : `${files.unavailable} attached files could not be loaded right now.`}{" "}
            Reload the page in a moment.
          </AlertDescription>
        </Alert>
      ) : null}
      <SharedPostPreview text={preview.body} media={files.media} author={preview.author} />
    </div>
  );
}
