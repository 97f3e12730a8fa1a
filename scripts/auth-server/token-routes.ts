// POST /token (password, refresh_token and pkce grants), GET/PUT /user and POST /logout.
import { createHash, timingSafeEqual } from "node:crypto";
import bcrypt from "bcryptjs";
import { json, objectField, stringField, type Handler } from "./context";
import { badRequest, notFound, unprocessable } from "./errors";
import {
  authenticate,
  issueSession,
  logout as logoutSessions,
  refreshSession,
  type LogoutScope,
} from "./sessions";
import { BCRYPT_COST, findUserByEmail, loadUserJson, mergeUserMetadata } from "./users";
import { checkPasswordStrength } from "./validation";

export const FLOW_STATE_EXPIRY_SECONDS = 5 * 60;

// Compared against when the address is unknown, so that answers take as long either way.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () =>
  (dummyHash ??= bcrypt.hash("local-auth-server-dummy-password", BCRYPT_COST));

const invalidCredentials = () => badRequest("invalid_credentials", "Invalid login credentials");

const passwordGrant: Handler = async (ctx, req) => {
  const email = stringField(req.body, "email").trim().toLowerCase();
  const password = stringField(req.body, "password");
  if (!email || !password) throw invalidCredentials();
  const user = await findUserByEmail(ctx.sql, email);
  const isValid = await bcrypt.compare(
    password,
    user?.encrypted_password || (await getDummyHash()),
  );
  if (!user || !user.encrypted_password || !isValid) throw invalidCredentials();
  if (user.banned_until && user.banned_until > ctx.now()) {
    throw badRequest("user_banned", "User is banned");
  }
  if (!user.email_confirmed_at) throw badRequest("email_not_confirmed", "Email not confirmed");
  return json(await ctx.sql.begin((tx) => issueSession(ctx, tx, req, user.id, "password")));
};

const refreshTokenGrant: Handler = async (ctx, req) => {
  const token = stringField(req.body, "refresh_token");
  if (!token) throw badRequest("validation_failed", "refresh_token required");
  return json(await refreshSession(ctx, req, token));
};

type FlowStateRow = {
  id: string;
  user_id: string | null;
  code_challenge_method: string;
  code_challenge: string;
  provider_type: string;
  provider_access_token: string | null;
  provider_refresh_token: string | null;
  authentication_method: string;
  created_at: Date;
  auth_code_issued_at: Date | null;
};

function matchesChallenge(flow: FlowStateRow, verifier: string): boolean {
  const expected =
    flow.code_challenge_method === "s256"
      ? createHash("sha256").update(verifier).digest("base64url")
      : flow.code_challenge_method === "plain"
        ? verifier
        : null;
  if (expected === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(flow.code_challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}

const pkceGrant: Handler = async (ctx, req) => {
  const authCode = stringField(req.body, "auth_code");
  const verifier = stringField(req.body, "code_verifier");
  if (!authCode || !verifier) {
    throw badRequest(
      "validation_failed",
      "invalid request: both auth code and code verifier should be non-empty",
    );
  }
  const session = await ctx.sql.begin(async (tx) => {
    const [flow] = await tx<
      FlowStateRow[]
    >`select * from auth.flow_state where auth_code = ${authCode} for update`;
    if (!flow?.user_id) {
      throw notFound("flow_state_not_found", "invalid flow state, no valid flow state found");
    }
    const issuedAt = flow.auth_code_issued_at ?? flow.created_at;
    if (ctx.now().getTime() > issuedAt.getTime() + FLOW_STATE_EXPIRY_SECONDS * 1000) {
      throw badRequest("flow_state_expired", "invalid flow state, flow state has expired");
    }
    if (!matchesChallenge(flow, verifier)) {
      throw badRequest(
        "bad_code_verifier",
        "code challenge does not match previously saved code verifier",
      );
    }
    await tx`delete from auth.flow_state where id = ${flow.id}`;
    const method = flow.authentication_method === "oauth" ? "oauth" : "otp";
    return issueSession(ctx, tx, req, flow.user_id, method, {
      provider_token: flow.provider_access_token || undefined,
      provider_refresh_token: flow.provider_refresh_token || undefined,
    });
  });
  return json(session);
};

export const token: Handler = async (ctx, req) => {
  switch (req.query.get("grant_type")) {
    case "password":
      return passwordGrant(ctx, req);
    case "refresh_token":
      return refreshTokenGrant(ctx, req);
    case "pkce":
      return pkceGrant(ctx, req);
    default:
      throw badRequest("validation_failed", "unsupported_grant_type");
  }
};

export const getUser: Handler = async (ctx, req) => {
  const { user } = await authenticate(ctx, req);
  return json(await loadUserJson(ctx.sql, user.id));
};

export const updateUser: Handler = async (ctx, req) => {
  const auth = await authenticate(ctx, req);
  const { user } = auth;
  const email = stringField(req.body, "email").trim().toLowerCase();
  if ((email && email !== user.email) || stringField(req.body, "phone")) {
    throw unprocessable(
      "validation_failed",
      "The local auth server does not support changing email or phone",
    );
  }
  const password = typeof req.body.password === "string" ? req.body.password : null;
  let passwordHash: string | null = null;
  if (password !== null) {
    checkPasswordStrength(password);
    if (user.encrypted_password && (await bcrypt.compare(password, user.encrypted_password))) {
      throw unprocessable(
        "same_password",
        "New password should be different from the old password.",
      );
    }
    passwordHash = await bcrypt.hash(password, BCRYPT_COST);
  }
  const data = objectField(req.body, "data");
  const updated = await ctx.sql.begin(async (tx) => {
    const now = ctx.now();
    if (passwordHash) {
      // As GoTrue: a new password voids pending email tokens and signs out every other session.
      await tx`update auth.users set encrypted_password = ${passwordHash}, updated_at = ${now},
                 confirmation_token = '', confirmation_sent_at = null, recovery_token = '', recovery_sent_at = null
               where id = ${user.id}`;
      await tx`delete from auth.one_time_tokens where user_id = ${user.id}`;
      await logoutSessions(tx, auth, "others");
    }
    if (data) await mergeUserMetadata(tx, user.id, data, now);
    return loadUserJson(tx, user.id);
  });
  return json(updated);
};

export const logout: Handler = async (ctx, req) => {
  const scope = req.query.get("scope") ?? "global";
  if (scope !== "global" && scope !== "local" && scope !== "others") {
    throw badRequest("validation_failed", `Unsupported logout scope "${scope}"`);
  }
  const auth = await authenticate(ctx, req);
  await logoutSessions(ctx.sql, auth, scope as LogoutScope);
  return { status: 204 };
};
