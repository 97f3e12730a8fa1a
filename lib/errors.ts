// One error type for expected failures: a code the UI and API can rely on, a message a user can read.
import type { z } from "zod";
export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rule_violation: 422,
  no_credits: 402,
  slug_taken: 409,
  rate_limited: 429,
  invalid_signature: 401,
  dependency_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { fieldErrors?: Record<string, string>; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Parses `input` (defaults, trimming), refusing it as a form would: field errors, not a crash. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    fieldErrors[issue.path.join(".") || "_form"] ??= issue.message;
  throw new AppError("validation_failed", "Check the highlighted fields.", { fieldErrors });
}

/** The postgres.js error in a chain that Drizzle may have wrapped (it keeps the original as `cause`). */
function findPgError(e: unknown): Record<string, unknown> | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === "object"; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code))
      return cur as Record<string, unknown>;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A text field of the Postgres error (SQLSTATE `code`, `constraint_name`, `hint`, `detail`, `message`). */
export function pgField(
  e: unknown,
  field: "code" | "constraint_name" | "hint" | "detail" | "message",
): string | undefined {
  const value = findPgError(e)?.[field];
  return typeof value === "string" ? value : undefined;
}

export const pgErrorCode = (e: unknown) => pgField(e, "code");
export const pgConstraint = (e: unknown) => pgField(e, "constraint_name");

/**
 * Errors raised by our security definer functions carry a user-facing message and a machine code in
 * HINT; their SQLSTATE says the kind (see supabase/migrations/20261122001000_teams.sql).
 */
const sqlStateCodes: Record<string, ErrorCode> = {
  "42501": "forbidden",
  GA404: "not_found",
  GA409: "conflict",
  GA410: "gone",
  GA422: "rule_violation",
  GA402: "no_credits",
};

export function fromDbError(e: unknown): AppError | null {
  const state = pgErrorCode(e);
  const code = state ? sqlStateCodes[state] : undefined;
  if (!code) return null;
  const hint = pgField(e, "hint");
  const message = pgField(e, "message");
  // Only our functions set a hint; a bare 42501 (a policy refusal) gets a generic message.
  if (hint && message) return new AppError(code, message, { cause: e });
  return new AppError(
    code,
    code === "forbidden" ? "Your role does not allow this." : "That is not possible right now.",
    { cause: e },
  );
}
