import * as React from "react";

import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";

type FormFieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FormFieldProps = {
  id: string;
  label: React.ReactNode;
  error?: string;
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
  children:
    | ((control: FormFieldControlProps) => React.ReactNode)
    | React.ReactElement<Partial<FormFieldControlProps>>;
};

function FormField({ id, label, error, hint, required, className, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control: FormFieldControlProps = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  };

  return (
    <div
      data-slot="form-field"
      data-invalid={error ? true : undefined}
      className={cn("grid gap-2", className)}
    >
      <Label htmlFor={id}>
        {label}
        {required ? (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        ) : null}
      </Label>
      {typeof children === "function"
        ? children(control)
        : React.cloneElement(children, {
            ...control,
            "aria-describedby":
              [children.props["aria-describedby"], control["aria-describedby"]]
                .filter(Boolean)
                .join(" ") || undefined,
          })}
      {hint ? (
        <p id={hintId} data-slot="form-field-hint" className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p
          id={errorId}
          data-slot="form-field-error"
          className="text-sm font-medium whitespace-pre-line text-destructive"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}

export { FormField, type FormFieldProps, type FormFieldControlProps };
