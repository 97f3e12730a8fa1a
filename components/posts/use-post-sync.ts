"use client";
// Autosave of the composer. The draft lives in React state; this hook sends what changed, one
// write at a time, each with the revision the last write returned, so the editor's own writes never
// conflict with each other and another person's save is detected (a `conflict` answer) instead of
// overwritten. A new post is created on its first save and the URL becomes the post's.
import { useCallback, useEffect, useRef, useState } from "react";
import { idleState, type ActionState } from "@/lib/actions/state";
import {
  createPostAction,
  savePostTextAction,
  setPostMediaAction,
  setPostTargetsAction,
  updatePostDetailsAction,
  type PostConflict,
  type PostWrite,
} from "@/lib/posts/composer-actions";
import type { ComposerMedia } from "@/lib/posts/composer-data";
import type { PostStatus, TargetNetwork } from "@/lib/posts/constants";
import type { PostRow } from "@/lib/posts/mutations";

export type Draft = {
  body: string;
  networks: TargetNetwork[];
  overrides: Partial<Record<TargetNetwork, string>>;
  /** The company page a network's target posts as; absent = the on-behalf-of member. */
  pages: Partial<Record<TargetNetwork, string>>;
  media: ComposerMedia[];
  title: string;
  campaignId: string | null;
  onBehalfOf: string;
};

/** See usePostSync's runWrite. */
export type RunWrite = <T>(
  fn: (p: { id: string; revision: number }) => Promise<{
    result: T;
    row: PostRow | null;
    changes?: Partial<Draft>;
  }>,
) => Promise<T | null>;

export type SyncState =
  | { kind: "saved"; at: string | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string; fieldErrors?: Record<string, string> }
  | { kind: "conflict"; conflict: PostConflict };

type Part = "details" | "targets" | "media" | "body";

const keys: Record<Part, (d: Draft) => string> = {
  details: (d) => JSON.stringify([d.title.trim(), d.campaignId, d.onBehalfOf]),
  targets: (d) =>
    JSON.stringify(
      d.networks.map((n) => [
        n,
        d.overrides[n]?.trim() ? d.overrides[n] : null,
        d.pages[n] ?? null,
      ]),
    ),
  media: (d) => JSON.stringify(d.media.map((m) => [m.id, m.altOverride?.trim() || null])),
  body: (d) => d.body,
};
const parts: Part[] = ["details", "targets", "media", "body"];

export const AUTOSAVE_DELAY_MS = 800;

type Options = {
  org: string;
  initial: Draft;
  postId: string | null;
  revision: number;
  status: PostStatus;
  scheduledAt: string | null;
  updatedAt: string | null;
  readOnly: boolean;
};

