import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  AzureOpenAI,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIStandIn, type OpenAIStandIn } from "./openai";

const apiKey = "sk-test-standin-key-0001";
const model = "gpt-4o-mini";
const deployment = "ghostwriter";
const apiVersion = "2024-10-21";

let standIn: OpenAIStandIn;
let url: string;
// maxRetries 0: the SDK would otherwise retry 429/5xx/timeouts and hide what the stand-in sent.
// logLevel "off": the SDK logs the malformed stream chunk the junk test provokes on purpose.
const client = (options: { apiKey?: string; timeout?: number } = {}) =>
  new OpenAI({ apiKey, baseURL: `${url}/v1`, maxRetries: 0, logLevel: "off", ...options });
const ask = (content: string, extra: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> = {}) =>
  client().chat.completions.create({ model, messages: [{ role: "user", content }], ...extra });

/** The error a promise rejects with (fails the test when it resolves). */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected the call to fail"),
    (e: unknown) => e,
  );

beforeAll(async () => {
  standIn = createOpenAIStandIn({
    apiKeys: [apiKey],
    models: [model, "gpt-4.1"],
    azure: { deployments: { [deployment]: "gpt-4o" } },
  });
  ({ url } = await standIn.listen(0));
});
afterAll(() => standIn.close());
beforeEach(() => standIn.clear());

