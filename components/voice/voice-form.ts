// The stepper's editable copy of the answers: every field present (empty strings, sliders at the
// middle), converted from stored data on load and back to an exercise's data on save.
import {
  exerciseIds,
  parseExerciseDraft,
  SAMPLE_COUNT,
  TONE_DEFAULT,
  type AudienceLevel,
  type ExerciseAnswers,
  type ExerciseId,
  type ExerciseStatus,
  type SampleKind,
  type ToneKey,
  type VoiceGoal,
} from "@/lib/voice/exercises";
import { buildVoiceProfile, type VoiceProfile } from "@/lib/voice/profile";

export type SampleForm = { kind: SampleKind | ""; text: string };

export type VoiceForm = {
  role: { title: string; expertise: string; industry: string };
  audience: { description: string; level: AudienceLevel | "" };
  goals: { goals: VoiceGoal[]; other: string };
  tone: Record<ToneKey, number> & { phrases: string[] };
  avoid: { words: string[]; topics: string[] };
  samples: { samples: SampleForm[] };
};

export type StoredExercise = { exercise: ExerciseId; status: ExerciseStatus; data: unknown };
export type Statuses = Partial<Record<ExerciseId, ExerciseStatus>>;

function answers<K extends ExerciseId>(items: readonly StoredExercise[], id: K) {
  const parsed = parseExerciseDraft(id, items.find((i) => i.exercise === id)?.data ?? {});
  // Every draft field is optional: answers that no longer fit start over empty.
  return parsed.ok ? parsed.data : ({} as ExerciseAnswers[K]);
}

export function formFromExercises(items: readonly StoredExercise[]): VoiceForm {
  const role = answers(items, "role");
  const audience = answers(items, "audience");
  const goals = answers(items, "goals");
  const tone = answers(items, "tone");
  const avoid = answers(items, "avoid");
  const samples = answers(items, "samples").samples ?? [];
  return {
    role: {
      title: role.title ?? "",
      expertise: role.expertise ?? "",
      industry: role.industry ?? "",
    },
    audience: { description: audience.description ?? "", level: audience.level ?? "" },
    goals: { goals: goals.goals ?? [], other: goals.other ?? "" },
    tone: {
      casual: tone.casual ?? TONE_DEFAULT,
      playful: tone.playful ?? TONE_DEFAULT,
      enthusiastic: tone.enthusiastic ?? TONE_DEFAULT,
      direct: tone.direct ?? TONE_DEFAULT,
      phrases: tone.phrases ?? [],
    },
    avoid: { words: avoid.words ?? [], topics: avoid.topics ?? [] },
    samples: {
      samples: Array.from({ length: SAMPLE_COUNT }, (_, i) => ({
        kind: samples[i]?.kind ?? "",
        text: samples[i]?.text ?? "",
      })),
    },
  };
}

/** The data an exercise's save sends: unset choices left out, everything else as typed. */
export function dataOf(id: ExerciseId, form: VoiceForm): Record<string, unknown> {
  if (id === "audience") {
    const { description, level } = form.audience;
    return level ? { description, level } : { description };
  }
  if (id === "samples")
    return {
      samples: form.samples.samples.map(({ kind, text }) => (kind ? { kind, text } : { text })),
    };
  return { ...form[id] };
}

/** The profile as the form now stands, for the summary (not-started exercises stay empty). */
export function profileOf(form: VoiceForm, statuses: Statuses): VoiceProfile {
  return buildVoiceProfile(
    exerciseIds
      .filter((id) => statuses[id])
      .map((id) => ({ exercise: id, status: statuses[id]!, data: dataOf(id, form) })),
  );
}

/** What every step's fields get from the stepper. */
export type StepFieldsProps<K extends ExerciseId> = {
  value: VoiceForm[K];
  onChange: (next: VoiceForm[K]) => void;
  /** Field messages by path inside the exercise ("title", "samples.0.text"). */
  errors: Record<string, string>;
  disabled?: boolean;
};

/** The first message for `field` or any entry under it ("words", "words.2"). */
export function errorFor(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return nested ? errors[nested] : undefined;
}
