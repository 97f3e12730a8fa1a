// Words and times of the Accounts, Sandbox and Publishing pages. Times are in the org's zone, with the
// same en-GB style as the posts list ("3 Mar 2026, 14:05"). Pure and client-safe.
import { networkLabels } from "@/lib/social/labels";

const formatters = new Map<string, { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formattersFor(timeZone: string) {
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

export const formatOrgDateTime = (iso: string, timeZone: string) =>
  formattersFor(timeZone).dateTime.format(new Date(iso));

export const formatOrgDate = (iso: string, timeZone: string) =>
  formattersFor(timeZone).date.format(new Date(iso));

/** "1 scheduled post", "3 images": the count and the noun, plural from 2 (and for 0). */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A network name from the database as users read it; an unknown one as it is. */
export function networkLabel(network: string): string {
  return Object.hasOwn(networkLabels, network)
    ? networkLabels[network as keyof typeof networkLabels]
    : network;
}

/** What a Sandbox post carries: "2 images · 1 PDF", or null when it has no files. */
export function mediaSummary(media: readonly { mime: string }[]): string | null {
  if (media.length === 0) return null;
  const pdfs = media.filter((m) => m.mime === "application/pdf").length;
  const images = media.filter((m) => m.mime.startsWith("image/")).length;
  const others = media.length - pdfs - images;
  return [
    images ? plural(images, "image") : null,
    pdfs ? plural(pdfs, "PDF") : null,
    others ? plural(others, "file") : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Why an overdue target is late, from its status. */
export function overdueReason(status: string): string {
  switch (status) {
    case "scheduled":
      return "Not picked up yet";
    case "publishing":
      return "Stuck while publishing";
    default:
      return status.replaceAll("_", " ");
  }
}

/** Up to two letters for an avatar: first and last word, ignoring a "(Sandbox)"-style suffix. */
export function initialsOf(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, " ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return picked.map((w) => [...w][0]!.toUpperCase()).join("") || "?";
}
