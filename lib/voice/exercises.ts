// The six voice exercises: what each asks, the limits of its answers, and what "done" requires.
// Pure (no server-only): the stepper checks with the same schemas the server saves with.
import { z } from "zod";

export const exerciseIds = ["role", "audience", "goals", "tone", "avoid", "samples"] as const;
export type ExerciseId = (typeof exerciseIds)[number];
export const EXERCISE_COUNT = exerciseIds.length;
export const isExerciseId = (v: unknown): v is ExerciseId =>
  typeof v === "string" && (exerciseIds as readonly string[]).includes(v);

export const exerciseStatuses = ["in_progress", "completed"] as const;
export type ExerciseStatus = (typeof exerciseStatuses)[number];

export const exerciseDefinitions: Record<
  ExerciseId,
  { title: string; summary: string; help: string }
> = {
  role: {
    title: "Your role",
    summary: "What you do and what you know best.",
    help: "Drafts speak from your seat: a founder, a recruiter and an engineer tell the same news differently.",
  },
  audience: {
    title: "Your audience",
    summary: "Who you write for, and how much they already know.",
    help: "This sets the vocabulary: how much to explain, and which terms to use without explaining.",
  },
  goals: {
    title: "Your goals",
    summary: "What your posts should achieve.",
    help: "Pick every goal that applies. Drafts lean toward them, for example with a call to action.",
  },
  tone: {
    title: "Your tone",
    summary: "How you sound, and a few phrases that sound like you.",
    help: "Move each slider toward the side that sounds more like you. There is no right answer.",
  },
  avoid: {
    title: "Things to avoid",
    summary: "Words and topics that never belong in your posts.",
    help: "Buzzwords you dislike, competitors' names, subjects you keep private. Leave both empty if nothing comes to mind.",
  },
  samples: {
    title: "Sample posts",
    summary: "Three posts you wrote or admire.",
    help: "Real examples teach your rhythm better than any description. Paste the text of each post.",
  },
};

export const audienceLevels = ["beginner", "practitioner", "expert"] as const;
export type AudienceLevel = (typeof audienceLevels)[number];
export const audienceLevelLabels: Record<AudienceLevel, { label: string; help: string }> = {
  beginner: { label: "Beginners", help: "New to the field: explain the basics." },
  practitioner: { label: "Practitioners", help: "Work in the field: skip the basics." },
  expert: { label: "Experts", help: "Know it deeply: go straight to the nuance." },
};

export const voiceGoals = [
  "thought_leadership",
  "hiring",
  "sales",
  "community",
  "personal_brand",
  "product_news",
] as const;
export type VoiceGoal = (typeof voiceGoals)[number];
export const voiceGoalLabels: Record<VoiceGoal, string> = {
  thought_leadership: "Thought leadership",
  hiring: "Hiring",
  sales: "Sales and leads",
  community: "Community",
  personal_brand: "Personal brand",
  product_news: "Product news",
};

/** Each slider runs from 0 (the left pole) to 100 (the right pole, the key's name). */
export const toneSliders = [
  { key: "casual", label: "Formal or casual", left: "Formal", right: "Casual" },
  { key: "playful", label: "Serious or playful", left: "Serious", right: "Playful" },
  {
    key: "enthusiastic",
    label: "Reserved or enthusiastic",
    left: "Reserved",
    right: "Enthusiastic",
  },
  { key: "direct", label: "Diplomatic or direct", left: "Diplomatic", right: "Direct" },
] as const;
export type ToneKey = (typeof toneSliders)[number]["key"];
export const TONE_DEFAULT = 50;

export const sampleKinds = ["mine", "admired"] as const;
export type SampleKind = (typeof sampleKinds)[number];
export const sampleKindLabels: Record<SampleKind, string> = {
  mine: "I wrote it",
  admired: "I admire it",
};

export const SAMPLE_COUNT = 3;
export const SAMPLE_MIN = 20;
export const SAMPLE_MAX = 3000;
export const voiceLimits = {
  title: 120,
  expertise: 500,
  industry: 120,
  audience: 500,
  other: 200,
  phrase: 200,
  phrases: 10,
  word: 60,
  words: 50,
  topic: 120,
  topics: 30,
} as const;

/** Characters as a person counts them (an emoji is one), for limits and the live counters alike. */
export const countChars = (s: string) => Array.from(s).length;

const text = (max: number, what: string, missing = "Enter text.") =>
  z
    .string(missing)
    .trim()
    .refine(
      (v) => countChars(v) <= max,
      `Keep ${what} under ${max.toLocaleString("en-US")} characters.`,
    );
/** Required text: absent, empty and blank all get `missing`. */
const requiredText = (max: number, what: string, missing: string) =>
  text(max, what, missing).refine((v) => v.length > 0, missing);

