"use client";
import { Archive, Loader2, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { PostStatusBadge } from "@/components/posts/post-status-badge";
import { networkName, postDisplayTitle, type PostRowView } from "@/components/posts/post-row-view";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { idleState } from "@/lib/actions/state";
import { archivePostsAction, loadMorePostsAction } from "@/lib/posts/list-actions";
import type { ArchiveResult } from "@/lib/posts/mutations";
import type { ListPostsFilters } from "@/lib/posts/schemas";
import { cn } from "@/lib/utils";

type Props = {
  org: string;
  /** The first page, from the server (it changes when the page is revalidated). */
  rows: PostRowView[];
  nextCursor: string | null;
  /** The filters of this list, for the next pages. */
  filters: Omit<ListPostsFilters, "cursor" | "limit">;
  canArchive: boolean;
};

type Summary = { result: ArchiveResult; titles: Record<string, string> } | { error: string };

const MAX_ARCHIVE = 100;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The posts table: rows, selection and bulk archive, "Load more". Keyed by the filters. */
export function PostsTable({
  org,
  rows: firstPage,
  nextCursor: firstCursor,
  filters,
  canArchive,
}: Props) {
  // Pages loaded after the first, and where the next one starts (undefined: still the first page's).
  const [more, setMore] = useState<PostRowView[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [archivedIds, setArchivedIds] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [archiving, startArchiving] = useTransition();
  const showsArchived = filters.status?.includes("archived") ?? false;

  const rows = useMemo(() => {
    const seen = new Set<string>();
    const out: PostRowView[] = [];
    for (const r of [...firstPage, ...more]) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      if (archivedIds.has(r.id)) {
        if (!showsArchived) continue;
        out.push({ ...r, status: "archived" });
      } else out.push(r);
    }
    return out;
  }, [firstPage, more, archivedIds, showsArchived]);
  const next = cursor === undefined ? firstCursor : cursor;

  const visibleSelected = rows.filter((r) => selected.has(r.id));
  const allSelected = rows.length > 0 && visibleSelected.length === rows.length;
  const someSelected = visibleSelected.length > 0 && !allSelected;
  const headerBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = someSelected;
  }, [someSelected]);

  function toggle(id: string) {
    setConfirming(false);
    setSelected((prev) => {
      const s = new Set(prev);
      if (s.has(id)) s.delete(id);
      else s.add(id);
      return s;
    });
  }
  function toggleAll() {
    setConfirming(false);
    setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)));
  }

  function loadMore() {
    if (!next) return;
    setLoadError(null);
    startLoading(async () => {
      const state = await loadMorePostsAction(idleState, { ...filters, org, cursor: next });
      if (state.status === "success") {
        setMore((prev) => [...prev, ...state.data.rows]);
        setCursor(state.data.nextCursor);
      } else if (state.status === "error") setLoadError(state.message);
    });
  }

  function archive() {
    const ids = visibleSelected.map((r) => r.id).slice(0, MAX_ARCHIVE);
    const titles = Object.fromEntries(visibleSelected.map((r) => [r.id, postDisplayTitle(r)]));
    startArchiving(async () => {
      const state = await archivePostsAction(idleState, { org, postIds: ids });
      setConfirming(false);
      if (state.status === "success") {
        setSummary({ result: state.data, titles });
        setArchivedIds((prev) => new Set([...prev, ...state.data.archived]));
        setSelected((prev) => {
          const s = new Set(prev);
          for (const id of state.data.archived) s.delete(id);
          return s;
        });
      } else if (state.status === "error") setSummary({ error: state.message });
    });
  }

  const count = Math.min(visibleSelected.length, MAX_ARCHIVE);

  return (
    <div className="grid gap-3">
      {summary ? <ArchiveSummary summary={summary} onDismiss={() => setSummary(null)} /> : null}

      {canArchive && visibleSelected.length > 0 ? (
        <div
          className="flex flex-wrap items-center gap-2 rounded-lg border bg-muted/50 px-3 py-2 text-sm"
          role="group"
          aria-label="Selected posts"
          data-testid="bulk-actions"
        >
          <span className="font-medium">{visibleSelected.length} selected</span>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() => {
              setSelected(new Set());
              setConfirming(false);
            }}
          >
            Clear selection
          </Button>
          <span className="flex-1" />
          {visibleSelected.length > MAX_ARCHIVE ? (
            <span className="text-muted-foreground">
              At most {MAX_ARCHIVE} posts are archived at once.
            </span>
          ) : null}
          {confirming ? (
            <span
              className="flex flex-wrap items-center gap-2"
              role="group"
              aria-label="Confirm archiving"
            >
              <span>
                Archive {plural(count, "post", "posts")}? They leave the lists and the calendar;
                scheduled ones will not be published.
              </span>
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={() => setConfirming(false)}
                disabled={archiving}
                autoFocus
              >
                Cancel
              </Button>
              <Button
                type="button"
                size="sm"
                variant="destructive"
                onClick={archive}
                disabled={archiving}
                aria-busy={archiving || undefined}
              >
                {archiving ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
                {archiving ? "Archiving…" : `Archive ${plural(count, "post", "posts")}`}
              </Button>
            </span>
          ) : (
            <Button
              type="button"
              size="sm"
              variant="outline"
              className="text-destructive"
              onClick={() => setConfirming(true)}
            >
              <Archive aria-hidden="true" />
              Archive {plural(count, "post", "posts")}
            </Button>
          )}
        </div>
      ) : null}

      <div className="overflow-x-auto rounded-xl border bg-card">
        <table className="w-full min-w-[56rem] text-sm" data-testid="posts-table">
          <caption className="sr-only">Posts</caption>
          <thead className="border-b bg-muted/40 text-left text-xs text-muted-foreground">
            <tr>
              {canArchive ? (
                <th scope="col" className="w-10 px-3 py-2">
                  <input
                    ref={headerBox}
                    type="checkbox"
                    className="size-4 align-middle accent-primary"
                    checked={allSelected}
                    onChange={toggleAll}
                    aria-label="Select all posts on this page"
                  />
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2 font-medium">
                Post
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Networks
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Campaign
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Author
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Scheduled
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Updated
              </th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {rows.map((p) => {
              const title = postDisplayTitle(p);
              const isSelected = selected.has(p.id);
              return (
                <tr
                  key={p.id}
                  data-testid="post-row"
                  data-post-id={p.id}
                  data-selected={isSelected || undefined}
                  className={cn("align-top", isSelected ? "bg-accent/40" : "hover:bg-muted/30")}
                >
                  {canArchive ? (
                    <td className="px-3 py-3">
                      <input
                        type="checkbox"
                        className="size-4 align-middle accent-primary"
                        checked={isSelected}
                        onChange={() => toggle(p.id)}
                        aria-label={`Select “${title}”`}
                      />
                    </td>
                  ) : null}
                  <td className="max-w-md px-3 py-3">
                    <Link
                      href={`/${org}/posts/${p.id}`}
                      className="font-medium underline-offset-4 hover:underline"
                    >
                      {title}
                    </Link>
                    {p.title?.trim() && p.excerpt ? (
                      <p className="mt-0.5 line-clamp-2 text-muted-foreground">{p.excerpt}</p>
                    ) : null}
                  </td>
                  <td className="px-3 py-3">
                    <PostStatusBadge status={p.status} />
                  </td>
                  <td className="px-3 py-3 text-muted-foreground">
                    {p.networks.length ? p.networks.map(networkName).join(", ") : "—"}
                  </td>
                  <td className="px-3 py-3">
                    {p.campaignId && p.campaignName ? (
                      <Link
                        href={`/${org}/campaigns/${p.campaignId}`}
                        className="underline-offset-4 hover:underline"
                      >
                        {p.campaignName}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </td>
                  <td className="px-3 py-3">
                    {p.authorName ?? <span className="text-muted-foreground">Former member</span>}
                    {p.onBehalfOfName && p.onBehalfOfName !== p.authorName ? (
                      <span className="block text-xs text-muted-foreground">
                        for {p.onBehalfOfName}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap">
                    {p.scheduledAt && p.scheduledLabel ? (
                      <time dateTime={p.scheduledAt}>{p.scheduledLabel}</time>
                    ) : (
                      <span className="text-muted-foreground">Not scheduled</span>
                    )}
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap text-muted-foreground">
                    <time dateTime={p.updatedAt}>{p.updatedLabel}</time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
        <span aria-live="polite">
          {plural(rows.length, "post", "posts")} shown
          {next ? "" : rows.length ? " — that is all" : ""}
        </span>
        {next ? (
          <Button type="button" variant="outline" onClick={loadMore} disabled={loading}>
            {loading ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
            {loading ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
      {loadError ? (
        <Alert variant="destructive">
          <AlertDescription>{loadError}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}

function ArchiveSummary({ summary, onDismiss }: { summary: Summary; onDismiss: () => void }) {
  const failed = "error" in summary;
  const partial = !failed && summary.result.refused.length > 0;
  return (
    <Alert
      variant={failed ? "destructive" : partial ? "default" : "success"}
      role={failed ? "alert" : "status"}
      data-testid="archive-summary"
      className="pr-10"
    >
      <AlertDescription>
        {failed ? (
          summary.error
        ) : (
          <>
            <p>
              {summary.result.archived.length
                ? `Archived ${plural(summary.result.archived.length, "post", "posts")}.`
                : "No posts were archived."}
              {partial ? ` ${summary.result.refused.length} could not be archived:` : null}
            </p>
            {partial ? (
              <ul className="mt-1 list-disc pl-5">
                {summary.result.refused.map((r) => (
                  <li key={r.postId}>
                    {summary.titles[r.postId] ? (
                      <span className="font-medium">“{summary.titles[r.postId]}”: </span>
                    ) : null}
                    {r.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </AlertDescription>
      <button
        type="button"
        onClick={onDismiss}
        className="absolute top-2.5 right-2.5 rounded-sm p-1 text-muted-foreground hover:text-foreground"
        aria-label="Dismiss"
      >
        <X aria-hidden="true" className="size-4" />
      </button>
    </Alert>
  );
}
