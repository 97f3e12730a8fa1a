"use client";
import { Textarea } from "@/components/ui/textarea";
import { ChoiceGroup } from "@/components/voice/choice-group";
import type { SampleForm, StepFieldsProps } from "@/components/voice/voice-form";
import {
  countChars,
  SAMPLE_MAX,
  SAMPLE_MIN,
  sampleKindLabels,
  sampleKinds,
} from "@/lib/voice/exercises";
import { cn } from "@/lib/utils";

export function SamplesStepFields({
  value,
  onChange,
  errors,
  disabled,
}: StepFieldsProps<"samples">) {
  const update = (index: number, next: Partial<SampleForm>) =>
    onChange({
      samples: value.samples.map((s, i) => (i === index ? { ...s, ...next } : s)),
    });
  return (
    <div className="grid gap-6">
      {errors.samples ? (
        <p className="text-sm font-medium text-destructive" role="alert">
          {errors.samples}
        </p>
      ) : null}
      {value.samples.map((sample, i) => {
        const n = i + 1;
        const id = `voice-sample-${n}`;
        const count = countChars(sample.text.trim());
        const textError = errors[`samples.${i}.text`];
        const outOfRange = count > SAMPLE_MAX || (count > 0 && count < SAMPLE_MIN);
        return (
          <fieldset
            key={i}
            className="grid gap-4 rounded-lg border p-4"
            data-testid={`${id}-group`}
          >
            <legend className="px-1 text-sm font-semibold">Sample post {n}</legend>
            <ChoiceGroup
              id={`${id}-kind`}
              type="radio"
              legend={`Whose post is sample ${n}?`}
              required
              options={sampleKinds.map((k) => ({ value: k, label: sampleKindLabels[k] }))}
              selected={sample.kind ? [sample.kind] : []}
              onChange={(next) => update(i, { kind: next[0] ?? "" })}
              error={errors[`samples.${i}.kind`]}
              disabled={disabled}
            />
            <div className="grid gap-2" data-invalid={textError ? true : undefined}>
              <label htmlFor={`${id}-text`} className="text-sm font-medium">
                Text of sample post {n}
                <span aria-hidden="true" className="ml-1 text-destructive">
                  *
                </span>
              </label>
              <Textarea
                id={`${id}-text`}
                value={sample.text}
                rows={6}
                disabled={disabled}
                aria-invalid={textError ? true : undefined}
                aria-describedby={[`${id}-count`, textError ? `${id}-error` : null]
                  .filter(Boolean)
                  .join(" ")}
                onChange={(e) => update(i, { text: e.target.value })}
              />
              <p
                id={`${id}-count`}
                data-testid={`${id}-count`}
                data-count={count}
                className={cn(
                  "text-xs text-muted-foreground tabular-nums",
                  outOfRange && "text-destructive",
                )}
              >
                {count.toLocaleString("en-US")} / {SAMPLE_MAX.toLocaleString("en-US")} characters
                (at least {SAMPLE_MIN})
              </p>
              {textError ? (
                <p id={`${id}-error`} className="text-sm font-medium text-destructive">
                  {textError}
                </p>
              ) : null}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
