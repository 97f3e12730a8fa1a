"use client";
// The post's versions, newest first: who saved each and when (org time), what it changed word by
// word against the version before it or against the text in the editor, and "Restore", which makes
// that text current as a new version (history is never rewritten). Loaded lazily by the composer.
import { History, RotateCcw, X } from "lucide-react";
import { useEffect, useMemo, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { idleState } from "@/lib/actions/state";
import { postHistoryAction, restorePostVersionAction } from "@/lib/posts/composer-actions";
import type { RunWrite } from "@/components/posts/use-post-sync";
import type { PostVersionItem } from "@/lib/posts/queries";
import { diffStats, wordDiff } from "@/lib/posts/word-diff";
import { cn } from "@/lib/utils";

type Props = {
  org: string;
  postId: string;
  revision: number;
  editorText: string;
  timeZone: string;
  /** Runs the write once pending edits are saved (components/posts/use-post-sync.ts). */
  runWrite: RunWrite;
  /** The post cannot be changed (viewer, published…): no Restore. */
  readOnly: boolean;
  onRestored: () => void;
  onClose: () => void;
};

function formatWhen(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

export default function HistoryPanel(props: Props) {
  const [versions, setVersions] = useState<PostVersionItem[] | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [against, setAgainst] = useState<"previous" | "editor">("previous");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { org, postId, revision } = props;

  useEffect(() => {
    let live = true;
    postHistoryAction(idleState, { org, postId }).then((res) => {
      if (!live) return;
      if (res.status === "error") setError(res.message);
      else if (res.status === "success") {
        setVersions(res.data.versions);
        setCurrentId(res.data.currentVersionId);
        setSelected((s) => s ?? res.data.versions[0]?.id ?? null);
      }
    });
    return () => {
      live = false;
    };
  }, [org, postId, revision]);

  const index = versions?.findIndex((v) => v.id === selected) ?? -1;
  const version = index >= 0 ? versions![index]! : null;
  const previous = index >= 0 ? (versions![index + 1] ?? null) : null;
  const parts = useMemo(() => {
    if (!version) return [];
    return against === "editor"
      ? wordDiff(version.body, props.editorText)
      : wordDiff(previous?.body ?? "", version.body);
  }, [version, previous, against, props.editorText]);
  const stats = diffStats(parts);

  const restore = () =>
    start(async () => {
      if (!version) return;
      setError(null);
      const res = await props.runWrite(async ({ revision: expectedRevision }) => {
        const r = await restorePostVersionAction(idleState, {
          org,
          postId,
          versionId: version.id,
          expectedRevision,
        });
        return r.status === "success" && r.data.post
          ? { result: r, row: r.data.post, changes: { body: r.data.body ?? version.body } }
          : { result: r, row: null };
      });
      if (!res) return setError("Save or resolve the editor's changes first.");
      if (res.status === "error") return setError(res.message);
      if (res.status === "success" && res.data.conflict) return setError(res.data.conflict.message);
      props.onRestored();
    });

  return (
    <section
      aria-labelledby="history-title"
      data-testid="history-panel"
      className="grid gap-3 rounded-lg border bg-card p-4"
    >
      <div className="flex items-center justify-between">
        <h2 id="history-title" className="flex items-center gap-2 text-sm font-semibold">
          <History aria-hidden="true" className="size-4" /> History
        </h2>
        <Button variant="ghost" size="icon" onClick={props.onClose} aria-label="Close history">
          <X aria-hidden="true" />
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {!versions ? (
        error ? null : (
          <Spinner label="Loading versions" />
        )
      ) : versions.length === 0 ? (
        <p className="text-sm text-muted-foreground">No versions yet: the first save makes one.</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-[12rem_1fr]">
          <ol className="grid max-h-80 content-start gap-1 overflow-auto" aria-label="Versions">
            {versions.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  data-testid="history-version"
                  data-version={v.versionNo}
                  aria-current={v.id === selected ? "true" : undefined}
                  onClick={() => setSelected(v.id)}
                  className={cn(
                    "w-full rounded-md px-2 py-1.5 text-left text-xs hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none",
                    v.id === selected && "bg-accent",
                  )}
                >
                  <span className="flex items-center gap-1.5 font-medium">
                    Version {v.versionNo}
                    {v.id === currentId ? <Badge variant="secondary">current</Badge> : null}
                    {v.source === "ai" ? <Badge variant="outline">AI</Badge> : null}
                  </span>
                  <span className="block text-muted-foreground">
                    {v.authorName ?? "Someone"} · {formatWhen(v.createdAt, props.timeZone)}
                  </span>
                  {v.restoredFromVersionNo ? (
                    <span className="block text-muted-foreground">
                      restored from version {v.restoredFromVersionNo}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ol>
          {version ? (
            <div className="grid content-start gap-2">
              <div className="flex flex-wrap items-center gap-2 text-xs">
                <label className="flex items-center gap-1.5">
                  Compare with
                  <select
                    value={against}
                    onChange={(e) => setAgainst(e.target.value as "previous" | "editor")}
                    className="rounded border bg-background px-1.5 py-0.5"
                  >
                    <option value="previous">the version before</option>
                    <option value="editor">the text in the editor</option>
                  </select>
                </label>
                <span className="text-muted-foreground" data-testid="history-stats">
                  <span className="text-green-700 dark:text-green-400">+{stats.added}</span>{" "}
                  <span className="text-red-700 dark:text-red-400">−{stats.removed}</span> words
                </span>
              </div>
              <div
                data-testid="history-diff"
                className="max-h-72 overflow-auto rounded-md border bg-background p-3 text-sm whitespace-pre-wrap"
              >
                {parts.length === 0 ? (
                  <span className="text-muted-foreground">(empty)</span>
                ) : (
                  parts.map((p, i) =>
                    p.kind === "same" ? (
                      <span key={i}>{p.text}</span>
                    ) : p.kind === "added" ? (
                      <ins
                        key={i}
                        className="bg-green-500/15 text-green-900 no-underline dark:text-green-200"
                      >
                        {p.text}
                      </ins>
                    ) : (
                      <del key={i} className="bg-red-500/15 text-red-900 dark:text-red-200">
                        {p.text}
                      </del>
                    ),
                  )
                )}
              </div>
              <div hidden={props.readOnly}>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  onClick={restore}
                  disabled={pending || version.id === currentId}
                >
                  <RotateCcw aria-hidden="true" /> Restore version {version.versionNo}
                </Button>
              </div>
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
