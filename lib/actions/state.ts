// What a server action returns to its form. Shared by server actions and client forms.
import type { ErrorCode } from "@/lib/errors";

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "success"; data: T; message?: string }
  | {
      status: "error";
      code: ErrorCode;
      message: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
    };

export const idleState = { status: "idle" } as const;
