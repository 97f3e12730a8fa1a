// The local auth server, driven by the real supabase-js against a migrated database, with a stand-in
// Send Email Hook receiver that checks every signature.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { verifyStandardWebhook } from "../../lib/email/webhook-signature";
import { createAuthServer, type AuthServer } from "../../scripts/auth-server/server";
import { testDb } from "../helpers/db";

const PUBLISHABLE_KEY = "sb_publishable_auth_server_test";
const SECRET_KEY = "sb_secret_auth_server_test";
const HOOK_SECRET = `v1,whsec_${Buffer.from("auth-server-test-hook-secret").toString("base64")}`;
const SITE_URL = "http://localhost:3000";
const PASSWORD = "correct-horse-42";

type HookEmail = {
  user: { id: string; email: string };
  email_data: {
    token: string;
    token_hash: string;
    redirect_to: string;
    email_action_type: string;
    site_url: string;
  };
};

const db = testDb();
const su = postgres(db.superUrl, { max: 2, onnotice: () => {} });
const owner = postgres(db.adminUrl, { max: 1, onnotice: () => {} });

let authUrl: string;
let server: AuthServer;
let hookServer: Server;
let clockOffsetMs = 0;
const emails: HookEmail[] = [];
let unsignedHookCalls = 0;
const failHookFor = new Set<string>();
const requestedPaths: string[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function startHookReceiver(): Promise<string> {
  hookServer = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const headers = { get: (name: string) => (req.headers[name] as string | undefined) ?? null };
      if (!verifyStandardWebhook(HOOK_SECRET, headers, body).ok) {
        unsignedHookCalls++;
        res.writeHead(401).end();
        return;
      }
      const email = JSON.parse(body) as HookEmail;
      if (failHookFor.has(email.user.email)) {
        res
          .writeHead(500, { "content-type": "application/json" })
          .end('{"error":{"http_code":500,"message":"down"}}');
        return;
      }
      emails.push(email);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) =>
    hookServer.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`),
    ),
  );
}

beforeAll(async () => {
  const hookUrl = await startHookReceiver();
  const port = await freePort();
  server = createAuthServer({
    databaseUrl: db.authUrl,
    publicUrl: `http://127.0.0.1:${port}`,
    siteUrl: SITE_URL,
    publishableKey: PUBLISHABLE_KEY,
    secretKey: SECRET_KEY,
    sendEmailHook: { url: hookUrl, secret: HOOK_SECRET },
    now: () => new Date(Date.now() + clockOffsetMs),
    log: () => {},
    onRequest: ({ path }) => requestedPaths.push(path),
  });
  authUrl = (await server.listen(port)).url;
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => hookServer?.close(resolve));
  await su.end();
  await owner.end();
});

beforeEach(() => {
  clockOffsetMs = 0;
});

let counter = 0;
const newEmail = (tag: string) => `${tag}-${++counter}-${process.pid}@example.com`;
const emailsTo = (address: string) => emails.filter((e) => e.user.email === address);
const lastEmailTo = (address: string) => emailsTo(address).at(-1)!;

type Storage = {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
};
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

function newClient(auth: Record<string, unknown> = {}): SupabaseClient {
  return createClient(authUrl, PUBLISHABLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, ...auth },
    realtime: { transport: WebSocket as never },
  });
}

async function signUpConfirmed(email: string, password = PASSWORD) {
  const client = newClient();
  const { data, error } = await client.auth.signUp({ email, password });
  expect(error).toBeNull();
  const verified = await client.auth.verifyOtp({
    type: "signup",
    token_hash: lastEmailTo(email).email_data.token_hash,
  });
  expect(verified.error).toBeNull();
  return { client, userId: data.user!.id };
}

async function signIn(email: string, password = PASSWORD) {
  const client = newClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  return { client, session: data.session! };
}

