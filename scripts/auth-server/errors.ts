// GoTrue's error shapes. auth-js reads `code` as the error code when the response carries
// X-Supabase-Api-Version >= 2024-01-01 (and `error_code` otherwise), and the message from `msg`,
// then `message`, so both body versions surface the same `error.code` and `error.message`.

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AuthError";
  }
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const unauthorized = (code: string, message: string) => new AuthError(401, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const internal = (message: string) => new AuthError(500, "unexpected_failure", message);

export function weakPassword(message: string, reasons: string[]) {
  return new AuthError(422, "weak_password", message, { weak_password: { reasons } });
}

const API_VERSION_2024 = Date.parse("2024-01-01T00:00:00Z");

/** True when the client asked for the 2024-01-01 API (supabase-js always does). */
export function wantsApiVersion2024(header: string | string[] | undefined): boolean {
  if (typeof header !== "string" || !/^2\d{3}-\d{2}-\d{2}$/.test(header)) return false;
  const t = Date.parse(`${header}T00:00:00Z`);
  return Number.isFinite(t) && t >= API_VERSION_2024;
}

export function errorBody(err: AuthError, apiVersion2024: boolean): Record<string, unknown> {
  if (apiVersion2024) return { code: err.code, message: err.message, ...err.extra };
  return { code: err.status, error_code: err.code, msg: err.message, ...err.extra };
}