export function usePostSync(opts: Options) {
  const [draft, setDraftState] = useState<Draft>(opts.initial);
  const [state, setStateValue] = useState<SyncState>({ kind: "saved", at: opts.updatedAt });
  const stateRef = useRef(state);
  const setState = useCallback((next: SyncState | ((s: SyncState) => SyncState)) => {
    setStateValue((prev) => {
      const value = typeof next === "function" ? next(prev) : next;
      stateRef.current = value;
      return value;
    });
  }, []);
  /** A message from the server about a save (e.g. a scheduled post moved back to drafts). */
  const [notice, setNotice] = useState<string | null>(null);
  const [post, setPost] = useState({
    id: opts.postId,
    revision: opts.revision,
    status: opts.status,
    scheduledAt: opts.scheduledAt,
  });

  const draftRef = useRef(draft);
  const postRef = useRef(post);
  const saved = useRef<Record<Part, string>>(
    Object.fromEntries(parts.map((p) => [p, keys[p](opts.initial)])) as Record<Part, string>,
  );
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The first refused part of the current save round (the other parts still go). */
  const partError = useRef<{ message: string; fieldErrors?: Record<string, string> } | null>(null);
  const mounted = useRef(true);
  /** Set while a write outside the queue runs (runWrite); autosave waits for it. */
  const exclusive = useRef<Promise<void> | null>(null);
  /** Create the post even while it is empty (something is about to be written into it). */
  const createEmpty = useRef(false);

  const isDirty = useCallback(
    () => parts.some((p) => keys[p](draftRef.current) !== saved.current[p]),
    [],
  );

  const applyPost = useCallback((row: PostRow) => {
    const next = {
      id: row.id,
      revision: row.revision,
      status: row.status,
      scheduledAt: row.scheduledAt,
    };
    postRef.current = next;
    setPost(next);
  }, []);

  /** Handles a write's answer: "ok", "error" (this part only) or "conflict" (stops everything). */
  const accept = useCallback(
    (res: ActionState<PostWrite>): "ok" | "error" | "conflict" => {
      if (res.status === "error") {
        partError.current ??= { message: res.message, fieldErrors: res.fieldErrors };
        return "error";
      }
      if (res.status !== "success") return "error";
      if (res.data.conflict) {
        blocked.current = true;
        setState({ kind: "conflict", conflict: res.data.conflict });
        return "conflict";
      }
      applyPost(res.data.post);
      if (res.data.notice) setNotice(res.data.notice);
      return "ok";
    },
    [applyPost, setState],
  );

  const syncOnce = useCallback(async () => {
    const d = draftRef.current;
    const org = opts.org;
    if (!postRef.current.id) {
      if (!d.body.trim() && d.media.length === 0 && !d.title.trim() && !createEmpty.current) return;
      setState({ kind: "saving" });
      const res = await createPostAction(idleState, {
        org,
        body: d.body,
        title: d.title,
        campaignId: d.campaignId,
        onBehalfOf: d.onBehalfOf,
        networks: d.networks,
      });
      if (res.status === "error") {
        blocked.current = true;
        setState({ kind: "error", message: res.message, fieldErrors: res.fieldErrors });
        return;
      }
      if (res.status !== "success") return;
      applyPost(res.data.post);
      saved.current.body = d.body;
      saved.current.details = keys.details(d);
      saved.current.targets = keys.targets({ ...d, overrides: {}, pages: {} });
      saved.current.media = keys.media({ ...d, media: [] });
      // The page becomes the post's page without remounting the editor — unless the user has
      // left the composer meanwhile (the save still went through).
      if (mounted.current && window.location.pathname === `/${org}/compose`)
        window.history.replaceState(null, "", `/${org}/posts/${res.data.post.id}`);
    }
    for (const part of parts) {
      const current = draftRef.current;
      const key = keys[part](current);
      if (key === saved.current[part]) continue;
      setState({ kind: "saving" });
      const base = { org, postId: postRef.current.id!, expectedRevision: postRef.current.revision };
      let res: ActionState<PostWrite>;
      if (part === "body")
        res = await savePostTextAction(idleState, { ...base, body: current.body });
      else if (part === "targets")
        res = await setPostTargetsAction(idleState, {
          ...base,
          targets: current.networks.map((network) => ({
            network,
            textOverride: current.overrides[network] ?? null,
            pageId: current.pages[network] ?? null,
          })),
        });
      else if (part === "media")
        res = await setPostMediaAction(idleState, {
          ...base,
          media: current.media.map((m) => ({ mediaId: m.id, altOverride: m.altOverride })),
        });
      else
        res = await updatePostDetailsAction(idleState, {
          ...base,
          title: current.title,
          campaignId: current.campaignId,
          onBehalfOf: current.onBehalfOf,
        });
      const outcome = accept(res);
      if (outcome === "conflict") return;
      if (outcome === "ok") saved.current[part] = key;
    }
  }, [accept, applyPost, opts.org, setState]);

  /** Sends everything that changed; resolves when the editor is in sync (or stopped by an error). */
  const flush = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (opts.readOnly || blocked.current) return Promise.resolve();
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = (async () => {
      while (exclusive.current) await exclusive.current;
      partError.current = null;
      do {
        again.current = false;
        await syncOnce();
      } while (again.current && !blocked.current && !partError.current);
      // (read through the ref: syncOnce sets it while this function awaits)
      const refused = partError.current as {
        message: string;
        fieldErrors?: Record<string, string>;
      } | null;
      if (refused) {
        // What could be saved was; the rest waits for the next edit or "Try again".
        blocked.current = true;
        setState({ kind: "error", ...refused });
      } else if (!blocked.current)
        setState(isDirty() ? { kind: "dirty" } : { kind: "saved", at: new Date().toISOString() });
    })()
      .catch((err: unknown) => {
        blocked.current = true;
        setState({
          kind: "error",
          message:
            err instanceof Error && /fetch|network/i.test(err.message)
              ? "You seem to be offline. Your text is kept here; we will save when you retry."
              : "Saving failed. Your text is kept here.",
        });
      })
      .finally(() => {
        running.current = null;
      });
    running.current = run;
    return run;
  }, [isDirty, opts.readOnly, syncOnce, setState]);

  const setDraft = useCallback(
    (update: (d: Draft) => Draft) => {
      const next = update(draftRef.current);
      draftRef.current = next;
      setDraftState(next);
      if (opts.readOnly) return;
      // After a refused save (not a conflict), the next edit tries again: it may be the fix.
      if (blocked.current && stateRef.current.kind === "error") blocked.current = false;
      if (!blocked.current) setState((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, opts.readOnly, setState],
  );

  /** After an error: try again with the same revision. */
  const retry = useCallback(() => {
    blocked.current = false;
    return flush();
  }, [flush]);

  /**
   * After a conflict: saves what this editor changed (and only that: a title, file or network the
   * other person changed stays theirs) on top of their save, then `onKept` reloads the rest.
   */
  const keepMine = useCallback(async () => {
    if (state.kind !== "conflict" || state.conflict.revision === null) return false;
    postRef.current = { ...postRef.current, revision: state.conflict.revision };
    setPost(postRef.current);
    blocked.current = false;
    await flush();
    return !blocked.current && !isDirty();
  }, [flush, isDirty, state]);

  /** A write made outside the queue (restore, schedule) moved the post on. */
  const adopt = useCallback(
    (row: PostRow, changes?: Partial<Draft>) => {
      applyPost(row);
      if (changes) {
        const next = { ...draftRef.current, ...changes };
        draftRef.current = next;
        setDraftState(next);
        // Only the text is written by these (restore makes a new version of it).
        if (changes.body !== undefined) saved.current.body = next.body;
      }
    },
    [applyPost],
  );

  // Leaving with unsaved text asks first; a save in flight finishes on its own.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!opts.readOnly && (isDirty() || running.current)) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [flush, isDirty, opts.readOnly]);

  // Leaving the composer inside the app (a link) saves what is pending: the save's requests finish
  // after the editor is gone.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current || isDirty()) void flush();
    };
  }, [flush, isDirty]);

  /**
   * Runs a write made outside the queue (restore, schedule, unschedule) once the editor is in sync:
   * pending edits are saved first, and autosave waits until `fn` is done, so it never sends the
   * revision `fn` is about to replace. `fn` gets the post's id and current revision and returns
   * the row the write left (null when it wrote nothing); with `changes`, that is the new draft.
   * Null without running `fn` when the editor cannot be brought in sync (error, conflict, empty).
   */
  const runWrite: RunWrite = useCallback(
    async <T>(
      fn: (p: { id: string; revision: number }) => Promise<{
        result: T;
        row: PostRow | null;
        changes?: Partial<Draft>;
      }>,
    ): Promise<T | null> => {
      await flush();
      // Typing during that save leaves more to send; a few rounds catch up with a fast typist.
      for (let i = 0; i < 3 && isDirty() && !blocked.current; i++) await flush();
      const current = postRef.current;
      if (blocked.current || isDirty() || !current.id || exclusive.current) return null;
      let release = () => {};
      exclusive.current = new Promise<void>((resolve) => (release = resolve));
      try {
        const { result, row, changes } = await fn({ id: current.id, revision: current.revision });
        if (row) adopt(row, changes);
        return result;
      } finally {
        exclusive.current = null;
        release();
        // Edits typed meanwhile go out now, with the revision the write left.
        if (isDirty()) void flush();
      }
    },
    [adopt, flush, isDirty],
  );

  /**
   * The worker moved the post on (publishing, published, failed…). It changes the post's status,
   * never its revision, so the next save still carries the right revision.
   */
  const observeStatus = useCallback((status: PostStatus, scheduledAt: string | null) => {
    const next = { ...postRef.current, status, scheduledAt };
    postRef.current = next;
    setPost(next);
  }, []);

  /**
   * The post's id, creating the post first when it is still new — even empty, since something (an
   * AI draft) is about to be written into it. Null when the editor cannot be brought in sync.
   */
  const ensureCreated = useCallback(async (): Promise<string | null> => {
    createEmpty.current = true;
    try {
      await flush();
    } finally {
      createEmpty.current = false;
    }
    return blocked.current ? null : postRef.current.id;
  }, [flush]);

  /** Unsaved changes while saving is stopped (an error or a conflict): leaving would lose them. */
  const hasUnsavedChanges = useCallback(() => blocked.current && isDirty(), [isDirty]);

  return {
    draft,
    setDraft,
    state,
    post,
    flush,
    retry,
    keepMine,
    runWrite,
    notice,
    dismissNotice: () => setNotice(null),
    hasUnsavedChanges,
    observeStatus,
    ensureCreated,
    isDirty,
  };
}
