// Local stand-in for Supabase Auth (GoTrue): the subset of /auth/v1 that supabase-js uses, on node:http,
// writing real rows to the auth schema as supabase_auth_admin. Development and tests only.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { JWK } from "jose";
import postgres from "postgres";
import type { AuthConfig, AuthContext, AuthResponse } from "./context";
import { AuthError, errorBody, internal, notFound, wantsApiVersion2024 } from "./errors";
import { checkApiKey, parseRequest, preflight, setCorsHeaders, writeResponse } from "./http";
import { generateSigningJwk, loadSigningKeys, type SigningKeys } from "./jwt";
import { ROUTES } from "./routes";

export type AuthServerOptions = {
  databaseUrl: string;
  /** Where clients reach this server, e.g. http://127.0.0.1:54321: the JWT issuer and /authorize links. */
  publicUrl: string;
  /** The app, e.g. http://localhost:3000: email_data.site_url and the default redirect. */
  siteUrl: string;
  publishableKey: string;
  secretKey: string;
  sendEmailHook: { url: string; secret: string };
  /** Private ES256 JWK with kid; generated when absent (tokens then die with the process). */
  signingKey?: JWK;
  jwtExpirySeconds?: number;
  now?: () => Date;
  /** Operational messages (never secrets); defaults to stderr. */
  log?: (message: string) => void;
  onRequest?: (entry: { method: string; path: string; status: number; ms: number }) => void;
  /** Serves other Supabase APIs under the same base URL (the Storage stand-in's /storage/v1/*); true = handled. */
  extraHandler?: (req: IncomingMessage, res: ServerResponse) => boolean;
};

export type AuthServer = {
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
};

const API_VERSION = "2024-01-01";

export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function refuseProduction() {
  if (process.env.NODE_ENV === "production") {
    throw new Error("The local auth server never runs with NODE_ENV=production");
  }
}

export function createAuthServer(options: AuthServerOptions): AuthServer {
  refuseProduction();
  const publicUrl = options.publicUrl.replace(/\/+$/, "");
  const config: AuthConfig = {
    publicUrl,
    issuer: `${publicUrl}/auth/v1`,
    siteUrl: options.siteUrl.replace(/\/+$/, ""),
    publishableKey: options.publishableKey,
    secretKey: options.secretKey,
    sendEmailHook: options.sendEmailHook,
    jwtExpirySeconds: options.jwtExpirySeconds ?? 3600,
  };
  const log = options.log ?? ((m: string) => process.stderr.write(`[auth-server] ${m}\n`));
  const sql = postgres(options.databaseUrl, {
    max: 10,
    onnotice: () => {},
    connection: { application_name: "local-auth-server" },
  });
  let keys: SigningKeys | undefined;

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<AuthResponse> {
    if (req.method === "OPTIONS") return preflight(req, res);
    const path = url.pathname.startsWith("/auth/v1/")
      ? url.pathname.slice("/auth/v1".length)
      : null;
    const entry = path ? ROUTES[`${req.method} ${path}`] : undefined;
    if (!entry || !keys) throw notFound("not_found", "Not found");
    if (!entry.open) {
      const refusal = checkApiKey(req, url, [config.publishableKey, config.secretKey]);
      if (refusal) return refusal;
    }
    const ctx: AuthContext = { sql, config, keys, now: options.now ?? (() => new Date()), log };
    return entry.handler(ctx, await parseRequest(req, url, path!));
  }

  function unexpected(err: unknown, req: IncomingMessage): AuthError {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(`unexpected error on ${req.method} ${req.url?.split("?")[0]}: ${detail}`);
    return internal("Unexpected failure, please check server logs for more information");
  }

  const server = createServer(async (req, res) => {
    if (options.extraHandler?.(req, res)) return;
    const started = performance.now();
    const path = (req.url ?? "/").split("?")[0]!;
    res.setHeader("X-Supabase-Api-Version", API_VERSION);
    setCorsHeaders(req, res);
    let status = 500;
    try {
      const out = await route(req, res, new URL(req.url ?? "/", "http://localhost"));
      status = out.status;
      writeResponse(res, out);
    } catch (err) {
      const authErr = err instanceof AuthError ? err : unexpected(err, req);
      status = authErr.status;
      res.setHeader("X-Sb-Error-Code", authErr.code);
      const json = errorBody(authErr, wantsApiVersion2024(req.headers["x-supabase-api-version"]));
      writeResponse(res, { status, json });
    } finally {
      const ms = Math.round(performance.now() - started);
      options.onRequest?.({ method: req.method ?? "", path, status, ms });
    }
  });

  return {
    async listen(port, host = "127.0.0.1") {
      refuseProduction();
      if (!isLoopbackHost(host)) {
        throw new Error(
          `The local auth server only binds to loopback (127.0.0.1, ::1, localhost), not "${host}"`,
        );
      }
      const [role] = await sql<{ rolname: string; rolsuper: boolean }[]>`
        select rolname, rolsuper from pg_roles where rolname = current_user`;
      if (!role || role.rolsuper) {
        throw new Error(
          `The local auth server must not connect as a superuser (got "${role?.rolname}"); use supabase_auth_admin`,
        );
      }
      keys = await loadSigningKeys(options.signingKey ?? (await generateSigningJwk()));
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      return { port: address.port, url: `http://${urlHost}:${address.port}` };
    },
    async close() {
      if (server.listening) {
        const closed = new Promise<void>((resolve, reject) =>
          server.close((err) => (err ? reject(err) : resolve())),
        );
        server.closeAllConnections();
        await closed;
      }
      await sql.end({ timeout: 5 });
    },
  };
}
