// Connecting LinkedIn and X: OAuth 2.0 authorization code with state and PKCE (S256). The state's
// hash and the encrypted verifier wait in oauth_states (ten minutes, one use, same signed-in user);
// the callback exchanges the code, reads the profile and stores the encrypted tokens.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { getEnv } from "@/lib/env";
import { AppError, fromDbError, pgField } from "@/lib/errors";
import { createLogger } from "@/lib/logger";
import type { AuditMeta } from "@/lib/posts/mutations";
import { connectAccount } from "@/lib/social/accounts";
import { networkLabels } from "@/lib/social/labels";
import {
  connectScopes,
  getNetworkClient,
  isNetworkConfigured,
  type HttpNetwork,
} from "@/lib/social/networks";
import { openVerifier, sealVerifier } from "@/lib/social/tokens";
import type { AccountKind } from "@/lib/social/types";

const log = createLogger({ component: "oauth" });
const b64url = (b: Buffer) => b.toString("base64url");
const sha256 = (s: string) => createHash("sha256").update(s).digest();

export const callbackUrl = (network: HttpNetwork) =>
  new URL(`/api/oauth/${network}/callback`, getEnv().APP_URL).toString();

export function canConnect(network: HttpNetwork, kind: AccountKind): string | null {
  if (!isNetworkConfigured(network))
    return `${networkLabels[network]} is not set up on this server: it needs the app's client id and secret.`;
  if (network === "linkedin" && kind === "organization" && !getEnv().LINKEDIN_ORGANIZATIONS)
    return "Posting as a LinkedIn company page needs LinkedIn's Community Management API, which this server's LinkedIn app does not have.";
  if (network === "x" && kind === "organization")
    return "X has no company pages: connect the account itself.";
  return null;
}

/** Creates the state and returns the network's authorize URL to send the browser to. */
export async function startConnect(
  claims: JwtClaims,
  input: { orgId: string; network: HttpNetwork; kind: AccountKind; returnTo: string },
): Promise<string> {
  const refusal = canConnect(input.network, input.kind);
  if (refusal) throw new AppError("rule_violation", refusal);
  const state = b64url(randomBytes(32));
  const verifier = b64url(randomBytes(48));
  const stateHash = b64url(sha256(state));
  try {
    await withRls(claims, (tx) =>
      tx.execute(sql`select app.create_oauth_state(${input.orgId}::uuid, ${input.network}, ${input.kind},
        ${stateHash}, ${sealVerifier(stateHash, verifier)}, ${input.returnTo})`),
    );
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
  return getNetworkClient(input.network).authorizeUrl({
    redirectUri: callbackUrl(input.network),
    state,
    codeChallenge: b64url(sha256(verifier)),
    scopes: connectScopes[input.network][input.kind],
  });
}

export type CallbackResult = { returnTo: string; message: string; ok: boolean };

/** Finishes a connection from the callback's query; never throws for expected problems. */
export async function completeConnect(
  claims: JwtClaims,
  network: HttpNetwork,
  params: URLSearchParams,
  meta: AuditMeta,
): Promise<CallbackResult> {
  const label = networkLabels[network];
  const stateParam = params.get("state") ?? "";
  let state: {
    orgId: string;
    kind: AccountKind;
    returnTo: string;
    verifierEnc: string;
    network: string;
  };
  try {
    const rows = await withRls(claims, (tx) =>
      tx.execute<typeof state>(sql`
        select s.org_id as "orgId", s.kind, s.redirect_path as "returnTo",
               s.code_verifier_enc as "verifierEnc", s.network
        from app.take_oauth_state(${b64url(sha256(stateParam))}) s`),
    );
    state = [...rows][0]!;
  } catch (err) {
    const known = fromDbError(err);
    if (!known) throw err;
    return { ok: false, returnTo: "/app", message: known.message };
  }
  if (state.network !== network)
    return {
      ok: false,
      returnTo: state.returnTo,
      message: "That sign-in was for another network. Start again.",
    };
  const error = params.get("error");
  if (error)
    return {
      ok: false,
      returnTo: state.returnTo,
      message: /cancel|denied/i.test(error)
        ? `You cancelled connecting ${label}. Nothing was changed.`
        : `${label} did not connect the account (${error}).`,
    };
  const code = params.get("code");
  if (!code)
    return {
      ok: false,
      returnTo: state.returnTo,
      message: `${label} sent no authorization code. Start again.`,
    };
  try {
    const client = getNetworkClient(network);
    const tokens = await client.exchangeCode({
      code,
      codeVerifier: openVerifier(b64url(sha256(stateParam)), state.verifierEnc),
      redirectUri: callbackUrl(network),
    });
    const needed = connectScopes[network][state.kind].filter((s) => s !== "email");
    const missing = needed.filter((s) => !tokens.scopes.includes(s));
    if (missing.length)
      return {
        ok: false,
        returnTo: state.returnTo,
        message: `${label} did not grant everything Ghostart needs to post (${missing.join(", ")}). Connect again and allow all of it.`,
      };
    if (state.kind === "organization") {
      // A page is its own account (it posts as urn:li:organization:<id>), with the admin's token.
      const pages = (await client.fetchPages?.(tokens.accessToken)) ?? [];
      if (pages.length === 0)
        return {
          ok: false,
          returnTo: state.returnTo,
          message: `This ${label} member administers no company page. Ask one of the page's admins to add you, then connect again.`,
        };
      const names: string[] = [];
      for (const page of pages) {
        const account = await connectAccount(
          claims,
          { orgId: state.orgId, network, kind: "organization", profile: page, tokens },
          meta,
        );
        names.push(account.displayName);
      }
      return {
        ok: true,
        returnTo: state.returnTo,
        message: `Connected ${label} ${names.length === 1 ? "page" : "pages"} ${names.join(", ")}.`,
      };
    }
    const profile = await client.fetchProfile(tokens.accessToken);
    const account = await connectAccount(
      claims,
      { orgId: state.orgId, network, kind: state.kind, profile, tokens },
      meta,
    );
    return {
      ok: true,
      returnTo: state.returnTo,
      message: `Connected ${label} as ${account.displayName}.`,
    };
  } catch (err) {
    if (err instanceof AppError)
      return { ok: false, returnTo: state.returnTo, message: err.message };
    // Not the error itself: a failed query's message lists its parameters (the sealed tokens).
    log.error("oauth callback failed", {
      network,
      error: err instanceof Error ? err.name : typeof err,
      code: pgField(err, "code") ?? (err as { kind?: string })?.kind ?? null,
    });
    return {
      ok: false,
      returnTo: state.returnTo,
      message: `${label} could not be reached to finish connecting. Try again in a minute.`,
    };
  }
}