describe("sign-up and email confirmation", () => {
  it("creates the user without a session and sends one signed confirmation email through the hook", async () => {
    const email = newEmail("signup");
    const { data, error } = await newClient().auth.signUp({
      email,
      password: PASSWORD,
      options: { data: { full_name: "Ada Lovelace" }, emailRedirectTo: `${SITE_URL}/app` },
    });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    const user = data.user!;
    expect(user).toMatchObject({
      email,
      aud: "authenticated",
      role: "authenticated",
      app_metadata: { provider: "email" },
    });
    expect(user.user_metadata).toMatchObject({ full_name: "Ada Lovelace", email_verified: false });
    expect(user.identities?.map((i) => i.provider)).toEqual(["email"]);

    expect(unsignedHookCalls).toBe(0);
    expect(emailsTo(email)).toHaveLength(1);
    const { email_data: mail } = lastEmailTo(email);
    expect(mail).toMatchObject({
      email_action_type: "signup",
      redirect_to: `${SITE_URL}/app`,
      site_url: SITE_URL,
    });
    expect(mail.token).toMatch(/^\d{6}$/);
    expect(mail.token_hash).toBe(
      createHash("sha224")
        .update(email + mail.token)
        .digest("hex"),
    );

    const [row] = await su`select * from auth.users where id = ${user.id}`;
    expect(row).toMatchObject({
      email,
      aud: "authenticated",
      email_confirmed_at: null,
      confirmation_token: mail.token_hash,
    });
    expect(row!.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
    const identities =
      await su`select provider, provider_id, identity_data from auth.identities where user_id = ${user.id}`;
    expect(identities).toEqual([
      {
        provider: "email",
        provider_id: user.id,
        identity_data: expect.objectContaining({ sub: user.id, email }),
      },
    ]);
    const tokens =
      await su`select token_type::text, token_hash, relates_to from auth.one_time_tokens where user_id = ${user.id}`;
    expect(tokens).toEqual([
      { token_type: "confirmation_token", token_hash: mail.token_hash, relates_to: email },
    ]);
    const [profile] =
      await owner`select email, full_name from public.profiles where id = ${user.id}`;
    expect(profile).toEqual({ email, full_name: "Ada Lovelace" });
  });

  it("refuses password sign-in until the email is confirmed", async () => {
    const email = newEmail("unconfirmed");
    await newClient().auth.signUp({ email, password: PASSWORD });
    const { data, error } = await newClient().auth.signInWithPassword({
      email,
      password: PASSWORD,
    });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({
      status: 400,
      code: "email_not_confirmed",
      message: "Email not confirmed",
    });
  });

  it("confirms with the link's token_hash exactly once and signs the user in", async () => {
    const email = newEmail("confirm");
    const client = newClient();
    await client.auth.signUp({ email, password: PASSWORD });
    const tokenHash = lastEmailTo(email).email_data.token_hash;

    const { data, error } = await client.auth.verifyOtp({ type: "signup", token_hash: tokenHash });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.user_metadata.email_verified).toBe(true);

    const again = await newClient().auth.verifyOtp({ type: "signup", token_hash: tokenHash });
    expect(again.data.session).toBeNull();
    expect(again.error).toMatchObject({
      status: 403,
      code: "otp_expired",
      message: "Email link is invalid or has expired",
    });
    expect(
      (await newClient().auth.signInWithPassword({ email, password: PASSWORD })).error,
    ).toBeNull();
  });

  it("confirms a PKCE sign-up (as @supabase/ssr makes) from its pkce_ token_hash in another browser", async () => {
    const email = newEmail("pkce-signup");
    const browser = newClient({ flowType: "pkce", persistSession: true, storage: memoryStorage() });
    expect((await browser.auth.signUp({ email, password: PASSWORD })).error).toBeNull();
    const { token_hash: tokenHash } = lastEmailTo(email).email_data;
    expect(tokenHash).toMatch(/^pkce_[0-9a-f]{56}$/);
    const { data, error } = await newClient().auth.verifyOtp({
      type: "signup",
      token_hash: tokenHash,
    });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
  });

  it("accepts the 6-digit code from the email instead of the link", async () => {
    const email = newEmail("code");
    await newClient().auth.signUp({ email, password: PASSWORD });
    const { token } = lastEmailTo(email).email_data;
    const client = newClient();
    const wrong = await client.auth.verifyOtp({
      type: "email",
      email,
      token: token === "000000" ? "000001" : "000000",
    });
    expect(wrong.error).toMatchObject({ status: 403, code: "otp_expired" });
    const { data, error } = await client.auth.verifyOtp({ type: "email", email, token });
    expect(error).toBeNull();
    expect(data.session?.user.email_confirmed_at).toBeTruthy();
  });

  it("rejects a link older than an hour", async () => {
    const email = newEmail("stale");
    await newClient().auth.signUp({ email, password: PASSWORD });
    clockOffsetMs = 61 * 60 * 1000;
    const { error } = await newClient().auth.verifyOtp({
      type: "signup",
      token_hash: lastEmailTo(email).email_data.token_hash,
    });
    expect(error).toMatchObject({ status: 403, code: "otp_expired" });
  });

  it("resends the confirmation to an unconfirmed address, and only the newest link works", async () => {
    const email = newEmail("resend");
    const first = await newClient().auth.signUp({ email, password: PASSWORD });
    const firstHash = lastEmailTo(email).email_data.token_hash;
    const second = await newClient().auth.signUp({ email, password: PASSWORD });
    expect(second.data.user?.id).toBe(first.data.user?.id);
    expect(emailsTo(email)).toHaveLength(2);
    expect(
      (await newClient().auth.verifyOtp({ type: "signup", token_hash: firstHash })).error?.code,
    ).toBe("otp_expired");
    const ok = await newClient().auth.verifyOtp({
      type: "signup",
      token_hash: lastEmailTo(email).email_data.token_hash,
    });
    expect(ok.error).toBeNull();
  });

  it("answers a sign-up for a confirmed address like a new one, revealing nothing and sending nothing", async () => {
    const email = newEmail("taken");
    const { userId } = await signUpConfirmed(email);
    const sent = emailsTo(email).length;

    const { data, error } = await newClient().auth.signUp({ email, password: "another-pass-7" });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.id).toBeTruthy();
    expect(data.user?.id).not.toBe(userId);
    expect(data.user?.identities).toEqual([]);
    expect(emailsTo(email)).toHaveLength(sent);
    expect(await su`select id from auth.users where email = ${email}`).toEqual([{ id: userId }]);
    expect(
      (await newClient().auth.signInWithPassword({ email, password: PASSWORD })).error,
    ).toBeNull();
  });

  it("rejects weak passwords with weak_password and GoTrue's reasons", async () => {
    const lettersOnly = await newClient().auth.signUp({
      email: newEmail("weak"),
      password: "onlyletters",
    });
    expect(lettersOnly.error).toMatchObject({
      name: "AuthWeakPasswordError",
      status: 422,
      code: "weak_password",
      reasons: ["characters"],
    });
    const short = await newClient().auth.signUp({ email: newEmail("weak"), password: "ab1" });
    expect(short.error).toMatchObject({ code: "weak_password", reasons: ["length"] });
    expect(short.error?.message).toContain("Password should be at least 8 characters.");
  });

  it("rejects a malformed email address with a clear validation error", async () => {
    const { error } = await newClient().auth.signUp({ email: "not-an-email", password: PASSWORD });
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "Unable to validate email address: invalid format",
    });
  });

  it("leaves no user behind when the Send Email Hook fails", async () => {
    const email = newEmail("hookdown");
    failHookFor.add(email);
    const { data, error } = await newClient().auth.signUp({ email, password: PASSWORD });
    expect(data.user).toBeNull();
    expect(error).toMatchObject({ status: 500, message: "Error sending confirmation email" });
    expect(await su`select id from auth.users where email = ${email}`).toEqual([]);
    expect(await owner`select id from public.profiles where email = ${email}`).toEqual([]);
  });
});

