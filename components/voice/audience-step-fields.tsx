"use client";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { ChoiceGroup } from "@/components/voice/choice-group";
import type { StepFieldsProps } from "@/components/voice/voice-form";
import { audienceLevelLabels, audienceLevels, voiceLimits } from "@/lib/voice/exercises";

export function AudienceStepFields({
  value,
  onChange,
  errors,
  disabled,
}: StepFieldsProps<"audience">) {
  return (
    <div className="grid gap-5">
      <FormField
        id="voice-audience-description"
        label="Who you write for"
        required
        hint="For example: founders of early-stage startups, nurses moving into management."
        error={errors.description}
      >
        <Textarea
          value={value.description}
          maxLength={voiceLimits.audience}
          disabled={disabled}
          rows={3}
          onChange={(e) => onChange({ ...value, description: e.target.value })}
        />
      </FormField>
      <ChoiceGroup
        id="voice-audience-level"
        type="radio"
        legend="Their knowledge level"
        required
        options={audienceLevels.map((level) => ({
          value: level,
          label: audienceLevelLabels[level].label,
          help: audienceLevelLabels[level].help,
        }))}
        selected={value.level ? [value.level] : []}
        onChange={(next) => onChange({ ...value, level: next[0] ?? "" })}
        error={errors.level}
        disabled={disabled}
      />
    </div>
  );
}
