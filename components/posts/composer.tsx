"use client";
// The composer: one text for every network, optional per-network text in tabs, live counters and
// previews, files, autosave with a visible state, conflict handling, history, scheduling and (once
// scheduled) the live publishing status. Heavy or rare parts load on demand (history and diff, the
// emoji palette, the library picker, X's counter, the non-LinkedIn previews, the publishing panel)
// to keep the page's first load small (bench/composer.ts).
import { AlertTriangle, Check, CloudOff, History, Loader2, Smile } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ComposerMediaList } from "@/components/posts/composer-media";
import { ComposerPreviews } from "@/components/posts/composer-previews";
import { NetworkCounters, ProblemList, useNetworkChecks } from "@/components/posts/network-checks";
import { AiPanel } from "@/components/ai/ai-panel";
import { SchedulePanel } from "@/components/posts/schedule-panel";
import { ReviewPanel } from "@/components/reviews/review-panel";
import { usePostSync, type Draft, type SyncState } from "@/components/posts/use-post-sync";
import type { PreviewMedia } from "@/components/previews/types";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { idleState } from "@/lib/actions/state";
import { can } from "@/lib/orgs/permissions";
import { postHistoryAction, restorePostVersionAction } from "@/lib/posts/composer-actions";
import { submitForReviewAction } from "@/lib/reviews/actions";
import type { ComposerData, ComposerMedia } from "@/lib/posts/composer-data";
import type { PostStatus } from "@/lib/posts/constants";
import {
  type Network,
  networkRules,
  networks as allNetworks,
  isNetwork,
} from "@/lib/posts/networks";
import { cn } from "@/lib/utils";

const HistoryPanel = dynamic(() => import("@/components/posts/history-panel"));
const EmojiPicker = dynamic(() => import("@/components/posts/emoji-picker"));
// Only posts that were scheduled have one: drafts (most opens) do not load it.
const PublishingPanel = dynamic(() =>
  import("@/components/posts/publishing-panel").then((m) => m.PublishingPanel),
);

const lockedStatuses: PostStatus[] = ["publishing", "published", "unconfirmed", "archived"];
/** Statuses with something to show about publishing (the panel hides targets never scheduled). */
const publishingStatuses: PostStatus[] = [
  "scheduled",
  "publishing",
  "published",
  "failed",
  "unconfirmed",
  "archived",
];

function SaveIndicator({ state, revision }: { state: SyncState; revision: number }) {
  const base = "flex items-center gap-1.5 text-xs";
  return (
    <p role="status" data-testid="save-state" data-state={state.kind} className={base}>
      {state.kind === "saving" ? (
        <>
          <Loader2 aria-hidden="true" className="size-3.5 animate-spin" /> Saving…
        </>
      ) : state.kind === "dirty" ? (
        <span className="text-muted-foreground">Unsaved changes</span>
      ) : state.kind === "saved" ? (
        revision > 0 ? (
          <>
            <Check aria-hidden="true" className="size-3.5 text-green-600" /> Saved
          </>
        ) : (
          <span className="text-muted-foreground">Not saved yet — start typing</span>
        )
      ) : (
        <span className="flex items-center gap-1.5 text-destructive">
          <CloudOff aria-hidden="true" className="size-3.5" /> Not saved
        </span>
      )}
    </p>
  );
}

const statusLabels: Record<PostStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  scheduled: "Scheduled",
  publishing: "Publishing",
  published: "Published",
  failed: "Failed",
  unconfirmed: "Check before reposting",
  archived: "Archived",
};

