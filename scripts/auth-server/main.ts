// npm run auth-server — the local Supabase Auth stand-in, configured from the environment.
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { JWK } from "jose";
import { z } from "zod";
import { createStorageHandler, deriveStorageSigningSecret } from "../stand-ins/storage";
import { generateSigningJwk } from "./jwt";
import { createAuthServer, isLoopbackHost } from "./server";

const envSchema = z.object({
  AUTH_DATABASE_URL: z
    .string()
    .startsWith("postgres", "must be a postgres:// URL for the supabase_auth_admin role"),
  SUPABASE_URL: z.url().default("http://127.0.0.1:54321"),
  APP_URL: z.url().default("http://localhost:3000"),
  SUPABASE_PUBLISHABLE_KEY: z.string().min(10),
  SUPABASE_SECRET_KEY: z.string().min(10),
  AUTH_SEND_EMAIL_HOOK_URL: z.url().optional(),
  SEND_EMAIL_HOOK_SECRET: z.string().startsWith("v1,whsec_"),
  AUTH_SIGNING_KEY_FILE: z.string().default(".data/auth/signing-key.json"),
  AUTH_JWT_EXPIRY: z.coerce
    .number()
    .int()
    .min(30)
    .max(7 * 24 * 3600)
    .default(3600),
  // The Storage stand-in served at ${SUPABASE_URL}/storage/v1 keeps its bytes here.
  STORAGE_DIR: z.string().default(".data/storage"),
});

function readEnv() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment for the local auth server:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Loads the private JWK, or creates it (mode 600) so that restarts keep sessions valid. */
async function loadOrCreateSigningKey(file: string): Promise<JWK> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    // Also accepts the array `supabase gen signing-key` writes.
    return (Array.isArray(parsed) ? parsed[0] : parsed) as JWK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`Cannot read ${file}: ${(err as Error).message}`);
    }
  }
  const jwk = await generateSigningJwk();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(jwk, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  await chmod(file, 0o600);
  console.log(`auth-server: created signing key ${file}`);
  return jwk;
}

async function main() {
  const env = readEnv();
  const publicUrl = new URL(env.SUPABASE_URL);
  const hostname = publicUrl.hostname.replace(/^\[|\]$/g, "");
  if (!isLoopbackHost(hostname)) {
    throw new Error(
      `SUPABASE_URL must point at this machine (127.0.0.1, ::1 or localhost), not ${publicUrl.host}`,
    );
  }
  const server = createAuthServer({
    databaseUrl: env.AUTH_DATABASE_URL,
    publicUrl: publicUrl.origin,
    siteUrl: env.APP_URL,
    publishableKey: env.SUPABASE_PUBLISHABLE_KEY,
    secretKey: env.SUPABASE_SECRET_KEY,
    sendEmailHook: {
      url:
        env.AUTH_SEND_EMAIL_HOOK_URL ?? new URL("/api/webhooks/auth-email", env.APP_URL).toString(),
      secret: env.SEND_EMAIL_HOOK_SECRET,
    },
    signingKey: await loadOrCreateSigningKey(env.AUTH_SIGNING_KEY_FILE),
    jwtExpirySeconds: env.AUTH_JWT_EXPIRY,
    onRequest: ({ method, path: p, status, ms }) =>
      console.log(`auth-server: ${method} ${p} ${status} ${ms}ms`),
    extraHandler: createStorageHandler({
      dir: env.STORAGE_DIR,
      secretKey: env.SUPABASE_SECRET_KEY,
      publishableKey: env.SUPABASE_PUBLISHABLE_KEY,
      signingSecret: deriveStorageSigningSecret(env.SUPABASE_SECRET_KEY),
      onRequest: ({ method, path: p, status, ms }) =>
        console.log(`storage: ${method} ${p} ${status} ${ms}ms`),
    }),
  });
  const host = hostname === "localhost" ? "127.0.0.1" : hostname;
  const { url } = await server.listen(Number(publicUrl.port || 54321), host);
  console.log(`auth-server: listening on ${url}/auth/v1 (issuer ${publicUrl.origin}/auth/v1)`);
  console.log(`auth-server: storage stand-in on ${url}/storage/v1 (files in ${env.STORAGE_DIR})`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`auth-server: ${signal}, closing`);
    await server.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  console.error(`auth-server: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
