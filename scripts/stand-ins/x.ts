// X API stand-in: the subset of x.com / api.x.com that Ghostart's X client calls, in memory. It checks
// requests as X does (client credentials, PKCE S256, single-use codes bound to their redirect URI,
// rotating refresh tokens, bearer user tokens and their scopes, weighted tweet length, media ownership,
// duplicate content) and answers with X's shapes. Development and tests only; loopback only.
//
//   GET  /i/oauth2/authorize        consent page (username prefilled "dana_demo")
//   POST /i/oauth2/authorize        "Authorize app" → 302 to redirect_uri with code & state
//   POST /2/oauth2/token            authorization_code (PKCE) and refresh_token grants (Basic auth)
//   GET  /2/users/me                users.read + tweet.read
//   POST /2/media/upload            multipart `media` + `media_category` (media.write)
//   POST /2/media/metadata          alt text (media.write)
//   POST /2/tweets                  tweet.read + tweet.write + users.read
//   GET  /__standin/avatar/:name    an SVG avatar (profile_image_url points here)
//   POST /__standin/controls        JSON merged into `controls`
//   GET  /__standin/tweets          { data: StoredTweet[] }
//   POST /__standin/reset           clear()
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { xWeightedLength } from "../../lib/posts/count";

export type StoredTweet = {
  id: string;
  authorId: string;
  text: string;
  mediaIds: string[];
  inReplyTo: string | null;
  /** Epoch ms. */
  createdAt: number;
};

export type StoredMedia = {
  id: string;
  ownerId: string;
  size: number;
  mime: string;
  category: string;
  altText: string | null;
};

export type XStandInControls = {
  /** Each /2/tweets request consumes the first entry and answers with it instead of posting. */
  failNext: Array<{ status: number; body?: unknown; retryAfterS?: number }>;
  /** This many /2/tweets requests create the tweet and then never answer. */
  acceptThenHang: number;
  /** This many /2/tweets requests create the tweet and then drop the connection. */
  acceptThenDrop: number;
  /** Hold every /2/tweets answer this long after the tweet is stored. */
  delayMs: number;
};

export type XStandIn = {
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  /** The base URL (both the OAuth and the API base); empty before listen. */
  readonly url: string;
  tweets(): StoredTweet[];
  media(): StoredMedia[];
  /** Every request received, accepted or not (the /__standin endpoints excepted). */
  requests: { path: string; method: string; at: number }[];
  controls: XStandInControls;
  /** Forgets tweets, media, requests and controls; users and tokens stay valid. */
  clear(): void;
  /** An access token for `userId` as if the user had connected (no refresh token). */
  issueToken(input: {
    userId: string;
    username?: string;
    name?: string;
    scopes: string[];
    expiresInS?: number;
  }): string;
  revokeToken(token: string): void;
};

export const xStandInScopes = [
  "tweet.read",
  "tweet.write",
  "users.read",
  "offline.access",
  "media.write",
];

type User = { id: string; username: string; name: string };
type Grant = { userId: string; scopes: string[]; expiresAt: number };
type Code = Grant & { clientId: string; redirectUri: string; challenge: string };

const accessTokenTtlS = 7200;
const codeTtlMs = 10 * 60_000;
const maxBodyBytes = 6 * 1024 * 1024;
const maxImageBytes = 5 * 1024 * 1024;
const mediaCategories = ["tweet_image", "tweet_gif", "tweet_video", "dm_image", "dm_gif"];
const loopback = ["127.0.0.1", "localhost", "::1", "[::1]"];

const problem = (status: number, title: string, detail: string) => ({
  title,
  type: "about:blank",
  status,
  detail,
});
const unauthorized = problem(401, "Unauthorized", "Unauthorized");
const invalidRequest = (message: string, parameter?: string) => ({
  errors: [{ ...(parameter ? { parameters: { [parameter]: [] } } : {}), message }],
  title: "Invalid Request",
  detail: "One or more parameters to your request was invalid.",
  type: "https://api.twitter.com/2/problems/invalid-request",
});
const defaultFailBody = (status: number): unknown =>
  status === 429
    ? problem(429, "Too Many Requests", "Too Many Requests")
    : status === 401
      ? unauthorized
      : problem(status, http.STATUS_CODES[status] ?? "Error", http.STATUS_CODES[status] ?? "Error");

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

