"use client";
// Uploads into the media library through the FileStore protocol, several files at once: each file is
// checked in the browser first (type, size, magic bytes — the same rules the server applies again on
// the stored file), then the server signs an upload URL, the browser PUTs the bytes straight to
// storage with progress, and the server finalizes it into a library file.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { idleState, type ActionState } from "@/lib/actions/state";
import { uploadToSignedUrl } from "@/lib/media/browser-upload";
import { finalizeMediaUploadAction, prepareMediaUploadAction } from "@/lib/media/media-actions";
import {
  checkMediaFile,
  MEDIA_MAX_FILES_PER_BATCH,
  MEDIA_SNIFF_BYTES,
  mediaMessages,
  sniffMedia,
  type MediaAccept,
  type MediaLibraryItem,
} from "@/lib/media/media-rules";
import { addToMediaLists, mediaQueryPrefix } from "@/components/media/use-media-library";

export type { MediaItem, MediaLibraryItem } from "@/lib/media/media-rules";

export type UploadStatus = "checking" | "uploading" | "finalizing" | "done" | "error";

export type MediaUpload = {
  /** Local id of this upload (not the file's id in the library: that is `item.id`). */
  id: string;
  name: string;
  size: number;
  /** 0–1: the share of bytes sent to storage. */
  progress: number;
  status: UploadStatus;
  /** A sentence to show when `status` is "error" ("Upload cancelled." after cancel()). */
  error: string | null;
  /** The library file, once done. */
  item: MediaLibraryItem | null;
};

export type UseMediaUploadOptions = {
  /** Which files to take (default: images and PDFs). */
  accept?: MediaAccept;
  /** Called once per file that made it into the library. */
  onUploaded?: (item: MediaLibraryItem) => void;
};

/** Files uploaded at the same time; the rest wait their turn. */
const CONCURRENCY = 3;

const failure = (state: ActionState<unknown>) =>
  state.status === "error"
    ? (state.fieldErrors?.file ?? state.message)
    : "No answer from the server.";

/** Still being checked, sent or finalized. */
export const isActive = (u: MediaUpload) =>
  u.status === "checking" || u.status === "uploading" || u.status === "finalizing";

let counter = 0;
const nextId = () => `upload-${Date.now().toString(36)}-${(++counter).toString(36)}`;

export function useMediaUpload(org: string, options: UseMediaUploadOptions = {}) {
  const [uploads, setUploads] = useState<MediaUpload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const cancelled = useRef(new Set<string>());
  const optionsRef = useRef(options);
  const queryClient = useQueryClient();

  useEffect(() => {
    optionsRef.current = options;
  });

  useEffect(() => {
    const live = controllers.current;
    return () => {
      for (const c of live.values()) c.abort();
    };
  }, []);

  const patch = useCallback((id: string, change: Partial<MediaUpload>) => {
    setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));
  }, []);

  const runOne = useCallback(
    async (id: string, file: File): Promise<MediaLibraryItem | null> => {
      const fail = (message: string) => {
        patch(id, { status: "error", error: message });
        return null;
      };
      const stopped = () => cancelled.current.has(id);
      if (stopped()) return null; // cancelled while waiting its turn

      // 1. In the browser: type, size, then the first bytes.
      const check = checkMediaFile(file, optionsRef.current.accept ?? "any");
      if (!check.ok) return fail(check.message);
      try {
        const head = new Uint8Array(await file.slice(0, MEDIA_SNIFF_BYTES).arrayBuffer());
        const actual = sniffMedia(head);
        if (actual !== check.mime) return fail(mediaMessages.mismatch(actual, check.mime));
      } catch {
        return fail("That file could not be read. Pick it again.");
      }
      if (stopped()) return null;

      // 2. The server signs an upload URL.
      const prepared = await prepareMediaUploadAction(idleState, {
        org,
        fileName: file.name,
        mime: check.mime,
        size: file.size,
      }).catch(() => null);
      if (stopped()) return null;
      if (!prepared)
        return fail("The server could not be reached. Check your connection and try again.");
      if (prepared.status !== "success") return fail(failure(prepared));

      // 3. The bytes go straight to storage.
      const controller = new AbortController();
      controllers.current.set(id, controller);
      patch(id, { status: "uploading", progress: 0 });
      const put = await uploadToSignedUrl(prepared.data.url, file, prepared.data.contentType, {
        signal: controller.signal,
        onProgress: (progress) => patch(id, { progress }),
      });
      controllers.current.delete(id);
      if (!put.ok) return put.aborted ? null : fail(put.message);
      if (stopped()) return null;

      // 4. The server checks the stored file and adds it to the library.
      patch(id, { status: "finalizing", progress: 1 });
      const done = await finalizeMediaUploadAction(idleState, {
        org,
        path: prepared.data.path,
        fileName: file.name,
      }).catch(() => null);
      if (!done)
        return fail("The server could not be reached. Check your connection and try again.");
      if (done.status !== "success") return fail(failure(done));
      patch(id, { status: "done", item: done.data, error: null });
      return done.data;
    },
    [org, patch],
  );

  const upload = useCallback(
    async (files: File[]): Promise<MediaLibraryItem[]> => {
      const entries = files.map((file, k) => {
        const upload: MediaUpload = {
          id: nextId(),
          name: file.name,
          size: file.size,
          progress: 0,
          status: k < MEDIA_MAX_FILES_PER_BATCH ? "checking" : "error",
          error: k < MEDIA_MAX_FILES_PER_BATCH ? null : mediaMessages.tooMany,
          item: null,
        };
        return { file, upload };
      });
      if (entries.length === 0) return [];
      setUploads((all) => [...all, ...entries.map((e) => e.upload)]);
      const queue = entries.filter((e) => e.upload.status === "checking");
      const results: (MediaLibraryItem | null)[] = new Array(queue.length).fill(null);
      let next = 0;
      const worker = async () => {
        while (next < queue.length) {
          const k = next++;
          const entry = queue[k]!;
          try {
            results[k] = await runOne(entry.upload.id, entry.file);
          } catch {
            patch(entry.upload.id, {
              status: "error",
              error: "Something went wrong with this upload. Try again.",
            });
          }
          const item = results[k];
          if (item) {
            addToMediaLists(queryClient, org, item);
            optionsRef.current.onUploaded?.(item);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
      if (results.some(Boolean))
        void queryClient.invalidateQueries({ queryKey: mediaQueryPrefix(org) });
      return results.filter((r): r is MediaLibraryItem => !!r);
    },
    [org, patch, queryClient, runOne],
  );

  /** Stops an upload that is still being checked or sent; one being finalized completes. */
  const cancel = useCallback((id: string) => {
    cancelled.current.add(id);
    controllers.current.get(id)?.abort();
    setUploads((all) =>
      all.map((u) =>
        u.id === id && (u.status === "checking" || u.status === "uploading")
          ? { ...u, status: "error", error: "Upload cancelled." }
          : u,
      ),
    );
  }, []);

  /** Removes a finished, failed or cancelled upload from the list. */
  const dismiss = useCallback((id: string) => {
    setUploads((all) => all.filter((u) => u.id !== id || isActive(u)));
  }, []);

  /** Removes every finished, failed or cancelled upload from the list. */
  const clearFinished = useCallback(() => {
    setUploads((all) => all.filter(isActive));
  }, []);

  const busy = uploads.some(isActive);

  return { uploads, upload, cancel, dismiss, clearFinished, busy };
}