/** A tag list: trimmed, empty entries dropped, duplicates (ignoring case) kept once. */
const tagList = (maxItem: number, maxItems: number, what: string) =>
  z
    .array(text(maxItem, `each ${what}`), `Add ${what}s one at a time.`)
    .transform((items) => {
      const seen = new Set<string>();
      return items.filter((v) => {
        const key = v.toLowerCase();
        if (!v || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    })
    .refine((items) => items.length <= maxItems, `Keep it to ${maxItems} ${what}s.`);

const slider = z
  .number("Set this slider.")
  .int("Set this slider.")
  .min(0, "Use a value from 0 to 100.")
  .max(100, "Use a value from 0 to 100.");

const L = voiceLimits;

// Drafts: every field optional, every limit enforced (autosave keeps half-finished answers).
const roleDraft = z.object({
  title: text(L.title, "the role").optional(),
  expertise: text(L.expertise, "your expertise").optional(),
  industry: text(L.industry, "the industry").optional(),
});
const audienceDraft = z.object({
  description: text(L.audience, "the description").optional(),
  level: z.enum(audienceLevels, "Pick a level from the list.").optional(),
});
const goalsDraft = z.object({
  goals: z
    .array(z.enum(voiceGoals, "Pick goals from the list."))
    .transform((goals) => [...new Set(goals)])
    .optional(),
  other: text(L.other, "the other goal").optional(),
});
const toneDraft = z.object({
  casual: slider.optional(),
  playful: slider.optional(),
  enthusiastic: slider.optional(),
  direct: slider.optional(),
  phrases: tagList(L.phrase, L.phrases, "phrase").optional(),
});
const avoidDraft = z.object({
  words: tagList(L.word, L.words, "word").optional(),
  topics: tagList(L.topic, L.topics, "topic").optional(),
});
const sampleText = text(SAMPLE_MAX, "each post");
const sampleTooShort = `Paste a post of at least ${SAMPLE_MIN} characters.`;
const samplesDraft = z.object({
  samples: z
    .array(
      z.object({
        kind: z.enum(sampleKinds, "Say whether you wrote it or admire it.").optional(),
        text: sampleText.optional(),
      }),
    )
    .max(SAMPLE_COUNT, `Add at most ${SAMPLE_COUNT} posts.`)
    .optional(),
});

export const draftSchemas = {
  role: roleDraft,
  audience: audienceDraft,
  goals: goalsDraft,
  tone: toneDraft,
  avoid: avoidDraft,
  samples: samplesDraft,
} as const;

// Completion: the required fields of each exercise, with a message the step shows beside them.
export const completeSchemas = {
  role: roleDraft.extend({
    title: requiredText(L.title, "the role", "Say what your role or title is."),
    expertise: requiredText(L.expertise, "your expertise", "Say what you know best."),
  }),
  audience: audienceDraft.extend({
    description: requiredText(L.audience, "the description", "Say who you write for."),
    level: z.enum(audienceLevels, "Pick how much they already know."),
  }),
  goals: goalsDraft.refine((g) => (g.goals?.length ?? 0) > 0 || !!g.other, {
    message: "Pick at least one goal, or describe another.",
    path: ["goals"],
  }),
  tone: toneDraft.extend({ casual: slider, playful: slider, enthusiastic: slider, direct: slider }),
  avoid: avoidDraft,
  samples: z.object({
    samples: z
      .array(
        z.object({
          kind: z.enum(sampleKinds, "Say whether you wrote it or admire it."),
          text: text(SAMPLE_MAX, "each post", sampleTooShort).refine(
            (v) => countChars(v) >= SAMPLE_MIN,
            sampleTooShort,
          ),
        }),
        `Add ${SAMPLE_COUNT} posts.`,
      )
      .length(SAMPLE_COUNT, `Add ${SAMPLE_COUNT} posts.`),
  }),
} as const satisfies Record<ExerciseId, z.ZodType>;

export type ExerciseAnswers = { [K in ExerciseId]: z.output<(typeof draftSchemas)[K]> };
export type ExerciseInput = { [K in ExerciseId]: z.input<(typeof draftSchemas)[K]> };

export type ExerciseCheck<K extends ExerciseId> =
  { ok: true; data: ExerciseAnswers[K] } | { ok: false; fieldErrors: Record<string, string> };

/** Field messages keyed by path inside the exercise's data ("title", "samples.0.text"). */
export function exerciseFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "_form"] ??= issue.message;
  return out;
}

function check<K extends ExerciseId>(schema: z.ZodType, data: unknown): ExerciseCheck<K> {
  const parsed = schema.safeParse(data ?? {});
  return parsed.success
    ? { ok: true, data: parsed.data as ExerciseAnswers[K] }
    : { ok: false, fieldErrors: exerciseFieldErrors(parsed.error) };
}

/** Partial answers as autosave stores them: unknown keys dropped, limits checked. */
export const parseExerciseDraft = <K extends ExerciseId>(id: K, data: unknown) =>
  check<K>(draftSchemas[id], data);

/** The answers as "Mark done" stores them, or the required fields still missing. */
export const parseExerciseComplete = <K extends ExerciseId>(id: K, data: unknown) =>
  check<K>(completeSchemas[id], data);

export const isExerciseComplete = (id: ExerciseId, data: unknown): boolean =>
  completeSchemas[id].safeParse(data ?? {}).success;

/** "Balanced", "Somewhat casual", "Very formal"… for a slider's value. */
export function describeTone(value: number, left: string, right: string): string {
  const distance = Math.abs(value - 50);
  if (distance <= 10) return "Balanced";
  const pole = (value > 50 ? right : left).toLowerCase();
  return distance >= 35 ? `Very ${pole}` : `Somewhat ${pole}`;
}
