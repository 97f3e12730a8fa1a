// What every route handler receives: the database, the resolved configuration, the clock.
import type { IncomingHttpHeaders } from "node:http";
import type postgres from "postgres";
import type { SigningKeys } from "./jwt";

export type AuthConfig = {
  publicUrl: string;
  issuer: string;
  siteUrl: string;
  publishableKey: string;
  secretKey: string;
  sendEmailHook: { url: string; secret: string };
  jwtExpirySeconds: number;
};

export type AuthContext = {
  sql: postgres.Sql;
  config: AuthConfig;
  keys: SigningKeys;
  now: () => Date;
  log: (message: string) => void;
};

export type AuthRequest = {
  method: string;
  /** Path below /auth/v1, e.g. "/token". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (an empty object when there is none). */
  body: Record<string, unknown>;
  /** Parsed urlencoded body, for the consent form. */
  form: URLSearchParams | null;
  ip: string | null;
  userAgent: string | null;
};

export type AuthResponse =
  | { status: number; json?: unknown }
  | { status: number; html: string }
  | { status: 302 | 303; location: string };

export type Handler = (ctx: AuthContext, req: AuthRequest) => Promise<AuthResponse>;

export const json = (value: unknown, status = 200): AuthResponse => ({ status, json: value });

export function stringField(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  return typeof v === "string" ? v : "";
}

export function objectField(
  body: Record<string, unknown>,
  key: string,
): Record<string, unknown> | null {
  const v = body[key];
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
