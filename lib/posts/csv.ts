// CSV of the posts list (GET /[org]/posts/export). Pure: the route fetches the rows
// (lib/posts/queries.ts exportPosts) and this turns them into text.
//
// - RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a quote, CR or
//   LF is quoted, its quotes doubled.
// - A UTF-8 byte order mark first, so Excel reads the file as UTF-8 (names, emoji).
// - CSV injection (formula injection): a field that starts with = + - @, a tab or CR would be read
//   as a formula by spreadsheets; it gets a leading apostrophe, which they show as text.
import type { PostExportItem } from "@/lib/posts/queries";
import { utcToZonedLocal } from "@/lib/posts/local-time";

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: neutralized against formulas, then quoted when RFC 4180 needs it. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Records → CSV text: CRLF after every record, with a BOM unless `bom: false`. */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  opts: { bom?: boolean } = {},
): string {
  const body = rows.map((r) => r.map(csvField).join(",") + "\r\n").join("");
  return (opts.bom === false ? "" : CSV_BOM) + body;
}

export const POST_CSV_COLUMNS = [
  "id",
  "title",
  "status",
  "scheduled_at",
  "scheduled_local",
  "time_zone",
  "networks",
  "campaign",
  "author",
  "on_behalf_of",
  "text",
  "created_at",
  "updated_at",
] as const;

/** An ISO instant in UTC with a Z ("2026-03-29T08:00:00.000Z"); "" for none. */
const utcIso = (v: string | null) => (v ? new Date(v).toISOString() : "");

/** "YYYY-MM-DD HH:mm" on the wall clock of `timeZone`; "" for none. */
export function localStamp(v: string | null, timeZone: string): string {
  if (!v) return "";
  const { date, time } = utcToZonedLocal(new Date(v), timeZone);
  return `${date} ${time}`;
}

export type PostCsvSource = Pick<
  PostExportItem,
  | "id"
  | "title"
  | "status"
  | "scheduledAt"
  | "networks"
  | "campaignName"
  | "authorName"
  | "onBehalfOfName"
  | "text"
  | "createdAt"
  | "updatedAt"
>;

/** The header and one record per post (values not yet escaped). */
export function postCsvRows(posts: readonly PostCsvSource[], timeZone: string): string[][] {
  return [
    [...POST_CSV_COLUMNS],
    ...posts.map((p) => [
      p.id,
      p.title ?? "",
      p.status,
      utcIso(p.scheduledAt),
      localStamp(p.scheduledAt, timeZone),
      timeZone,
      p.networks.join(";"),
      p.campaignName ?? "",
      p.authorName ?? "",
      p.onBehalfOfName ?? "",
      p.text,
      utcIso(p.createdAt),
      utcIso(p.updatedAt),
    ]),
  ];
}

/** The whole file: BOM, header, one CRLF-terminated record per post. */
export function postsCsv(posts: readonly PostCsvSource[], timeZone: string): string {
  return toCsv(postCsvRows(posts, timeZone));
}

/** `<org-slug>-posts-<YYYY-MM-DD>.csv`, the date in the org's zone. */
export function postsCsvFileName(orgSlug: string, now: Date, timeZone: string): string {
  const slug = orgSlug.replace(/[^a-z0-9-]/gi, "") || "org";
  return `${slug}-posts-${utcToZonedLocal(now, timeZone).date}.csv`;
}
