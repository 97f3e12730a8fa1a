"use client";
import { TagInput } from "@/components/voice/tag-input";
import { ToneSlider } from "@/components/voice/tone-slider";
import { errorFor, type StepFieldsProps } from "@/components/voice/voice-form";
import { toneSliders, voiceLimits } from "@/lib/voice/exercises";

export function ToneStepFields({ value, onChange, errors, disabled }: StepFieldsProps<"tone">) {
  return (
    <div className="grid gap-6">
      <div className="grid gap-5">
        {toneSliders.map((s) => (
          <ToneSlider
            key={s.key}
            id={`voice-tone-${s.key}`}
            label={s.label}
            left={s.left}
            right={s.right}
            value={value[s.key]}
            onChange={(v) => onChange({ ...value, [s.key]: v })}
            error={errors[s.key]}
            disabled={disabled}
          />
        ))}
      </div>
      <TagInput
        id="voice-tone-phrases"
        label="Phrases that sound like you"
        hint="Optional. Sayings, openers or sign-offs you use. Press Enter after each."
        placeholder="For example: Here is the thing."
        values={value.phrases}
        onChange={(phrases) => onChange({ ...value, phrases })}
        maxItems={voiceLimits.phrases}
        maxLength={voiceLimits.phrase}
        error={errorFor(errors, "phrases")}
        disabled={disabled}
      />
    </div>
  );
}
