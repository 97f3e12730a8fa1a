// X API v2 client: OAuth 2.0 user context with PKCE (confidential client), image upload through the
// v2 media endpoint, and posts or threads through POST /2/tweets (see shared/PLATFORMS.md).
//
// Failures are classified by what they prove about the post (types.ts): a request that never
// connected proves nothing was sent; once a tweet-creating request may have left, a timeout, a dropped
// connection or a 502/504 is an unknown outcome that must never be re-sent automatically.
import {
  type NetworkClient,
  type NetworkClientConfig,
  PublishError,
  type PublishErrorKind,
  type PublishMedia,
  type PublishResult,
  type SocialProfile,
  type TokenSet,
} from "@/lib/social/types";

/** The scopes Ghostart asks for: posting, reading the profile, media upload, refresh tokens. */
export const xScopes = [
  "tweet.read",
  "tweet.write",
  "users.read",
  "offline.access",
  "media.write",
] as const;

/** X's cap on the images of one post. */
const maxImages = 4;
/** X's cap on alt text, in characters. */
const maxAltText = 1000;
const defaultRateLimitWaitMs = 60_000;
// Error codes of connections that never opened: the request provably never left.
const neverConnected = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

// What a failed request was doing decides what its failure proves:
// - `create`: creating a tweet, or exchanging/refreshing tokens (X rotates refresh tokens, so a lost
//   answer may have consumed the old one): after connecting, a lost answer is `unknown`.
// - `upload`: media upload or alt text: creates nothing visible, so any failure is `not_sent`.
// - `read`: the profile: no side effect at all, a server error is `retryable`.
type Phase = "create" | "upload" | "read";

type XResponse = { status: number; headers: Headers; body: unknown };

