// POST /signup, /otp, /recover, /resend and /verify: the flows whose proof is an emailed token.
import { randomBytes, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import {
  json,
  objectField,
  stringField,
  type AuthContext,
  type AuthRequest,
  type Handler,
} from "./context";
import { badRequest, forbidden, internal, unprocessable } from "./errors";
import {
  consumeRecoveryToken,
  findUserByEmailOtp,
  findUserByTokenHash,
  sendTokenEmail,
  type VerifyType,
} from "./one-time-tokens";
import { issueSession } from "./sessions";
import {
  BCRYPT_COST,
  confirmUser,
  findUserByEmail,
  insertIdentity,
  insertUser,
  loadUserJson,
  type Db,
  type UserRow,
  jsonb,
} from "./users";
import { checkPasswordStrength, parsePkceParams, safeRedirect, validateEmail } from "./validation";

const redirectOf = (ctx: AuthContext, req: AuthRequest) =>
  safeRedirect(req.query.get("redirect_to"), ctx.config.siteUrl);

/** signupNewUser + createNewIdentity for the email provider. */
async function createEmailUser(
  ctx: AuthContext,
  tx: Db,
  email: string,
  password: string,
  data: Record<string, unknown>,
) {
  const now = ctx.now();
  const passwordHash = await bcrypt.hash(password, BCRYPT_COST);
  let id: string;
  try {
    id = await insertUser(tx, {
      email,
      passwordHash,
      provider: "email",
      userMetadata: data,
      emailConfirmedAt: null,
      now,
    });
  } catch (err) {
    // Typically a trigger on auth.users that lacks the rights it needs (not security definer).
    ctx.log(`insert into auth.users failed: ${err instanceof Error ? err.message : String(err)}`);
    throw internal("Database error saving new user");
  }
  // As GoTrue: the identity carries the sign-up data under its own claims, and becomes user_metadata.
  const identityData = { ...data, sub: id, email, email_verified: false, phone_verified: false };
  await insertIdentity(tx, {
    userId: id,
    providerId: id,
    provider: "email",
    data: identityData,
    now,
  });
  await tx`update auth.users set raw_user_meta_data = ${jsonb(tx, identityData)} where id = ${id}`;
  const [user] = await tx<UserRow[]>`select * from auth.users where id = ${id}`;
  return user!;
}

/** sanitizeUser: what sign-up answers for a confirmed address, so that it reveals nothing. */
function obfuscatedUser(ctx: AuthContext, email: string, data: Record<string, unknown>) {
  const now = ctx.now().toISOString();
  return {
    id: randomUUID(),
    aud: "authenticated",
    role: "",
    email,
    phone: "",
    confirmation_sent_at: now,
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  };
}

export const signup: Handler = async (ctx, req) => {
  const password = stringField(req.body, "password");
  if (!req.body.email && !req.body.phone) {
    throw badRequest("validation_failed", "To signup, please provide your email");
  }
  if (!password) throw unprocessable("validation_failed", "Signup requires a valid password");
  checkPasswordStrength(password);
  const pkce = parsePkceParams(req.body.code_challenge, req.body.code_challenge_method);
  const email = validateEmail(req.body.email);
  const data = objectField(req.body, "data") ?? {};

  const result = await ctx.sql.begin(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing?.email_confirmed_at) return null;
    // An unconfirmed address is not updated (its claimant is unproven): the link is just resent.
    const user = existing ?? (await createEmailUser(ctx, tx, email, password, data));
    await sendTokenEmail(ctx, tx, user, "signup", {
      redirectTo: redirectOf(ctx, req),
      pkce: !!pkce,
    });
    return loadUserJson(tx, user.id);
  });
  return json(result ?? obfuscatedUser(ctx, email, data));
};

export const otp: Handler = async (ctx, req) => {
  const email = validateEmail(req.body.email);
  const createUser = req.body.create_user !== false;
  const pkce = parsePkceParams(req.body.code_challenge, req.body.code_challenge_method);
  const data = objectField(req.body, "data") ?? {};
  const opts = { redirectTo: redirectOf(ctx, req), pkce: !!pkce };
  await ctx.sql.begin(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing?.email_confirmed_at) return sendTokenEmail(ctx, tx, existing, "magiclink", opts);
    if (!existing && !createUser) return;
    // New or unconfirmed: GoTrue signs them up with a random password; the confirmation link signs in.
    const user =
      existing ??
      (await createEmailUser(ctx, tx, email, randomBytes(24).toString("base64url"), data));
    await sendTokenEmail(ctx, tx, user, "signup", opts);
  });
  return json({});
};

export const recover: Handler = async (ctx, req) => {
  const email = validateEmail(req.body.email);
  const pkce = parsePkceParams(req.body.code_challenge, req.body.code_challenge_method);
  await ctx.sql.begin(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (user) {
      await sendTokenEmail(ctx, tx, user, "recovery", {
        redirectTo: redirectOf(ctx, req),
        pkce: !!pkce,
      });
    }
  });
  return json({});
};

export const resend: Handler = async (ctx, req) => {
  const type = stringField(req.body, "type");
  if (type !== "signup" && type !== "email_change") {
    throw badRequest(
      "validation_failed",
      "Missing one of these types: signup, email_change, sms, phone_change",
    );
  }
  const email = validateEmail(req.body.email);
  const pkce = parsePkceParams(req.body.code_challenge, req.body.code_challenge_method);
  // Email changes are not supported here, so there is never one pending to resend.
  if (type === "email_change") return json({});
  await ctx.sql.begin(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (user && !user.email_confirmed_at) {
      await sendTokenEmail(ctx, tx, user, "signup", {
        redirectTo: redirectOf(ctx, req),
        pkce: !!pkce,
      });
    }
  });
  return json({});
};

const VERIFY_TYPES = ["signup", "invite", "recovery", "magiclink", "email", "email_change"];

export const verify: Handler = async (ctx, req) => {
  const type = stringField(req.body, "type");
  const hash = stringField(req.body, "token_hash");
  const token = stringField(req.body, "token").replaceAll("-", "");
  if (!hash && !token) {
    throw badRequest("validation_failed", "Verify requires a token or a token hash");
  }
  if (!type) throw badRequest("validation_failed", "Verify requires a verification type");
  if (!VERIFY_TYPES.includes(type)) {
    throw badRequest("validation_failed", "Unsupported verification type");
  }
  if (type === "email_change") {
    // No email change is ever pending on this server, so no such link can be valid.
    throw forbidden("otp_expired", "Email link is invalid or has expired");
  }
  const session = await ctx.sql.begin(async (tx) => {
    const { user, tokenType } = hash
      ? await findUserByTokenHash(ctx, tx, hash, type as VerifyType)
      : await findUserByEmailOtp(ctx, tx, validateEmail(req.body.email), token, type as VerifyType);
    const now = ctx.now();
    if (tokenType === "recovery_token") await consumeRecoveryToken(tx, user.id, now);
    if (tokenType === "confirmation_token" || !user.email_confirmed_at) {
      await confirmUser(tx, user.id, now);
    }
    return issueSession(ctx, tx, req, user.id, "otp");
  });
  return json(session);
};
