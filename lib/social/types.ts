// The contract between the publishing pipeline (lib/publishing) and each network's client
// (lib/social/networks/*). A client knows its network's HTTP API and how to read its answers; the
// pipeline knows Postgres, BullMQ and what each outcome means for the post.

export const socialNetworks = ["linkedin", "x", "sandbox"] as const;
export type SocialNetwork = (typeof socialNetworks)[number];

/** `member`: a person's own profile; `organization`: a company page (LinkedIn, vetted apps only). */
export type AccountKind = "member" | "organization";

/** Tokens as a network's token endpoint returned them (plaintext: only ever in memory). */
export type TokenSet = {
  accessToken: string;
  /** Absent when the network did not issue one; a stored refresh token is then kept, never erased. */
  refreshToken?: string | null;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Seconds until the refresh token expires, when the network says. */
  refreshExpiresIn?: number | null;
  scopes: string[];
};

export type SocialProfile = {
  /** The network's id: LinkedIn's person id (`sub` of userinfo), X's user id. */
  externalId: string;
  name: string;
  /** X: the @handle without "@"; LinkedIn: null. */
  handle: string | null;
  avatarUrl: string | null;
};

export type OAuthClient = {
  /** Where to send the browser. PKCE with S256 (LinkedIn ignores the challenge; it is sent anyway). */
  authorizeUrl(input: {
    redirectUri: string;
    state: string;
    codeChallenge: string;
    scopes: string[];
  }): string;
  exchangeCode(input: {
    code: string;
    codeVerifier: string;
    redirectUri: string;
  }): Promise<TokenSet>;
  refresh(refreshToken: string): Promise<TokenSet>;
  fetchProfile(accessToken: string): Promise<SocialProfile>;
  /** Company pages the signed-in member administers (LinkedIn; absent on networks without pages). */
  fetchPages?(accessToken: string): Promise<SocialProfile[]>;
};

export type PublishMedia = {
  mime: string;
  altText: string | null;
  fileName: string | null;
  sizeBytes: number;
  /** Reads the file's bytes (from Storage) only when the client uploads it. */
  bytes: () => Promise<Uint8Array>;
};

/**
 * Thread progress of a multi-part post (X): ids of the parts already created, in order, and the
 * texts they were created with (a thread whose text changed since is not continued).
 */
export type PublishProgress = { partIds: string[]; parts?: string[] };

export type PublishRequest = {
  account: {
    kind: AccountKind;
    /** LinkedIn person or organization id (not the URN), X user id. */
    externalId: string;
    accessToken: string;
  };
  /** The user's plain text. The client serializes it for its network (LinkedIn little text). */
  text: string;
  /** LinkedIn: names that may be @mentioned → person URNs (members who connected LinkedIn). */
  mentions?: Record<string, string>;
  /** X: the thread's parts (text already split, each within 280 weighted characters). */
  parts?: string[];
  media: PublishMedia[];
  /** Parts created by an earlier attempt: the client continues after them and never re-creates them. */
  progress?: PublishProgress | null;
  /** Saves progress after each created part, before the next request. */
  onProgress?: (progress: PublishProgress) => Promise<void>;
  /**
   * Called (and awaited) right before the first request that could create the post is sent (after
   * media uploads, which create nothing visible). Until then, any failure proves nothing was posted.
   */
  markSent: () => Promise<void>;
};

export type PublishResult = {
  /** LinkedIn: the share/ugcPost URN from `x-restli-id`; X: the (first) tweet id. */
  platformPostId: string;
  /** A public https link to the post, or null when the network gives none. */
  url: string | null;
};

/**
 * How a publish attempt failed, as far as the network's answer proves:
 * - `not_sent`: the request creating the post never left (connection refused, DNS, a media upload
 *   failed): safe to retry.
 * - `retryable`: the network answered and the answer proves nothing was created (500, 503): retry
 *   with backoff.
 * - `rate_limited`: 429; `retryAfterMs` from Retry-After (or a default): retry this job later.
 * - `rejected`: the network refused the post for good (400, 403, 422 other than duplicate, 426):
 *   `message` says why in plain words.
 * - `auth`: the token was refused (401, revoked or expired): the account needs reconnecting.
 * - `duplicate`: LinkedIn 422 DUPLICATE_POST: identical content already exists on the profile.
 * - `unknown`: sent, but the outcome is unknown (timeout, dropped connection, 502, 504): never
 *   re-send automatically.
 */
export type PublishErrorKind =
  "not_sent" | "retryable" | "rate_limited" | "rejected" | "auth" | "duplicate" | "unknown";

export class PublishError extends Error {
  readonly kind: PublishErrorKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  /** The network's own error code when it gave one (e.g. DUPLICATE_POST). */
  readonly networkCode: string | null;

  constructor(
    kind: PublishErrorKind,
    message: string,
    options: {
      status?: number | null;
      retryAfterMs?: number | null;
      networkCode?: string | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "PublishError";
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.networkCode = options.networkCode ?? null;
  }
}

export type NetworkClient = OAuthClient & {
  publish(request: PublishRequest): Promise<PublishResult>;
};

/** Configuration of an HTTP network client; tests point the URLs at the stand-ins. */
export type NetworkClientConfig = {
  clientId: string;
  clientSecret: string;
  /** API base, e.g. https://api.linkedin.com or https://api.x.com. */
  apiUrl: string;
  /** OAuth base, e.g. https://www.linkedin.com or https://x.com (authorize page). */
  oauthUrl: string;
  /** Per-request timeout; after the post request was sent, a timeout is an `unknown` outcome. */
  timeoutMs: number;
  /** LinkedIn only: the `LinkedIn-Version` header, YYYYMM. */
  apiVersion?: string;
};
