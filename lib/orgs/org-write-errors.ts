import "server-only";
import { AppError, fromDbError, pgConstraint, pgErrorCode } from "@/lib/errors";

/** Postgres errors from writing an organization row → the field errors its forms show. */
export function mapOrgWriteError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = pgErrorCode(err);
  const constraint = pgConstraint(err);
  if (code === "23505" && constraint === "organizations_slug_key") {
    return new AppError("slug_taken", "This address is taken.", {
      fieldErrors: { slug: "This address is taken. Pick another." },
      cause: err,
    });
  }
  if (code === "23514" && constraint === "organizations_slug_check") {
    return new AppError("validation_failed", "Check the highlighted fields.", {
      fieldErrors: {
        slug: "Use 3 to 40 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
      },
      cause: err,
    });
  }
  if (code === "23514" && constraint === "organizations_timezone_check") {
    return new AppError("validation_failed", "Check the highlighted fields.", {
      fieldErrors: { timezone: "Pick a time zone from the list." },
      cause: err,
    });
  }
  if (code === "42501")
    return fromDbError(err) ?? new AppError("forbidden", "Your role does not allow this.");
  return err;
}