describe("password sign-in and sessions", () => {
  it("rejects a wrong password or an unknown address alike with invalid_credentials", async () => {
    const email = newEmail("login");
    await signUpConfirmed(email);
    for (const attempt of [
      { email, password: "wrong-password-1" },
      { email: newEmail("nobody"), password: PASSWORD },
    ]) {
      const { error } = await newClient().auth.signInWithPassword(attempt);
      expect(error).toMatchObject({
        status: 400,
        code: "invalid_credentials",
        message: "Invalid login credentials",
      });
    }
  });

  it("issues an ES256 access token with Supabase's claims that getClaims verifies through the JWKS endpoint", async () => {
    const email = newEmail("claims");
    const { userId } = await signUpConfirmed(email);
    const { session } = await signIn(email);
    expect(session).toMatchObject({ token_type: "bearer", expires_in: 3600, user: { id: userId } });
    expect(decodeProtectedHeader(session.access_token)).toMatchObject({ alg: "ES256", typ: "JWT" });

    // A storage key of its own: supabase-js caches JWKS per storage key for the whole process.
    const client = newClient({ storageKey: `claims-${counter}` });
    requestedPaths.length = 0;
    const { data, error } = await client.auth.getClaims(session.access_token);
    expect(error).toBeNull();
    expect(data?.claims).toMatchObject({
      iss: `${authUrl}/auth/v1`,
      sub: userId,
      aud: "authenticated",
      email,
      phone: "",
      role: "authenticated",
      aal: "aal1",
      amr: [{ method: "password", timestamp: expect.any(Number) }],
      session_id: expect.any(String),
      is_anonymous: false,
      app_metadata: { provider: "email", providers: ["email"] },
    });
    expect(requestedPaths).toEqual(["/auth/v1/.well-known/jwks.json"]);

    const [head, payload, signature] = session.access_token.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...decodeJwt(session.access_token), role: "service_role" }),
    ).toString("base64url");
    const tampered = await client.auth.getClaims(`${head}.${forgedPayload}.${signature}`);
    expect(tampered.error).toMatchObject({
      name: "AuthInvalidJwtError",
      message: "Invalid JWT signature",
    });
    expect(payload).not.toBe(forgedPayload);

    const { privateKey } = await generateKeyPair("ES256");
    const { kid } = decodeProtectedHeader(session.access_token);
    const sign = (withKid: string) =>
      new SignJWT(decodeJwt(session.access_token))
        .setProtectedHeader({ alg: "ES256", kid: withKid, typ: "JWT" })
        .sign(privateKey);
    expect((await client.auth.getClaims(await sign(kid!))).error).toMatchObject({
      name: "AuthInvalidJwtError",
    });
    // An unknown kid makes supabase-js ask the server (getUser), which refuses the foreign signature.
    expect((await client.auth.getClaims(await sign("another-kid"))).error).toMatchObject({
      status: 403,
      code: "bad_jwt",
    });
  });

  it("rotates refresh tokens and refuses an old one after the 10 s reuse interval, revoking the family", async () => {
    const email = newEmail("refresh");
    await signUpConfirmed(email);
    const { client, session } = await signIn(email);
    const a = session.refresh_token;

    const first = await client.auth.refreshSession({ refresh_token: a });
    expect(first.error).toBeNull();
    const b = first.data.session!.refresh_token;
    expect(b).not.toBe(a);
    // A client that lost the answer may retry with its last token: it gets the same child back.
    expect(
      (await client.auth.refreshSession({ refresh_token: a })).data.session?.refresh_token,
    ).toBe(b);

    const second = await client.auth.refreshSession({ refresh_token: b });
    const c = second.data.session!.refresh_token;
    const rows =
      await su`select token, parent, revoked from auth.refresh_tokens where session_id = (
                            select session_id from auth.refresh_tokens where token = ${a}) order by id`;
    expect(rows).toEqual([
      { token: a, parent: null, revoked: true },
      { token: b, parent: a, revoked: true },
      { token: c, parent: b, revoked: false },
    ]);

    clockOffsetMs = 11_000;
    const reused = await client.auth.refreshSession({ refresh_token: a });
    expect(reused.error).toMatchObject({
      status: 400,
      code: "refresh_token_already_used",
      message: "Invalid Refresh Token: Already Used",
    });
    clockOffsetMs = 22_000;
    expect((await client.auth.refreshSession({ refresh_token: c })).error?.code).toBe(
      "refresh_token_already_used",
    );
  });

  it("signing out ends the session: its access token and refresh token stop working", async () => {
    const email = newEmail("logout");
    await signUpConfirmed(email);
    const { client, session } = await signIn(email);
    expect((await client.auth.getUser(session.access_token)).data.user?.email).toBe(email);

    expect((await client.auth.signOut()).error).toBeNull();
    const after = await newClient().auth.getUser(session.access_token);
    expect(after.data.user).toBeNull();
    expect(after.error?.name).toBe("AuthSessionMissingError");
    const refreshed = await newClient().auth.refreshSession({
      refresh_token: session.refresh_token,
    });
    expect(refreshed.error).toMatchObject({ code: "refresh_token_not_found" });
  });

  it("signing out locally keeps the user's other sessions", async () => {
    const email = newEmail("local-logout");
    await signUpConfirmed(email);
    const laptop = await signIn(email);
    const phone = await signIn(email);
    expect((await laptop.client.auth.signOut({ scope: "local" })).error).toBeNull();
    expect((await newClient().auth.getUser(laptop.session.access_token)).error?.name).toBe(
      "AuthSessionMissingError",
    );
    expect((await newClient().auth.getUser(phone.session.access_token)).error).toBeNull();
  });

  it("refuses an expired access token with bad_jwt", async () => {
    const email = newEmail("expired");
    await signUpConfirmed(email);
    const { session } = await signIn(email);
    clockOffsetMs = 3601 * 1000;
    const { error } = await newClient().auth.getUser(session.access_token);
    expect(error).toMatchObject({ status: 403, code: "bad_jwt" });
  });
});

