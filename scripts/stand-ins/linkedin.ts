// LinkedIn stand-in: the subset of www.linkedin.com (OAuth) and api.linkedin.com (userinfo, Images,
// Documents, Posts) the app uses, checking requests as LinkedIn does (client credentials, single-use
// codes, bearer tokens and their scopes, LinkedIn-Version and Rest.li headers, body shape, little
// text, uploaded media, duplicate content) and answering with LinkedIn's shapes. Unlike LinkedIn,
// malformed little text is refused (LinkedIn silently truncates the post), so bugs surface in tests.
// Test controls simulate failures, including a post created without the answer reaching the client.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { parseLittleText } from "../../lib/social/little-text";

export type StoredLinkedInPost = {
  /** `urn:li:share:<n>`, as sent in `x-restli-id`. */
  id: string;
  author: string;
  commentary: string;
  /** The commentary decoded: what a reader sees. */
  text: string;
  content: unknown;
  visibility: string;
  createdAt: number;
  /** sha256 of the access token that created it (the token itself is never stored). */
  accessTokenHash: string;
};

export type LinkedInStandInControls = {
  /** Consumed one per POST /rest/posts, answered without creating a post. */
  failNext: Array<{ status: number; body?: unknown; retryAfterS?: number }>;
  /** The next N post requests create the post, then never answer. */
  acceptThenHang: number;
  /** The next N post requests create the post, then drop the connection. */
  acceptThenDrop: number;
  /** Answer post requests this long after creating the post. */
  delayMs: number;
  /** Whether the token endpoint issues refresh tokens (LinkedIn does only for approved partners). */
  issueRefreshTokens: boolean;
};

export type LinkedInStandIn = {
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  /** The base URL (for both oauthUrl and apiUrl); only once listening. */
  readonly url: string;
  posts(): StoredLinkedInPost[];
  /** Every request except /__standin/*, in order. */
  requests: { path: string; method: string; at: number }[];
  controls: LinkedInStandInControls;
  /** Forgets posts, media, requests and resets controls; issued tokens stay valid. */
  clear(): void;
  issueToken(input: {
    memberId: string;
    name?: string;
    scopes: string[];
    expiresInS?: number;
  }): string;
  revokeToken(token: string): void;
  /** A company page `memberIds` administer (GET /rest/organizationAcls lists it for them). */
  addPage(input: { id: string; name: string; adminMemberIds: string[] }): void;
};

export const KNOWN_SCOPES = [
  "openid",
  "profile",
  "email",
  "w_member_social",
  "w_organization_social",
  "r_organization_social",
  "rw_organization_admin",
  "r_member_postAnalytics",
];
const DEMO_MEMBER_NAME = "Dana Demo";
const DEMO_PAGE_NAME = "Demo Company";
const ACCESS_TTL_S = 60 * 24 * 3600;
const REFRESH_TTL_S = 365 * 24 * 3600;
const CODE_TTL_MS = 10 * 60_000;
const MAX_COMMENTARY = 3000;
const loopbackHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

