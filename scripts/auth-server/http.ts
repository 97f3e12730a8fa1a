// node:http plumbing: body parsing, the API-key gate, CORS and writing responses.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthRequest, AuthResponse } from "./context";
import { AuthError, badRequest } from "./errors";

const MAX_BODY_BYTES = 1_000_000;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new AuthError(413, "validation_failed", "Request body too large");
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function parseRequest(
  req: IncomingMessage,
  url: URL,
  path: string,
): Promise<AuthRequest> {
  const raw = req.method === "GET" || req.method === "HEAD" ? "" : await readBody(req);
  const type = req.headers["content-type"] ?? "";
  let body: Record<string, unknown> = {};
  let form: URLSearchParams | null = null;
  if (type.startsWith("application/x-www-form-urlencoded")) {
    form = new URLSearchParams(raw);
  } else if (raw.trim()) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new Error("expected a JSON object");
      }
      body = parsed as Record<string, unknown>;
    } catch (err) {
      throw badRequest(
        "bad_json",
        `Could not parse request body as JSON: ${(err as Error).message}`,
      );
    }
  }
  const ua = req.headers["user-agent"];
  return {
    method: req.method ?? "GET",
    path,
    query: url.searchParams,
    headers: req.headers,
    body,
    form,
    ip: req.socket.remoteAddress ?? null,
    userAgent: typeof ua === "string" ? ua : null,
  };
}

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What Supabase's API gateway answers without a valid `apikey`; null when the key is known. */
export function checkApiKey(req: IncomingMessage, url: URL, keys: string[]): AuthResponse | null {
  const apikey = req.headers.apikey ?? url.searchParams.get("apikey");
  if (typeof apikey !== "string" || !apikey) {
    return {
      status: 401,
      json: {
        message: "No API key found in request",
        hint: "No `apikey` request header or url param was found.",
      },
    };
  }
  if (keys.some((key) => sameSecret(apikey, key))) return null;
  return {
    status: 401,
    json: {
      message: "Invalid API key",
      hint: "Double check your Supabase `anon` or `service_role` API key.",
    },
  };
}

export function setCorsHeaders(req: IncomingMessage, res: ServerResponse) {
  const origin = req.headers.origin;
  res.setHeader("Access-Control-Allow-Origin", origin ?? "*");
  if (origin) res.setHeader("Access-Control-Allow-Credentials", "true");
  res.setHeader("Access-Control-Expose-Headers", "X-Supabase-Api-Version, X-Sb-Error-Code");
  res.setHeader("Vary", "Origin");
}

export function preflight(req: IncomingMessage, res: ServerResponse): AuthResponse {
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  res.setHeader(
    "Access-Control-Allow-Headers",
    req.headers["access-control-request-headers"] ??
      "apikey, authorization, content-type, x-client-info, x-supabase-api-version",
  );
  res.setHeader("Access-Control-Max-Age", "86400");
  return { status: 204 };
}

export function writeResponse(res: ServerResponse, out: AuthResponse) {
  if ("location" in out) {
    res.writeHead(out.status, { Location: out.location }).end();
  } else if ("html" in out) {
    res
      .writeHead(out.status, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
      })
      .end(out.html);
  } else if (out.json === undefined) {
    res.writeHead(out.status).end();
  } else {
    res.writeHead(out.status, { "Content-Type": "application/json" }).end(JSON.stringify(out.json));
  }
}