describe("password recovery and magic links", () => {
  it("recovers an account: recovery email, verifyOtp recovery, updateUser, then the new password works", async () => {
    const email = newEmail("recover");
    await signUpConfirmed(email);
    const client = newClient();
    expect(
      (await client.auth.resetPasswordForEmail(email, { redirectTo: `${SITE_URL}/auth/reset` }))
        .error,
    ).toBeNull();
    const { email_data: mail } = lastEmailTo(email);
    expect(mail).toMatchObject({
      email_action_type: "recovery",
      redirect_to: `${SITE_URL}/auth/reset`,
    });

    const verified = await client.auth.verifyOtp({ type: "recovery", token_hash: mail.token_hash });
    expect(verified.error).toBeNull();
    expect((await client.auth.updateUser({ password: PASSWORD })).error).toMatchObject({
      status: 422,
      code: "same_password",
    });
    expect((await client.auth.updateUser({ password: "weakpass" })).error).toMatchObject({
      code: "weak_password",
    });
    const updated = await client.auth.updateUser({
      password: "brand-new-secret-9",
      data: { full_name: "Recovered" },
    });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata.full_name).toBe("Recovered");

    expect(
      (await newClient().auth.signInWithPassword({ email, password: PASSWORD })).error?.code,
    ).toBe("invalid_credentials");
    expect(
      (await newClient().auth.signInWithPassword({ email, password: "brand-new-secret-9" })).error,
    ).toBeNull();
    expect(
      (await newClient().auth.verifyOtp({ type: "recovery", token_hash: mail.token_hash })).error
        ?.code,
    ).toBe("otp_expired");
  });

  it("answers a recovery request for an unknown address the same way, sending nothing", async () => {
    const email = newEmail("ghost");
    expect((await newClient().auth.resetPasswordForEmail(email)).error).toBeNull();
    expect(emailsTo(email)).toEqual([]);
  });

  it("sends a magic link to a known address and nothing to an unknown one when sign-ups are off", async () => {
    const email = newEmail("magic");
    await signUpConfirmed(email);
    expect(
      (await newClient().auth.signInWithOtp({ email, options: { shouldCreateUser: false } })).error,
    ).toBeNull();
    const { email_data: mail } = lastEmailTo(email);
    expect(mail.email_action_type).toBe("magiclink");
    const { data, error } = await newClient().auth.verifyOtp({
      type: "magiclink",
      token_hash: mail.token_hash,
    });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);

    const stranger = newEmail("stranger");
    expect(
      (
        await newClient().auth.signInWithOtp({
          email: stranger,
          options: { shouldCreateUser: false },
        })
      ).error,
    ).toBeNull();
    expect(emailsTo(stranger)).toEqual([]);
    expect(await su`select id from auth.users where email = ${stranger}`).toEqual([]);
  });
});

