// A member's voice profile: their answers to the six exercises as one structured object, the shape
// AI generation quotes (as data) and the summary view shows. Pure: built from stored rows.
import {
  exerciseIds,
  isExerciseId,
  parseExerciseDraft,
  type AudienceLevel,
  type ExerciseAnswers,
  type ExerciseId,
  type ExerciseStatus,
  type SampleKind,
  type VoiceGoal,
} from "@/lib/voice/exercises";

/** One stored exercise, as lib/voice/queries.ts reads it from public.voice_exercises. */
export type VoiceExerciseRow = {
  exercise: string;
  status: string;
  data: unknown;
  completedAt?: string | null;
  updatedAt?: string | null;
};

export type ExerciseProgress = ExerciseStatus | "not_started";

export type VoiceProfile = {
  role: { title: string | null; expertise: string | null; industry: string | null };
  audience: { description: string | null; level: AudienceLevel | null };
  goals: { goals: VoiceGoal[]; other: string | null };
  /** 0 = the left pole, 100 = the named one (casual, playful…); null = not set yet. */
  tone: {
    casual: number | null;
    playful: number | null;
    enthusiastic: number | null;
    direct: number | null;
    phrases: string[];
  };
  avoid: { words: string[]; topics: string[] };
  /** Only samples with text, in the order given. */
  samples: { kind: SampleKind | null; text: string }[];
  status: Record<ExerciseId, ExerciseProgress>;
  completedCount: number;
  /** The latest save of any exercise, ISO 8601; null before the first. */
  updatedAt: string | null;
};

const orNull = (v: string | undefined) => (v ? v : null);

/**
 * The profile from a member's rows. Rows of unknown exercises are ignored, and answers that no
 * longer pass today's draft schema count as unanswered rather than failing the whole profile.
 */
export function buildVoiceProfile(rows: readonly VoiceExerciseRow[]): VoiceProfile {
  const byId = new Map<ExerciseId, VoiceExerciseRow>();
  for (const row of rows) if (isExerciseId(row.exercise)) byId.set(row.exercise, row);
  const answers = <K extends ExerciseId>(id: K): ExerciseAnswers[K] => {
    const parsed = parseExerciseDraft(id, byId.get(id)?.data ?? {});
    // Every draft field is optional, so "no answers" is the empty object.
    return parsed.ok ? parsed.data : ({} as ExerciseAnswers[K]);
  };

  const role = answers("role");
  const audience = answers("audience");
  const goals = answers("goals");
  const tone = answers("tone");
  const avoid = answers("avoid");
  const samples = answers("samples");

  const status = Object.fromEntries(
    exerciseIds.map((id) => {
      const s = byId.get(id)?.status;
      return [id, s === "completed" || s === "in_progress" ? s : "not_started"];
    }),
  ) as Record<ExerciseId, ExerciseProgress>;
  const updated = [...byId.values()]
    .map((r) => r.updatedAt)
    .filter((v): v is string => !!v)
    .sort();

  return {
    role: {
      title: orNull(role.title),
      expertise: orNull(role.expertise),
      industry: orNull(role.industry),
    },
    audience: { description: orNull(audience.description), level: audience.level ?? null },
    goals: { goals: goals.goals ?? [], other: orNull(goals.other) },
    tone: {
      casual: tone.casual ?? null,
      playful: tone.playful ?? null,
      enthusiastic: tone.enthusiastic ?? null,
      direct: tone.direct ?? null,
      phrases: tone.phrases ?? [],
    },
    avoid: { words: avoid.words ?? [], topics: avoid.topics ?? [] },
    samples: (samples.samples ?? [])
      .filter((s) => !!s.text)
      .map((s) => ({ kind: s.kind ?? null, text: s.text! })),
    status,
    completedCount: exerciseIds.filter((id) => status[id] === "completed").length,
    updatedAt: updated.at(-1) ?? null,
  };
}

export const emptyVoiceProfile = (): VoiceProfile => buildVoiceProfile([]);

/** Where the stepper resumes: the first exercise not completed, or null when all are. */
export function firstUnfinishedExercise(
  status: Partial<Record<ExerciseId, ExerciseProgress>>,
): ExerciseId | null {
  return exerciseIds.find((id) => status[id] !== "completed") ?? null;
}
