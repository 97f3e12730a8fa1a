"use client";
// The guided voice exercises: a meter, the six steps and the summary. The answers live in React
// state and autosave (use-voice-save.ts); opening the page resumes at the first unfinished step.
import { useEffect, useRef, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { useVoiceSave } from "@/components/voice/use-voice-save";
import { VoiceMeter } from "@/components/voice/voice-meter";
import { VoiceSaveState } from "@/components/voice/voice-save-state";
import { VoiceStepCard } from "@/components/voice/voice-step-card";
import { VoiceStepNav, type VoiceStep } from "@/components/voice/voice-step-nav";
import { VoiceSummary } from "@/components/voice/voice-summary";
import {
  dataOf,
  formFromExercises,
  profileOf,
  type Statuses,
  type StoredExercise,
  type VoiceForm,
} from "@/components/voice/voice-form";
import { EXERCISE_COUNT, exerciseIds, type ExerciseId } from "@/lib/voice/exercises";
import { firstUnfinishedExercise } from "@/lib/voice/profile";

/** The next step after `id` that is not done yet (wrapping around), or the summary. */
function nextUnfinished(id: ExerciseId, statuses: Statuses): VoiceStep {
  const start = exerciseIds.indexOf(id);
  for (let k = 1; k < exerciseIds.length; k++) {
    const candidate = exerciseIds[(start + k) % exerciseIds.length]!;
    if (statuses[candidate] !== "completed") return candidate;
  }
  return "summary";
}

const nextStepOf = (id: ExerciseId): VoiceStep =>
  exerciseIds[exerciseIds.indexOf(id) + 1] ?? "summary";
const previousOf = (id: ExerciseId): VoiceStep | null =>
  exerciseIds[exerciseIds.indexOf(id) - 1] ?? null;

export function VoiceStepper({
  org,
  exercises,
  version: initialVersion,
  initialStep,
}: {
  org: string;
  exercises: StoredExercise[];
  version: number;
  /** From `?step=`; otherwise the first unfinished exercise (or the summary when all are done). */
  initialStep: VoiceStep | null;
}) {
  const [form, setForm] = useState<VoiceForm>(() => formFromExercises(exercises));
  // The latest answers for event handlers: two changes in one tick must not lose the first.
  const formRef = useRef(form);
  const [initialStatuses] = useState<Statuses>(() =>
    Object.fromEntries(exercises.map((e) => [e.exercise, e.status])),
  );
  const save = useVoiceSave({
    org,
    statuses: initialStatuses,
    completed: exercises.filter((e) => e.status === "completed").length,
    version: initialVersion,
  });
  const [step, setStep] = useState<VoiceStep>(
    () => initialStep ?? firstUnfinishedExercise(initialStatuses) ?? "summary",
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const touched = useRef(new Set<ExerciseId>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // After moving between steps the keyboard and screen reader start at the new step's heading.
    if (!moved.current) return;
    moved.current = false;
    headingRef.current?.focus();
  }, [step]);

  const go = (next: VoiceStep) => {
    void save.flush();
    setMessage(null);
    moved.current = true;
    setStep(next);
    const url = new URL(window.location.href);
    url.searchParams.set("step", next);
    window.history.replaceState(window.history.state, "", url);
  };

  const change = <K extends ExerciseId>(id: K, value: VoiceForm[K]) => {
    const next = { ...formRef.current, [id]: value };
    formRef.current = next;
    touched.current.add(id);
    setForm(next);
    setMessage(null);
    save.schedule(id, dataOf(id, next));
  };

  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      bodyRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input')
        ?.focus(),
    );

  const commit = async (id: ExerciseId, complete: boolean) => {
    // A step never opened for typing has nothing to save: moving on must not create an empty row.
    if (!complete && !save.statuses[id] && !touched.current.has(id)) return go(nextStepOf(id));
    setBusy(true);
    const result = await save.commit(id, dataOf(id, formRef.current), complete);
    setBusy(false);
    if (result === "invalid") {
      setMessage(
        complete
          ? "Fill in the highlighted fields to mark this exercise done."
          : "Fix the highlighted fields to save this step.",
      );
      focusFirstInvalid();
      return;
    }
    if (result === "failed") {
      setMessage("This step was not saved. See the message above, then try again.");
      return;
    }
    go(complete ? nextUnfinished(id, { ...save.statuses, [id]: "completed" }) : nextStepOf(id));
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <div className="grid content-start gap-4">
        <VoiceMeter completed={save.completed} total={EXERCISE_COUNT} />
        <VoiceStepNav current={step} statuses={save.statuses} onSelect={go} />
      </div>
      <div className="grid content-start gap-3" ref={bodyRef}>
        <VoiceSaveState state={save.saveState} onRetry={() => void save.flush()} />
        {step === "summary" ? (
          <Card
            role="region"
            aria-labelledby="voice-summary-title"
            data-testid="voice-step-summary"
          >
            <CardHeader>
              <h2
                ref={headingRef}
                id="voice-summary-title"
                tabIndex={-1}
                className="text-xl font-semibold outline-none"
              >
                Your voice profile
              </h2>
              <CardDescription>
                {save.completed === EXERCISE_COUNT
                  ? "All six exercises are done. Every draft written for you starts from this."
                  : `${save.completed} of ${EXERCISE_COUNT} exercises done. Drafts use what you have answered so far.`}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <VoiceSummary
                profile={profileOf(form, save.statuses)}
                version={save.version}
                onEdit={go}
              />
            </CardContent>
          </Card>
        ) : (
          <VoiceStepCard
            key={step}
            ref={headingRef}
            id={step}
            form={form}
            status={save.statuses[step]}
            errors={save.fieldErrors[step] ?? {}}
            message={message}
            busy={busy}
            onChange={change}
            onBack={previousOf(step) ? () => go(previousOf(step)!) : null}
            onContinue={() => void commit(step, false)}
            onDone={() => void commit(step, true)}
          />
        )}
      </div>
    </div>
  );
}
