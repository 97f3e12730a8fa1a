// GET/POST /authorize: "Sign in with LinkedIn" through a local consent page, ending as GoTrue's
// OAuth callback does: user + linkedin_oidc identity, a PKCE flow_state, redirect with ?code=.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AuthContext, AuthRequest, AuthResponse, Handler } from "./context";
import { DEMO_IDENTITY, renderConsentPage } from "./consent-page";
import { AuthError, badRequest } from "./errors";
import {
  confirmUser,
  findUserByEmail,
  insertIdentity,
  insertUser,
  mergeUserMetadata,
  type Db,
  jsonb,
} from "./users";
import { parsePkceParams, safeRedirect, validateEmail } from "./validation";

const PROVIDER = "linkedin_oidc";

function checkProvider(provider: string | null) {
  if (provider !== PROVIDER) {
    throw badRequest(
      "validation_failed",
      `Unsupported provider: Provider ${provider ?? ""} could not be found`,
    );
  }
}

function requirePkce(challenge: unknown, method: unknown) {
  const pkce = parsePkceParams(challenge, method);
  if (!pkce) {
    throw badRequest(
      "validation_failed",
      "The local auth server supports only the PKCE flow: code_challenge is required",
    );
  }
  return pkce;
}

export const authorizePage: Handler = async (ctx, req) => {
  checkProvider(req.query.get("provider"));
  const pkce = requirePkce(req.query.get("code_challenge"), req.query.get("code_challenge_method"));
  if (req.query.get("skip_http_redirect") === "true") {
    // GoTrue answers with the provider's URL instead of redirecting; here the provider is this page.
    const url = new URL(`${ctx.config.publicUrl}/auth/v1/authorize`);
    for (const [k, v] of req.query) if (k !== "skip_http_redirect") url.searchParams.append(k, v);
    return { status: 200, json: { url: url.toString() } };
  }
  const html = renderConsentPage({
    action: `${ctx.config.publicUrl}/auth/v1/authorize?provider=${PROVIDER}`,
    redirectTo: safeRedirect(req.query.get("redirect_to"), ctx.config.siteUrl),
    codeChallenge: pkce.challenge,
    codeChallengeMethod: pkce.method,
    ...DEMO_IDENTITY,
  });
  return { status: 200, html };
};

/** A stable LinkedIn-like member id per address, so signing in again finds the same identity. */
const memberIdFor = (email: string) =>
  createHash("sha256").update(email).digest("base64url").slice(0, 10);

/** Finds or creates the user behind a LinkedIn identity, linking by verified email as GoTrue does. */
async function upsertLinkedInUser(
  ctx: AuthContext,
  tx: Db,
  email: string,
  name: string,
  picture: string,
) {
  const now = ctx.now();
  const sub = memberIdFor(email);
  const [given = "", ...rest] = name.split(/\s+/);
  const identityData = {
    iss: "https://www.linkedin.com/oauth",
    sub,
    name,
    given_name: given,
    family_name: rest.join(" "),
    ...(picture ? { picture, avatar_url: picture } : {}),
    email,
    email_verified: true,
    phone_verified: false,
    full_name: name,
    provider_id: sub,
  };
  const [identity] = await tx<{ user_id: string }[]>`
    select user_id from auth.identities where provider = ${PROVIDER} and provider_id = ${sub}`;
  if (identity) {
    await tx`update auth.identities set identity_data = ${jsonb(tx, identityData)},
               last_sign_in_at = ${now}, updated_at = ${now}
             where provider = ${PROVIDER} and provider_id = ${sub}`;
    await mergeUserMetadata(tx, identity.user_id, identityData, now);
    return identity.user_id;
  }
  const existing = await findUserByEmail(tx, email);
  if (!existing) {
    const userId = await insertUser(tx, {
      email,
      passwordHash: null,
      provider: PROVIDER,
      userMetadata: identityData,
      emailConfirmedAt: now,
      now,
    });
    await insertIdentity(tx, {
      userId,
      providerId: sub,
      provider: PROVIDER,
      data: identityData,
      now,
    });
    return userId;
  }
  const isConfirmed = !!existing.email_confirmed_at;
  if (!isConfirmed) {
    // RemoveUnconfirmedIdentities: whoever signed up with this unproven address loses the account's
    // password and identities to the owner LinkedIn vouches for.
    await tx`update auth.users set encrypted_password = null, raw_user_meta_data = '{}'::jsonb where id = ${existing.id}`;
    await tx`delete from auth.identities where user_id = ${existing.id}`;
  }
  await insertIdentity(tx, {
    userId: existing.id,
    providerId: sub,
    provider: PROVIDER,
    data: identityData,
    now,
  });
  const previous = isConfirmed
    ? ((existing.raw_app_meta_data?.providers as string[] | undefined) ?? [])
    : [];
  const appMeta: Record<string, unknown> = {
    ...existing.raw_app_meta_data,
    providers: [...new Set([...previous, PROVIDER])],
  };
  if (!isConfirmed) appMeta.provider = PROVIDER;
  await tx`update auth.users set raw_app_meta_data = ${jsonb(tx, appMeta)} where id = ${existing.id}`;
  await mergeUserMetadata(tx, existing.id, identityData, now);
  if (!isConfirmed) await confirmUser(tx, existing.id, now);
  return existing.id;
}

function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export const authorizeSubmit: Handler = async (ctx, req): Promise<AuthResponse> => {
  checkProvider(req.query.get("provider"));
  const form = req.form ?? new URLSearchParams();
  const pkce = requirePkce(form.get("code_challenge"), form.get("code_challenge_method"));
  const redirectTo = safeRedirect(form.get("redirect_to"), ctx.config.siteUrl);
  if (form.get("action") === "cancel") {
    return {
      status: 302,
      location: withQuery(redirectTo, {
        error: "access_denied",
        error_description: "Sign-in was cancelled",
      }),
    };
  }
  const name = (form.get("name") ?? "").trim();
  const picture = (form.get("picture") ?? "").trim();
  let email: string;
  try {
    email = validateEmail(form.get("email"));
    if (!name || name.length > 120) {
      throw badRequest("validation_failed", "Enter a name of up to 120 characters");
    }
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    return { status: 400, html: consentAgain(ctx, req, redirectTo, pkce, err.message) };
  }
  const authCode = await ctx.sql.begin(async (tx) => {
    const userId = await upsertLinkedInUser(ctx, tx, email, name, picture);
    const now = ctx.now();
    const code = randomUUID();
    await tx`insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
               provider_access_token, provider_refresh_token, created_at, updated_at, authentication_method, auth_code_issued_at)
             values (${randomUUID()}, ${userId}, ${code}, ${pkce.method}, ${pkce.challenge}, ${PROVIDER},
               ${`local-linkedin-${randomBytes(12).toString("hex")}`}, '', ${now}, ${now}, 'oauth', ${now})`;
    return code;
  });
  return { status: 302, location: withQuery(redirectTo, { code: authCode }) };
};

function consentAgain(
  ctx: AuthContext,
  req: AuthRequest,
  redirectTo: string,
  pkce: { challenge: string; method: string },
  error: string,
) {
  const form = req.form ?? new URLSearchParams();
  return renderConsentPage({
    action: `${ctx.config.publicUrl}/auth/v1/authorize?provider=${PROVIDER}`,
    redirectTo,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: pkce.method,
    name: form.get("name") ?? "",
    email: form.get("email") ?? "",
    picture: form.get("picture") ?? "",
    error,
  });
}
