// The colour and label of each post status, shared by the posts list, the campaign page and the
// calendar. Colour is never the only signal: the badge always shows the label.
import { Badge } from "@/components/ui/badge";
import type { PostStatus } from "@/lib/posts/constants";
import { cn } from "@/lib/utils";

export type PostStatusColor = {
  label: string;
  /** Badge/chip background, text and border. */
  className: string;
  /** The small dot in a badge, chip or legend. */
  dotClassName: string;
};

export const postStatusColors: Record<PostStatus, PostStatusColor> = {
  draft: {
    label: "Draft",
    className: "border-slate-300 bg-slate-100 text-slate-800",
    dotClassName: "bg-slate-400",
  },
  in_review: {
    label: "In review",
    className: "border-amber-300 bg-amber-50 text-amber-900",
    dotClassName: "bg-amber-500",
  },
  changes_requested: {
    label: "Changes requested",
    className: "border-orange-300 bg-orange-50 text-orange-900",
    dotClassName: "bg-orange-500",
  },
  approved: {
    label: "Approved",
    className: "border-teal-300 bg-teal-50 text-teal-900",
    dotClassName: "bg-teal-500",
  },
  scheduled: {
    label: "Scheduled",
    className: "border-blue-300 bg-blue-50 text-blue-900",
    dotClassName: "bg-blue-600",
  },
  publishing: {
    label: "Publishing",
    className: "border-violet-300 bg-violet-50 text-violet-900",
    dotClassName: "bg-violet-500 motion-safe:animate-pulse",
  },
  published: {
    label: "Published",
    className: "border-emerald-300 bg-emerald-50 text-emerald-900",
    dotClassName: "bg-emerald-600",
  },
  failed: {
    label: "Failed",
    className: "border-red-300 bg-red-50 text-red-900",
    dotClassName: "bg-red-600",
  },
  // The network may or may not have it: a person checks before anything is posted again.
  unconfirmed: {
    label: "Check before reposting",
    className: "border-dashed border-amber-400 bg-amber-50 text-amber-900",
    dotClassName: "bg-amber-500",
  },
  archived: {
    label: "Archived",
    className: "border-zinc-300 bg-zinc-50 text-zinc-600",
    dotClassName: "bg-zinc-400",
  },
};

/** Alias of `postStatusColors`. */
export const statusStyles = postStatusColors;

export function postStatusLabel(status: PostStatus): string {
  return postStatusColors[status].label;
}

export function PostStatusBadge({ status, className }: { status: PostStatus; className?: string }) {
  const c = postStatusColors[status];
  return (
    <Badge
      variant="outline"
      data-status={status}
      className={cn("font-medium", c.className, className)}
    >
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", c.dotClassName)} />
      {c.label}
    </Badge>
  );
}
