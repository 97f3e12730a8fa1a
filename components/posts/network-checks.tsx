"use client";
// Live counters per network and the list of what blocks scheduling. LinkedIn, Facebook and
// Instagram count with the small count-core; X's weighted count needs twitter-text, loaded only once
// X is one of the post's networks (it is most of the composer's would-be JavaScript).
import { useEffect, useMemo, useState } from "react";
import { checkPost, type NetworkCheck, type TextCounter } from "@/lib/posts/composer-rules";
import { countUtf16 } from "@/lib/posts/count-core";
import { type Network, networkRules } from "@/lib/posts/networks";
import { cn } from "@/lib/utils";

type XTools = { count: TextCounter; threadLength: (text: string) => number };

let xTools: Promise<XTools> | null = null;
function loadXTools(): Promise<XTools> {
  xTools ??= Promise.all([import("@/lib/posts/count"), import("@/lib/posts/x-thread")]).then(
    ([count, thread]) => ({
      count: count.countText,
      threadLength: (text: string) => thread.splitThread(text).length,
    }),
  );
  return xTools;
}

/** X's counter once loaded (null before), loading it when `needed`. */
export function useXTools(needed: boolean): XTools | null {
  const [tools, setTools] = useState<XTools | null>(null);
  useEffect(() => {
    if (!needed || tools) return;
    let live = true;
    loadXTools().then(
      (t) => live && setTools(t),
      () => {
        // A failed chunk load leaves the X counter "counting…"; the server checks again on schedule.
      },
    );
    return () => {
      live = false;
    };
  }, [needed, tools]);
  return tools;
}

export type Checked = NetworkCheck & { count: number | null; limit: number; isOver: boolean };

/** The counters and problems of every network of the post (X pending until twitter-text loads). */
export function useNetworkChecks(input: {
  networks: readonly Network[];
  textFor: (network: Network) => string;
  media: readonly { mime: string }[];
}): Checked[] {
  const { networks, textFor, media } = input;
  const x = useXTools(networks.includes("x"));
  return useMemo(() => {
    const ready = networks.filter((n) => n !== "x" || x);
    const counts = new Map<Network, { count: number; limit: number }>();
    const count: TextCounter = (network, text) => {
      const c = network === "x" ? x!.count(network, text) : countUtf16(network, text);
      counts.set(network, c);
      return c;
    };
    const checks = checkPost({
      networks: ready,
      textFor,
      media,
      count,
      threadLength: x?.threadLength,
    });
    return networks.map((network): Checked => {
      const check = checks.find((c) => c.network === network);
      const c = counts.get(network);
      const limit = networkRules[network].limit;
      if (!check || !c) return { network, problems: [], count: null, limit, isOver: false };
      return { ...check, count: c.count, limit, isOver: c.count > limit };
    });
  }, [networks, textFor, media, x]);
}

const fmt = new Intl.NumberFormat("en-US");

export function NetworkCounters({ checks }: { checks: readonly Checked[] }) {
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label="Characters per network">
      {checks.map((c) => {
        const label = networkRules[c.network].label;
        const thread = c.network === "x" && (c.threadPosts ?? 1) > 1;
        const over = c.isOver && !thread;
        return (
          <li
            key={c.network}
            data-testid="network-counter"
            data-network={c.network}
            data-over={over ? "true" : "false"}
            className={cn(
              "rounded-full border px-2.5 py-1 tabular-nums",
              over
                ? "border-destructive/50 bg-destructive/10 font-medium text-destructive"
                : thread
                  ? "border-amber-500/50 bg-amber-500/10 text-amber-800 dark:text-amber-300"
                  : "text-muted-foreground",
            )}
          >
            <span className="font-medium">{label}</span>{" "}
            {c.count === null ? (
              <span>counting…</span>
            ) : (
              <span>
                {fmt.format(c.count)} / {fmt.format(c.limit)}
                {thread ? ` · thread of ${c.threadPosts}` : ""}
              </span>
            )}
            {over ? <span className="sr-only"> (over the limit)</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function ProblemList({ checks }: { checks: readonly Checked[] }) {
  const problems = checks.flatMap((c) =>
    c.problems.map((p) => ({ network: c.network, message: p })),
  );
  if (problems.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="composer-problems"
      className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm"
    >
      <p className="font-medium text-destructive">Before this can be scheduled:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-destructive/90">
        {problems.map((p, i) => (
          <li key={`${p.network}-${i}`}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}