class TooLarge extends Error {}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type Part = { name: string; fileName: string | null; type: string | null; data: Buffer };

/** Just enough multipart/form-data parsing to find the named parts and their bytes. */
function parseMultipart(body: Buffer, contentType: string): Part[] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) return null;
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") return parts;
    start += 2; // CRLF after the delimiter
    const next = body.indexOf(delimiter, start);
    if (next < 0) return null;
    const headerEnd = body.indexOf("\r\n\r\n", start);
    if (headerEnd < 0 || headerEnd > next) return null;
    const headers = body.subarray(start, headerEnd).toString("utf8");
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined) {
      parts.push({
        name,
        fileName: /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null,
        type: /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim() ?? null,
        data: body.subarray(headerEnd + 4, next - 2), // the part ends with CRLF before the delimiter
      });
    }
    start = next;
  }
}

export function createXStandIn(options: {
  clientId: string;
  clientSecret: string;
  /** When given, the only redirect URIs accepted (X requires registered callback URLs). */
  redirectUris?: string[];
}): XStandIn {
  const users = new Map<string, User>();
  const codes = new Map<string, Code>();
  const accessTokens = new Map<string, Grant>();
  const refreshTokens = new Map<string, Omit<Grant, "expiresAt">>();
  const media = new Map<string, StoredMedia & { expiresAt: number }>();
  let tweets: StoredTweet[] = [];
  const requests: XStandIn["requests"] = [];
  const controls: XStandInControls = {
    failNext: [],
    acceptThenHang: 0,
    acceptThenDrop: 0,
    delayMs: 0,
  };
  let baseUrl = "";
  // Snowflake-sized ids, increasing like X's.
  let sequence = 1_880_000_000_000_000_000n;
  const nextId = () => String((sequence += BigInt(1 + Math.floor(Math.random() * 1000))));
  const secret = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;

  const userFor = (input: { userId?: string; username: string; name?: string }): User => {
    const existing = [...users.values()].find(
      (u) => u.id === input.userId || (!input.userId && u.username === input.username),
    );
    if (existing) return existing;
    const user: User = {
      id: input.userId ?? nextId(),
      username: input.username,
      name:
        input.name ?? input.username.replace(/_/g, " ").replace(/\b\w/g, (c) => c.toUpperCase()),
    };
    users.set(user.id, user);
    return user;
  };

  const issue = (
    grant: Omit<Grant, "expiresAt">,
    expiresInS = accessTokenTtlS,
    withRefresh = grant.scopes.includes("offline.access"),
  ) => {
    const accessToken = secret("xat-");
    accessTokens.set(accessToken, { ...grant, expiresAt: Date.now() + expiresInS * 1000 });
    const body: Record<string, unknown> = {
      token_type: "bearer",
      expires_in: expiresInS,
      access_token: accessToken,
      scope: grant.scopes.join(" "),
    };
    if (withRefresh) {
      const refreshToken = secret("xrt-");
      refreshTokens.set(refreshToken, grant);
      body.refresh_token = refreshToken;
    }
    return body;
  };

  /** The bearer's grant, or null after answering 401/403. */
  const authorize = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    needs: string[],
  ): (Grant & { user: User }) | null => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    const grant = token ? accessTokens.get(token) : undefined;
    const user = grant ? users.get(grant.userId) : undefined;
    if (!grant || !user || grant.expiresAt <= Date.now()) {
      send(res, 401, unauthorized);
      return null;
    }
    const missing = needs.filter((s) => !grant.scopes.includes(s));
    if (missing.length) {
      send(
        res,
        403,
        problem(403, "Forbidden", `Missing required OAuth 2.0 scopes: ${missing.join(", ")}.`),
      );
      return null;
    }
    return { ...grant, user };
  };

  /** Validates authorize parameters; returns an error page message, or a redirect error code. */
  const checkAuthorize = (
    p: URLSearchParams,
  ): { page: string } | { redirect: string; description: string } | null => {
    if (p.get("client_id") !== options.clientId) return { page: "Unknown client_id." };
    const redirectUri = p.get("redirect_uri") ?? "";
    let parsed: URL | null = null;
    try {
      parsed = new URL(redirectUri);
    } catch {}
    if (!parsed || !/^https?:$/.test(parsed.protocol))
      return { page: "redirect_uri must be an http(s) URL." };
    if (options.redirectUris && !options.redirectUris.includes(redirectUri))
      return { page: "redirect_uri does not match the app's callback URLs." };
    if (p.get("response_type") !== "code")
      return { redirect: "unsupported_response_type", description: "response_type must be code" };
    if (!p.get("state")) return { redirect: "invalid_request", description: "state is required" };
    if (!p.get("code_challenge") || p.get("code_challenge_method") !== "S256")
      return {
        redirect: "invalid_request",
        description: "PKCE with code_challenge_method=S256 is required",
      };
    const scopes = (p.get("scope") ?? "").split(" ").filter(Boolean);
    if (scopes.length === 0 || scopes.some((s) => !xStandInScopes.includes(s)))
      return { redirect: "invalid_scope", description: "Unknown or missing scope" };
    return null;
  };

  const redirectTo = (redirectUri: string, params: Record<string, string>) => {
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    return target.toString();
  };

  const page = (res: http.ServerResponse, status: number, title: string, body: string) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
        `<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}` +
        `input,button{font:inherit;padding:.5rem;margin:.25rem 0}button{background:#000;color:#fff;` +
        `border:0;border-radius:999px;padding:.5rem 1.25rem}</style></head><body>${body}</body></html>`,
    );
  };

  function getAuthorize(url: URL, res: http.ServerResponse) {
    const p = url.searchParams;
    const problemFound = checkAuthorize(p);
    if (problemFound && "page" in problemFound)
      return page(res, 400, "Something went wrong", `<p>${escapeHtml(problemFound.page)}</p>`);
    if (problemFound) {
      res.writeHead(302, {
        location: redirectTo(p.get("redirect_uri")!, {
          error: problemFound.redirect,
          error_description: problemFound.description,
          state: p.get("state") ?? "",
        }),
      });
      return res.end();
    }
    const hidden = [...p.entries()]
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join("");
    const cancel = redirectTo(p.get("redirect_uri")!, {
      error: "access_denied",
      state: p.get("state")!,
    });
    const scopes = (p.get("scope") ?? "").split(" ").map((s) => `<li>${escapeHtml(s)}</li>`);
    page(
      res,
      200,
      "Authorize app – X (stand-in)",
      `<h1>Authorize app</h1><p>This local X stand-in asks for:</p><ul>${scopes.join("")}</ul>` +
        `<form method="post" action="/i/oauth2/authorize">${hidden}` +
        `<label>Username <input name="username" value="dana_demo" required pattern="[A-Za-z0-9_]{1,15}"></label><br>` +
        `<button type="submit">Authorize app</button></form>` +
        `<p><a href="${escapeHtml(cancel)}">Cancel</a></p>`,
    );
  }

  async function postAuthorize(req: http.IncomingMessage, res: http.ServerResponse) {
    const p = new URLSearchParams((await readBody(req)).toString("utf8"));
    const problemFound = checkAuthorize(p);
    if (problemFound)
      return page(res, 400, "Something went wrong", `<p>The authorization request is invalid.</p>`);
    const username = p.get("username") ?? "";
    if (!/^[A-Za-z0-9_]{1,15}$/.test(username))
      return page(res, 400, "Something went wrong", `<p>Enter a valid username.</p>`);
    const user = userFor({ username });
    const code = secret("xcode-");
    codes.set(code, {
      clientId: options.clientId,
      redirectUri: p.get("redirect_uri")!,
      challenge: p.get("code_challenge")!,
      userId: user.id,
      scopes: p.get("scope")!.split(" ").filter(Boolean),
      expiresAt: Date.now() + codeTtlMs,
    });
    res.writeHead(302, {
      location: redirectTo(p.get("redirect_uri")!, { state: p.get("state")!, code }),
    });
    res.end();
  }

  async function token(req: http.IncomingMessage, res: http.ServerResponse) {
    const oauthError = (status: number, error: string, description: string) =>
      send(res, status, { error, error_description: description });
    const basic = /^Basic (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    const [id, ...rest] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [];
    if (id !== options.clientId || rest.join(":") !== options.clientSecret)
      return oauthError(401, "unauthorized_client", "Missing valid authorization header");
    if (!(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded"))
      return oauthError(
        400,
        "invalid_request",
        "Content-Type must be application/x-www-form-urlencoded",
      );
    const p = new URLSearchParams((await readBody(req)).toString("utf8"));
    if (p.has("client_id") && p.get("client_id") !== options.clientId)
      return oauthError(
        400,
        "invalid_request",
        "client_id does not match the authorization header",
      );

    if (p.get("grant_type") === "authorization_code") {
      const code = codes.get(p.get("code") ?? "");
      codes.delete(p.get("code") ?? ""); // single use, even when the attempt fails
      if (!code || code.expiresAt <= Date.now())
        return oauthError(
          400,
          "invalid_request",
          "Value passed for the authorization code was invalid.",
        );
      if (p.get("redirect_uri") !== code.redirectUri)
        return oauthError(
          400,
          "invalid_request",
          "Value passed for the redirect uri did not match the uri of the authorization code.",
        );
      const verifier = p.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (!verifier || challenge !== code.challenge)
        return oauthError(
          400,
          "invalid_request",
          "Value passed for the code verifier did not match the code challenge.",
        );
      return send(res, 200, issue({ userId: code.userId, scopes: code.scopes }));
    }
    if (p.get("grant_type") === "refresh_token") {
      const old = p.get("refresh_token") ?? "";
      const grant = refreshTokens.get(old);
      if (!grant)
        return oauthError(400, "invalid_request", "Value passed for the token was invalid.");
      refreshTokens.delete(old); // X rotates: the old refresh token stops working
      return send(res, 200, issue(grant));
    }
    oauthError(
      400,
      "unsupported_grant_type",
      "grant_type must be authorization_code or refresh_token",
    );
  }

  function me(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
    const auth = authorize(req, res, ["users.read", "tweet.read"]);
    if (!auth) return;
    const fields = (url.searchParams.get("user.fields") ?? "").split(",");
    const { id, name, username } = auth.user;
    const data: Record<string, string> = { id, name, username };
    if (fields.includes("profile_image_url"))
      data.profile_image_url = `${baseUrl}/__standin/avatar/${username}_normal.svg`;
    send(res, 200, { data });
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse) {
    const auth = authorize(req, res, ["media.write"]);
    if (!auth) return;
    const contentType = req.headers["content-type"] ?? "";
    if (!contentType.startsWith("multipart/form-data"))
      return send(res, 400, invalidRequest("The request must be multipart/form-data."));
    const parts = parseMultipart(await readBody(req), contentType);
    if (!parts) return send(res, 400, invalidRequest("Malformed multipart body."));
    const field = (name: string) => parts.find((p) => p.name === name);
    if (field("command"))
      return send(res, 400, invalidRequest("The stand-in supports single-request uploads only."));
    const file = field("media");
    if (!file || file.data.length === 0)
      return send(res, 400, invalidRequest("The media parameter is missing or empty.", "media"));
    const category = field("media_category")?.data.toString("utf8") ?? "tweet_image";
    if (!mediaCategories.includes(category))
      return send(
        res,
        400,
        invalidRequest(`Unknown media_category ${category}.`, "media_category"),
      );
    if (category === "tweet_image" && file.data.length > maxImageBytes)
      return send(res, 400, invalidRequest("Images must be at most 5 MB.", "media"));
    const id = nextId();
    const expiresAfterS = 86_400;
    media.set(id, {
      id,
      ownerId: auth.user.id,
      size: file.data.length,
      mime: file.type ?? "application/octet-stream",
      category,
      altText: null,
      expiresAt: Date.now() + expiresAfterS * 1000,
    });
    send(res, 200, {
      data: {
        id,
        media_key: `${category === "tweet_gif" ? 16 : 3}_${id}`,
        expires_after_secs: expiresAfterS,
        size: file.data.length,
      },
    });
  }

  async function readJson(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!(req.headers["content-type"] ?? "").includes("application/json")) {
      send(res, 400, invalidRequest("The request must be application/json."));
      return null;
    }
    try {
      const body: unknown = JSON.parse((await readBody(req)).toString("utf8"));
      if (body && typeof body === "object" && !Array.isArray(body))
        return body as Record<string, unknown>;
    } catch {}
    send(res, 400, invalidRequest("The request body is not a JSON object."));
    return null;
  }

  async function metadata(req: http.IncomingMessage, res: http.ServerResponse) {
    const auth = authorize(req, res, ["media.write"]);
    if (!auth) return;
    const body = await readJson(req, res);
    if (!body) return;
    const item = typeof body.id === "string" ? media.get(body.id) : undefined;
    if (!item || item.ownerId !== auth.user.id)
      return send(res, 400, invalidRequest("The media id is invalid.", "id"));
    const alt = (body.metadata as { alt_text?: { text?: unknown } } | undefined)?.alt_text?.text;
    if (typeof alt !== "string" || Array.from(alt).length > 1000)
      return send(
        res,
        400,
        invalidRequest("alt_text.text must be a string of at most 1000 characters."),
      );
    item.altText = alt;
    send(res, 200, { data: { id: item.id, associated_metadata: { alt_text: { text: alt } } } });
  }

  async function createTweet(req: http.IncomingMessage, res: http.ServerResponse) {
    const failure = controls.failNext.shift();
    if (failure) {
      await readBody(req);
      const headers: Record<string, string> = {};
      if (failure.retryAfterS !== undefined) {
        headers["x-rate-limit-limit"] = "100";
        headers["x-rate-limit-remaining"] = "0";
        headers["x-rate-limit-reset"] = String(Math.ceil(Date.now() / 1000) + failure.retryAfterS);
      }
      return send(res, failure.status, failure.body ?? defaultFailBody(failure.status), headers);
    }
    const auth = authorize(req, res, ["tweet.read", "tweet.write", "users.read"]);
    if (!auth) return;
    const body = await readJson(req, res);
    if (!body) return;

    const text = body.text ?? "";
    if (typeof text !== "string")
      return send(res, 400, invalidRequest("text must be a string.", "text"));
    const mediaIds = (body.media as { media_ids?: unknown } | undefined)?.media_ids ?? [];
    if (
      !Array.isArray(mediaIds) ||
      mediaIds.length > 4 ||
      !mediaIds.every((id) => {
        const item = typeof id === "string" ? media.get(id) : undefined;
        return item && item.ownerId === auth.user.id && item.expiresAt > Date.now();
      })
    )
      return send(res, 400, invalidRequest("Your media IDs are invalid.", "media.media_ids"));
    if (!text.trim() && mediaIds.length === 0)
      return send(res, 400, invalidRequest("text is required unless media is attached.", "text"));
    const weighted = xWeightedLength(text);
    if (weighted > 280)
      return send(
        res,
        400,
        invalidRequest(`The text is too long (${weighted} of 280 weighted characters).`, "text"),
      );
    const replyTo = (body.reply as { in_reply_to_tweet_id?: unknown } | undefined)
      ?.in_reply_to_tweet_id;
    if (replyTo !== undefined && !tweets.some((t) => t.id === replyTo))
      return send(
        res,
        403,
        problem(
          403,
          "Forbidden",
          "You attempted to reply to a Tweet that is deleted or not visible to you.",
        ),
      );
    if (text.trim() && tweets.some((t) => t.authorId === auth.user.id && t.text === text))
      return send(
        res,
        403,
        problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."),
      );

    const tweet: StoredTweet = {
      id: nextId(),
      authorId: auth.user.id,
      text,
      mediaIds: mediaIds as string[],
      inReplyTo: typeof replyTo === "string" ? replyTo : null,
      createdAt: Date.now(),
    };
    tweets.push(tweet);
    if (controls.acceptThenHang > 0) {
      controls.acceptThenHang--;
      return; // created, never answered: close() ends the socket
    }
    if (controls.acceptThenDrop > 0) {
      controls.acceptThenDrop--;
      return req.socket.destroy();
    }
    if (controls.delayMs > 0) await new Promise((r) => setTimeout(r, controls.delayMs));
    send(res, 201, { data: { id: tweet.id, text, edit_history_tweet_ids: [tweet.id] } });
  }

  async function standInControls(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readJson(req, res);
    if (!body) return;
    if (Array.isArray(body.failNext))
      controls.failNext = body.failNext as XStandInControls["failNext"];
    for (const key of ["acceptThenHang", "acceptThenDrop", "delayMs"] as const) {
      if (typeof body[key] === "number") controls[key] = body[key];
    }
    send(res, 200, controls);
  }

  const clear = () => {
    tweets = [];
    media.clear();
    requests.length = 0;
    Object.assign(controls, { failNext: [], acceptThenHang: 0, acceptThenDrop: 0, delayMs: 0 });
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const { pathname } = url;
    const method = req.method ?? "GET";
    if (!pathname.startsWith("/__standin/"))
      requests.push({ path: pathname, method, at: Date.now() });
    const is = (m: string, p: string) => method === m && pathname === p;

    if (is("GET", "/i/oauth2/authorize")) return getAuthorize(url, res);
    if (is("POST", "/i/oauth2/authorize")) return postAuthorize(req, res);
    if (is("POST", "/2/oauth2/token")) return token(req, res);
    if (is("GET", "/2/users/me")) return me(req, url, res);
    if (is("POST", "/2/media/upload")) return upload(req, res);
    if (is("POST", "/2/media/metadata")) return metadata(req, res);
    if (is("POST", "/2/tweets")) return createTweet(req, res);
    if (is("POST", "/__standin/controls")) return standInControls(req, res);
    if (is("GET", "/__standin/tweets")) return send(res, 200, { data: tweets });
    if (is("POST", "/__standin/reset")) {
      clear();
      return send(res, 200, { ok: true });
    }
    const avatar = /^\/__standin\/avatar\/(\w+?)(?:_normal|_400x400)?\.svg$/.exec(pathname);
    if (method === "GET" && avatar) {
      res.writeHead(200, { "content-type": "image/svg+xml" });
      return res.end(
        `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 40 40">` +
          `<rect width="40" height="40" fill="#1d9bf0"/><text x="20" y="27" font-size="20" ` +
          `text-anchor="middle" fill="#fff" font-family="sans-serif">` +
          `${escapeHtml(avatar[1]!.charAt(0).toUpperCase())}</text></svg>`,
      );
    }
    send(res, 404, problem(404, "Not Found Error", "Sorry, that page does not exist."));
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err) => {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof TooLarge)
        return send(res, 413, problem(413, "Payload Too Large", "Payload Too Large"));
      send(res, 500, problem(500, "Internal Server Error", String(err)));
    });
  });

  return {
    requests,
    controls,
    get url() {
      return baseUrl;
    },
    tweets: () => tweets,
    media: () => [...media.values()].map(({ expiresAt: _e, ...item }) => item),
    clear,
    issueToken({ userId, username, name, scopes, expiresInS }) {
      userFor({ userId, username: username ?? `user_${userId.slice(-6)}`, name });
      return issue({ userId, scopes }, expiresInS, false).access_token as string;
    },
    revokeToken(tokenValue) {
      accessTokens.delete(tokenValue);
      refreshTokens.delete(tokenValue);
    },
    listen(port, host = "127.0.0.1") {
      if (!loopback.includes(host) && !host.startsWith("127."))
        return Promise.reject(new Error(`The X stand-in listens on loopback only (got ${host}).`));
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host.replace(/^\[|\]$/g, ""), () => {
          const addr = server.address() as { port: number };
          const shown = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
          baseUrl = `http://${shown}:${addr.port}`;
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
