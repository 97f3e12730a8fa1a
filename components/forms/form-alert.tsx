import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionState } from "@/lib/actions/state";

/** The form-level message of an action's state (field messages sit beside their fields). */
export function FormAlert({ state }: { state: ActionState<unknown> }) {
  if (state.status !== "error") return null;
  return (
    <Alert variant="destructive" data-testid="form-error">
      <AlertDescription>{state.message}</AlertDescription>
    </Alert>
  );
}

export function fieldError(state: ActionState<unknown>, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[name] : undefined;
}

export function fieldValue(state: ActionState<unknown>, name: string): string | undefined {
  return state.status === "error" ? state.values?.[name] : undefined;
}
