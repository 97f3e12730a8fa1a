"use server";
// Server actions of the voice exercises page (components/voice/): autosave while typing and "Save
// and continue" / "Mark done" per step. Bad answers come back as field errors keyed by the field's
// path inside the exercise ("samples.0.text").
import { orgAction } from "@/lib/actions/client";
import { saveVoiceExercise } from "@/lib/voice/mutations";
import { saveVoiceExerciseActionInput } from "@/lib/voice/schemas";

export const saveVoiceExerciseAction = orgAction(
  "voice.edit_own",
  saveVoiceExerciseActionInput,
  (input, ctx) =>
    saveVoiceExercise(
      ctx.user.claims,
      ctx.org.id,
      { exercise: input.exercise, data: input.data, complete: input.complete },
      { requestId: ctx.requestId, ip: ctx.ip },
    ),
);