describe("OpenAI stand-in: chat completions", () => {
  it("answers a non-streamed completion in OpenAI's shape, one choice per n", async () => {
    const completion = await ask("Topic: Remote teams", { n: 2, temperature: 0.7 });
    expect(completion.id).toMatch(/^chatcmpl-\w+$/);
    expect(completion).toMatchObject({ object: "chat.completion", model });
    expect(completion.created).toBeCloseTo(Date.now() / 1000, -1);
    expect(completion.choices).toHaveLength(2);
    completion.choices.forEach((choice, index) => {
      expect(choice).toMatchObject({ index, finish_reason: "stop", logprobs: null });
      expect(choice.message).toMatchObject({ role: "assistant", refusal: null });
      expect(choice.message.content).toContain("Remote teams");
    });
    expect(completion.choices[0]!.message.content).not.toBe(completion.choices[1]!.message.content);
    const { prompt_tokens, completion_tokens, total_tokens } = completion.usage!;
    expect(prompt_tokens).toBeGreaterThan(0);
    expect(completion_tokens).toBeGreaterThan(0);
    expect(total_tokens).toBe(prompt_tokens + completion_tokens);

    const [request] = standIn.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/chat/completions" });
    expect(request!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request!.body).toMatchObject({
      model,
      n: 2,
      messages: [{ content: "Topic: Remote teams" }],
    });
  });

  it("streams small deltas that reassemble into the reply, then usage and [DONE]", async () => {
    const messages = [{ role: "user" as const, content: "Topic: Async stand-ups" }];
    const whole = await client().chat.completions.create({ model, messages });
    const stream = await client().chat.completions.create({
      model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(
      chunks.every((c) => c.object === "chat.completion.chunk" && c.id === chunks[0]!.id),
    ).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe("assistant");
    const contentDeltas = chunks.filter((c) => c.choices[0]?.delta.content);
    expect(contentDeltas.length).toBeGreaterThan(10);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toBe(whole.choices[0]!.message.content);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe("stop");
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual(
      expect.objectContaining({ total_tokens: whole.usage!.total_tokens }),
    );

    // The raw framing: `data: <json>` events ending with `data: [DONE]`.
    const raw = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model, messages, stream: true }),
    });
    expect(raw.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = (await raw.text()).split("\n\n").filter(Boolean);
    expect(events.every((e) => e.startsWith("data: "))).toBe(true);
    expect(events.at(-1)).toBe("data: [DONE]");
    expect(JSON.parse(events.at(-2)!.slice(6))).not.toHaveProperty("usage");
  });

  it("refuses a wrong key with OpenAI's 401 invalid_api_key, never echoing the key", async () => {
    const err = await rejection(client({ apiKey: "sk-wrong-key-123456" }).models.list());
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({
      status: 401,
      code: "invalid_api_key",
      type: "invalid_request_error",
    });
    expect((err as Error).message).not.toContain("sk-wrong-key-123456");
    expect(
      await rejection(
        client({ apiKey: "sk-nope-nope-nope" }).chat.completions.create({
          model,
          messages: [{ role: "user", content: "hi" }],
        }),
      ),
    ).toBeInstanceOf(AuthenticationError);
  });

  it("answers 404 model_not_found for a model it does not serve", async () => {
    const err = await rejection(ask("hi", { model: "gpt-9-imaginary" }));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 404, code: "model_not_found" });
  });

  it("refuses malformed bodies with 400 invalid_request_error naming the param", async () => {
    const post = (body: unknown) =>
      fetch(`${url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    const user = [{ role: "user", content: "hi" }];
    const cases: [unknown, string | null, string | null][] = [
      ["{not json", null, null],
      [{ model }, "messages", "missing_required_parameter"],
      [{ model, messages: [] }, "messages", "empty_array"],
      [
        { model, messages: [{ role: "robot", content: "hi" }] },
        "messages[0].role",
        "invalid_value",
      ],
      [{ model, messages: [{ role: "user", content: 42 }] }, "messages[0].content", "invalid_type"],
      [
        { model, messages: [{ role: "user", content: [{ type: "image" }] }] },
        "messages[0].content[0]",
        "invalid_value",
      ],
      [{ model, messages: user, temperature: 2.5 }, "temperature", "decimal_above_max_value"],
      [{ model, messages: user, n: 0 }, "n", "integer_below_min_value"],
      [{ model, messages: user, n: 129 }, "n", "integer_above_max_value"],
      [{ model, messages: user, max_tokens: 1.5 }, "max_tokens", "invalid_type"],
      [
        { model, messages: user, max_completion_tokens: 0 },
        "max_completion_tokens",
        "integer_below_min_value",
      ],
    ];
    for (const [body, param, code] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = (await res.json()) as { error: Record<string, unknown> };
      expect(error).toEqual({
        message: expect.any(String),
        type: "invalid_request_error",
        param,
        code,
      });
    }
  });

  it("truncates at max_tokens with finish_reason length", async () => {
    const completion = await ask("Topic: Hiring", { max_tokens: 5 });
    expect(completion.choices[0]!.finish_reason).toBe("length");
    expect(completion.choices[0]!.message.content!.length).toBeLessThanOrEqual(20);
  });
});

describe("OpenAI stand-in: controls", () => {
  it("fails the next request with 429 and OpenAI's rate-limit headers, then recovers", async () => {
    standIn.controls.failNext = [{ status: 429, retryAfterS: 7 }, { status: 503 }];
    const limited = await rejection(ask("hi"));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).toMatchObject({ status: 429, code: "rate_limit_exceeded" });
    const headers = (limited as RateLimitError).headers;
    expect(headers.get("retry-after")).toBe("7");
    expect(headers.get("x-ratelimit-reset-requests")).toBe("7s");
    expect(headers.get("x-ratelimit-remaining-requests")).toBe("0");
    const down = await rejection(ask("hi"));
    expect(down).toBeInstanceOf(InternalServerError);
    expect(down).toMatchObject({ status: 503, type: "server_error" });
    expect((await ask("hi")).choices[0]!.message.content).toBeTruthy();
  });

  it("stalls past the client's timeout: APIConnectionTimeoutError", async () => {
    standIn.controls.stallMs = 2_000;
    const err = await rejection(
      client({ timeout: 150 }).chat.completions.create({
        model,
        messages: [{ role: "user", content: "hi" }],
      }),
    );
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(standIn.requests).toHaveLength(1);
  });

  it("answers garbage on demand: empty content, a non-JSON body, a malformed stream chunk", async () => {
    standIn.controls.garbageNext = ["empty", "junk", "junk"];
    const empty = await ask("Topic: Anything");
    expect(empty.choices[0]!.message.content).toBe("");
    expect(empty.choices[0]!.finish_reason).toBe("stop");
    expect(await rejection(ask("hi"))).toBeInstanceOf(SyntaxError);
    const stream = await client().chat.completions.create({
      model,
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    const consume = async () => {
      for await (const _chunk of stream);
    };
    expect(await rejection(consume())).toBeInstanceOf(SyntaxError);
  });

  it("takes controls over HTTP without logging them as requests", async () => {
    const res = await fetch(`${url}/__standin/controls`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failNext: [{ status: 500 }], delayPerChunkMs: 1 }),
    });
    expect(await res.json()).toMatchObject({
      failNext: [{ status: 500 }],
      delayPerChunkMs: 1,
      stallMs: 0,
    });
    expect(standIn.requests).toHaveLength(0);
    expect(await rejection(ask("hi"))).toBeInstanceOf(InternalServerError);
  });

  it("close() ends hanging and stalled requests and leaves no timers behind", async () => {
    const own = createOpenAIStandIn({ apiKeys: [apiKey], models: [model] });
    const base = (await own.listen(0)).url;
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    own.controls.hangNext = 1;
    const sdk = new OpenAI({ apiKey, baseURL: `${base}/v1`, maxRetries: 0, timeout: 30_000 });
    const hanging = rejection(
      sdk.chat.completions.create({ model, messages: [{ role: "user", content: "a" }] }),
    );
    await expect.poll(() => own.requests.length).toBe(1);
    own.controls.stallMs = 60_000;
    const stalled = rejection(sdk.models.list());
    await expect.poll(() => own.requests.length).toBe(2);

    await own.close();
    for (const err of await Promise.all([hanging, stalled])) {
      expect(err).toBeInstanceOf(APIConnectionError);
      expect(err).not.toBeInstanceOf(APIConnectionTimeoutError);
    }
    const timersAfter = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    expect(timersAfter).toBeLessThanOrEqual(timersBefore);
  });

  it("listens on loopback only", async () => {
    await expect(
      createOpenAIStandIn({ apiKeys: [], models: [] }).listen(0, "0.0.0.0"),
    ).rejects.toThrow(/loopback/);
  });
});

describe("OpenAI stand-in: Azure and models", () => {
  const azure = (options: { apiKey?: string } = {}) =>
    new AzureOpenAI({ endpoint: url, apiKey, apiVersion, deployment, maxRetries: 0, ...options });

  it("serves Azure's deployment route with the api-key header and api-version query", async () => {
    const completion = await azure().chat.completions.create({
      model: deployment,
      messages: [
        { role: "system", content: "Rewrite the text." },
        { role: "user", content: "<text>This is a very good idea.</text>" },
      ],
    });
    expect(completion.model).toBe("gpt-4o");
    expect(completion.choices[0]!.message.content).toBe("This is a really solid concept.");
    const [request] = standIn.requests;
    expect(request).toMatchObject({
      path: `/openai/deployments/${deployment}/chat/completions`,
      query: { "api-version": apiVersion },
    });
    expect(request!.headers["api-key"]).toBe(apiKey);
    expect(request!.headers.authorization).toBeUndefined();

    expect(
      await rejection(
        azure({ apiKey: "wrong" }).chat.completions.create({
          model: deployment,
          messages: [{ role: "user", content: "hi" }],
        }),
      ),
    ).toBeInstanceOf(AuthenticationError);
    const noVersion = await fetch(`${url}/openai/deployments/${deployment}/chat/completions`, {
      method: "POST",
      headers: { "api-key": apiKey, "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: "hi" }] }),
    });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toEqual({
      error: { code: "BadRequest", message: "Missing required query parameter: api-version" },
    });
    const missing = new AzureOpenAI({
      endpoint: url,
      apiKey,
      apiVersion,
      deployment: "nope",
      maxRetries: 0,
    });
    expect(
      await rejection(
        missing.chat.completions.create({
          model: "nope",
          messages: [{ role: "user", content: "hi" }],
        }),
      ),
    ).toMatchObject({ status: 404, code: "DeploymentNotFound" });
  });

  it("lists models for a valid key (GET /v1/models)", async () => {
    const page = await client().models.list();
    expect(page.data).toEqual([
      { id: model, object: "model", created: expect.any(Number), owned_by: "system" },
      { id: "gpt-4.1", object: "model", created: expect.any(Number), owned_by: "system" },
    ]);
    expect(await client().models.retrieve("gpt-4.1")).toMatchObject({ id: "gpt-4.1" });
    expect(await rejection(client().models.retrieve("gpt-0"))).toBeInstanceOf(NotFoundError);
    const azureModels = await azure().models.list();
    expect(azureModels.data.map((m) => m.id)).toEqual(["gpt-4o"]);
    expect(standIn.requests.at(-1)).toMatchObject({
      path: "/openai/models",
      query: { "api-version": apiVersion },
    });
  });
});

describe("OpenAI stand-in: content rules", () => {
  it("writes a short LinkedIn-style post about the Topic line, another for Variant: 2", async () => {
    const topic = "Why remote teams need written rituals";
    const prompt = `Write a LinkedIn post.\nTopic: ${topic}\nTone: warm`;
    const first = (await ask(prompt)).choices[0]!.message.content!;
    expect(first).toContain(topic);
    expect(first.length).toBeLessThan(900);
    const paragraphs = first.split("\n\n");
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(paragraphs.length).toBeLessThanOrEqual(5);
    expect((await ask(prompt)).choices[0]!.message.content).toBe(first); // deterministic
    const second = (await ask(`${prompt}\nVariant: 2`)).choices[0]!.message.content!;
    expect(second).toContain(topic);
    expect(second).not.toBe(first);
    expect(second).not.toMatch(/^Variant/);
  });

  it("answers a hashtags request with one line of 3–5 hashtags from the topic", async () => {
    const completion = await client().chat.completions.create({
      model,
      messages: [
        { role: "system", content: "Suggest hashtags for the post. Answer with hashtags only." },
        { role: "user", content: "Topic: Remote teams" },
      ],
    });
    const line = completion.choices[0]!.message.content!;
    expect(line).toBe("#Remote #Teams #Leadership");
    expect(line).toMatch(/^#\w+( #\w+){2,4}$/);
  });

  it("shortens, expands and fixes the text between <text> tags", async () => {
    const text =
      "Remote work is here to stay.  Teams that write things down move faster. They also onboard people in days.";
    const reply = async (verb: string) =>
      (await ask(`${verb} this post.\n<text>${text}</text>`)).choices[0]!.message.content!;
    const short = await reply("Shorten");
    expect(short).toBe("Remote work is here to stay.");
    expect(short.length).toBeLessThan(text.length / 2);
    expect(await reply("Expand")).toMatch(new RegExp(`^${text.replace(/[.]/g, "\\.")} \\S.+\\.$`));
    const fixed = (
      await ask("Fix the grammar.\n<text>remote work is here.  teams   write. ok?</text>")
    ).choices[0]!.message.content;
    expect(fixed).toBe("Remote work is here. Teams write. Ok?");
  });
});
