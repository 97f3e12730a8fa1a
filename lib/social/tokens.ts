// The configured key ring (TOKEN_ENCRYPTION_KEYS) and the associated data of each stored token.
import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  decryptToken,
  encryptToken,
  parseKeyRing,
  tokenContext,
  type KeyRing,
} from "@/lib/social/crypto";

let ring: KeyRing | undefined;

export function getKeyRing(): KeyRing {
  if (ring) return ring;
  const env = getEnv();
  if (!env.TOKEN_ENCRYPTION_KEYS)
    throw new AppError(
      "dependency_unavailable",
      "Connecting accounts is not set up on this server (TOKEN_ENCRYPTION_KEYS is missing).",
    );
  ring = parseKeyRing(env.TOKEN_ENCRYPTION_KEYS, env.TOKEN_ENCRYPTION_KEY_ID);
  return ring;
}

/** Identity of an account's tokens: a ciphertext decrypts only for the account it was made for. */
export type AccountIdentity = { orgId: string; network: string; kind: string; externalId: string };

/** The associated data of one token column of an account. */
export const contextOf = (a: AccountIdentity, column: "access" | "refresh") =>
  tokenContext(`${a.orgId}/${a.network}/${a.kind}/${a.externalId}`, column);

export const sealToken = (a: AccountIdentity, column: "access" | "refresh", value: string) =>
  encryptToken(getKeyRing(), value, contextOf(a, column));

export const openToken = (a: AccountIdentity, column: "access" | "refresh", value: string) =>
  decryptToken(getKeyRing(), value, contextOf(a, column));

/** PKCE verifiers in oauth_states, bound to the state's hash. */
export const sealVerifier = (stateHash: string, verifier: string) =>
  encryptToken(getKeyRing(), verifier, tokenContext(stateHash, "verifier"));
export const openVerifier = (stateHash: string, value: string) =>
  decryptToken(getKeyRing(), value, tokenContext(stateHash, "verifier"));
