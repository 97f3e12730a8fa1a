// auth.sessions and auth.refresh_tokens: issuing, rotating (with GoTrue's reuse rules) and
// revoking sessions, and authenticating a request's Bearer access token.
import { randomInt, randomUUID } from "node:crypto";
import type { AuthContext, AuthRequest } from "./context";
import { AuthError, badRequest, forbidden, unauthorized } from "./errors";
import { signAccessToken, verifyAccessToken, type AccessTokenClaims } from "./jwt";
import { findUserById, INSTANCE_ID, loadUserJson, type Db, type UserRow } from "./users";

export const REFRESH_TOKEN_REUSE_INTERVAL_SECONDS = 10;

export type AuthMethod = "password" | "otp" | "oauth";

type RefreshTokenRow = {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string;
  updated_at: Date;
};

type SessionRow = { id: string; user_id: string; created_at: Date; tag: string | null };

/** GoTrue's current refresh token format: 12 characters of [a-z0-9]. */
function newRefreshTokenString(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join("");
}

// GoTrue keeps the sign-in method in auth.mfa_amr_claims, which the local bootstrap does not
// create; the session's free-form tag column carries it instead so refreshed tokens keep their amr.
const amrTag = (method: AuthMethod) => `amr:${method}`;
const methodFromTag = (tag: string | null) => (tag?.startsWith("amr:") ? tag.slice(4) : "password");

async function insertRefreshToken(
  db: Db,
  userId: string,
  sessionId: string,
  parent: string | null,
  now: Date,
) {
  const token = newRefreshTokenString();
  await db`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
           values (${INSTANCE_ID}, ${token}, ${userId}, false, ${now}, ${now}, ${parent}, ${sessionId})`;
  return token;
}

async function sessionResponse(
  ctx: AuthContext,
  db: Db,
  session: SessionRow,
  refreshToken: string,
  extra = {},
) {
  const user = await loadUserJson(db, session.user_id);
  const { token, expiresAt } = await signAccessToken(
    ctx.keys,
    {
      userId: user.id,
      email: user.email,
      phone: user.phone,
      appMetadata: user.app_metadata,
      userMetadata: user.user_metadata,
      role: user.role,
      sessionId: session.id,
      amr: {
        method: methodFromTag(session.tag),
        timestamp: Math.floor(session.created_at.getTime() / 1000),
      },
      isAnonymous: user.is_anonymous,
    },
    { issuer: ctx.config.issuer, now: ctx.now(), expirySeconds: ctx.config.jwtExpirySeconds },
  );
  return {
    access_token: token,
    token_type: "bearer",
    expires_in: ctx.config.jwtExpirySeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user,
    ...extra,
  };
}

export type SessionJson = Awaited<ReturnType<typeof sessionResponse>>;

/** A new session with its first refresh token (models.GrantAuthenticatedUser). */
export async function issueSession(
  ctx: AuthContext,
  db: Db,
  req: AuthRequest,
  userId: string,
  method: AuthMethod,
  extra: Record<string, unknown> = {},
): Promise<SessionJson> {
  const now = ctx.now();
  const session: SessionRow = {
    id: randomUUID(),
    user_id: userId,
    created_at: now,
    tag: amrTag(method),
  };
  await db`insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip, tag)
           values (${session.id}, ${userId}, ${now}, ${now}, 'aal1', ${req.userAgent}, ${req.ip}, ${session.tag})`;
  const refreshToken = await insertRefreshToken(db, userId, session.id, null, now);
  await db`update auth.users set last_sign_in_at = ${now} where id = ${userId}`;
  return sessionResponse(ctx, db, session, refreshToken, extra);
}

