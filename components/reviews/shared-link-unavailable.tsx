// The page a shared preview link shows when there is no post to show: the link is unknown, expired
// or turned off, or the post is gone. Says why and what to do; the page's only heading.
import { Clock, FileX2, Link2Off, type LucideIcon } from "lucide-react";

export type SharedLinkProblem = "unknown" | "expired" | "revoked" | "gone";

const copy: Record<SharedLinkProblem, { icon: LucideIcon; title: string; description: string }> = {
  unknown: {
    icon: Link2Off,
    title: "This preview link does not work",
    description:
      "Check that the whole address was copied, or ask the person who shared it for a new link.",
  },
  expired: {
    icon: Clock,
    title: "This preview link has expired",
    description:
      "Preview links work for a limited time. Ask the person who sent it to share a new one.",
  },
  revoked: {
    icon: Link2Off,
    title: "This preview link was turned off",
    description:
      "Whoever shared it stopped sharing this link. Ask them for a new one if you still need to see the post.",
  },
  gone: {
    icon: FileX2,
    title: "This post is no longer available",
    description: "It was archived or removed after the link was shared.",
  },
};

export function SharedLinkUnavailable({ reason }: { reason: SharedLinkProblem }) {
  const { icon: Icon, title, description } = copy[reason];
  return (
    <div
      className="mx-auto flex max-w-xl flex-col items-center gap-3 rounded-xl border border-dashed bg-background px-6 py-12 text-center"
      data-testid={reason === "unknown" ? "shared-preview-not-found" : "shared-preview-expired"}
      data-reason={reason}
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <Icon aria-hidden="true" className="size-6" />
      </div>
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="max-w-sm text-sm text-balance text-muted-foreground">{description}</p>
    </div>
  );
}
