"use client";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ChoiceGroup } from "@/components/voice/choice-group";
import type { StepFieldsProps } from "@/components/voice/voice-form";
import { voiceGoalLabels, voiceGoals, voiceLimits } from "@/lib/voice/exercises";

export function GoalsStepFields({ value, onChange, errors, disabled }: StepFieldsProps<"goals">) {
  return (
    <div className="grid gap-5">
      <ChoiceGroup
        id="voice-goals"
        type="checkbox"
        legend="Goals"
        hint="Pick at least one, or describe another below."
        options={voiceGoals.map((goal) => ({ value: goal, label: voiceGoalLabels[goal] }))}
        selected={value.goals}
        // Kept in the list's order, whatever order they were ticked in.
        onChange={(next) =>
          onChange({ ...value, goals: voiceGoals.filter((g) => next.includes(g)) })
        }
        error={errors.goals}
        disabled={disabled}
      />
      <FormField
        id="voice-goals-other"
        label="Another goal (optional)"
        hint="For example: find speaking invitations."
        error={errors.other}
      >
        <Input
          value={value.other}
          maxLength={voiceLimits.other}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, other: e.target.value })}
        />
      </FormField>
    </div>
  );
}
