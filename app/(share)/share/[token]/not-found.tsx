import { SharedLinkUnavailable } from "@/components/reviews/shared-link-unavailable";

// notFound() for an unknown token lands here (HTTP 404): a mistyped address or a link that never was.
export default function SharedPreviewNotFound() {
  return <SharedLinkUnavailable reason="unknown" />;
}
