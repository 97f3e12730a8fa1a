// The LinkedIn client against the LinkedIn stand-in over loopback HTTP (no database needed).
import { createHash } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createLinkedInStandIn, memberIdForName } from "@/scripts/stand-ins/linkedin";
import { PublishError, type PublishMedia, type PublishRequest } from "@/lib/social/types";
import { createLinkedInClient } from "./linkedin";

const clientId = "test-client";
const clientSecret = "test-secret";
const standIn = createLinkedInStandIn({ clientId, clientSecret, apiVersion: "202510" });
const memberId = "mEmBeR01";
/** The S256 challenge of a PKCE verifier. */
const challengeOf = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");
let base = "";

beforeAll(async () => {
  base = (await standIn.listen(0)).url;
});
afterAll(() => standIn.close());
beforeEach(() => standIn.clear());

const client = (overrides: { timeoutMs?: number; apiVersion?: string; apiUrl?: string } = {}) =>
  createLinkedInClient({
    clientId,
    clientSecret,
    apiUrl: overrides.apiUrl ?? base,
    oauthUrl: base,
    timeoutMs: overrides.timeoutMs ?? 5000,
    apiVersion: overrides.apiVersion ?? "202510",
  });

const token = (scopes = ["openid", "profile", "w_member_social"]) =>
  standIn.issueToken({ memberId, name: "Dana Demo", scopes });

const file = (mime: string, fileName: string, altText: string | null = null): PublishMedia => ({
  mime,
  altText,
  fileName,
  sizeBytes: 4,
  bytes: async () => new Uint8Array([1, 2, 3, 4]),
});

function request(accessToken: string, overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    account: { kind: "member", externalId: memberId, accessToken },
    text: "Hello LinkedIn",
    media: [],
    markSent: vi.fn(async () => {}),
    ...overrides,
  };
}

/** Publishes expecting a PublishError of `kind`, and checks the token never leaks into it. */
async function expectFailure(
  promise: Promise<unknown>,
  kind: PublishError["kind"],
  accessToken: string,
): Promise<PublishError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PublishError);
  const error = err as PublishError;
  expect({ kind: error.kind, message: error.message }).toMatchObject({ kind });
  expect(error.message).not.toContain(accessToken);
  expect(JSON.stringify(error)).not.toContain(accessToken);
  return error;
}

