"use client";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { StepFieldsProps } from "@/components/voice/voice-form";
import { voiceLimits } from "@/lib/voice/exercises";

export function RoleStepFields({ value, onChange, errors, disabled }: StepFieldsProps<"role">) {
  return (
    <div className="grid gap-5">
      <FormField
        id="voice-role-title"
        label="Role or title"
        required
        hint="For example: Head of Talent, founder, staff engineer."
        error={errors.title}
      >
        <Input
          value={value.title}
          maxLength={voiceLimits.title}
          disabled={disabled}
          autoComplete="organization-title"
          onChange={(e) => onChange({ ...value, title: e.target.value })}
        />
      </FormField>
      <FormField
        id="voice-role-expertise"
        label="Expertise"
        required
        hint="What you know better than most: the topics people ask you about."
        error={errors.expertise}
      >
        <Textarea
          value={value.expertise}
          maxLength={voiceLimits.expertise}
          disabled={disabled}
          rows={3}
          onChange={(e) => onChange({ ...value, expertise: e.target.value })}
        />
      </FormField>
      <FormField
        id="voice-role-industry"
        label="Industry (optional)"
        hint="For example: B2B software, healthcare, retail."
        error={errors.industry}
      >
        <Input
          value={value.industry}
          maxLength={voiceLimits.industry}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, industry: e.target.value })}
        />
      </FormField>
    </div>
  );
}
