// A post of the list as the table shows it, with its times already formatted in the org's zone on
// the server (the browser's Intl could format differently and break hydration).
import type { PostStatus, TargetNetwork } from "@/lib/posts/constants";
import type { PostListItem } from "@/lib/posts/queries";

export type PostRowView = {
  id: string;
  title: string | null;
  excerpt: string;
  status: PostStatus;
  networks: TargetNetwork[];
  campaignId: string | null;
  campaignName: string | null;
  authorName: string | null;
  onBehalfOfName: string | null;
  /** ISO instant, for <time dateTime>. */
  scheduledAt: string | null;
  /** In the org's zone, e.g. "29 Mar 2026, 10:00". */
  scheduledLabel: string | null;
  updatedAt: string;
  updatedLabel: string;
};

/** The title, else the start of the text, else "Untitled post". */
export function postDisplayTitle(p: { title: string | null; excerpt: string }): string {
  const title = p.title?.trim();
  if (title) return title;
  const first = p.excerpt.replace(/\s+/g, " ").trim();
  if (!first) return "Untitled post";
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

const formatters = new Map<string, { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

/** Formatters of a zone (en-GB: day month year, 24-hour clock). */
export function orgFormatters(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = {
      dateTime: new Intl.DateTimeFormat("en-GB", {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone,
      }),
      date: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

export function toPostRowView(p: PostListItem, timeZone: string): PostRowView {
  const f = orgFormatters(timeZone);
  return {
    id: p.id,
    title: p.title,
    excerpt: p.excerpt.replace(/\s+/g, " ").trim(),
    status: p.status,
    networks: p.networks,
    campaignId: p.campaignId,
    campaignName: p.campaignName,
    authorName: p.authorName,
    onBehalfOfName: p.onBehalfOfName,
    scheduledAt: p.scheduledAt,
    scheduledLabel: p.scheduledAt ? f.dateTime.format(new Date(p.scheduledAt)) : null,
    updatedAt: p.updatedAt,
    updatedLabel: f.dateTime.format(new Date(p.updatedAt)),
  };
}

const networkNames: Record<TargetNetwork, string> = {
  linkedin: "LinkedIn",
  x: "X",
  facebook: "Facebook",
  instagram: "Instagram",
  sandbox: "Sandbox",
};

export const networkName = (n: TargetNetwork) => networkNames[n];