describe("OAuth and profile", () => {
  /** Walks the consent page as a browser would, as `memberName`. */
  async function consent(url: string, memberName: string) {
    const page = await fetch(url, { redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ghostart wants to: post on your behalf");
    expect(html).toContain('value="Dana Demo"');
    expect(html).toContain("error=user_cancelled_authorize");
    const form = new URLSearchParams();
    for (const [, name, value] of html.matchAll(/type="hidden" name="(\w+)" value="([^"]*)"/g))
      form.set(name!, value!.replace(/&amp;/g, "&"));
    form.set("member_name", memberName);
    const approved = await fetch(`${base}/oauth/v2/authorization`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(approved.status).toBe(302);
    return new URL(approved.headers.get("location")!);
  }

  it("signs in through the consent page, exchanges the code, reads the profile and refreshes", async () => {
    const linkedin = client();
    const url = linkedin.authorizeUrl({
      redirectUri: "http://127.0.0.1:3000/api/connect/linkedin/callback",
      state: "st4te",
      codeChallenge: challengeOf("verifier"),
      scopes: ["openid", "profile", "email", "w_member_social"],
    });
    expect(url).toContain("/oauth/v2/authorization?response_type=code");
    expect(url).toContain("scope=openid%20profile%20email%20w_member_social");
    expect(url).toContain("code_challenge_method=S256");

    const back = await consent(url, "Robin Test");
    expect(back.origin + back.pathname).toBe("http://127.0.0.1:3000/api/connect/linkedin/callback");
    expect(back.searchParams.get("state")).toBe("st4te");
    const code = back.searchParams.get("code")!;
    const redirectUri = "http://127.0.0.1:3000/api/connect/linkedin/callback";

    const tokens = await linkedin.exchangeCode({ code, codeVerifier: "verifier", redirectUri });
    expect(tokens).toMatchObject({ expiresIn: 60 * 24 * 3600 });
    expect(tokens.scopes).toEqual(["openid", "profile", "email", "w_member_social"]);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.refreshExpiresIn).toBeGreaterThan(364 * 24 * 3600);

    const profile = await linkedin.fetchProfile(tokens.accessToken);
    expect(profile).toMatchObject({
      externalId: memberIdForName("Robin Test"),
      name: "Robin Test",
      handle: null,
    });
    expect(profile.avatarUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/avatars\//);

    // A code is single use.
    await expectFailure(
      linkedin.exchangeCode({ code, codeVerifier: "verifier", redirectUri }),
      "auth",
      tokens.accessToken,
    );

    const refreshed = await linkedin.refresh(tokens.refreshToken!);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
    expect((await linkedin.fetchProfile(refreshed.accessToken)).name).toBe("Robin Test");
    const published = await linkedin.publish(
      request(refreshed.accessToken, {
        account: {
          kind: "member",
          externalId: profile.externalId,
          accessToken: refreshed.accessToken,
        },
      }),
    );
    expect(published.platformPostId).toMatch(/^urn:li:share:\d+$/);
  });

  it("binds the code to its redirect URI and omits refresh tokens when LinkedIn issues none", async () => {
    standIn.controls.issueRefreshTokens = false;
    const linkedin = client();
    const redirectUri = "http://localhost:3000/cb";
    const url = linkedin.authorizeUrl({
      redirectUri,
      state: "s",
      codeChallenge: challengeOf("v"),
      scopes: ["openid", "profile"],
    });
    const code1 = (await consent(url, "Dana Demo")).searchParams.get("code")!;
    const wrong = await expectFailure(
      linkedin.exchangeCode({
        code: code1,
        codeVerifier: "v",
        redirectUri: "http://localhost:3000/x",
      }),
      "auth",
      code1,
    );
    expect(wrong.networkCode).toBe("invalid_grant");

    // PKCE: a code is only worth something with the verifier of its challenge.
    const stolen = (await consent(url, "Dana Demo")).searchParams.get("code")!;
    await expectFailure(
      linkedin.exchangeCode({ code: stolen, codeVerifier: "not-the-verifier", redirectUri }),
      "auth",
      stolen,
    );

    const code2 = (await consent(url, "Dana Demo")).searchParams.get("code")!;
    const tokens = await linkedin.exchangeCode({ code: code2, codeVerifier: "v", redirectUri });
    expect(tokens.refreshToken).toBeNull();
    expect((await linkedin.fetchProfile(tokens.accessToken)).externalId).toBe(
      memberIdForName("Dana Demo"),
    );
    await expectFailure(linkedin.refresh("AQXunknown"), "auth", "AQXunknown");
  });

  it("refuses unknown scopes and wrong client credentials", async () => {
    const url = client().authorizeUrl({
      redirectUri: "http://localhost:3000/cb",
      state: "s",
      codeChallenge: "c",
      scopes: ["openid", "r_everything"],
    });
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get("location")!).searchParams.get("error")).toBe(
      "unauthorized_scope_error",
    );
    const bad = createLinkedInClient({
      clientId,
      clientSecret: "wrong",
      apiUrl: base,
      oauthUrl: base,
      timeoutMs: 5000,
      apiVersion: "202510",
    });
    const err = await expectFailure(bad.refresh("AQXwhatever"), "rejected", "AQXwhatever");
    expect(err.message).toContain("LINKEDIN_CLIENT_SECRET");
    expect(err.message).not.toContain("wrong");
  });

  it("needs openid and profile for the profile, and a live token", async () => {
    const noProfile = token(["w_member_social"]);
    await expectFailure(client().fetchProfile(noProfile), "rejected", noProfile);
    const revoked = token();
    standIn.revokeToken(revoked);
    await expectFailure(client().fetchProfile(revoked), "auth", revoked);
  });
});

describe("publish", () => {
  it("publishes text with every /rest header and markSent right before /rest/posts", async () => {
    const accessToken = token();
    const events: string[] = [];
    const seen: { url: string; headers: Headers }[] = [];
    const linkedin = createLinkedInClient(
      {
        clientId,
        clientSecret,
        apiUrl: base,
        oauthUrl: base,
        timeoutMs: 5000,
        apiVersion: "202510",
      },
      {
        fetch: async (input, init) => {
          const url = String(input);
          events.push(`${init?.method ?? "GET"} ${new URL(url).pathname}`);
          seen.push({ url, headers: new Headers(init?.headers) });
          expect(init?.signal).toBeInstanceOf(AbortSignal);
          return fetch(input, init);
        },
      },
    );
    const markSent = vi.fn(async () => {
      events.push("markSent");
    });
    const result = await linkedin.publish(
      request(accessToken, {
        text: "Two images #ship",
        media: [file("image/png", "a.png"), file("image/jpeg", "b.jpg")],
        markSent,
      }),
    );
    expect(markSent).toHaveBeenCalledTimes(1);
    expect(events).toEqual([
      "POST /rest/images",
      "PUT /upload/" + seen[1]!.url.split("/upload/")[1],
      "POST /rest/images",
      "PUT /upload/" + seen[3]!.url.split("/upload/")[1],
      "markSent",
      "POST /rest/posts",
    ]);
    for (const { url, headers } of seen) {
      expect(headers.get("authorization")).toBe(`Bearer ${accessToken}`);
      if (!new URL(url).pathname.startsWith("/rest/")) continue;
      expect(headers.get("linkedin-version")).toBe("202510");
      expect(headers.get("x-restli-protocol-version")).toBe("2.0.0");
      expect(headers.get("content-type")).toBe("application/json");
    }
    expect(result.url).toBe(`https://www.linkedin.com/feed/update/${result.platformPostId}/`);
  });

  it("publishes text only", async () => {
    const accessToken = token();
    const result = await client().publish(request(accessToken, { text: "Just words (really)." }));
    const [post] = standIn.posts();
    expect(post).toMatchObject({
      id: result.platformPostId,
      author: `urn:li:person:${memberId}`,
      commentary: "Just words \\(really\\).",
      text: "Just words (really).",
      content: null,
      visibility: "PUBLIC",
    });
    expect(post!.accessTokenHash).not.toContain(accessToken);
    expect(JSON.stringify(standIn.posts())).not.toContain(accessToken);
  });

  it("publishes one image with alt text", async () => {
    await client().publish(
      request(token(), { text: "One", media: [file("image/png", "a.png", "A chart")] }),
    );
    const content = standIn.posts()[0]!.content as { media: { id: string; altText: string } };
    expect(content.media.id).toMatch(/^urn:li:image:/);
    expect(content.media.altText).toBe("A chart");
  });

  it("publishes a multi-image post", async () => {
    const media = [1, 2, 3].map((n) => file("image/jpeg", `${n}.jpg`, `Photo ${n}`));
    await client().publish(request(token(), { text: "Three", media }));
    const content = standIn.posts()[0]!.content as {
      multiImage: { images: { id: string; altText: string }[] };
    };
    expect(content.multiImage.images).toHaveLength(3);
    expect(content.multiImage.images.map((i) => i.altText)).toEqual([
      "Photo 1",
      "Photo 2",
      "Photo 3",
    ]);
  });

  it("publishes a PDF document", async () => {
    await client().publish(
      request(token(), { text: "Deck", media: [file("application/pdf", "Q3 results.pdf")] }),
    );
    const content = standIn.posts()[0]!.content as { media: { id: string; title: string } };
    expect(content.media.id).toMatch(/^urn:li:document:/);
    expect(content.media.title).toBe("Q3 results.pdf");
  });

  it("publishes tricky text that LinkedIn decodes back exactly", async () => {
    const vectors = [
      "C#",
      "(a)",
      "_x_",
      "*bold*",
      "#tag",
      "#tag.",
      "a@b.com",
      "{x}",
      "\\",
      "emoji 🚀👩‍💻 ❤️#love",
      "multi\nline\n\n#text (with) [brackets] <and> ~tildes~ |pipes|",
      "#",
      "##x",
      "@Someone unknown",
    ];
    const accessToken = token();
    for (const text of vectors) await client().publish(request(accessToken, { text }));
    expect(standIn.posts().map((p) => p.text)).toEqual(vectors);
  });

  it("refuses video and mixed media before anything is sent", async () => {
    const markSent = vi.fn(async () => {});
    const accessToken = token();
    await expectFailure(
      client().publish(request(accessToken, { media: [file("video/mp4", "v.mp4")], markSent })),
      "rejected",
      accessToken,
    );
    await expectFailure(
      client().publish(
        request(accessToken, {
          media: [file("application/pdf", "a.pdf"), file("image/png", "a.png")],
          markSent,
        }),
      ),
      "rejected",
      accessToken,
    );
    expect(markSent).not.toHaveBeenCalled();
    expect(standIn.requests).toEqual([]);
  });
});

describe("publish failures", () => {
  it("401 → auth", async () => {
    const accessToken = token();
    standIn.revokeToken(accessToken);
    const err = await expectFailure(client().publish(request(accessToken)), "auth", accessToken);
    expect(err.status).toBe(401);
  });

  it("an expired token → auth", async () => {
    const accessToken = standIn.issueToken({
      memberId,
      scopes: ["w_member_social"],
      expiresInS: 0,
    });
    await expectFailure(client().publish(request(accessToken)), "auth", accessToken);
  });

  it("403 (no w_member_social) → rejected in plain words", async () => {
    const accessToken = token(["openid", "profile"]);
    const err = await expectFailure(
      client().publish(request(accessToken)),
      "rejected",
      accessToken,
    );
    expect(err.status).toBe(403);
    expect(err.message).toContain("lacks permission to post (w_member_social)");
  });

  it("posting as another member → rejected", async () => {
    const accessToken = token();
    await expectFailure(
      client().publish({
        ...request(accessToken),
        account: { kind: "member", externalId: "someoneElse", accessToken },
      }),
      "rejected",
      accessToken,
    );
    expect(standIn.posts()).toHaveLength(0);
  });

  it("a failed upload is rejected or not_sent, and markSent is never called", async () => {
    const accessToken = token(["openid"]);
    const req = request(accessToken, { media: [file("image/png", "a.png")] });
    await expectFailure(client().publish(req), "rejected", accessToken);
    expect(req.markSent).not.toHaveBeenCalled();

    const other = token();
    const unreadable = request(other, {
      media: [{ ...file("image/png", "a.png"), bytes: () => Promise.reject(new Error("gone")) }],
    });
    await expectFailure(client().publish(unreadable), "not_sent", other);
    expect(unreadable.markSent).not.toHaveBeenCalled();
    expect(standIn.requests.some((r) => r.path === "/rest/posts")).toBe(false);
  });

  it("422 DUPLICATE_POST → duplicate", async () => {
    const accessToken = token();
    await client().publish(request(accessToken, { text: "Same words" }));
    const err = await expectFailure(
      client().publish(request(accessToken, { text: "Same words" })),
      "duplicate",
      accessToken,
    );
    expect(err).toMatchObject({ status: 422, networkCode: "DUPLICATE_POST" });
    expect(standIn.posts()).toHaveLength(1);
  });

  it("DUPLICATE_POST found anywhere in the body", async () => {
    standIn.controls.failNext.push({
      status: 422,
      body: { errorDetails: { inputErrors: [{ code: "DUPLICATE_POST" }] } },
    });
    const accessToken = token();
    await expectFailure(client().publish(request(accessToken)), "duplicate", accessToken);
  });

  it("other 422 and 400 → rejected with LinkedIn's message", async () => {
    const accessToken = token();
    const long = await expectFailure(
      client().publish(request(accessToken, { text: "x".repeat(3001) })),
      "rejected",
      accessToken,
    );
    expect(long.message).toContain("maximum is 3000");
    standIn.controls.failNext.push({ status: 400, body: { status: 400, message: "Bad author" } });
    const bad = await expectFailure(
      client().publish(request(accessToken)),
      "rejected",
      accessToken,
    );
    expect(bad.message).toBe("LinkedIn rejected the post: Bad author");
  });

  it("426 → rejected naming the retired version", async () => {
    const accessToken = token();
    const err = await expectFailure(
      client({ apiVersion: "202401" }).publish(request(accessToken)),
      "rejected",
      accessToken,
    );
    expect(err.status).toBe(426);
    expect(err.message).toContain("202401");
    expect(err.message).toContain("LINKEDIN_API_VERSION");
  });

  it("429 with Retry-After 7 → rate_limited in 7000 ms; without it, 60 s", async () => {
    const accessToken = token();
    standIn.controls.failNext.push({ status: 429, retryAfterS: 7 }, { status: 429 });
    const err = await expectFailure(
      client().publish(request(accessToken)),
      "rate_limited",
      accessToken,
    );
    expect(err.retryAfterMs).toBe(7000);
    const again = await expectFailure(
      client().publish(request(accessToken)),
      "rate_limited",
      accessToken,
    );
    expect(again.retryAfterMs).toBe(60_000);
    expect(standIn.posts()).toHaveLength(0);
  });

  it.each([
    [500, "retryable"],
    [503, "retryable"],
    [502, "unknown"],
    [504, "unknown"],
  ] as const)("%i → %s", async (status, kind) => {
    const accessToken = token();
    standIn.controls.failNext.push({ status });
    const err = await expectFailure(client().publish(request(accessToken)), kind, accessToken);
    expect(err.status).toBe(status);
  });

  it("accept then hang → unknown, with exactly one post created", async () => {
    const accessToken = token();
    standIn.controls.acceptThenHang = 1;
    const req = request(accessToken);
    const err = await expectFailure(
      client({ timeoutMs: 300 }).publish(req),
      "unknown",
      accessToken,
    );
    expect(err.message).toContain("Check the LinkedIn profile");
    expect(req.markSent).toHaveBeenCalledTimes(1);
    expect(standIn.posts()).toHaveLength(1);
  });

  it("accept then drop → unknown", async () => {
    const accessToken = token();
    standIn.controls.acceptThenDrop = 1;
    await expectFailure(client().publish(request(accessToken)), "unknown", accessToken);
    expect(standIn.posts()).toHaveLength(1);
  });

  it("a slow answer within the timeout still succeeds", async () => {
    standIn.controls.delayMs = 100;
    const result = await client({ timeoutMs: 2000 }).publish(request(token()));
    expect(result.platformPostId).toBe(standIn.posts()[0]!.id);
  });

  it("connection refused → not_sent, after markSent", async () => {
    const closed = http.createServer();
    const port = await new Promise<number>((resolve) =>
      closed.listen(0, "127.0.0.1", () => resolve((closed.address() as { port: number }).port)),
    );
    await new Promise((resolve) => closed.close(resolve));
    const accessToken = token();
    const req = request(accessToken);
    const err = await expectFailure(
      client({ apiUrl: `http://127.0.0.1:${port}` }).publish(req),
      "not_sent",
      accessToken,
    );
    expect(err.networkCode).toBe("ECONNREFUSED");
    expect(req.markSent).toHaveBeenCalledTimes(1);
  });

  it("scrubs the token even when LinkedIn echoes it", async () => {
    const accessToken = token();
    standIn.controls.failNext.push({ status: 400, body: { message: `bad token ${accessToken}` } });
    const err = await expectFailure(
      client().publish(request(accessToken)),
      "rejected",
      accessToken,
    );
    expect(err.message).toContain("[redacted]");
  });
});

describe("the stand-in", () => {
  const post = (accessToken: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/rest/posts`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${accessToken}`,
        "LinkedIn-Version": "202510",
        "X-Restli-Protocol-Version": "2.0.0",
        "Content-Type": "application/json",
        ...headers,
      },
      body: JSON.stringify(body),
    });
  const valid = (commentary: string, content?: unknown) => ({
    author: `urn:li:person:${memberId}`,
    commentary,
    visibility: "PUBLIC",
    distribution: {
      feedDistribution: "MAIN_FEED",
      targetEntities: [],
      thirdPartyDistributionChannels: [],
    },
    lifecycleState: "PUBLISHED",
    ...(content ? { content } : {}),
  });

  it("refuses malformed little text, missing headers and media it never received", async () => {
    const accessToken = token();
    const bad = await post(accessToken, valid("Hello (world)"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain("index 6");
    expect((await post(accessToken, valid("x"), { "LinkedIn-Version": "" })).status).toBe(400);
    expect((await post(accessToken, valid("x"), { "X-Restli-Protocol-Version": "" })).status).toBe(
      400,
    );
    expect((await post(accessToken, valid("x"), { "LinkedIn-Version": "202611" })).status).toBe(
      426,
    );
    const missing = await post(accessToken, valid("x", { media: { id: "urn:li:image:nope" } }));
    expect(missing.status).toBe(400);
    const ok = await post(accessToken, valid("fine"));
    expect(ok.status).toBe(201);
    expect(ok.headers.get("x-restli-id")).toMatch(/^urn:li:share:\d+$/);
    expect(await ok.text()).toBe("");
  });

  it("requires the bearer on the upload URL and multiImage of 2 to 20", async () => {
    const accessToken = token();
    const init = await fetch(`${base}/rest/images?action=initializeUpload`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${accessToken}`,
        "LinkedIn-Version": "202510",
        "X-Restli-Protocol-Version": "2.0.0",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ initializeUploadRequest: { owner: `urn:li:person:${memberId}` } }),
    });
    const { value } = (await init.json()) as { value: { uploadUrl: string; image: string } };
    expect((await fetch(value.uploadUrl, { method: "PUT", body: "abc" })).status).toBe(401);
    const put = await fetch(value.uploadUrl, {
      method: "PUT",
      headers: { Authorization: `Bearer ${accessToken}` },
      body: "abc",
    });
    expect(put.status).toBe(201);
    const one = await post(
      accessToken,
      valid("x", { multiImage: { images: [{ id: value.image }] } }),
    );
    expect(one.status).toBe(400);
    expect((await post(accessToken, valid("x", { media: { id: value.image } }))).status).toBe(201);
  });

  it("is driven over HTTP by another process", async () => {
    const controls = await fetch(`${base}/__standin/controls`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ failNext: [{ status: 503 }] }),
    });
    expect(controls.status).toBe(200);
    const accessToken = token();
    await expectFailure(client().publish(request(accessToken)), "retryable", accessToken);
    await client().publish(request(accessToken));
    const { posts } = (await (await fetch(`${base}/__standin/posts`)).json()) as {
      posts: { text: string }[];
    };
    expect(posts.map((p) => p.text)).toEqual(["Hello LinkedIn"]);
    const wrong = await fetch(`${base}/__standin/controls`, {
      method: "POST",
      body: JSON.stringify({ acceptThenHang: "yes" }),
    });
    expect(wrong.status).toBe(400);
    await fetch(`${base}/__standin/reset`, { method: "POST" });
    expect(standIn.posts()).toEqual([]);
  });

  it("refuses to listen on a non-loopback address", async () => {
    const other = createLinkedInStandIn({ clientId, clientSecret });
    await expect(other.listen(0, "0.0.0.0")).rejects.toThrow(/loopback/);
  });
});
