// LinkedIn client: OAuth 2.0 (3-legged), OpenID userinfo, and publishing through the versioned Posts
// API (/rest/posts) with images (/rest/images) and documents (/rest/documents). It reads LinkedIn's
// answers into PublishError kinds; what each kind means for the post is the pipeline's business.
import { serializeLittleText } from "@/lib/social/little-text";
import {
  PublishError,
  type NetworkClient,
  type NetworkClientConfig,
  type PublishErrorKind,
  type PublishMedia,
  type SocialProfile,
  type TokenSet,
} from "@/lib/social/types";

const DEFAULT_RETRY_AFTER_MS = 60_000;
const MAX_IMAGES = 20;
const documentMimes = new Set([
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
]);
// The request creating the post never left: nothing can have been created.
const notConnectedCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

type Phase = "oauth" | "upload" | "post";
type ErrorOptions = ConstructorParameters<typeof PublishError>[2];

/** The first `code` in an error's cause chain (undici wraps socket errors in `TypeError: fetch failed`). */
function causeCode(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, errors, cause } = e as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    if (Array.isArray(errors) && errors.length > 0) return causeCode(errors[0]);
    e = cause;
  }
  return null;
}

const isTimeout = (err: unknown) =>
  err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");

function retryAfterMs(headers: Headers): number {
  const value = headers.get("retry-after")?.trim();
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - Date.now());
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** LinkedIn's own words from an error body (REST `message`, OAuth `error_description`), shortened. */
function linkedInMessage(body: Record<string, unknown> | null): string | null {
  const message = body?.message ?? body?.error_description ?? body?.error;
  if (typeof message !== "string" || !message.trim()) return null;
  const text = message.trim().replace(/\s+/g, " ");
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

function networkCode(body: Record<string, unknown> | null): string | null {
  const code = body?.code ?? body?.error ?? body?.serviceErrorCode;
  return typeof code === "string" || typeof code === "number" ? String(code) : null;
}

function splitScopes(scope: unknown): string[] {
  return typeof scope === "string" ? scope.split(/[\s,]+/).filter(Boolean) : [];
}

export function createLinkedInClient(
  config: NetworkClientConfig,
  options: { fetch?: typeof fetch } = {},
): NetworkClient {
  const apiVersion = config.apiVersion ?? "";
  if (!/^\d{6}$/.test(apiVersion))
    throw new Error(`The LinkedIn client needs apiVersion as YYYYMM (got "${apiVersion}")`);
  // Resolved per call, so a test that replaces globalThis.fetch is honoured.
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const apiUrl = config.apiUrl.replace(/\/+$/, "");
  const oauthUrl = config.oauthUrl.replace(/\/+$/, "");

  const request = (url: string, init: RequestInit) =>
    fetchFn(url, { ...init, signal: AbortSignal.timeout(config.timeoutMs) });

  /** Builds the error with every secret of the request scrubbed from its message. */
  const failure = (
    secrets: string[],
    kind: PublishErrorKind,
    message: string,
    opts: ErrorOptions = {},
  ) => {
    let safe = message;
    for (const secret of secrets) if (secret) safe = safe.split(secret).join("[redacted]");
    return new PublishError(kind, safe, opts);
  };

  /** What a failed fetch (no HTTP answer at all) proves. */
  function thrownError(err: unknown, phase: Phase, secrets: string[]): PublishError {
    const code = causeCode(err);
    const opts = { cause: err, networkCode: code };
    if (phase !== "post" || (code && notConnectedCodes.has(code))) {
      const what = phase === "upload" ? "upload the media" : "reach LinkedIn";
      const why = isTimeout(err) ? "LinkedIn did not answer in time" : (code ?? "network error");
      return failure(
        secrets,
        "not_sent",
        `Could not ${what} (${why}). ${phase === "oauth" ? "Try again shortly." : "Nothing was posted."}`,
        opts,
      );
    }
    if (isTimeout(err))
      return failure(
        secrets,
        "unknown",
        `LinkedIn did not answer within ${Math.round(config.timeoutMs / 1000)} s after the post was sent, so it may or may not be published. Check the LinkedIn profile before posting it again.`,
        opts,
      );
    return failure(
      secrets,
      "unknown",
      `The connection to LinkedIn broke after the post was sent${code ? ` (${code})` : ""}, so it may or may not be published. Check the LinkedIn profile before posting it again.`,
      opts,
    );
  }

  /** What an HTTP error answer proves. */
  async function statusError(
    res: Response,
    phase: Phase,
    secrets: string[],
    accountKind: "member" | "organization" = "member",
  ): Promise<PublishError> {
    const text = await res.text().catch(() => "");
    const body = parseJson(text);
    const status = res.status;
    const said = linkedInMessage(body);
    const opts = { status, networkCode: networkCode(body) };
    const what =
      phase === "post" ? "the post" : phase === "upload" ? "the media upload" : "sign-in";
    if (phase === "oauth" && opts.networkCode === "invalid_client")
      return failure(
        secrets,
        "rejected",
        "LinkedIn refused Ghostart's app credentials. An administrator must check LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET.",
        opts,
      );
    if (status === 401 || (phase === "oauth" && opts.networkCode === "invalid_grant"))
      return failure(
        secrets,
        "auth",
        "LinkedIn no longer accepts this account's access (it expired or was revoked). Reconnect the LinkedIn account, then try again.",
        opts,
      );
    if (status === 429)
      return failure(
        secrets,
        "rate_limited",
        "LinkedIn is limiting how often this account can post right now. Ghostart will try again later.",
        { ...opts, retryAfterMs: retryAfterMs(res.headers) },
      );
    if (status === 426)
      return failure(
        secrets,
        "rejected",
        `LinkedIn retired API version ${apiVersion}. An administrator must update LINKEDIN_API_VERSION to a current version (YYYYMM).`,
        opts,
      );
    if (status === 403 && phase !== "oauth") {
      const scope = accountKind === "organization" ? "w_organization_social" : "w_member_social";
      return failure(
        secrets,
        "rejected",
        `LinkedIn refused: the connected account lacks permission to post (${scope}). Reconnect the LinkedIn account and allow posting${accountKind === "organization" ? " as the page (you must be one of its admins)" : ""}.`,
        opts,
      );
    }
    if (status === 422 && phase === "post" && text.includes("DUPLICATE_POST"))
      return failure(
        secrets,
        "duplicate",
        "LinkedIn says this exact post is already on the profile.",
        { ...opts, networkCode: "DUPLICATE_POST" },
      );
    if (status >= 400 && status < 500)
      return failure(
        secrets,
        "rejected",
        `LinkedIn rejected ${what}: ${said ?? `HTTP ${status}`}`,
        opts,
      );
    if (phase !== "post")
      return failure(
        secrets,
        phase === "upload" ? "not_sent" : "retryable",
        `LinkedIn could not handle ${what} right now (HTTP ${status}).${phase === "upload" ? " Nothing was posted." : ""} Try again shortly.`,
        opts,
      );
    if (status === 500 || status === 503)
      return failure(
        secrets,
        "retryable",
        `LinkedIn had a temporary problem (HTTP ${status}) and did not publish the post. Ghostart will try again.`,
        opts,
      );
    return failure(
      secrets,
      "unknown",
      `LinkedIn answered HTTP ${status} after the post was sent, so it may or may not be published. Check the LinkedIn profile before posting it again.`,
      opts,
    );
  }

  /** Sends a request whose failure proves nothing about the post (OAuth, uploads). */
  async function call(url: string, init: RequestInit, phase: Phase, secrets: string[]) {
    let res: Response;
    try {
      res = await request(url, init);
    } catch (err) {
      throw thrownError(err, phase, secrets);
    }
    if (!res.ok) throw await statusError(res, phase, secrets);
    return res;
  }

  async function readJson(res: Response, phase: Phase, secrets: string[]) {
    try {
      return parseJson(await res.text()) ?? {};
    } catch (err) {
      throw thrownError(err, phase, secrets);
    }
  }

  async function tokenRequest(params: Record<string, string>, secrets: string[]) {
    const res = await call(
      `${oauthUrl}/oauth/v2/accessToken`,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body: new URLSearchParams({
          ...params,
          client_id: config.clientId,
          client_secret: config.clientSecret,
        }),
      },
      "oauth",
      [...secrets, config.clientSecret],
    );
    const body = await readJson(res, "oauth", secrets);
    if (typeof body.access_token !== "string" || typeof body.expires_in !== "number")
      throw new PublishError(
        "retryable",
        "LinkedIn answered the sign-in with an unexpected response.",
        {
          status: res.status,
        },
      );
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : null,
      expiresIn: body.expires_in,
      refreshExpiresIn:
        typeof body.refresh_token_expires_in === "number" ? body.refresh_token_expires_in : null,
      scopes: splitScopes(body.scope),
    } satisfies TokenSet;
  }

  const restHeaders = (accessToken: string) => ({
    Authorization: `Bearer ${accessToken}`,
    "LinkedIn-Version": apiVersion,
    "X-Restli-Protocol-Version": "2.0.0",
    "Content-Type": "application/json",
  });

  /** Registers one file with LinkedIn and PUTs its bytes; returns its image or document URN. */
  async function upload(
    media: PublishMedia,
    kind: "image" | "document",
    owner: string,
    accessToken: string,
  ): Promise<string> {
    const secrets = [accessToken];
    const init = await call(
      `${apiUrl}/rest/${kind}s?action=initializeUpload`,
      {
        method: "POST",
        headers: restHeaders(accessToken),
        body: JSON.stringify({ initializeUploadRequest: { owner } }),
      },
      "upload",
      secrets,
    );
    const value = (await readJson(init, "upload", secrets)).value as
      Record<string, unknown> | undefined;
    const uploadUrl = value?.uploadUrl;
    const urn = value?.[kind];
    if (typeof uploadUrl !== "string" || typeof urn !== "string")
      throw new PublishError(
        "not_sent",
        `LinkedIn did not return an upload address for the ${kind}.`,
        {
          status: init.status,
        },
      );
    let bytes: Uint8Array;
    try {
      bytes = await media.bytes();
    } catch (err) {
      throw new PublishError(
        "not_sent",
        `Could not read ${media.fileName ?? `the ${kind}`} from storage. Nothing was posted.`,
        { cause: err },
      );
    }
    const put = await call(
      uploadUrl,
      {
        method: "PUT",
        headers: {
          Authorization: `Bearer ${accessToken}`,
          "Content-Type": "application/octet-stream",
        },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      },
      "upload",
      secrets,
    );
    await put.body?.cancel().catch(() => {});
    return urn;
  }

  return {
    authorizeUrl({ redirectUri, state, codeChallenge, scopes }) {
      const params = new URLSearchParams({
        response_type: "code",
        client_id: config.clientId,
        redirect_uri: redirectUri,
        state,
        scope: scopes.join(" "),
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
      });
      // LinkedIn's examples encode spaces as %20; a literal "+" is already %2B here.
      return `${oauthUrl}/oauth/v2/authorization?${params.toString().replace(/\+/g, "%20")}`;
    },

    exchangeCode({ code, codeVerifier, redirectUri }) {
      return tokenRequest(
        {
          grant_type: "authorization_code",
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
        },
        [code],
      );
    },

    refresh(refreshToken) {
      return tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken }, [
        refreshToken,
      ]);
    },

    async fetchProfile(accessToken): Promise<SocialProfile> {
      const secrets = [accessToken];
      const res = await call(
        `${apiUrl}/v2/userinfo`,
        { headers: { Authorization: `Bearer ${accessToken}` } },
        "oauth",
        secrets,
      );
      const body = await readJson(res, "oauth", secrets);
      if (typeof body.sub !== "string" || !body.sub)
        throw new PublishError("retryable", "LinkedIn did not say who the member is.", {
          status: res.status,
        });
      const name =
        typeof body.name === "string" && body.name.trim()
          ? body.name.trim()
          : [body.given_name, body.family_name].filter((s) => typeof s === "string").join(" ");
      return {
        externalId: body.sub,
        name: name || "LinkedIn member",
        handle: null,
        avatarUrl: typeof body.picture === "string" && body.picture ? body.picture : null,
      };
    },

    async fetchPages(accessToken): Promise<SocialProfile[]> {
      const secrets = [accessToken];
      const acls = await call(
        `${apiUrl}/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`,
        { headers: restHeaders(accessToken) },
        "oauth",
        secrets,
      );
      const elements = (await readJson(acls, "oauth", secrets)).elements;
      const ids = (Array.isArray(elements) ? elements : [])
        .map(
          (e) =>
            /^urn:li:organization:(\d+)$/.exec(
              String((e as { organization?: unknown })?.organization),
            )?.[1],
        )
        .filter((id): id is string => !!id);
      const pages: SocialProfile[] = [];
      for (const id of ids) {
        const res = await call(
          `${apiUrl}/rest/organizations/${id}`,
          { headers: restHeaders(accessToken) },
          "oauth",
          secrets,
        );
        const body = await readJson(res, "oauth", secrets);
        const name = typeof body.localizedName === "string" ? body.localizedName.trim() : "";
        pages.push({ externalId: id, name: name || `Page ${id}`, handle: null, avatarUrl: null });
      }
      return pages;
    },

    async publish({ account, text, mentions, media, markSent }) {
      const { accessToken } = account;
      const secrets = [accessToken];
      const author =
        account.kind === "organization"
          ? `urn:li:organization:${account.externalId}`
          : `urn:li:person:${account.externalId}`;

      const images = media.filter((m) => m.mime.startsWith("image/"));
      const documents = media.filter((m) => documentMimes.has(m.mime));
      const refuse = (message: string) => new PublishError("rejected", message);
      if (images.length + documents.length < media.length)
        throw refuse(
          "Ghostart can post images or one document to LinkedIn; video is not supported yet.",
        );
      if (documents.length > 1 || (documents.length === 1 && images.length > 0))
        throw refuse("A LinkedIn post takes one document, without images.");
      if (images.length > MAX_IMAGES)
        throw refuse(
          `A LinkedIn post takes at most ${MAX_IMAGES} images; this one has ${images.length}.`,
        );

      let content: Record<string, unknown> | undefined;
      const document = documents[0];
      if (document) {
        const id = await upload(document, "document", author, accessToken);
        content = { media: { title: document.fileName ?? "Document", id } };
      } else if (images.length > 0) {
        const uploaded = [];
        for (const image of images) {
          const id = await upload(image, "image", author, accessToken);
          uploaded.push(image.altText ? { id, altText: image.altText } : { id });
        }
        content =
          uploaded.length === 1 ? { media: uploaded[0] } : { multiImage: { images: uploaded } };
      }

      const body = JSON.stringify({
        author,
        commentary: serializeLittleText(text, { mentions }),
        visibility: "PUBLIC",
        distribution: {
          feedDistribution: "MAIN_FEED",
          targetEntities: [],
          thirdPartyDistributionChannels: [],
        },
        lifecycleState: "PUBLISHED",
        isReshareDisabledByAuthor: false,
        ...(content ? { content } : {}),
      });

      await markSent();
      let res: Response;
      try {
        res = await request(`${apiUrl}/rest/posts`, {
          method: "POST",
          headers: restHeaders(accessToken),
          body,
        });
      } catch (err) {
        throw thrownError(err, "post", secrets);
      }
      if (!res.ok) throw await statusError(res, "post", secrets, account.kind);
      await res.body?.cancel().catch(() => {});
      const header = res.headers.get("x-restli-id");
      if (!header)
        throw new PublishError(
          "unknown",
          "LinkedIn accepted the post but did not say which post it created. Check the LinkedIn profile before posting it again.",
          { status: res.status },
        );
      let urn = header;
      try {
        urn = decodeURIComponent(header);
      } catch {
        // Not percent-encoded: keep it as is.
      }
      return { platformPostId: urn, url: `https://www.linkedin.com/feed/update/${urn}/` };
    },
  };
}