type Token = {
  memberId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
  hash: string;
};
type Grant = { clientId: string; memberId: string; scopes: string[]; expiresAt: number };
type Media = {
  urn: string;
  kind: "image" | "document";
  owner: string;
  uploaded: boolean;
  sizeBytes: number;
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const secret = (prefix: string) => `${prefix}${randomBytes(36).toString("base64url")}`;
const defaultControls = (): LinkedInStandInControls => ({
  failNext: [],
  acceptThenHang: 0,
  acceptThenDrop: 0,
  delayMs: 0,
  issueRefreshTokens: true,
});

/**
 * The member id for a name, derived as scripts/auth-server derives it from the email, so connecting
 * "Dana Demo" here and signing in as Dana Demo there name the same LinkedIn member.
 */
export function memberIdForName(name: string): string {
  const email = `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ".")
      .replace(/^\.|\.$/g, "") || "member"
  }@example.com`;
  return createHash("sha256").update(email).digest("base64url").slice(0, 10);
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
/** LinkedIn's REST error shape. */
const restError = (
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) => send(res, status, { status, code, message, ...extra });
/** LinkedIn's OAuth error shape. */
const oauthError = (res: http.ServerResponse, status: number, error: string, description: string) =>
  send(res, status, { error, error_description: description });

function html(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const months = (v: string) => Number(v.slice(0, 4)) * 12 + Number(v.slice(4, 6)) - 1;

function consentPage(params: Record<string, string>, cancelUrl: string): string {
  const hidden = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`)
    .join("\n    ");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>LinkedIn — authorize Ghostart (local stand-in)</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; background: #f3f2ef; display: grid; place-items: center; min-height: 100vh; margin: 0; }
  main { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); padding: 2rem; width: min(26rem, 90vw); }
  h1 { font-size: 1.25rem; color: #0a66c2; margin: 0 0 .5rem; }
  .note { color: #555; font-size: .875rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input[type=text] { width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #888; border-radius: 4px; font: inherit; }
  .actions { display: flex; gap: 1rem; align-items: center; margin-top: 1.5rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: 999px; border: 0; background: #0a66c2; color: #fff; cursor: pointer; }
</style></head>
<body><main>
  <h1>Ghostart wants to: post on your behalf</h1>
  <p class="note">Local LinkedIn stand-in: no request leaves this machine. Scopes: ${escapeHtml(params.scope ?? "")}</p>
  <form method="post" action="/oauth/v2/authorization">
    ${hidden}
    <label for="member_name">Sign in as (LinkedIn member name)</label>
    <input type="text" id="member_name" name="member_name" value="${DEMO_MEMBER_NAME}" required maxlength="120">${
      (params.scope ?? "").includes("rw_organization_admin")
        ? `
    <label for="page_name">Company page you administer (made if you have none)</label>
    <input type="text" id="page_name" name="page_name" value="${DEMO_PAGE_NAME}" maxlength="120">`
        : ""
    }
    <div class="actions">
      <button type="submit">Allow</button>
      <a href="${escapeHtml(cancelUrl)}">Cancel</a>
    </div>
  </form>
</main></body></html>`;
}

export function createLinkedInStandIn(options: {
  clientId: string;
  clientSecret: string;
  apiVersion?: string;
}): LinkedInStandIn {
  const acceptedVersion = options.apiVersion ?? "202510";
  const members = new Map<string, string>(); // member id → name
  const pages = new Map<string, { id: string; name: string; admins: Set<string> }>(); // page id →
  const tokens = new Map<string, Token>();
  const refreshTokens = new Map<string, Grant>();
  const codes = new Map<
    string,
    Grant & { redirectUri: string; codeChallenge: string | null; used: boolean }
  >();
  const media = new Map<string, Media>(); // urn → media
  const uploadIds = new Map<string, string>(); // upload path id → urn
  let posts: StoredLinkedInPost[] = [];
  const requests: LinkedInStandIn["requests"] = [];
  const controls = defaultControls();
  let nextShare = 7_300_000_000_000_000_001n;
  let nextMedia = 1;
  let baseUrl: string | null = null;

  function issueAccessToken(memberId: string, scopes: string[], expiresInS = ACCESS_TTL_S) {
    const token = secret("AQV");
    tokens.set(token, {
      memberId,
      scopes,
      expiresAt: Date.now() + expiresInS * 1000,
      revoked: false,
      hash: sha256(token),
    });
    return token;
  }

  /** Checks the OAuth authorize parameters; a string is the error page's message. */
  function checkAuthorize(
    p: URLSearchParams,
  ): string | { redirect: URL; state: string; scopes: string[]; unknown: string[] } {
    if (p.get("response_type") !== "code") return 'The "response_type" parameter must be "code".';
    if (p.get("client_id") !== options.clientId) return "The passed in client_id is invalid.";
    let redirect: URL;
    try {
      redirect = new URL(p.get("redirect_uri") ?? "");
      if (!/^https?:$/.test(redirect.protocol)) throw new Error();
    } catch {
      return 'The "redirect_uri" parameter is missing or not an absolute http(s) URL.';
    }
    const scopes = (p.get("scope") ?? "").split(/[\s,]+/).filter(Boolean);
    const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s));
    if (scopes.length === 0) unknown.push("(none requested)");
    return { redirect, state: p.get("state") ?? "", scopes, unknown };
  }

  function redirectTo(res: http.ServerResponse, base: URL, params: Record<string, string>) {
    const target = new URL(base);
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    res.writeHead(302, { location: target.toString() });
    res.end();
  }

  async function authorize(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const params =
      req.method === "POST"
        ? new URLSearchParams((await readBody(req)).toString("utf8"))
        : url.searchParams;
    const checked = checkAuthorize(params);
    if (typeof checked === "string")
      return html(res, 400, `<!doctype html><title>Error</title><p>${escapeHtml(checked)}</p>`);
    const { redirect, state, scopes, unknown } = checked;
    if (unknown.length > 0)
      return redirectTo(res, redirect, {
        error: "unauthorized_scope_error",
        error_description: `Scope "${unknown.join(", ")}" is not authorized for your application`,
        state,
      });
    if (req.method === "GET") {
      const cancel = new URL(redirect);
      cancel.searchParams.set("error", "user_cancelled_authorize");
      cancel.searchParams.set("error_description", "The user cancelled the authorization");
      cancel.searchParams.set("state", state);
      const keep = [
        "response_type",
        "client_id",
        "redirect_uri",
        "state",
        "scope",
        "code_challenge",
        "code_challenge_method",
      ];
      const hidden = Object.fromEntries(keep.map((k) => [k, params.get(k) ?? ""]));
      return html(res, 200, consentPage(hidden, cancel.toString()));
    }
    const name = (params.get("member_name") ?? "").trim().slice(0, 120) || DEMO_MEMBER_NAME;
    const memberId = memberIdForName(name);
    members.set(memberId, name);
    const pageName = (params.get("page_name") ?? "").trim().slice(0, 120);
    if (
      scopes.includes("rw_organization_admin") &&
      pageName &&
      ![...pages.values()].some((p) => p.admins.has(memberId))
    )
      addPage({ id: String(pages.size + 90_001), name: pageName, adminMemberIds: [memberId] });
    const code = secret("AQT");
    codes.set(code, {
      clientId: options.clientId,
      memberId,
      scopes,
      redirectUri: params.get("redirect_uri")!,
      // PKCE (S256) when the client sent a challenge: the token request must then prove it.
      codeChallenge: params.get("code_challenge") || null,
      expiresAt: Date.now() + CODE_TTL_MS,
      used: false,
    });
    redirectTo(res, redirect, { code, state });
  }

  async function accessToken(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded"))
      return oauthError(
        res,
        400,
        "invalid_request",
        "The request must be application/x-www-form-urlencoded",
      );
    const p = new URLSearchParams((await readBody(req)).toString("utf8"));
    const grantType = p.get("grant_type");
    if (!grantType)
      return oauthError(
        res,
        400,
        "invalid_request",
        'A required parameter "grant_type" is missing',
      );
    if (p.get("client_id") !== options.clientId || p.get("client_secret") !== options.clientSecret)
      return oauthError(res, 401, "invalid_client", "Client authentication failed");
    const invalidGrant = () =>
      oauthError(
        res,
        400,
        "invalid_grant",
        "The provided authorization grant or refresh token is invalid, expired or revoked",
      );
    let grant: Grant;
    let refreshToken: string | null = null;
    if (grantType === "authorization_code") {
      const code = p.get("code");
      const redirectUri = p.get("redirect_uri");
      if (!code || !redirectUri)
        return oauthError(
          res,
          400,
          "invalid_request",
          `A required parameter "${code ? "redirect_uri" : "code"}" is missing`,
        );
      const stored = codes.get(code);
      if (!stored || stored.used || stored.expiresAt <= Date.now()) return invalidGrant();
      stored.used = true; // single use, even when the rest of the request is wrong
      if (stored.redirectUri !== redirectUri) return invalidGrant();
      if (stored.codeChallenge) {
        const verifier = p.get("code_verifier") ?? "";
        const proof = createHash("sha256").update(verifier).digest("base64url");
        if (proof !== stored.codeChallenge) return invalidGrant();
      }
      grant = stored;
      if (controls.issueRefreshTokens) {
        refreshToken = secret("AQX");
        refreshTokens.set(refreshToken, {
          ...grant,
          expiresAt: Date.now() + REFRESH_TTL_S * 1000,
        });
      }
    } else if (grantType === "refresh_token") {
      const stored = refreshTokens.get(p.get("refresh_token") ?? "");
      if (!stored || stored.expiresAt <= Date.now()) return invalidGrant();
      grant = stored;
      refreshToken = p.get("refresh_token"); // LinkedIn keeps the refresh token (fixed 365-day life)
    } else {
      return oauthError(
        res,
        400,
        "unsupported_grant_type",
        `The grant type "${grantType}" is not supported`,
      );
    }
    const access = issueAccessToken(grant.memberId, grant.scopes);
    const refresh = refreshToken ? refreshTokens.get(refreshToken) : undefined;
    send(
      res,
      200,
      {
        access_token: access,
        expires_in: ACCESS_TTL_S,
        ...(refresh && refreshToken
          ? {
              refresh_token: refreshToken,
              refresh_token_expires_in: Math.floor((refresh.expiresAt - Date.now()) / 1000),
            }
          : {}),
        scope: grant.scopes.join(","),
        token_type: "Bearer",
      },
      { "cache-control": "no-store" },
    );
  }

  /** The bearer token's record, or answers 401 as LinkedIn does and returns null. */
  function bearer(req: http.IncomingMessage, res: http.ServerResponse): Token | null {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
    const token = match ? tokens.get(match[1]!) : undefined;
    if (token && !token.revoked && token.expiresAt > Date.now()) return token;
    restError(
      res,
      401,
      "INVALID_ACCESS_TOKEN",
      match
        ? "The token used in the request has been revoked by the user or has expired"
        : "Empty oauth2 access token",
      { serviceErrorCode: 65600 },
    );
    return null;
  }

  /** The /rest/* header checks after the token; answers and returns false on failure. */
  function restHeaders(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const version = req.headers["linkedin-version"];
    if (typeof version !== "string" || !version) {
      restError(
        res,
        400,
        "VERSION_MISSING",
        "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
      );
      return false;
    }
    const month = Number(version.slice(4, 6));
    if (!/^\d{6}$/.test(version) || month < 1 || month > 12) {
      restError(res, 400, "VERSION_INVALID", `Version ${version} is not in the format YYYYMM.`);
      return false;
    }
    const age = months(acceptedVersion) - months(version);
    if (age < 0 || age >= 12) {
      restError(res, 426, "NONEXISTENT_VERSION", `Requested version ${version} is not active`);
      return false;
    }
    if (req.headers["x-restli-protocol-version"] !== "2.0.0") {
      restError(
        res,
        400,
        "PROTOCOL_VERSION_MISSING",
        "The X-Restli-Protocol-Version header must be 2.0.0",
      );
      return false;
    }
    return true;
  }

  /** The JSON body, or answers 400 and returns null. */
  async function jsonBody(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<Record<string, unknown> | null> {
    if (!(req.headers["content-type"] ?? "").includes("application/json")) {
      restError(res, 400, "INVALID_CONTENT_TYPE", "Content-Type must be application/json");
      return null;
    }
    try {
      const body: unknown = JSON.parse((await readBody(req)).toString("utf8"));
      if (body && typeof body === "object" && !Array.isArray(body))
        return body as Record<string, unknown>;
    } catch {
      // answered below
    }
    restError(res, 400, "INVALID_JSON", "The request body is not a JSON object");
    return null;
  }

  /** Whether the token may act as `author`; answers 403 and returns false otherwise. */
  function mayActAs(token: Token, author: string, res: http.ServerResponse, what: string) {
    const person = /^urn:li:person:(.+)$/.exec(author);
    const page = /^urn:li:organization:(.+)$/.exec(author);
    const scope = person ? "w_member_social" : "w_organization_social";
    const allowed = person
      ? person[1] === token.memberId
      : !!page && !!pages.get(page[1]!)?.admins.has(token.memberId);
    if (!token.scopes.includes(scope) || !allowed) {
      restError(
        res,
        403,
        "ACCESS_DENIED",
        token.scopes.includes(scope)
          ? `Member ${token.memberId} is not permitted to ${what} as ${author}`
          : `Not enough permissions to access: ${what} (needs ${scope})`,
        { serviceErrorCode: 100 },
      );
      return false;
    }
    return true;
  }

  const authorPattern = /^urn:li:(?:person|organization):[A-Za-z0-9_-]+$/;

  async function initializeUpload(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    kind: "image" | "document",
  ) {
    const token = bearer(req, res);
    if (!token || !restHeaders(req, res)) return;
    const body = await jsonBody(req, res);
    if (!body) return;
    const owner = (body.initializeUploadRequest as { owner?: unknown } | undefined)?.owner;
    if (typeof owner !== "string" || !authorPattern.test(owner))
      return restError(
        res,
        400,
        "INVALID_OWNER",
        "initializeUploadRequest.owner must be a person or organization URN",
      );
    if (!mayActAs(token, owner, res, `${kind}s.initializeUpload`)) return;
    const n = nextMedia++;
    const urn = `urn:li:${kind}:${kind === "image" ? "D4E10AQ" : "D4D10AQ"}standin${n}`;
    const uploadId = randomBytes(12).toString("base64url");
    media.set(urn, { urn, kind, owner, uploaded: false, sizeBytes: 0 });
    uploadIds.set(uploadId, urn);
    send(res, 200, {
      value: {
        uploadUrlExpiresAt: Date.now() + 24 * 3600_000,
        uploadUrl: `http://${req.headers.host}/upload/${uploadId}`,
        [kind]: urn,
      },
    });
  }

  async function putUpload(req: http.IncomingMessage, res: http.ServerResponse, id: string) {
    if (!bearer(req, res)) return;
    const item = media.get(uploadIds.get(id) ?? "");
    if (!item) return restError(res, 404, "NOT_FOUND", "Upload URL not found");
    const bytes = await readBody(req);
    if (bytes.length === 0) return restError(res, 400, "EMPTY_UPLOAD", "The upload has no bytes");
    item.uploaded = true;
    item.sizeBytes = bytes.length;
    res.writeHead(201);
    res.end();
  }

  /** Checks `content`; returns an error message or null. */
  function contentProblem(content: unknown, author: string): string | null {
    if (content === undefined) return null;
    if (!content || typeof content !== "object") return "content must be an object";
    const c = content as Record<string, unknown>;
    const usable = (ref: unknown, kinds: Media["kind"][]): string | null => {
      const id = (ref as { id?: unknown } | null)?.id;
      const altText = (ref as { altText?: unknown } | null)?.altText;
      if (typeof id !== "string") return "a media entry has no id";
      const item = media.get(id);
      if (!item || !kinds.includes(item.kind))
        return `Media ${id} was not initialized through the ${kinds.join("/")} API`;
      if (!item.uploaded) return `Media ${id} has not been uploaded`;
      if (item.owner !== author) return `Media ${id} is owned by ${item.owner}, not ${author}`;
      if (altText !== undefined && (typeof altText !== "string" || altText.length > 4086))
        return "altText must be a string of at most 4086 characters";
      return null;
    };
    if (c.media !== undefined) {
      const problem = usable(c.media, ["image", "document"]);
      if (problem) return problem;
      const item = media.get((c.media as { id: string }).id)!;
      const title = (c.media as { title?: unknown }).title;
      if (item.kind === "document" && (typeof title !== "string" || !title.trim()))
        return "A document needs a title";
      return null;
    }
    if (c.multiImage !== undefined) {
      const images = (c.multiImage as { images?: unknown } | null)?.images;
      if (!Array.isArray(images) || images.length < 2 || images.length > 20)
        return "multiImage.images must hold 2 to 20 images";
      for (const image of images) {
        const problem = usable(image, ["image"]);
        if (problem) return problem;
      }
      return null;
    }
    if (c.article !== undefined) {
      const source = (c.article as { source?: unknown } | null)?.source;
      return typeof source === "string" && /^https?:\/\//.test(source)
        ? null
        : "article.source must be a URL";
    }
    return "content must hold media, multiImage or article (the stand-in supports these)";
  }

  async function createPost(req: http.IncomingMessage, res: http.ServerResponse) {
    const failure = controls.failNext.shift();
    if (failure) {
      await readBody(req);
      const headers: Record<string, string> =
        failure.retryAfterS !== undefined ? { "retry-after": String(failure.retryAfterS) } : {};
      return send(
        res,
        failure.status,
        failure.body ?? {
          status: failure.status,
          message: `Simulated failure (HTTP ${failure.status})`,
        },
        headers,
      );
    }
    const token = bearer(req, res);
    if (!token || !restHeaders(req, res)) return;
    const body = await jsonBody(req, res);
    if (!body) return;
    const bad = (message: string) => restError(res, 400, "INVALID_REQUEST", message);
    const { author, commentary, visibility, distribution, lifecycleState, content } = body;
    if (typeof author !== "string" || !authorPattern.test(author))
      return bad("author must be a person or organization URN");
    if (!mayActAs(token, author, res, "partnerApiPostsExternal.CREATE")) return;
    if (typeof commentary !== "string") return bad("commentary must be a string");
    if (!["PUBLIC", "CONNECTIONS", "LOGGED_IN"].includes(visibility as string))
      return bad("visibility must be PUBLIC, CONNECTIONS or LOGGED_IN");
    const dist = distribution as Record<string, unknown> | undefined;
    if (!dist || !["MAIN_FEED", "NONE"].includes(dist.feedDistribution as string))
      return bad("distribution.feedDistribution must be MAIN_FEED or NONE");
    for (const key of ["targetEntities", "thirdPartyDistributionChannels"])
      if (dist[key] !== undefined && !Array.isArray(dist[key]))
        return bad(`distribution.${key} must be an array`);
    if (lifecycleState !== "PUBLISHED") return bad("lifecycleState must be PUBLISHED");
    if (
      body.isReshareDisabledByAuthor !== undefined &&
      typeof body.isReshareDisabledByAuthor !== "boolean"
    )
      return bad("isReshareDisabledByAuthor must be a boolean");
    const parsed = parseLittleText(commentary);
    if (!parsed.ok)
      return bad(`commentary is not valid little text at index ${parsed.index}: ${parsed.error}`);
    if (parsed.text.length > MAX_COMMENTARY)
      return restError(
        res,
        422,
        "COMMENTARY_TOO_LONG",
        `commentary is ${parsed.text.length} characters; the maximum is ${MAX_COMMENTARY}`,
      );
    const problem = contentProblem(content, author);
    if (problem) return bad(problem);
    const same = posts.find(
      (p) =>
        p.author === author &&
        p.commentary === commentary &&
        JSON.stringify(p.content ?? null) === JSON.stringify(content ?? null),
    );
    if (same)
      return restError(res, 422, "DUPLICATE_POST", `Content is a duplicate of ${same.id}`, {
        errorDetailType: "com.linkedin.common.error.BadRequest",
      });

    const id = `urn:li:share:${nextShare++}`;
    posts.push({
      id,
      author,
      commentary,
      text: parsed.text,
      content: content ?? null,
      visibility: visibility as string,
      createdAt: Date.now(),
      accessTokenHash: token.hash,
    });
    if (controls.acceptThenHang > 0) {
      controls.acceptThenHang--;
      return; // never answer: the client times out with the post already created
    }
    if (controls.acceptThenDrop > 0) {
      controls.acceptThenDrop--;
      req.socket.destroy();
      return;
    }
    if (controls.delayMs > 0) await new Promise((r) => setTimeout(r, controls.delayMs));
    res.writeHead(201, { "x-restli-id": id, "x-linkedin-id": id });
    res.end();
  }

  function userinfo(req: http.IncomingMessage, res: http.ServerResponse) {
    const token = bearer(req, res);
    if (!token) return;
    if (!token.scopes.includes("openid") || !token.scopes.includes("profile"))
      return restError(
        res,
        403,
        "ACCESS_DENIED",
        "Not enough permissions to access: userinfo.GET.NO_VERSION",
        {
          serviceErrorCode: 100,
        },
      );
    const name = members.get(token.memberId) ?? "LinkedIn Member";
    const [given, ...family] = name.split(" ");
    send(res, 200, {
      sub: token.memberId,
      name,
      given_name: given,
      family_name: family.join(" "),
      picture: `http://${req.headers.host}/avatars/${token.memberId}.svg`,
      locale: { country: "US", language: "en" },
      ...(token.scopes.includes("email")
        ? {
            email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.com`,
            email_verified: true,
          }
        : {}),
    });
  }

  function avatar(res: http.ServerResponse, memberId: string) {
    const name = members.get(memberId);
    if (!name) return restError(res, 404, "NOT_FOUND", "No such member");
    const initials = name
      .split(/\s+/)
      .map((w) => w[0] ?? "")
      .join("")
      .slice(0, 2)
      .toUpperCase();
    res.writeHead(200, { "content-type": "image/svg+xml" });
    res.end(
      `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#0a66c2"/><text x="48" y="60" font-family="sans-serif" font-size="36" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text></svg>`,
    );
  }

  function addPage(input: { id: string; name: string; adminMemberIds: string[] }) {
    pages.set(input.id, { id: input.id, name: input.name, admins: new Set(input.adminMemberIds) });
  }

  /** GET /rest/organizationAcls?q=roleAssignee: the pages the token's member administers. */
  function organizationAcls(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const token = bearer(req, res);
    if (!token || !restHeaders(req, res)) return;
    if (!token.scopes.includes("rw_organization_admin"))
      return restError(
        res,
        403,
        "ACCESS_DENIED",
        "Not enough permissions to access: organizationAcls.FINDER-roleAssignee (needs rw_organization_admin)",
        { serviceErrorCode: 100 },
      );
    if (url.searchParams.get("q") !== "roleAssignee")
      return restError(res, 400, "INVALID_REQUEST", "Only the roleAssignee finder is supported");
    const role = url.searchParams.get("role") ?? "ADMINISTRATOR";
    const state = url.searchParams.get("state") ?? "APPROVED";
    const elements =
      role === "ADMINISTRATOR" && state === "APPROVED"
        ? [...pages.values()]
            .filter((p) => p.admins.has(token.memberId))
            .map((p) => ({
              organization: `urn:li:organization:${p.id}`,
              role: "ADMINISTRATOR",
              state: "APPROVED",
              roleAssignee: `urn:li:person:${token.memberId}`,
            }))
        : [];
    send(res, 200, { elements, paging: { count: 10, start: 0, total: elements.length } });
  }

  /** GET /rest/organizations/{id}: a page's public fields. */
  function organization(req: http.IncomingMessage, res: http.ServerResponse, id: string) {
    const token = bearer(req, res);
    if (!token || !restHeaders(req, res)) return;
    const page = pages.get(id);
    if (!page) return restError(res, 404, "NOT_FOUND", `Organization ${id} does not exist`);
    send(res, 200, {
      id: Number(page.id),
      localizedName: page.name,
      vanityName: page.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    });
  }

  function clear() {
    posts = [];
    media.clear();
    uploadIds.clear();
    requests.length = 0;
    Object.assign(controls, defaultControls());
  }

  function issueToken(input: {
    memberId: string;
    name?: string;
    scopes: string[];
    expiresInS?: number;
  }) {
    if (input.name || !members.has(input.memberId))
      members.set(input.memberId, input.name ?? "LinkedIn Member");
    return issueAccessToken(input.memberId, input.scopes, input.expiresInS);
  }

  /** The test surface over HTTP, so another process (e2e, the dev app) can drive the stand-in. */
  async function standIn(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    if (req.method === "GET" && path === "/__standin/posts") return send(res, 200, { posts });
    if (req.method === "GET" && path === "/__standin/requests") return send(res, 200, { requests });
    if (req.method === "GET" && path === "/__standin/controls") return send(res, 200, controls);
    if (req.method === "POST" && path === "/__standin/reset") {
      clear();
      return send(res, 200, { ok: true });
    }
    const body = parseBody((await readBody(req)).toString("utf8"));
    if (req.method === "POST" && path === "/__standin/controls") {
      const defaults = defaultControls();
      for (const [key, value] of Object.entries(body ?? {})) {
        if (!(key in defaults) || typeof value !== typeof defaults[key as keyof typeof defaults])
          return send(res, 400, { error: `Unknown or mistyped control "${key}"` });
        if (key === "failNext" && !Array.isArray(value))
          return send(res, 400, { error: "failNext must be an array" });
      }
      Object.assign(controls, body);
      return send(res, 200, controls);
    }
    if (req.method === "POST" && path === "/__standin/tokens") {
      const input = body as Parameters<typeof issueToken>[0] | null;
      if (!input || typeof input.memberId !== "string" || !Array.isArray(input.scopes))
        return send(res, 400, { error: "memberId and scopes are required" });
      return send(res, 200, { accessToken: issueToken(input) });
    }
    send(res, 404, { error: "Unknown stand-in endpoint" });
  }

  function parseBody(text: string): Record<string, unknown> | null {
    try {
      const value: unknown = JSON.parse(text || "{}");
      return value && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null;
    } catch {
      return null;
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (path.startsWith("/__standin/")) return standIn(req, res, path);
    requests.push({ path: path + url.search, method, at: Date.now() });

    if (path === "/oauth/v2/authorization" && (method === "GET" || method === "POST"))
      return authorize(req, res, url);
    if (path === "/oauth/v2/accessToken" && method === "POST") return accessToken(req, res);
    if (path === "/v2/userinfo" && method === "GET") return userinfo(req, res);
    const avatarMatch = /^\/avatars\/([A-Za-z0-9_-]+)\.svg$/.exec(path);
    if (avatarMatch && method === "GET") return avatar(res, avatarMatch[1]!);
    const mediaMatch = /^\/rest\/(images|documents)$/.exec(path);
    if (mediaMatch && method === "POST") {
      if (url.searchParams.get("action") !== "initializeUpload")
        return restError(res, 400, "INVALID_ACTION", "Only action=initializeUpload is supported");
      return initializeUpload(req, res, mediaMatch[1] === "images" ? "image" : "document");
    }
    const uploadMatch = /^\/upload\/([A-Za-z0-9_-]+)$/.exec(path);
    if (uploadMatch && method === "PUT") return putUpload(req, res, uploadMatch[1]!);
    if (path === "/rest/posts" && method === "POST") return createPost(req, res);
    if (path === "/rest/organizationAcls" && method === "GET")
      return organizationAcls(req, res, url);
    const pageMatch = /^\/rest\/organizations\/(\d+)$/.exec(path);
    if (pageMatch && method === "GET") return organization(req, res, pageMatch[1]!);
    restError(res, 404, "NOT_FOUND", `No resource at ${method} ${path}`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (res.headersSent) res.destroy();
      else restError(res, 500, "INTERNAL_SERVER_ERROR", String(err));
    });
  });

  return {
    requests,
    controls,
    posts: () => posts,
    clear,
    issueToken,
    addPage,
    revokeToken(token) {
      const record = tokens.get(token);
      if (record) record.revoked = true;
    },
    get url() {
      if (!baseUrl) throw new Error("The LinkedIn stand-in is not listening yet");
      return baseUrl;
    },
    listen(port, host = "127.0.0.1") {
      if (!loopbackHosts.has(host))
        return Promise.reject(
          new Error(`The LinkedIn stand-in only listens on loopback addresses (got ${host})`),
        );
      const bare = host.replace(/^\[|\]$/g, "");
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, bare, () => {
          server.off("error", reject);
          const addr = server.address() as { port: number };
          baseUrl = `http://${bare.includes(":") ? `[${bare}]` : bare}:${addr.port}`;
          resolve({ port: addr.port, url: baseUrl });
        });
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
