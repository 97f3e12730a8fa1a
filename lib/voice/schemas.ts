// Inputs of the voice operations. Client-safe. The answers themselves are checked against the
// exercise's own schema (lib/voice/exercises.ts), so field errors name fields inside the exercise
// ("title", "samples.0.text") whichever way the save came in.
import { z } from "zod";
import { exerciseIds } from "@/lib/voice/exercises";

export const saveVoiceExerciseInput = z.object({
  exercise: z.enum(exerciseIds, "Pick an exercise from the list."),
  data: z.record(z.string(), z.unknown(), "Those answers could not be read."),
  /** "Mark done": the required fields must be there, and the exercise becomes completed. */
  complete: z.boolean().default(false),
});
export type SaveVoiceExerciseInput = z.input<typeof saveVoiceExerciseInput>;

/** The server action's input: the org's slug, as every orgAction takes it. */
export const saveVoiceExerciseActionInput = saveVoiceExerciseInput.extend({
  org: z.string().trim().toLowerCase().min(1).max(60),
});
