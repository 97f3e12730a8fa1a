"use client";
import { TagInput } from "@/components/voice/tag-input";
import { errorFor, type StepFieldsProps } from "@/components/voice/voice-form";
import { voiceLimits } from "@/lib/voice/exercises";

export function AvoidStepFields({ value, onChange, errors, disabled }: StepFieldsProps<"avoid">) {
  return (
    <div className="grid gap-6">
      <TagInput
        id="voice-avoid-words"
        label="Words to avoid"
        hint="Press Enter after each word."
        placeholder="For example: synergy"
        values={value.words}
        onChange={(words) => onChange({ ...value, words })}
        maxItems={voiceLimits.words}
        maxLength={voiceLimits.word}
        error={errorFor(errors, "words")}
        disabled={disabled}
      />
      <TagInput
        id="voice-avoid-topics"
        label="Topics to avoid"
        hint="Press Enter after each topic."
        placeholder="For example: politics"
        values={value.topics}
        onChange={(topics) => onChange({ ...value, topics })}
        maxItems={voiceLimits.topics}
        maxLength={voiceLimits.topic}
        error={errorFor(errors, "topics")}
        disabled={disabled}
      />
    </div>
  );
}
