import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createXStandIn, type XStandIn } from "@/scripts/stand-ins/x";
import { type PublishRequest, PublishError } from "@/lib/social/types";
import { createXClient, xScopes } from "./x";

const clientId = "x-client-id";
const clientSecret = "x-client-secret";
const userId = "1790000000000000001";
const allScopes = [...xScopes];

let standIn: XStandIn;
let url: string;
const client = (timeoutMs = 2000, base = url) =>
  createXClient({ clientId, clientSecret, apiUrl: base, oauthUrl: base, timeoutMs });

beforeAll(async () => {
  standIn = createXStandIn({ clientId, clientSecret });
  ({ url } = await standIn.listen(0));
});
afterAll(() => standIn.close());
beforeEach(() => standIn.clear());

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function request(token: string, overrides: Partial<PublishRequest> = {}) {
  const markSent = vi.fn(async () => {});
  const saved: string[][] = [];
  const req: PublishRequest = {
    account: { kind: "member", externalId: userId, accessToken: token },
    text: "Hello from Ghostart",
    media: [],
    markSent,
    onProgress: async ({ partIds }) => {
      saved.push(partIds);
    },
    ...overrides,
  };
  return { req, markSent, saved };
}

const token = () => standIn.issueToken({ userId, username: "dana_demo", scopes: allScopes });