export function createXClient(
  config: NetworkClientConfig,
  options: { fetch?: typeof fetch } = {},
): NetworkClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const apiUrl = config.apiUrl.replace(/\/+$/, "");
  const oauthUrl = config.oauthUrl.replace(/\/+$/, "");
  const basicAuth = `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64")}`;

  /**
   * Sends one request and reads its JSON answer. Transport failures become PublishErrors per `phase`;
   * HTTP error statuses are returned for the caller to classify. `secrets` are scrubbed from messages.
   */
  async function call(
    phase: Phase,
    url: string,
    init: RequestInit,
    secrets: string[],
  ): Promise<XResponse> {
    let res: Response;
    try {
      res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(config.timeoutMs) });
    } catch (err) {
      throw transportError(phase, err, config.timeoutMs, secrets);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      // The status line arrived but the body did not: a success we cannot read is still unknown.
      if (res.ok || phase !== "create") throw transportError(phase, err, config.timeoutMs, secrets);
      text = "";
    }
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text.slice(0, 300);
    }
    return { status: res.status, headers: res.headers, body };
  }

  async function tokenRequest(params: Record<string, string>): Promise<TokenSet> {
    const secrets = Object.values(params).concat(config.clientSecret);
    const res = await call(
      "create",
      `${apiUrl}/2/oauth2/token`,
      {
        method: "POST",
        headers: {
          authorization: basicAuth,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: new URLSearchParams(params),
      },
      secrets,
    );
    if (res.status !== 200) {
      // X answers a dead code or refresh token with 400 invalid_request: reconnecting is the fix.
      const kind = res.status === 400 || res.status === 401 ? "auth" : undefined;
      throw statusError("create", res, secrets, { kind, what: "X refused the token request" });
    }
    const body = asRecord(res.body);
    const accessToken = typeof body.access_token === "string" ? body.access_token : "";
    if (!accessToken) {
      throw new PublishError("unknown", "X's token endpoint answered without an access token.", {
        status: res.status,
      });
    }
    return {
      accessToken,
      // X rotates refresh tokens: the one returned here replaces the one just used.
      refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : null,
      expiresIn: typeof body.expires_in === "number" ? body.expires_in : 7200,
      refreshExpiresIn: null,
      scopes: typeof body.scope === "string" ? body.scope.split(/\s+/).filter(Boolean) : [],
    };
  }

  async function uploadImage(media: PublishMedia, token: string): Promise<string> {
    let bytes: Uint8Array;
    try {
      bytes = await media.bytes();
    } catch (err) {
      throw new PublishError("not_sent", "Could not read an image of the post from storage.", {
        cause: err,
      });
    }
    const form = new FormData();
    form.append(
      "media",
      new Blob([bytes.slice()], { type: media.mime }),
      media.fileName ?? "image",
    );
    form.append("media_category", media.mime === "image/gif" ? "tweet_gif" : "tweet_image");
    const auth = { authorization: `Bearer ${token}` };
    const uploaded = await call(
      "upload",
      `${apiUrl}/2/media/upload`,
      { method: "POST", headers: auth, body: form },
      [token],
    );
    if (uploaded.status !== 200 && uploaded.status !== 201) {
      throw statusError("upload", uploaded, [token], { what: "X refused an image" });
    }
    const id = asRecord(asRecord(uploaded.body).data).id;
    if (typeof id !== "string" || !id) {
      throw new PublishError("not_sent", "X's media upload answered without a media id.", {
        status: uploaded.status,
      });
    }
    if (media.altText?.trim()) {
      const text = Array.from(media.altText.trim()).slice(0, maxAltText).join("");
      const meta = await call(
        "upload",
        `${apiUrl}/2/media/metadata`,
        {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({ id, metadata: { alt_text: { text } } }),
        },
        [token],
      );
      if (meta.status !== 200 && meta.status !== 201) {
        throw statusError("upload", meta, [token], { what: "X refused an image's alt text" });
      }
    }
    return id;
  }

  return {
    authorizeUrl({ redirectUri, state, codeChallenge, scopes }) {
      const query = new URLSearchParams({
        response_type: "code",
        client_id: config.clientId,
        redirect_uri: redirectUri,
        scope: scopes.join(" "),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
      });
      // URLSearchParams writes spaces as "+"; X's docs show scopes joined by %20.
      return `${oauthUrl}/i/oauth2/authorize?${query.toString().replace(/\+/g, "%20")}`;
    },

    exchangeCode({ code, codeVerifier, redirectUri }) {
      return tokenRequest({
        grant_type: "authorization_code",
        code,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
        client_id: config.clientId,
      });
    },

    refresh(refreshToken) {
      return tokenRequest({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: config.clientId,
      });
    },

    async fetchProfile(accessToken): Promise<SocialProfile> {
      const res = await call(
        "read",
        `${apiUrl}/2/users/me?user.fields=profile_image_url`,
        { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } },
        [accessToken],
      );
      if (res.status !== 200) {
        throw statusError("read", res, [accessToken], { what: "X refused the profile request" });
      }
      const data = asRecord(asRecord(res.body).data);
      if (typeof data.id !== "string" || typeof data.username !== "string") {
        throw new PublishError("retryable", "X's profile answer lacks the user's id or handle.", {
          status: res.status,
        });
      }
      const avatar = typeof data.profile_image_url === "string" ? data.profile_image_url : null;
      return {
        externalId: data.id,
        name: typeof data.name === "string" && data.name ? data.name : data.username,
        handle: data.username,
        // X hands out the 48 px "_normal" variant; the same path serves 400 px.
        avatarUrl: avatar?.replace(/_normal(\.\w+)$/, "_400x400$1") ?? null,
      };
    },

    async publish(request): Promise<PublishResult> {
      const token = request.account.accessToken;
      const parts = request.parts?.length ? request.parts : [request.text];
      // Continue a thread only where it was left with the same text; after an edit, the new text
      // is posted as a new thread (what the user sees is what goes out).
      const done = request.progress;
      const sameText = !done?.parts || done.parts.every((p, i) => p === parts[i]);
      const partIds = sameText ? [...(done?.partIds ?? [])] : [];
      const result = (): PublishResult => ({
        platformPostId: partIds[0]!,
        url: `https://x.com/i/status/${partIds[0]}`,
      });
      if (partIds.length >= parts.length) return result();

      // Media belong to the first part: once it exists, a resumed thread uploads nothing.
      let mediaIds: string[] = [];
      if (partIds.length === 0 && request.media.length > 0) {
        if (request.media.length > maxImages) {
          throw new PublishError("rejected", `X allows at most ${maxImages} images in a post.`);
        }
        const notImage = request.media.find((m) => !m.mime.startsWith("image/"));
        if (notImage) {
          throw new PublishError(
            "rejected",
            `X posts from Ghostart take images only; ${notImage.fileName ?? "a file"} is ${notImage.mime}.`,
          );
        }
        for (const media of request.media) mediaIds.push(await uploadImage(media, token));
      }

      for (let i = partIds.length; i < parts.length; i++) {
        const where = parts.length > 1 ? `Part ${i + 1} of ${parts.length}: ` : "";
        const body: Record<string, unknown> = { text: parts[i] };
        if (mediaIds.length > 0) body.media = { media_ids: mediaIds };
        const previous = partIds.at(-1);
        if (previous) body.reply = { in_reply_to_tweet_id: previous };

        await request.markSent();
        let res: XResponse;
        try {
          res = await call(
            "create",
            `${apiUrl}/2/tweets`,
            {
              method: "POST",
              headers: {
                authorization: `Bearer ${token}`,
                "content-type": "application/json",
                accept: "application/json",
              },
              body: JSON.stringify(body),
            },
            [token],
          );
        } catch (err) {
          throw prefixed(err, where);
        }
        if (res.status !== 201 && res.status !== 200) {
          throw prefixed(
            statusError("create", res, [token], { what: "X refused the post" }),
            where,
          );
        }
        const id = asRecord(asRecord(res.body).data).id;
        if (typeof id !== "string" || !id) {
          throw new PublishError(
            "unknown",
            `${where}X accepted the post but its answer has no post id; check X before reposting.`,
            { status: res.status },
          );
        }
        partIds.push(id);
        mediaIds = [];
        try {
          await request.onProgress?.({
            partIds: [...partIds],
            parts: parts.slice(0, partIds.length),
          });
        } catch (err) {
          // The part exists on X but is not recorded: re-sending would post it twice.
          throw new PublishError(
            "unknown",
            `${where}posted to X, but saving the thread's progress failed; check X before reposting.`,
            { cause: err },
          );
        }
      }
      return result();
    },
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function redact(message: string, secrets: string[]): string {
  let out = message;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out;
}

function prefixed(err: unknown, where: string): unknown {
  if (!where || !(err instanceof PublishError)) return err;
  return new PublishError(err.kind, where + err.message, {
    status: err.status,
    retryAfterMs: err.retryAfterMs,
    networkCode: err.networkCode,
    cause: err.cause,
  });
}

/** Error codes anywhere in the cause chain (undici nests the socket error; Happy Eyeballs aggregates). */
function errorCodes(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== "object" || depth > 4) return [];
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === "string" ? [e.code] : [];
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((x) => errorCodes(x, depth + 1)) : [];
  return [...own, ...nested, ...errorCodes(e.cause, depth + 1)];
}

