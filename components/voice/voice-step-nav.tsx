"use client";
import { CheckCircle2, Circle, CircleDot, ListChecks } from "lucide-react";
import type { Statuses } from "@/components/voice/voice-form";
import { exerciseDefinitions, exerciseIds, type ExerciseId } from "@/lib/voice/exercises";
import { cn } from "@/lib/utils";

export type VoiceStep = ExerciseId | "summary";

const statusText = { completed: "done", in_progress: "in progress", not_started: "not started" };
type StatusKey = keyof typeof statusText;

/** The exercises in order with their status, then the summary; any step can be opened. */
export function VoiceStepNav({
  current,
  statuses,
  onSelect,
}: {
  current: VoiceStep;
  statuses: Statuses;
  onSelect: (step: VoiceStep) => void;
}) {
  const item = (step: VoiceStep, label: string, icon: React.ReactNode, status?: StatusKey) => (
    <li key={step}>
      <button
        type="button"
        onClick={() => onSelect(step)}
        aria-current={current === step ? "step" : undefined}
        data-testid={`voice-step-link-${step}`}
        data-status={status}
        className={cn(
          "flex w-full items-center gap-3 rounded-md px-3 py-2 text-left text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
          current === step ? "bg-accent font-medium text-accent-foreground" : "hover:bg-accent/60",
        )}
      >
        {icon}
        <span className="flex-1">{label}</span>
        {status ? <span className="sr-only">, {statusText[status]}</span> : null}
      </button>
    </li>
  );
  return (
    <nav aria-label="Voice exercises">
      <ol className="grid gap-1">
        {exerciseIds.map((id, i) => {
          const s = statuses[id];
          const icon =
            s === "completed" ? (
              <CheckCircle2 aria-hidden="true" className="size-4 text-success" />
            ) : s === "in_progress" ? (
              <CircleDot aria-hidden="true" className="size-4 text-primary" />
            ) : (
              <Circle aria-hidden="true" className="size-4 text-muted-foreground" />
            );
          return item(id, `${i + 1}. ${exerciseDefinitions[id].title}`, icon, s ?? "not_started");
        })}
        {item(
          "summary",
          "Your voice profile",
          <ListChecks aria-hidden="true" className="size-4 text-muted-foreground" />,
        )}
      </ol>
    </nav>
  );
}
