"use client";
// Follows one generation until it is done: polls its row (the worker streams the text so far into
// it) every 700 ms while it is queued or running, then stops.
import { useCallback, useEffect, useRef, useState } from "react";
import { generationAction } from "@/lib/ai/actions";
import type { GenerationView } from "@/lib/ai/generations";
import { idleState } from "@/lib/actions/state";

const POLL_MS = 700;
export const isRunning = (g: GenerationView | null) =>
  !!g && (g.status === "queued" || g.status === "running");

export function useGeneration(org: string, onDone: (g: GenerationView) => void) {
  const [generation, setGeneration] = useState<GenerationView | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);

  const id = generation?.id;
  const running = isRunning(generation);
  useEffect(() => {
    if (!id || !running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const res = await generationAction(idleState, { org, id }).catch(() => null);
      if (stopped) return;
      if (!res || res.status !== "success") {
        setPollError("Lost touch with the server; still trying…");
        return;
      }
      setPollError(null);
      setGeneration(res.data);
      if (!isRunning(res.data)) {
        stopped = true;
        clearInterval(timer);
        done.current(res.data);
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, running, org]);

  /** Starts following `g` (an answer from the cache is done already). */
  const follow = useCallback((g: GenerationView) => {
    setGeneration(g);
    if (!isRunning(g)) done.current(g);
  }, []);

  return { generation, follow, pollError, setGeneration };
}