function transportError(
  phase: Phase,
  err: unknown,
  timeoutMs: number,
  secrets: string[],
): PublishError {
  const name = err instanceof Error ? err.name : "";
  const timedOut = name === "TimeoutError" || name === "AbortError";
  const codes = errorCodes(err);
  const refused = codes.length > 0 && codes.every((c) => neverConnected.has(c));
  const reason = timedOut
    ? `no answer within ${timeoutMs} ms`
    : (codes[0] ?? (err instanceof Error ? err.message : String(err)));
  const kind: PublishErrorKind =
    refused || phase === "upload" ? "not_sent" : phase === "read" ? "retryable" : "unknown";
  const message =
    kind === "unknown"
      ? `The request to X was sent but failed (${reason}): it may or may not have taken effect; check X before retrying.`
      : `Could not reach X (${reason}); nothing was created.`;
  return new PublishError(kind, redact(message, secrets), { cause: err });
}

/** Plain words from X's error bodies: problem details, `errors[]`, or OAuth's `error_description`. */
function describeXError(body: unknown): string | null {
  if (typeof body === "string") return body.trim() || null;
  const record = asRecord(body);
  const errors = Array.isArray(record.errors) ? record.errors.map(asRecord) : [];
  const texts = [
    ...errors.map((e) => e.message ?? e.detail),
    record.detail,
    record.error_description,
    record.error,
    record.title,
  ].filter((t): t is string => typeof t === "string" && t.trim().length > 0);
  const unique = [...new Set(texts.map((t) => t.trim()))];
  return unique.length ? unique.slice(0, 3).join(" — ").slice(0, 500) : null;
}

