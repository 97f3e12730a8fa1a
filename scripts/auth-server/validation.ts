// Input checks with GoTrue's messages: email format, password strength, PKCE params, redirects.
import { badRequest, weakPassword } from "./errors";

const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function validateEmail(input: unknown): string {
  const email = typeof input === "string" ? input.trim() : "";
  if (!email) throw badRequest("validation_failed", "An email address is required");
  if (email.length > 255) throw badRequest("validation_failed", "An email address is too long");
  if (!EMAIL_RE.test(email)) {
    throw badRequest("validation_failed", "Unable to validate email address: invalid format");
  }
  return email.toLowerCase();
}

const MIN_PASSWORD_LENGTH = 8;
const REQUIRED_CHARACTER_SETS = [
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "0123456789",
];

/** GoTrue's checkPasswordStrength with "letters and digits" required and a minimum of 8. */
export function checkPasswordStrength(password: string): void {
  const reasons: string[] = [];
  const messages: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    reasons.push("length");
    messages.push(`Password should be at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const missesASet = REQUIRED_CHARACTER_SETS.some(
    (set) => ![...password].some((c) => set.includes(c)),
  );
  if (missesASet) {
    reasons.push("characters");
    messages.push(
      `Password should contain at least one character of each: ${REQUIRED_CHARACTER_SETS.join(", ")}.`,
    );
  }
  if (reasons.length) throw weakPassword(messages.join(" "), reasons);
}

export type PkceParams = { challenge: string; method: "s256" | "plain" } | null;

export function parsePkceParams(challenge: unknown, method: unknown): PkceParams {
  const c = typeof challenge === "string" ? challenge : "";
  const m = typeof method === "string" ? method.toLowerCase() : "";
  if (!c && !m) return null;
  if (!c || !m) {
    throw badRequest(
      "validation_failed",
      "PKCE flow requires code_challenge_method and code_challenge",
    );
  }
  if (m !== "s256" && m !== "plain") {
    throw badRequest("validation_failed", `code challenge method ${m} not supported`);
  }
  if (c.length < 43 || c.length > 128) {
    throw badRequest("validation_failed", "code challenge has to be between 43 and 128 characters");
  }
  return { challenge: c, method: m };
}

/** Like GoTrue's allow list with only the site URL on it: other redirects fall back to the site. */
export function safeRedirect(redirectTo: string | null | undefined, siteUrl: string): string {
  if (!redirectTo) return siteUrl;
  try {
    return new URL(redirectTo).origin === new URL(siteUrl).origin ? redirectTo : siteUrl;
  } catch {
    return siteUrl;
  }
}