describe("Sign in with LinkedIn (local consent page)", () => {
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const hiddenField = (html: string, name: string) =>
    unescape(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "");

  async function consent(client: SupabaseClient, identity: { name: string; email: string }) {
    const { data, error } = await client.auth.signInWithOAuth({
      provider: "linkedin_oidc",
      options: { redirectTo: `${SITE_URL}/auth/callback`, skipBrowserRedirect: true },
    });
    expect(error).toBeNull();
    const page = await fetch(data.url!);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Local LinkedIn sign-in — development stand-in");
    const form = new URLSearchParams({
      redirect_to: hiddenField(html, "redirect_to"),
      code_challenge: hiddenField(html, "code_challenge"),
      code_challenge_method: hiddenField(html, "code_challenge_method"),
      name: identity.name,
      email: identity.email,
      action: "continue",
    });
    const res = await fetch(`${authUrl}/auth/v1/authorize?provider=linkedin_oidc`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${SITE_URL}/auth/callback`);
    return location.searchParams.get("code")!;
  }

  it("consents, redirects with a code, and exchangeCodeForSession signs in a confirmed LinkedIn user", async () => {
    const email = newEmail("linkedin");
    const client = newClient({ flowType: "pkce", persistSession: true, storage: memoryStorage() });
    const code = await consent(client, { name: "Grace Hopper", email });

    const { data, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    const user = data.user!;
    expect(user.email_confirmed_at).toBeTruthy();
    expect(user.app_metadata).toMatchObject({
      provider: "linkedin_oidc",
      providers: ["linkedin_oidc"],
    });
    expect(user.user_metadata).toMatchObject({
      full_name: "Grace Hopper",
      name: "Grace Hopper",
      email,
    });
    expect(user.identities).toEqual([
      expect.objectContaining({
        provider: "linkedin_oidc",
        identity_data: expect.objectContaining({
          email,
          email_verified: true,
          name: "Grace Hopper",
        }),
      }),
    ]);
    expect(decodeJwt(data.session!.access_token).amr).toEqual([
      { method: "oauth", timestamp: expect.any(Number) },
    ]);
    const [profile] =
      await owner`select email, full_name from public.profiles where id = ${user.id}`;
    expect(profile).toEqual({ email, full_name: "Grace Hopper" });

    const replay = await fetch(`${authUrl}/auth/v1/token?grant_type=pkce`, {
      method: "POST",
      headers: {
        apikey: PUBLISHABLE_KEY,
        "content-type": "application/json",
        "x-supabase-api-version": "2024-01-01",
      },
      body: JSON.stringify({ auth_code: code, code_verifier: "x".repeat(43) }),
    });
    expect(replay.status).toBe(404);
    expect(await replay.json()).toMatchObject({ code: "flow_state_not_found" });

    // Signing in again finds the same user through the identity.
    const again = newClient({ flowType: "pkce", persistSession: true, storage: memoryStorage() });
    const second = await again.auth.exchangeCodeForSession(
      await consent(again, { name: "Grace Hopper", email }),
    );
    expect(second.data.user?.id).toBe(user.id);
  });

  it("refuses a code presented with the wrong verifier", async () => {
    const client = newClient({ flowType: "pkce", persistSession: true, storage: memoryStorage() });
    const code = await consent(client, { name: "Mallory", email: newEmail("mallory") });
    const res = await fetch(`${authUrl}/auth/v1/token?grant_type=pkce`, {
      method: "POST",
      headers: {
        apikey: PUBLISHABLE_KEY,
        "content-type": "application/json",
        "x-supabase-api-version": "2024-01-01",
      },
      body: JSON.stringify({ auth_code: code, code_verifier: "not-the-verifier-".repeat(3) }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "bad_code_verifier" });
  });

  it("refuses providers other than linkedin_oidc as GoTrue does", async () => {
    const res = await fetch(
      `${authUrl}/auth/v1/authorize?provider=github&code_challenge=${"a".repeat(43)}&code_challenge_method=s256`,
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error_code: "validation_failed",
      msg: "Unsupported provider: Provider github could not be found",
    });
  });
});

describe("the HTTP surface", () => {
  it("requires a known API key and stamps every response with the API version", async () => {
    const bad = await fetch(`${authUrl}/auth/v1/settings`, {
      headers: { apikey: "sb_publishable_wrong" },
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: "Invalid API key" });
    expect(bad.headers.get("x-supabase-api-version")).toBe("2024-01-01");
    for (const key of [PUBLISHABLE_KEY, SECRET_KEY]) {
      const ok = await fetch(`${authUrl}/auth/v1/settings`, { headers: { apikey: key } });
      expect(await ok.json()).toMatchObject({
        external: { email: true, linkedin_oidc: true },
        mailer_autoconfirm: false,
      });
    }
  });

  it("returns GoTrue's error body for the API version the client asks for", async () => {
    const attempt = (headers: Record<string, string>) =>
      fetch(`${authUrl}/auth/v1/token?grant_type=password`, {
        method: "POST",
        headers: { apikey: PUBLISHABLE_KEY, "content-type": "application/json", ...headers },
        body: JSON.stringify({ email: "nobody@example.com", password: "whatever-1" }),
      }).then((r) => r.json());
    expect(await attempt({ "x-supabase-api-version": "2024-01-01" })).toEqual({
      code: "invalid_credentials",
      message: "Invalid login credentials",
    });
    expect(await attempt({})).toEqual({
      code: 400,
      error_code: "invalid_credentials",
      msg: "Invalid login credentials",
    });
  });

  it("refuses to start on a non-loopback host, in production, or as a database superuser", async () => {
    const options = {
      databaseUrl: db.authUrl,
      publicUrl: "http://127.0.0.1:54321",
      siteUrl: SITE_URL,
      publishableKey: PUBLISHABLE_KEY,
      secretKey: SECRET_KEY,
      sendEmailHook: { url: "http://127.0.0.1:1/hook", secret: HOOK_SECRET },
    };
    const exposed = createAuthServer(options);
    await expect(exposed.listen(0, "0.0.0.0")).rejects.toThrow(/loopback/);
    await exposed.close();

    const superuser = createAuthServer({ ...options, databaseUrl: db.superUrl });
    await expect(superuser.listen(0)).rejects.toThrow(/superuser/);
    await superuser.close();

    vi.stubEnv("NODE_ENV", "production");
    try {
      expect(() => createAuthServer(options)).toThrow(/production/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