function networkCodeOf(body: unknown): string | null {
  const { type, error } = asRecord(body);
  if (typeof type === "string" && type !== "about:blank") return type.split("/").pop() || type;
  return typeof error === "string" ? error : null;
}

/** How long a 429 asks us to wait: X's reset headers (epoch seconds), then Retry-After, then 60 s. */
function retryAfterMs(headers: Headers, now = Date.now()): number {
  // A spent 24-hour user cap outlasts the 15-minute window, so its reset wins.
  const reset =
    headers.get("x-user-limit-24hour-remaining") === "0"
      ? headers.get("x-user-limit-24hour-reset")
      : headers.get("x-rate-limit-reset");
  if (reset && /^\d+$/.test(reset)) return Math.max(1000, Number(reset) * 1000 - now);
  const retryAfter = headers.get("retry-after");
  if (retryAfter && /^\d+$/.test(retryAfter)) return Math.max(1000, Number(retryAfter) * 1000);
  const at = retryAfter ? Date.parse(retryAfter) : NaN;
  if (!Number.isNaN(at)) return Math.max(1000, at - now);
  return defaultRateLimitWaitMs;
}

function statusError(
  phase: Phase,
  res: XResponse,
  secrets: string[],
  options: { what: string; kind?: PublishErrorKind },
): PublishError {
  const { status } = res;
  const detail = describeXError(res.body);
  const networkCode = networkCodeOf(res.body);
  const make = (kind: PublishErrorKind, message: string, retryAfter?: number) =>
    new PublishError(kind, redact(message, secrets), {
      status,
      networkCode,
      retryAfterMs: retryAfter ?? null,
    });

  if (status === 429) {
    const wait = retryAfterMs(res.headers);
    return make(
      "rate_limited",
      `X's rate limit was reached; try again in ${Math.ceil(wait / 1000)} s.`,
      wait,
    );
  }
  if (options.kind)
    return make(options.kind, `${options.what} (${status}): ${detail ?? "no reason given"}.`);
  if (status === 401) {
    return make("auth", "X refused the account's access token (401): reconnect the X account.");
  }
  if (phase === "create" && status === 403 && /duplicate content/i.test(detail ?? "")) {
    return make("duplicate", "X refused the post as a duplicate of one already on the profile.");
  }
  if (status >= 400 && status < 500) {
    return make("rejected", `${options.what} (${status}): ${detail ?? "no reason given"}.`);
  }
  // 5xx: an upload or a read created nothing; a creating request only proves it with 500 or 503.
  if (phase === "upload")
    return make("not_sent", `X failed to take an image (${status}); nothing was posted.`);
  if (phase === "read" || status === 500 || status === 503) {
    return make("retryable", `X answered ${status}: nothing was created; try again later.`);
  }
  return make(
    "unknown",
    `X answered ${status} after the request was sent: it may or may not have taken effect; check X before retrying.`,
  );
}
