"use client";
// One exercise of the stepper: its heading, help, fields, and the buttons that move on.
import { forwardRef } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { AudienceStepFields } from "@/components/voice/audience-step-fields";
import { AvoidStepFields } from "@/components/voice/avoid-step-fields";
import { GoalsStepFields } from "@/components/voice/goals-step-fields";
import { RoleStepFields } from "@/components/voice/role-step-fields";
import { SamplesStepFields } from "@/components/voice/samples-step-fields";
import { ToneStepFields } from "@/components/voice/tone-step-fields";
import type { VoiceForm } from "@/components/voice/voice-form";
import {
  EXERCISE_COUNT,
  exerciseDefinitions,
  exerciseIds,
  type ExerciseId,
  type ExerciseStatus,
} from "@/lib/voice/exercises";

type Props = {
  id: ExerciseId;
  form: VoiceForm;
  status: ExerciseStatus | undefined;
  errors: Record<string, string>;
  /** A message about the last "Mark done" or "Save and continue", under the fields. */
  message: string | null;
  busy: boolean;
  onChange: <K extends ExerciseId>(id: K, value: VoiceForm[K]) => void;
  onBack: (() => void) | null;
  onContinue: () => void;
  onDone: () => void;
};

function StepFields({
  id,
  form,
  errors,
  onChange,
}: Pick<Props, "id" | "form" | "errors" | "onChange">) {
  switch (id) {
    case "role":
      return (
        <RoleStepFields errors={errors} value={form.role} onChange={(v) => onChange("role", v)} />
      );
    case "audience":
      return (
        <AudienceStepFields
          errors={errors}
          value={form.audience}
          onChange={(v) => onChange("audience", v)}
        />
      );
    case "goals":
      return (
        <GoalsStepFields
          errors={errors}
          value={form.goals}
          onChange={(v) => onChange("goals", v)}
        />
      );
    case "tone":
      return (
        <ToneStepFields errors={errors} value={form.tone} onChange={(v) => onChange("tone", v)} />
      );
    case "avoid":
      return (
        <AvoidStepFields
          errors={errors}
          value={form.avoid}
          onChange={(v) => onChange("avoid", v)}
        />
      );
    case "samples":
      return (
        <SamplesStepFields
          errors={errors}
          value={form.samples}
          onChange={(v) => onChange("samples", v)}
        />
      );
  }
}

export const VoiceStepCard = forwardRef<HTMLHeadingElement, Props>(function VoiceStepCard(
  { id, form, status, errors, message, busy, onChange, onBack, onContinue, onDone },
  headingRef,
) {
  const def = exerciseDefinitions[id];
  const n = exerciseIds.indexOf(id) + 1;
  return (
    <Card
      role="region"
      aria-labelledby={`voice-step-${id}-title`}
      data-testid={`voice-step-${id}`}
      data-status={status ?? "not_started"}
    >
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">
            Step {n} of {EXERCISE_COUNT}
          </p>
          {status === "completed" ? <Badge variant="success">Done</Badge> : null}
        </div>
        <h2
          ref={headingRef}
          id={`voice-step-${id}-title`}
          tabIndex={-1}
          className="text-xl font-semibold outline-none"
        >
          {def.title}
        </h2>
        <CardDescription>
          {def.summary} {def.help}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {/* Answers save as they are typed; Enter never submits half a step. */}
        <form
          noValidate
          aria-labelledby={`voice-step-${id}-title`}
          onSubmit={(e) => e.preventDefault()}
        >
          <StepFields id={id} form={form} errors={errors} onChange={onChange} />
        </form>
      </CardContent>
      <CardFooter className="flex-col items-stretch gap-3 border-t">
        {message ? (
          <p
            role="alert"
            className="text-sm font-medium text-destructive"
            data-testid="voice-step-message"
          >
            {message}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          {onBack ? (
            <Button type="button" variant="ghost" onClick={onBack} disabled={busy}>
              Back
            </Button>
          ) : (
            <span />
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" onClick={onContinue} disabled={busy}>
              Save and continue
            </Button>
            <Button type="button" onClick={onDone} disabled={busy} aria-busy={busy || undefined}>
              Mark done
            </Button>
          </div>
        </div>
      </CardFooter>
    </Card>
  );
});
