// Email one-time tokens as GoTrue keeps them (users.*_token + auth.one_time_tokens), the emails that
// carry them through the Send Email Hook, and their single-use redemption.
import { createHash, randomInt, randomUUID } from "node:crypto";
import type { AuthContext } from "./context";
import { forbidden, internal } from "./errors";
import { postSendEmailHook, type EmailActionType } from "./send-email-hook";
import { loadUserJson, type Db, type UserRow } from "./users";

export const OTP_EXPIRY_SECONDS = 60 * 60;
const PKCE_PREFIX = "pkce_";

type TokenType = "confirmation_token" | "recovery_token";

const generateOtp = () => String(randomInt(0, 1_000_000)).padStart(6, "0");

/** crypto.GenerateTokenHash: hex SHA-224 of the address followed by the OTP. */
export const tokenHash = (email: string, otp: string) =>
  createHash("sha224")
    .update(email + otp)
    .digest("hex");

const FAILURE_MESSAGES: Record<EmailActionType, string> = {
  signup: "Error sending confirmation email",
  recovery: "Error sending recovery email",
  magiclink: "Error sending magic link email",
  email_change: "Error sending email change email",
  invite: "Error sending invite email",
};

/**
 * Stores a fresh token for `user` and sends its email. Call inside the transaction that created
 * or touched the user: a failed hook throws and so rolls everything back.
 */
export async function sendTokenEmail(
  ctx: AuthContext,
  db: Db,
  user: UserRow,
  action: "signup" | "recovery" | "magiclink",
  opts: { redirectTo: string; pkce: boolean },
): Promise<void> {
  const email = user.email ?? "";
  const otp = generateOtp();
  const hash = (opts.pkce ? PKCE_PREFIX : "") + tokenHash(email, otp);
  const now = ctx.now();
  const tokenType: TokenType = action === "signup" ? "confirmation_token" : "recovery_token";
  if (tokenType === "confirmation_token") {
    await db`update auth.users set confirmation_token = ${hash}, confirmation_sent_at = ${now} where id = ${user.id}`;
  } else {
    await db`update auth.users set recovery_token = ${hash}, recovery_sent_at = ${now} where id = ${user.id}`;
  }
  await db`delete from auth.one_time_tokens where user_id = ${user.id} and token_type = ${tokenType}`;
  await db`
    insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
    values (${randomUUID()}, ${user.id}, ${tokenType}, ${hash}, ${email},
            ${now}::timestamptz at time zone 'UTC', ${now}::timestamptz at time zone 'UTC')`;
  try {
    await postSendEmailHook(ctx.config.sendEmailHook, {
      user: await loadUserJson(db, user.id),
      email_data: {
        token: otp,
        token_hash: hash,
        redirect_to: opts.redirectTo,
        email_action_type: action,
        site_url: ctx.config.siteUrl,
        token_new: "",
        token_hash_new: "",
      },
    });
  } catch (err) {
    ctx.log(
      `send email hook failed (${action}): ${err instanceof Error ? err.message : String(err)}`,
    );
    throw internal(FAILURE_MESSAGES[action]);
  }
}

export type VerifyType = "signup" | "invite" | "recovery" | "magiclink" | "email";

const tokenTypesFor = (type: VerifyType): TokenType[] =>
  type === "signup" || type === "invite"
    ? ["confirmation_token"]
    : type === "email"
      ? ["confirmation_token", "recovery_token"]
      : ["recovery_token"];

function isExpired(sentAt: Date | null, now: Date) {
  return !sentAt || now.getTime() > sentAt.getTime() + OTP_EXPIRY_SECONDS * 1000;
}

export type Redeemed = { user: UserRow; tokenType: TokenType };

/** The user a token_hash from an email link belongs to (GoTrue's verifyTokenHash), locked. */
export async function findUserByTokenHash(
  ctx: AuthContext,
  db: Db,
  hash: string,
  type: VerifyType,
): Promise<Redeemed> {
  const [row] = await db<(UserRow & { ott_type: TokenType })[]>`
    select u.*, t.token_type::text as ott_type
    from auth.one_time_tokens t join auth.users u on u.id = t.user_id
    where t.token_hash = ${hash} and t.token_type::text in ${db(tokenTypesFor(type))}
    limit 1
    for update of u`;
  const invalid = () => forbidden("otp_expired", "Email link is invalid or has expired");
  if (!row) throw invalid();
  const sentAt =
    row.ott_type === "confirmation_token" ? row.confirmation_sent_at : row.recovery_sent_at;
  if (isExpired(sentAt, ctx.now())) throw invalid();
  return { user: row, tokenType: row.ott_type };
}

/** The user a 6-digit code typed from an email belongs to (GoTrue's verifyUserAndToken), locked. */
export async function findUserByEmailOtp(
  ctx: AuthContext,
  db: Db,
  email: string,
  otp: string,
  type: VerifyType,
): Promise<Redeemed> {
  const invalid = () => forbidden("otp_expired", "Token has expired or is invalid");
  const [user] = await db<UserRow[]>`
    select * from auth.users where lower(email) = ${email} and is_sso_user = false for update`;
  if (!user) throw invalid();
  const hash = tokenHash(email, otp);
  const matches = (stored: string | null, sentAt: Date | null) =>
    !!stored && stored.replace(PKCE_PREFIX, "") === hash && !isExpired(sentAt, ctx.now());
  for (const tokenType of tokenTypesFor(type)) {
    const ok =
      tokenType === "confirmation_token"
        ? matches(user.confirmation_token, user.confirmation_sent_at)
        : matches(user.recovery_token, user.recovery_sent_at);
    if (ok) return { user, tokenType };
  }
  throw invalid();
}

/** models.User.Recover: the recovery token is spent, and with it every other pending token. */
export async function consumeRecoveryToken(db: Db, userId: string, now: Date): Promise<void> {
  await db`update auth.users set recovery_token = '', updated_at = ${now} where id = ${userId}`;
  await db`delete from auth.one_time_tokens where user_id = ${userId}`;
}
