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
  media: ComposerMedia[];
  title: string;
  campaignId: string | null;
  onBehalfOf: string;
};

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
    JSON.stringify(d.networks.map((n) => [n, d.overrides[n]?.trim() ? d.overrides[n] : null])),
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
  const [state, setState] = useState<SyncState>({ kind: "saved", at: opts.updatedAt });
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

  /** Handles a write's answer; true when it went through. */
  const accept = useCallback(
    (res: ActionState<PostWrite>): boolean => {
      if (res.status === "error") {
        blocked.current = true;
        setState({ kind: "error", message: res.message, fieldErrors: res.fieldErrors });
        return false;
      }
      if (res.status !== "success") return false;
      if (res.data.conflict) {
        blocked.current = true;
        setState({ kind: "conflict", conflict: res.data.conflict });
        return false;
      }
      applyPost(res.data.post);
      return true;
    },
    [applyPost],
  );

  const syncOnce = useCallback(async () => {
    const d = draftRef.current;
    const org = opts.org;
    if (!postRef.current.id) {
      if (!d.body.trim() && d.media.length === 0 && !d.title.trim()) return;
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
      saved.current.targets = keys.targets({ ...d, overrides: {} });
      saved.current.media = keys.media({ ...d, media: [] });
      // The page becomes the post's page without remounting the editor.
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
      if (!accept(res)) return;
      saved.current[part] = key;
    }
  }, [accept, applyPost, opts.org]);

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
      do {
        again.current = false;
        await syncOnce();
      } while (again.current && !blocked.current);
      if (!blocked.current)
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
  }, [isDirty, opts.readOnly, syncOnce]);

  const setDraft = useCallback(
    (update: (d: Draft) => Draft) => {
      const next = update(draftRef.current);
      draftRef.current = next;
      setDraftState(next);
      if (opts.readOnly) return;
      if (!blocked.current) setState((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, opts.readOnly],
  );

  /** After an error: try again with the same revision. */
  const retry = useCallback(() => {
    blocked.current = false;
    return flush();
  }, [flush]);

  /** After a conflict: save this editor's draft on top of the other person's save. */
  const keepMine = useCallback(() => {
    if (state.kind !== "conflict" || state.conflict.revision === null) return Promise.resolve();
    postRef.current = { ...postRef.current, revision: state.conflict.revision };
    setPost(postRef.current);
    // Everything is re-sent: the other save may have changed any part.
    for (const p of parts) saved.current[p] = "\u0000";
    blocked.current = false;
    return flush();
  }, [flush, state]);

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

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /**
   * Saves pending edits; the post's id and revision when the editor is in sync with the server
   * afterwards, null when it is not (an error or a conflict stopped the save, or nothing to save).
   */
  const prepare = useCallback(async () => {
    await flush();
    const current = postRef.current;
    if (blocked.current || isDirty() || !current.id) return null;
    return { id: current.id, revision: current.revision };
  }, [flush, isDirty]);

  return { draft, setDraft, state, post, flush, retry, keepMine, adopt, prepare };
}