/** grant_type=refresh_token, following GoTrue's RefreshTokenGrant. */
export async function refreshSession(
  ctx: AuthContext,
  req: AuthRequest,
  tokenString: string,
): Promise<SessionJson> {
  const now = ctx.now();
  const outcome = await ctx.sql.begin(async (tx) => {
    const [token] = await tx<RefreshTokenRow[]>`
      select * from auth.refresh_tokens where token = ${tokenString} for update`;
    const [session] = token
      ? await tx<
          SessionRow[]
        >`select * from auth.sessions where id = ${token.session_id} for update`
      : [];
    if (!token || !session) {
      return badRequest(
        "refresh_token_not_found",
        "Invalid Refresh Token: Refresh Token Not Found",
      );
    }
    const user = await findUserById(tx, session.user_id);
    if (user?.banned_until && user.banned_until > now) {
      return badRequest("user_banned", "Invalid Refresh Token: User Banned");
    }

    let issued: string | null = null;
    if (token.revoked) {
      const [active] = await tx<RefreshTokenRow[]>`
        select * from auth.refresh_tokens where session_id = ${session.id} and revoked = false
        order by id desc limit 1`;
      if (active && active.parent === token.token) {
        // The client lost the answer to its last refresh: hand back the token it missed.
        issued = active.token;
      } else if (
        now.getTime() >
        token.updated_at.getTime() + REFRESH_TOKEN_REUSE_INTERVAL_SECONDS * 1000
      ) {
        // Reuse outside the interval looks like theft: revoke the whole family, and keep that
        // revocation even though the request fails.
        await tx`update auth.refresh_tokens set revoked = true, updated_at = ${now}
                 where session_id = ${session.id} and revoked = false`;
        return badRequest("refresh_token_already_used", "Invalid Refresh Token: Already Used");
      }
    }
    if (!issued) {
      await tx`update auth.refresh_tokens set revoked = true, updated_at = ${now} where id = ${token.id}`;
      issued = await insertRefreshToken(tx, session.user_id, session.id, token.token, now);
    }
    await tx`update auth.sessions set refreshed_at = ${now}::timestamptz at time zone 'UTC', updated_at = ${now},
               user_agent = ${req.userAgent}, ip = ${req.ip} where id = ${session.id}`;
    return sessionResponse(ctx, tx, session, issued);
  });
  if (outcome instanceof AuthError) throw outcome;
  return outcome;
}

export type Authenticated = { claims: AccessTokenClaims; user: UserRow; sessionId: string | null };

/** GoTrue's requireAuthentication + maybeLoadUserOrSession for the Bearer access token. */
export async function authenticate(ctx: AuthContext, req: AuthRequest): Promise<Authenticated> {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw unauthorized("no_authorization", "This endpoint requires a valid Bearer token");
  }
  let claims: AccessTokenClaims;
  try {
    claims = await verifyAccessToken(ctx.keys, match[1], ctx.now());
  } catch (err) {
    const reason = err instanceof Error ? err.message : "invalid token";
    throw forbidden("bad_jwt", `invalid JWT: unable to parse or verify signature, ${reason}`);
  }
  const user = await findUserById(ctx.sql, claims.sub);
  if (!user) throw forbidden("user_not_found", "User from sub claim in JWT does not exist");
  const sessionId =
    typeof claims.session_id === "string" && claims.session_id ? claims.session_id : null;
  if (sessionId) {
    const [session] = await ctx.sql`select id from auth.sessions where id = ${sessionId}`;
    if (!session) {
      throw forbidden("session_not_found", "Session from session_id claim in JWT does not exist");
    }
  }
  return { claims, user, sessionId };
}

export type LogoutScope = "global" | "local" | "others";

/** Deleting sessions cascades to their refresh tokens. */
export async function logout(db: Db, auth: Authenticated, scope: LogoutScope): Promise<void> {
  const userId = auth.user.id;
  if (!auth.sessionId || scope === "global") {
    await db`delete from auth.sessions where user_id = ${userId}`;
  } else if (scope === "local") {
    await db`delete from auth.sessions where id = ${auth.sessionId}`;
  } else {
    await db`delete from auth.sessions where user_id = ${userId} and id <> ${auth.sessionId}`;
  }
}
