// Supabase Auth errors → our AppError with a message a person can act on.
import type { AuthError } from "@supabase/supabase-js";
import { AppError } from "@/lib/errors";

export function toAppError(error: AuthError): AppError {
  switch (error.code) {
    case "weak_password":
      return new AppError("validation_failed", "Choose a stronger password.", {
        fieldErrors: { password: "Use at least 8 characters with a letter and a number." },
      });
    case "email_address_invalid":
    case "validation_failed":
      return new AppError("validation_failed", "Check the highlighted fields.", {
        fieldErrors: { email: "Enter a valid email address." },
      });
    case "invalid_credentials":
      return new AppError("unauthenticated", "Wrong email or password.");
    case "email_not_confirmed":
      return new AppError(
        "forbidden",
        "Confirm your email first: open the link we sent when you signed up.",
      );
    case "same_password":
      return new AppError("validation_failed", "Choose a new password.", {
        fieldErrors: { password: "Choose a password different from your current one." },
      });
    case "over_email_send_rate_limit":
    case "over_request_rate_limit":
      return new AppError("rate_limited", "Too many attempts. Wait a minute and try again.");
    case "session_not_found":
    case "session_expired":
    case "bad_jwt":
    case "refresh_token_not_found":
    case "refresh_token_already_used":
      return new AppError("unauthenticated", "Your session has ended. Log in again to continue.");
    case "otp_expired":
      return new AppError(
        "unauthenticated",
        "This link is invalid or has expired. Request a new one.",
      );
  }
  if (error.name === "AuthRetryableFetchError" || (error.status ?? 0) >= 500) {
    return new AppError(
      "dependency_unavailable",
      "We could not reach the sign-in service. Try again in a moment.",
      { cause: error },
    );
  }
  return new AppError("validation_failed", error.message || "Sign-in failed.", { cause: error });
}
