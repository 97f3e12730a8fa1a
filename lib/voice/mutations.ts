// Saving a member's answers to one voice exercise (autosave and "Mark done"), through
// app.save_voice_exercise (20261204000100_voice.sql): it takes the member from auth.uid(), refuses
// viewers and non-members, bumps the profile's version and writes the audit entry, all in one
// transaction. The answers are checked here first, so a refusal names the fields.
import "server-only";
import { sql } from "drizzle-orm";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { AppError, fromDbError } from "@/lib/errors";
import type { AuditMeta } from "@/lib/posts/mutations";
import {
  EXERCISE_COUNT,
  exerciseFieldErrors,
  isExerciseComplete,
  parseExerciseComplete,
  parseExerciseDraft,
  type ExerciseId,
  type ExerciseStatus,
} from "@/lib/voice/exercises";
import { saveVoiceExerciseInput, type SaveVoiceExerciseInput } from "@/lib/voice/schemas";

export type SavedVoiceExercise = {
  exercise: ExerciseId;
  status: ExerciseStatus;
  /** The member's voice-profile version after this save (unchanged when nothing changed). */
  version: number;
  completed: number;
  total: number;
};

/** The answers to store and whether they are complete, or the field errors that stop the save. */
function prepare(input: SaveVoiceExerciseInput) {
  const parsed = saveVoiceExerciseInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("validation_failed", "Those answers could not be read.", {
      fieldErrors: exerciseFieldErrors(parsed.error),
    });
  const { exercise, data, complete } = parsed.data;
  const checked = complete
    ? parseExerciseComplete(exercise, data)
    : parseExerciseDraft(exercise, data);
  if (!checked.ok)
    throw new AppError(
      "validation_failed",
      complete
        ? "Fill in the highlighted fields to mark this exercise done."
        : "Check the highlighted fields.",
      { fieldErrors: checked.fieldErrors },
    );
  return { exercise, data: checked.data as Record<string, unknown>, complete };
}

export async function saveVoiceExercise(
  claims: JwtClaims,
  orgId: string,
  input: SaveVoiceExerciseInput,
  meta: AuditMeta,
): Promise<SavedVoiceExercise> {
  const { exercise, data, complete } = prepare(input);
  try {
    return await withRls(claims, async (tx) => {
      // An autosave of a finished exercise keeps it finished while the answers still meet its
      // requirements; erasing a required field reopens it.
      let done = complete;
      if (!done && isExerciseComplete(exercise, data)) {
        const [row] = await tx.execute<{ status: string }>(sql`
          select status from public.voice_exercises
          where org_id = ${orgId} and user_id = auth.uid() and exercise = ${exercise}`);
        done = row?.status === "completed";
      }
      const [saved] = await tx.execute<{ version: number }>(sql`
        select app.save_voice_exercise(${orgId}::uuid, ${exercise}, ${JSON.stringify(data)}::jsonb,
          ${done}, ${meta.requestId}, ${meta.ip}::inet) as version`);
      const [profile] = await tx.execute<{ completed: number }>(sql`
        select completed_count as completed from public.voice_profiles
        where org_id = ${orgId} and user_id = auth.uid()`);
      return {
        exercise,
        status: done ? "completed" : "in_progress",
        version: saved!.version,
        completed: profile?.completed ?? 0,
        total: EXERCISE_COUNT,
      };
    });
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
}
