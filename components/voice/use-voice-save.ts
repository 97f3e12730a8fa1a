"use client";
// Saving the voice exercises: autosave a while after typing stops, and the explicit "Save and
// continue" / "Mark done". Saves go one at a time, in order, so an older answer never lands after a
// newer one. Answers are checked with the server's own schemas first: a field error shows at once
// and nothing is sent until it is fixed.
import { useCallback, useEffect, useRef, useState } from "react";
import { idleState, type ActionState } from "@/lib/actions/state";
import { saveVoiceExerciseAction } from "@/lib/voice/actions";
import { parseExerciseComplete, parseExerciseDraft, type ExerciseId } from "@/lib/voice/exercises";
import type { SavedVoiceExercise } from "@/lib/voice/mutations";
import type { Statuses } from "@/components/voice/voice-form";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "error"; message: string; canRetry: boolean };

export type FieldErrors = Partial<Record<ExerciseId, Record<string, string>>>;
type Data = Record<string, unknown>;

export const AUTOSAVE_DELAY_MS = 800;

/** How an explicit save ended: saved, refused for its answers (field errors), or failed otherwise. */
export type CommitResult = "saved" | "invalid" | "failed";

export function useVoiceSave(opts: {
  org: string;
  statuses: Statuses;
  completed: number;
  version: number;
}) {
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [statuses, setStatuses] = useState<Statuses>(opts.statuses);
  const [completed, setCompleted] = useState(opts.completed);
  const [version, setVersion] = useState(opts.version);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const pending = useRef(new Map<ExerciseId, Data>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Saves queued or running; "Saved" shows only once the last of them is done. */
  const outstanding = useRef(0);

  const setErrors = useCallback((id: ExerciseId, errors: Record<string, string>) => {
    setFieldErrors((all) => ({ ...all, [id]: errors }));
  }, []);

  const enqueue = useCallback(<T>(fn: () => Promise<T>): Promise<T> => {
    outstanding.current += 1;
    const task = async () => {
      try {
        return await fn();
      } finally {
        outstanding.current -= 1;
      }
    };
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const send = useCallback(
    async (id: ExerciseId, data: Data, complete: boolean): Promise<CommitResult> => {
      setSaveState({ kind: "saving" });
      let res: ActionState<SavedVoiceExercise>;
      try {
        res = await saveVoiceExerciseAction(idleState, {
          org: opts.org,
          exercise: id,
          data,
          complete,
        });
      } catch {
        res = { status: "error", code: "internal", message: "Could not reach Ghostart." };
      }
      if (res.status === "success") {
        setStatuses((s) => ({ ...s, [id]: res.data.status }));
        setCompleted(res.data.completed);
        setVersion(res.data.version);
        setErrors(id, {});
        setSaveState(
          pending.current.size
            ? { kind: "pending" }
            : outstanding.current > 1
              ? { kind: "saving" }
              : { kind: "saved" },
        );
        return "saved";
      }
      if (res.status !== "error") return "failed";
      const retryable = res.code === "internal" || res.code === "dependency_unavailable";
      // Kept for "Try again" unless the user has typed something newer meanwhile.
      if (retryable && !pending.current.has(id) && !complete) pending.current.set(id, data);
      setErrors(id, res.fieldErrors ?? {});
      setSaveState({ kind: "error", message: res.message, canRetry: retryable });
      return res.code === "validation_failed" ? "invalid" : "failed";
    },
    [opts.org, setErrors],
  );

  /** Sends every exercise changed since the last save; true when all of them saved. */
  const flush = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const batch = [...pending.current];
    pending.current.clear();
    if (!batch.length) return Promise.resolve(true);
    return enqueue(async () => {
      let ok = true;
      for (const [id, data] of batch) ok = (await send(id, data, false)) === "saved" && ok;
      return ok;
    });
  }, [enqueue, send]);

  /** Autosave: called on every change of a step's answers. */
  const schedule = useCallback(
    (id: ExerciseId, data: Data) => {
      const checked = parseExerciseDraft(id, data);
      if (timer.current) clearTimeout(timer.current);
      if (!checked.ok) {
        pending.current.delete(id);
        setErrors(id, checked.fieldErrors);
        setSaveState({
          kind: "error",
          message: "fix the highlighted field.",
          canRetry: false,
        });
        return;
      }
      setErrors(id, {});
      pending.current.set(id, data);
      setSaveState({ kind: "pending" });
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, setErrors],
  );

  /** "Save and continue" (complete = false) or "Mark done" of one step. */
  const commit = useCallback(
    async (id: ExerciseId, data: Data, complete: boolean): Promise<CommitResult> => {
      const checked = complete ? parseExerciseComplete(id, data) : parseExerciseDraft(id, data);
      if (!checked.ok) {
        setErrors(id, checked.fieldErrors);
        return "invalid";
      }
      pending.current.delete(id); // this save carries the step's latest answers
      void flush(); // the other steps' changes go first, in the same queue
      return enqueue(() => send(id, data, complete));
    },
    [enqueue, flush, send, setErrors],
  );

  // Leaving with answers not yet saved: send them (client navigation), or ask first (closing the tab).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current.size || outstanding.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      void flush();
    };
  }, [flush]);

  return { saveState, statuses, completed, version, fieldErrors, schedule, commit, flush };
}