/** Runs `promise`, expecting a PublishError that never mentions `secret`. */
async function failure(promise: Promise<unknown>, secret: string): Promise<PublishError> {
  const err = await promise.then(
    () => {
      throw new Error("expected a PublishError");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PublishError);
  expect((err as PublishError).message).not.toContain(secret);
  return err as PublishError;
}

const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

/** Walks the consent page as the user would and returns the redirect's query. */
async function consent(authorizeUrl: string): Promise<URLSearchParams> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Authorize app");
  expect(html).toContain('value="dana_demo"');
  const form = new URLSearchParams(new URL(authorizeUrl).searchParams);
  form.set("username", "dana_demo");
  const res = await fetch(`${url}/i/oauth2/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!).searchParams;
}

describe("X OAuth", () => {
  const redirectUri = "http://localhost:3000/api/social/x/callback";

  it("builds X's authorize URL with PKCE S256", () => {
    const u = new URL(
      client().authorizeUrl({ redirectUri, state: "st", codeChallenge: "ch", scopes: allScopes }),
    );
    expect(u.pathname).toBe("/i/oauth2/authorize");
    expect(Object.fromEntries(u.searchParams)).toEqual({
      response_type: "code",
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: allScopes.join(" "),
      state: "st",
      code_challenge: "ch",
      code_challenge_method: "S256",
    });
    expect(u.search).toContain("scope=tweet.read%20tweet.write");
  });

  it("exchanges a code (PKCE verified), rotates the refresh token and reads the profile", async () => {
    const x = client();
    const wrong = pkce();
    const first = await consent(
      x.authorizeUrl({
        redirectUri,
        state: "s1",
        codeChallenge: wrong.challenge,
        scopes: allScopes,
      }),
    );
    const code1 = first.get("code")!;
    const bad = await failure(
      x.exchangeCode({ code: code1, codeVerifier: pkce().verifier, redirectUri }),
      code1,
    );
    expect(bad.kind).toBe("auth");

    const { verifier, challenge } = pkce();
    const params = await consent(
      x.authorizeUrl({ redirectUri, state: "s2", codeChallenge: challenge, scopes: allScopes }),
    );
    expect(params.get("state")).toBe("s2");
    const code = params.get("code")!;
    const tokens = await x.exchangeCode({ code, codeVerifier: verifier, redirectUri });
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresIn).toBe(7200);
    expect(tokens.scopes.sort()).toEqual([...allScopes].sort());
    // Codes are single use.
    expect(
      (await failure(x.exchangeCode({ code, codeVerifier: verifier, redirectUri }), code)).kind,
    ).toBe("auth");

    const refreshed = await x.refresh(tokens.refreshToken!);
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    const reused = await failure(x.refresh(tokens.refreshToken!), tokens.refreshToken!);
    expect(reused.kind).toBe("auth");

    const profile = await x.fetchProfile(refreshed.accessToken);
    expect(profile).toMatchObject({ name: "Dana Demo", handle: "dana_demo" });
    expect(profile.externalId).toMatch(/^\d+$/);
    expect(profile.avatarUrl).toContain("dana_demo_400x400");
  });

  it("refuses a wrong client secret without leaking it", async () => {
    const x = createXClient({
      clientId,
      clientSecret: "wrong-secret",
      apiUrl: url,
      oauthUrl: url,
      timeoutMs: 2000,
    });
    const err = await failure(x.refresh("some-refresh-token"), "wrong-secret");
    expect(err.kind).toBe("auth");
    expect(err.message).not.toContain("some-refresh-token");
  });
});

describe("X publish", () => {
  it("posts a single tweet", async () => {
    const t = token();
    const { req, markSent, saved } = request(t);
    const result = await client().publish(req);
    const [tweet] = standIn.tweets();
    expect(standIn.tweets()).toHaveLength(1);
    expect(tweet).toMatchObject({ text: "Hello from Ghostart", authorId: userId, inReplyTo: null });
    expect(result).toEqual({
      platformPostId: tweet!.id,
      url: `https://x.com/i/status/${tweet!.id}`,
    });
    expect(markSent).toHaveBeenCalledTimes(1);
    expect(saved).toEqual([[tweet!.id]]);
  });

  it("uploads images with alt text and attaches them", async () => {
    const media = [1, 2].map((n) => ({
      mime: "image/png",
      altText: `A chart, take ${n}`,
      fileName: `chart-${n}.png`,
      sizeBytes: png.length,
      bytes: async () => png,
    }));
    const { req } = request(token(), { media });
    await client().publish(req);
    const [tweet] = standIn.tweets();
    const uploaded = standIn.media();
    expect(uploaded.map((m) => ({ size: m.size, alt: m.altText, mime: m.mime }))).toEqual([
      { size: png.length, alt: "A chart, take 1", mime: "image/png" },
      { size: png.length, alt: "A chart, take 2", mime: "image/png" },
    ]);
    expect(tweet!.mediaIds).toEqual(uploaded.map((m) => m.id));
  });

  it("fails a media upload as not_sent or rejected before marking the post sent", async () => {
    const t = token();
    const empty = { mime: "image/png", altText: null, fileName: null, sizeBytes: 0 };
    const { req, markSent } = request(t, {
      media: [{ ...empty, bytes: async () => new Uint8Array() }],
    });
    expect((await failure(client().publish(req), t)).kind).toBe("rejected");

    const unreadable = request(t, {
      media: [{ ...empty, bytes: () => Promise.reject(new Error("storage down")) }],
    });
    expect((await failure(client().publish(unreadable.req), t)).kind).toBe("not_sent");
    expect(markSent).not.toHaveBeenCalled();
    expect(unreadable.markSent).not.toHaveBeenCalled();
    expect(standIn.tweets()).toHaveLength(0);
  });

  it("posts a thread in order, each part replying to the previous, media on the first", async () => {
    const parts = ["One: the start.", "Two: the middle.", "Three: the end."];
    const image = {
      mime: "image/jpeg",
      altText: null,
      fileName: "a.jpg",
      sizeBytes: png.length,
      bytes: async () => png,
    };
    const { req, markSent, saved } = request(token(), { parts, media: [image] });
    const result = await client().publish(req);
    const tweets = standIn.tweets();
    expect(tweets.map((t) => t.text)).toEqual(parts);
    expect(tweets.map((t) => t.inReplyTo)).toEqual([null, tweets[0]!.id, tweets[1]!.id]);
    expect(tweets.map((t) => t.mediaIds.length)).toEqual([1, 0, 0]);
    expect(result.platformPostId).toBe(tweets[0]!.id);
    expect(saved).toEqual([
      [tweets[0]!.id],
      [tweets[0]!.id, tweets[1]!.id],
      tweets.map((t) => t.id),
    ]);
    expect(markSent).toHaveBeenCalledTimes(3);
  });

  it("resumes a thread after a later part failed, creating only the remaining parts", async () => {
    const t = token();
    const parts = ["Alpha part.", "Beta part.", "Gamma part."];
    const image = {
      mime: "image/png",
      altText: null,
      fileName: null,
      sizeBytes: png.length,
      bytes: vi.fn(async () => png),
    };
    // The first part goes through, the second gets a 503.
    standIn.controls.failNext = [];
    const first = request(t, { parts, media: [image] });
    const x = client();
    const publishing = x.publish({
      ...first.req,
      onProgress: async (progress) => {
        first.saved.push(progress.partIds);
        standIn.controls.failNext.push({ status: 503 });
      },
    });
    const err = await failure(publishing, t);
    expect(err.kind).toBe("retryable");
    expect(err.message).toMatch(/^Part 2 of 3/);
    expect(first.saved).toHaveLength(1);
    const [alpha] = standIn.tweets();
    expect(standIn.tweets()).toHaveLength(1);

    const again = request(t, { parts, media: [image], progress: { partIds: first.saved[0]! } });
    const uploads = standIn.media().length;
    const result = await x.publish(again.req);
    const tweets = standIn.tweets();
    expect(tweets.map((tw) => tw.text)).toEqual(parts);
    expect(tweets.map((tw) => tw.inReplyTo)).toEqual([null, alpha!.id, tweets[1]!.id]);
    expect(standIn.media()).toHaveLength(uploads); // the first part is done: no new upload
    expect(image.bytes).toHaveBeenCalledTimes(1);
    expect(result.platformPostId).toBe(alpha!.id);
    expect(again.markSent).toHaveBeenCalledTimes(2);

    // Fully done: nothing is sent.
    const done = request(t, { parts, progress: { partIds: tweets.map((tw) => tw.id) } });
    expect((await x.publish(done.req)).platformPostId).toBe(alpha!.id);
    expect(done.markSent).not.toHaveBeenCalled();
    expect(standIn.tweets()).toHaveLength(3);
  });

  describe("failure kinds", () => {
    it("401 → auth", async () => {
      const t = token();
      standIn.revokeToken(t);
      const err = await failure(client().publish(request(t).req), t);
      expect(err).toMatchObject({ kind: "auth", status: 401 });
    });

    it("403 duplicate content → duplicate", async () => {
      const t = token();
      await client().publish(request(t).req);
      const err = await failure(client().publish(request(t).req), t);
      expect(err).toMatchObject({ kind: "duplicate", status: 403 });
      expect(standIn.tweets()).toHaveLength(1);
    });

    it("other 403 and 400 → rejected with X's reason", async () => {
      const t = token();
      const reply = request(t);
      standIn.controls.failNext.push({
        status: 403,
        body: {
          title: "Forbidden",
          type: "about:blank",
          status: 403,
          detail: "You are not permitted to perform this action.",
        },
      });
      const forbidden = await failure(client().publish(reply.req), t);
      expect(forbidden).toMatchObject({ kind: "rejected", status: 403 });
      expect(forbidden.message).toContain("You are not permitted to perform this action.");

      const long = await failure(client().publish(request(t, { text: "a".repeat(281) }).req), t);
      expect(long).toMatchObject({ kind: "rejected", status: 400 });
      expect(long.message).toContain("too long");
    });

    it("429 → rate_limited with X's reset time", async () => {
      const t = token();
      standIn.controls.failNext.push({ status: 429, retryAfterS: 120 });
      const err = await failure(client().publish(request(t).req), t);
      expect(err.kind).toBe("rate_limited");
      expect(err.retryAfterMs).toBeGreaterThan(118_000);
      expect(err.retryAfterMs).toBeLessThanOrEqual(121_000);
    });

    it("500 → retryable, 502 → unknown", async () => {
      const t = token();
      standIn.controls.failNext.push({ status: 500 }, { status: 502 });
      expect((await failure(client().publish(request(t).req), t)).kind).toBe("retryable");
      expect((await failure(client().publish(request(t).req), t)).kind).toBe("unknown");
      expect(standIn.tweets()).toHaveLength(0);
    });

    it("accepted then no answer → unknown, and the tweet exists once", async () => {
      const t = token();
      standIn.controls.acceptThenHang = 1;
      const err = await failure(client(300).publish(request(t).req), t);
      expect(err.kind).toBe("unknown");
      expect(standIn.tweets()).toHaveLength(1);
    });

    it("accepted then dropped connection → unknown", async () => {
      const t = token();
      standIn.controls.acceptThenDrop = 1;
      const err = await failure(client().publish(request(t).req), t);
      expect(err.kind).toBe("unknown");
      expect(standIn.tweets()).toHaveLength(1);
    });

    it("connection refused → not_sent", async () => {
      const port = await new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, "127.0.0.1", () => {
          const { port: p } = s.address() as net.AddressInfo;
          s.close(() => resolve(p));
        });
      });
      const t = token();
      const { req } = request(t);
      const err = await failure(client(2000, `http://127.0.0.1:${port}`).publish(req), t);
      expect(err.kind).toBe("not_sent");
    });
  });
});

describe("X stand-in", () => {
  it("refuses to listen on a non-loopback host", async () => {
    const other = createXStandIn({ clientId, clientSecret });
    await expect(other.listen(0, "0.0.0.0")).rejects.toThrow(/loopback/);
  });

  it("takes controls and lists tweets over HTTP", async () => {
    const set = await fetch(`${url}/__standin/controls`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failNext: [{ status: 503 }] }),
    });
    expect(set.status).toBe(200);
    expect(standIn.controls.failNext).toEqual([{ status: 503 }]);
    await fetch(`${url}/__standin/reset`, { method: "POST" });
    expect(standIn.controls.failNext).toEqual([]);
    await client().publish(request(token()).req);
    const listed = (await (await fetch(`${url}/__standin/tweets`)).json()) as { data: unknown[] };
    expect(listed.data).toHaveLength(1);
  });

  it("refuses a token without the needed scopes", async () => {
    const t = standIn.issueToken({ userId, scopes: ["tweet.read", "users.read"] });
    const err = await failure(client().publish(request(t).req), t);
    expect(err).toMatchObject({ kind: "rejected", status: 403 });
  });
});