export function Composer({ data }: { data: ComposerData }) {
  const { org, post: initial } = data;
  const networksOfPost = initial.targets.map((t) => t.network);
  const employeeLocked =
    data.me.role === "employee" && !["draft", "changes_requested"].includes(initial.status);
  const canPublish = can(data.me.role, "posts.publish");
  const readOnlyAtOpen = !data.canEdit || lockedStatuses.includes(initial.status) || employeeLocked;

  const sync = usePostSync({
    org: org.slug,
    postId: initial.id,
    revision: initial.revision,
    status: initial.status,
    scheduledAt: initial.scheduledAt,
    updatedAt: initial.updatedAt,
    readOnly: readOnlyAtOpen,
    initial: {
      body: initial.body,
      networks: networksOfPost,
      overrides: Object.fromEntries(
        initial.targets.filter((t) => t.textOverride).map((t) => [t.network, t.textOverride!]),
      ),
      pages: Object.fromEntries(
        initial.targets.filter((t) => t.pageId).map((t) => [t.network, t.pageId!]),
      ),
      media: initial.media,
      title: initial.title ?? "",
      campaignId: initial.campaignId,
      onBehalfOf: initial.onBehalfOf,
    },
  });
  const { draft, setDraft, state, post, flush } = sync;
  // An AI generation on its way into the post holds the editor still until its version lands.
  const [aiBusy, setAiBusy] = useState(false);
  // The worker can lock the post while it is open (publishing, then published): the editor follows.
  const readOnly = readOnlyAtOpen || lockedStatuses.includes(post.status) || aiBusy;
  const router = useRouter();
  const [uploading, setUploading] = useState(false);

  // Back/Forward can show this page from the router's cache, older than the post: when the server
  // has a newer revision (or the post was created since), render the page again (the page keys
  // the editor by revision, so it starts over from the saved post).
  const revisionNow = useRef(initial.revision);
  useEffect(() => {
    revisionNow.current = post.revision;
  }, [post.revision]);
  useEffect(() => {
    if (!initial.id) {
      if (window.location.pathname !== `/${org.slug}/compose`) router.refresh();
      return;
    }
    let live = true;
    void postHistoryAction(idleState, { org: org.slug, postId: initial.id }).then((res) => {
      // Only when this editor has not saved since (its own saves move the revision too).
      if (
        live &&
        res.status === "success" &&
        res.data.revision !== initial.revision &&
        revisionNow.current === initial.revision
      )
        router.refresh();
    });
    return () => {
      live = false;
    };
  }, [initial.id, initial.revision, org.slug, router]);

  // While saving is stopped (an error or a conflict), leaving through a link asks first.
  const { hasUnsavedChanges } = sync;
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!link || !hasUnsavedChanges()) return;
      if (!window.confirm("Your latest changes are not saved. Leave this post anyway?")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [hasUnsavedChanges]);

  const [tab, setTab] = useState<"base" | Network>("base");
  const [historyOpen, setHistoryOpen] = useState(false);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const networks = useMemo(() => draft.networks.filter(isNetwork), [draft.networks]);
  const textFor = useCallback(
    (n: Network) => (draft.overrides[n]?.trim() ? draft.overrides[n]! : draft.body),
    [draft.body, draft.overrides],
  );
  const liveMedia = useMemo(() => draft.media.filter((m) => !m.deleted), [draft.media]);
  const checks = useNetworkChecks({ networks, textFor, media: liveMedia });
  const problemCount = checks.reduce((n, c) => n + c.problems.length, 0);
  const previewMedia = useMemo<PreviewMedia[]>(
    () =>
      liveMedia.map((m) => ({
        id: m.id,
        url: m.url,
        mime: m.mime,
        alt: m.altOverride?.trim() || m.altText,
        fileName: m.fileName,
        width: m.width,
        height: m.height,
      })),
    [liveMedia],
  );
  const person = data.people.find((p) => p.id === draft.onBehalfOf);
  const linkedinPages = data.pages.filter((p) => p.network === "linkedin");
  const linkedinPage = linkedinPages.find((p) => p.id === draft.pages.linkedin) ?? null;
  const author = useMemo(
    () => ({
      name: person?.name ?? "You",
      headline: person?.headline ?? null,
      avatarUrl: person?.avatarUrl ?? null,
    }),
    [person],
  );

  const update = useCallback(
    (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })),
    [setDraft],
  );
  const setMedia = useCallback(
    (fn: (m: ComposerMedia[]) => ComposerMedia[]) =>
      setDraft((d) => ({ ...d, media: fn(d.media) })),
    [setDraft],
  );

  const editing = tab === "base" ? null : tab;
  const editorValue = editing ? (draft.overrides[editing] ?? "") : draft.body;
  const setEditorValue = (value: string) =>
    editing
      ? setDraft((d) => ({ ...d, overrides: { ...d.overrides, [editing]: value } }))
      : update({ body: value });

  const insert = (snippet: string) => {
    const el = textarea.current;
    const start = el?.selectionStart ?? editorValue.length;
    const end = el?.selectionEnd ?? editorValue.length;
    setEditorValue(editorValue.slice(0, start) + snippet + editorValue.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const toggleNetwork = (n: Network, on: boolean) =>
    setDraft((d) => ({
      ...d,
      networks: on
        ? allNetworks.filter((x) => x === n || d.networks.includes(x))
        : d.networks.filter((x) => x !== n),
    }));

  const needsApproval =
    data.review.requireApproval && !["approved", "scheduled", "failed"].includes(post.status);
  const blockedReason = uploading
    ? "Wait for the uploads to finish."
    : needsApproval
      ? "This post needs approval before it can be scheduled: submit it for review."
      : networks.length === 0
        ? "Pick at least one network."
        : problemCount > 0
          ? "Fix the problems listed above first."
          : !draft.body.trim() && liveMedia.length === 0
            ? "Write something first."
            : null;

  // AI and review steps change the post on the server (a new version, a new status): once they
  // have, the editor starts over from the server's post (the page is keyed by revision).
  const reloadPost = useCallback(() => {
    if (!sync.isDirty()) router.refresh();
  }, [router, sync]);
  const getAiText = useCallback(() => {
    const el = textarea.current;
    const selection =
      tab === "base" && el ? { start: el.selectionStart, end: el.selectionEnd } : null;
    return { text: draft.body, selection };
  }, [draft, tab]);
  const restoreVersion = useCallback(
    async (versionId: string) => {
      if (!post.id) return;
      await sync.runWrite(async ({ revision: expectedRevision }) => {
        const r = await restorePostVersionAction(idleState, {
          org: org.slug,
          postId: post.id!,
          versionId,
          expectedRevision,
        });
        return r.status === "success" && r.data.post
          ? { result: r, row: r.data.post, changes: { body: r.data.body ?? "" } }
          : { result: r, row: null };
      });
    },
    [org.slug, post.id, sync],
  );
  const submitForReview = useCallback(async () => {
    const res = await sync.runWrite(async ({ id, revision }) => {
      const r = await submitForReviewAction(idleState, {
        org: org.slug,
        postId: id,
        expectedRevision: revision,
      });
      return { result: r, row: null };
    });
    if (!res) return null;
    return res.status === "error"
      ? { ok: false as const, message: res.message }
      : { ok: true as const };
  }, [org.slug, sync]);

  return (
    <div
      className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,600px)]"
      onKeyDown={(e) => {
        if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "s") {
          e.preventDefault();
          void flush();
        }
      }}
    >
      <div className="grid min-w-0 content-start gap-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">
              {post.id ? "Edit post" : "New post"}
            </h1>
            <Badge variant="secondary" data-testid="post-status">
              {statusLabels[post.status]}
            </Badge>
          </div>
          <div className="flex items-center gap-3">
            <SaveIndicator state={state} revision={post.revision} />
            {post.id ? (
              <Button
                type="button"
                variant="outline"
                size="sm"
                aria-expanded={historyOpen}
                onClick={() => setHistoryOpen((o) => !o)}
              >
                <History aria-hidden="true" /> History
              </Button>
            ) : null}
          </div>
        </div>

        {readOnly ? (
          <p
            className="rounded-md border bg-muted/40 p-3 text-sm text-muted-foreground"
            data-testid="composer-read-only"
          >
            {!data.canEdit
              ? "Viewers can read posts but not change them."
              : employeeLocked
                ? "You can change your posts only while they are drafts."
                : `This post is ${statusLabels[post.status].toLowerCase()} and can no longer be changed.`}
          </p>
        ) : null}

        {state.kind === "conflict" ? (
          <div
            role="alert"
            data-testid="conflict-banner"
            className="grid gap-2 rounded-md border border-amber-500/60 bg-amber-500/10 p-3 text-sm"
          >
            <p className="flex items-center gap-2 font-medium">
              <AlertTriangle aria-hidden="true" className="size-4" /> Someone else saved this post
              while you were editing.
            </p>
            <p>
              Your latest changes are still here and not saved. Keep yours to save them as a new
              version on top of theirs (theirs stays in History), or load theirs and lose the
              changes made here since your last save.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                size="sm"
                onClick={async () => {
                  // Saved on top of theirs: show the post as it now is (their files, title…).
                  if (await sync.keepMine()) router.refresh();
                }}
              >
                Keep my version
              </Button>
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={() => void navigator.clipboard?.writeText(draft.body)}
              >
                Copy my text
              </Button>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                onClick={() => {
                  if (window.confirm("Load their version? Your unsaved changes here will be lost."))
                    router.refresh();
                }}
              >
                Load theirs
              </Button>
            </div>
          </div>
        ) : state.kind === "error" ? (
          <div
            role="alert"
            data-testid="save-error"
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive"
          >
            <span>
              {state.message}
              {state.fieldErrors
                ? ` ${Object.values(state.fieldErrors)
                    .filter((m) => m !== state.message)
                    .join(" ")}`
                : ""}
            </span>
            <Button type="button" size="sm" variant="outline" onClick={() => void sync.retry()}>
              Try again
            </Button>
          </div>
        ) : null}

        {sync.notice ? (
          <div
            role="status"
            data-testid="save-notice"
            className="flex items-start justify-between gap-2 rounded-md border border-amber-500/60 bg-amber-500/10 p-3 text-sm"
          >
            <span>{sync.notice}</span>
            <Button type="button" size="sm" variant="ghost" onClick={sync.dismissNotice}>
              Dismiss
            </Button>
          </div>
        ) : null}

        {historyOpen && post.id ? (
          <HistoryPanel
            org={org.slug}
            postId={post.id}
            revision={post.revision}
            editorText={draft.body}
            timeZone={org.timezone}
            runWrite={sync.runWrite}
            readOnly={readOnly}
            onClose={() => setHistoryOpen(false)}
            onRestored={() => setTab("base")}
          />
        ) : null}

        <div className="grid gap-3 sm:grid-cols-3">
          <div className="grid gap-1.5 sm:col-span-3">
            <Label htmlFor="post-title">Title (only your team sees it)</Label>
            <Input
              id="post-title"
              value={draft.title}
              maxLength={200}
              readOnly={readOnly}
              placeholder="e.g. Launch teaser"
              onChange={(e) => update({ title: e.target.value })}
            />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="post-person">Posted as</Label>
            <NativeSelect
              id="post-person"
              value={draft.onBehalfOf}
              disabled={readOnly || data.people.length <= 1}
              onChange={(e) => update({ onBehalfOf: e.target.value })}
            >
              {data.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.id === data.me.id ? " (you)" : ""}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5 sm:col-span-2">
            <Label htmlFor="post-campaign">Campaign</Label>
            <NativeSelect
              id="post-campaign"
              value={draft.campaignId ?? ""}
              disabled={readOnly}
              onChange={(e) => update({ campaignId: e.target.value || null })}
            >
              <option value="">No campaign</option>
              {data.campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          {linkedinPages.length > 0 && draft.networks.includes("linkedin") ? (
            <div className="grid gap-1.5 sm:col-span-3">
              <Label htmlFor="post-linkedin-page">LinkedIn posts as</Label>
              <NativeSelect
                id="post-linkedin-page"
                value={draft.pages.linkedin ?? ""}
                disabled={readOnly || !data.canSchedule}
                onChange={(e) =>
                  setDraft((d) => {
                    const pages = { ...d.pages };
                    if (e.target.value) pages.linkedin = e.target.value;
                    else delete pages.linkedin;
                    return { ...d, pages };
                  })
                }
              >
                <option value="">{person?.name ?? "The person it is for"} (their profile)</option>
                {linkedinPages.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} (company page{p.needsReauth ? ", needs reconnecting" : ""})
                  </option>
                ))}
              </NativeSelect>
            </div>
          ) : null}
        </div>

        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Networks</legend>
          <div className="flex flex-wrap gap-2">
            {allNetworks.map((n) => {
              const on = draft.networks.includes(n);
              return (
                <label
                  key={n}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 rounded-full border px-3 py-1 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring/50",
                    on ? "border-primary bg-primary/10 font-medium" : "text-muted-foreground",
                  )}
                >
                  <input
                    type="checkbox"
                    className="sr-only"
                    checked={on}
                    disabled={readOnly}
                    data-testid="network-toggle"
                    data-network={n}
                    onChange={(e) => toggleNetwork(n, e.target.checked)}
                  />
                  {networkRules[n].label}
                </label>
              );
            })}
          </div>
        </fieldset>

        <div className="grid gap-2">
          <div role="tablist" aria-label="Text for" className="flex flex-wrap gap-1 border-b">
            {(["base", ...networks] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                aria-controls="post-editor"
                onClick={() => setTab(t)}
                className={cn(
                  "-mb-px border-b-2 px-3 py-1.5 text-sm text-muted-foreground focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none",
                  tab === t ? "border-primary font-medium text-foreground" : "border-transparent",
                )}
              >
                {t === "base" ? "All networks" : networkRules[t].label}
                {t !== "base" && draft.overrides[t]?.trim() ? (
                  <span className="ml-1 text-xs text-primary" aria-label="(own text)">
                    •
                  </span>
                ) : null}
              </button>
            ))}
          </div>
          <div id="post-editor" role="tabpanel" className="relative grid gap-2">
            {editing ? (
              <p className="text-xs text-muted-foreground">
                Text only for {networkRules[editing].label}. Leave it empty to use the text for all
                networks.
                {draft.overrides[editing]?.trim() ? (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="underline"
                      onClick={() =>
                        setDraft((d) => {
                          const overrides = { ...d.overrides };
                          delete overrides[editing];
                          return { ...d, overrides };
                        })
                      }
                    >
                      Use the text for all networks
                    </button>
                  </>
                ) : null}
              </p>
            ) : null}
            <Textarea
              ref={textarea}
              aria-label={editing ? `Text for ${networkRules[editing].label}` : "Post text"}
              data-testid="composer-text"
              value={editorValue}
              placeholder={
                editing
                  ? draft.body || "Same as the text for all networks"
                  : "What do you want to say?"
              }
              readOnly={readOnly}
              onChange={(e) => setEditorValue(e.target.value)}
              className="min-h-56 text-[15px] leading-6"
              spellCheck
            />
            {readOnly ? null : (
              <div className="flex flex-wrap items-center gap-1">
                <div className="relative">
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    aria-expanded={emojiOpen}
                    onClick={() => setEmojiOpen((o) => !o)}
                  >
                    <Smile aria-hidden="true" /> Emoji
                  </Button>
                  {emojiOpen ? (
                    <EmojiPicker
                      onPick={(e) => {
                        insert(e);
                        setEmojiOpen(false);
                      }}
                      onClose={() => setEmojiOpen(false)}
                    />
                  ) : null}
                </div>
                <Button type="button" variant="ghost" size="sm" onClick={() => insert("#")}>
                  # Hashtag
                </Button>
                <Button type="button" variant="ghost" size="sm" onClick={() => insert("@")}>
                  @ Mention
                </Button>
                <span className="ml-auto text-xs text-muted-foreground">
                  Saves as you type · Ctrl+S saves now
                </span>
              </div>
            )}
          </div>
          <NetworkCounters checks={checks} />
        </div>

        {data.ai.canGenerate ? (
          <AiPanel
            org={org.slug}
            postId={post.id}
            person={{ id: draft.onBehalfOf, name: person?.name ?? "the person it is for" }}
            voice={data.ai.voices[draft.onBehalfOf] ?? null}
            networks={networks}
            credits={data.ai.credits}
            setupProblem={data.ai.setupProblem}
            readOnly={readOnlyAtOpen || lockedStatuses.includes(post.status)}
            ensurePost={sync.ensureCreated}
            getText={getAiText}
            onBusyChange={setAiBusy}
            onLanded={reloadPost}
            onUseText={(text) => setDraft((d) => ({ ...d, body: text }))}
            onAddHashtag={(tag) =>
              setDraft((d) => ({ ...d, body: `${d.body.replace(/\s+$/, "")} ${tag}`.trimStart() }))
            }
            onUseVersion={(versionId) => void restoreVersion(versionId)}
          />
        ) : null}

        <ComposerMediaList
          org={org.slug}
          media={draft.media}
          readOnly={readOnly}
          onChange={setMedia}
          onUploadingChange={setUploading}
        />

        <ProblemList checks={checks} />

        {readOnly ? null : (
          <SchedulePanel
            org={org.slug}
            timeZone={org.timezone}
            today={data.today}
            canSchedule={data.canSchedule}
            canPublish={canPublish}
            post={post}
            networkCount={networks.length}
            blockedReason={blockedReason}
            runWrite={sync.runWrite}
          />
        )}

        {post.id ? (
          <ReviewPanel
            org={org.slug}
            timeZone={org.timezone}
            postId={post.id}
            status={post.status}
            revision={post.revision}
            canShare={data.me.role !== "viewer"}
            canComment={data.me.role !== "viewer"}
            busy={aiBusy}
            submit={submitForReview}
            onChanged={reloadPost}
          />
        ) : null}
        {data.review.requireApproval &&
        ["approved", "scheduled"].includes(post.status) &&
        !readOnly ? (
          <p className="text-sm text-muted-foreground" data-testid="approval-warning">
            Approved. Changing the text, files, networks or who it is for sends it back to review
            {post.status === "scheduled" ? " and takes it off the schedule" : ""}.
          </p>
        ) : null}

        {post.id && publishingStatuses.includes(post.status) ? (
          <PublishingPanel
            org={org.slug}
            timeZone={org.timezone}
            postId={post.id}
            status={post.status}
            scheduledAt={post.scheduledAt}
            canPublish={canPublish}
            onStatus={sync.observeStatus}
          />
        ) : null}
      </div>

      <aside className="min-w-0 xl:sticky xl:top-4 xl:self-start" aria-label="Preview">
        <ComposerPreviews
          networks={networks}
          textFor={textFor}
          media={previewMedia}
          author={author}
          linkedinAuthor={linkedinPage ? pageAuthor(linkedinPage) : undefined}
        />
      </aside>
    </div>
  );
}

const pageAuthor = (page: { name: string; avatarUrl: string | null }) => ({
  name: page.name,
  headline: "Company page",
  avatarUrl: page.avatarUrl,
});
