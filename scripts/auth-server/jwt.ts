// ES256 access tokens with Supabase's claim shape, and the JWKS that publishes the public key.
import { randomUUID } from "node:crypto";
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTPayload,
} from "jose";

export type SigningKeys = {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
};

/** A new private ES256 JWK (with kid), as written to AUTH_SIGNING_KEY_FILE. */
export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: "ES256", use: "sig" };
}

export async function loadSigningKeys(privateJwk: JWK): Promise<SigningKeys> {
  if (privateJwk.kty !== "EC" || privateJwk.crv !== "P-256" || !privateJwk.d || !privateJwk.kid) {
    throw new Error("The signing key must be a private EC P-256 JWK with a kid");
  }
  const { kty, crv, x, y, kid } = privateJwk;
  const publicJwk: JWK = {
    kty,
    crv,
    x,
    y,
    kid,
    alg: "ES256",
    use: "sig",
    key_ops: ["verify"],
    ext: true,
  };
  const privateKey = (await importJWK({ kty, crv, x, y, d: privateJwk.d }, "ES256")) as CryptoKey;
  const publicKey = (await importJWK({ kty, crv, x, y }, "ES256")) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk };
}

export type AccessTokenClaims = JWTPayload & {
  sub: string;
  email: string;
  phone: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  role: string;
  aal: "aal1";
  amr: { method: string; timestamp: number }[];
  session_id: string;
  is_anonymous: boolean;
};

export type AccessTokenInput = {
  userId: string;
  email: string;
  phone: string;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  role: string;
  sessionId: string;
  amr: { method: string; timestamp: number };
  isAnonymous: boolean;
};

export async function signAccessToken(
  keys: SigningKeys,
  input: AccessTokenInput,
  opts: { issuer: string; now: Date; expirySeconds: number },
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(opts.now.getTime() / 1000);
  const expiresAt = iat + opts.expirySeconds;
  const claims = {
    iss: opts.issuer,
    sub: input.userId,
    aud: "authenticated",
    exp: expiresAt,
    iat,
    email: input.email,
    phone: input.phone,
    app_metadata: input.appMetadata,
    user_metadata: input.userMetadata,
    role: input.role,
    aal: "aal1",
    amr: [input.amr],
    session_id: input.sessionId,
    is_anonymous: input.isAnonymous,
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", kid: keys.kid, typ: "JWT" })
    .sign(keys.privateKey);
  return { token, expiresAt };
}

/** Verifies signature and expiry; throws jose's error (its message is safe to show). */
export async function verifyAccessToken(
  keys: SigningKeys,
  token: string,
  now: Date,
): Promise<AccessTokenClaims> {
  const { payload } = await jwtVerify(token, keys.publicKey, {
    algorithms: ["ES256"],
    currentDate: now,
  });
  if (typeof payload.sub !== "string") throw new Error("missing sub claim");
  return payload as AccessTokenClaims;
}
