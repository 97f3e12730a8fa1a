// OpenAI stand-in: the chat-completions subset of the OpenAI API, and of Azure OpenAI's deployment
// routes, that Ghostart calls through the `openai` SDK (OpenAI, Ollama and custom OpenAI-compatible
// base URLs ending in /v1; AzureOpenAI with endpoint + deployment + apiVersion). It checks requests
// as the services do and answers with their shapes. Development and tests only; loopback only.
//
//   POST /v1/chat/completions                      Authorization: Bearer <key>; JSON or SSE (stream)
//   GET  /v1/models, GET /v1/models/:id            "test connection"
//   POST /openai/deployments/:name/chat/completions?api-version=…   api-key: <key> (Azure)
//   GET  /openai/models?api-version=…              api-key (Azure)
//   POST /__standin/controls                       JSON merged into `controls`
//   GET  /__standin/requests                       { data: requests }
//   POST /__standin/reset                          clear()
//
// A chat request meets, in order: hangNext, stallMs, failNext; the key (OpenAI: 401 invalid_api_key;
// Azure: 400 without api-version, 401, 404 DeploymentNotFound, in Azure's { error: { code, message } }
// shape); the JSON body; the model (404 model_not_found); the body (400 invalid_request_error with
// the param and code the real API names); then garbageNext. Content must be a string or an array
// of { type: "text", text } parts: the stand-in is text-only, so it refuses image parts rather
// than ignore them.
//
// Replies are deterministic so tests can assert on them. They are built from the LAST user message
// (its text parts joined) and the system/developer text:
//   1. The word "hashtags" in the system or last user text → one line of 3–5 hashtags from the words
//      of the `Topic:` line (else the <text>…</text> block, else the message), padded with
//      #Leadership #Growth #Careers #Innovation: "Topic: Remote teams" → "#Remote #Teams #Leadership".
//   2. A line `Topic: <text>` → a LinkedIn-style post of 4 short paragraphs (under 900 characters for
//      topics under ~400) that contains the topic text verbatim.
//   3. Otherwise the text between <text> and </text> (else the whole message), transformed by the
//      instruction (system text + the message outside the tags): shorten/shorter/condense/trim →
//      the leading sentence(s) under half the length; expand/longer/elaborate → the text plus one
//      sentence; fix/grammar/spelling/proofread/correct → sentence starts capitalized and runs of
//      spaces collapsed; anything else → a light rephrase (a few synonyms, else "Put simply: …").
// Variants: choice i of a request with n > 1 is variant i + 1; a line `Variant: k` in the user text
// starts the count at k. Variant 1 is unmarked; later variants get another opening (posts), rotated
// hashtags, or a "Variant k: " prefix (transforms). max_tokens/max_completion_tokens truncate the
// reply (about 4 characters a token) and set finish_reason "length".
import { randomBytes } from "node:crypto";
import http from "node:http";

export type OpenAIStandInOptions = {
  /** Keys accepted as `Authorization: Bearer …` (OpenAI) and as `api-key` (Azure). */
  apiKeys: string[];
  /** Model ids served under /v1 and listed by GET /v1/models. */
  models: string[];
  /** Enables the Azure routes: deployment name → the model it runs. */
  azure?: { deployments: Record<string, string> };
};

export type OpenAIStandInControls = {
  /** Each chat request consumes the first entry and answers with it (429 gets rate-limit headers). */
  failNext: Array<{ status: number; body?: unknown; retryAfterS?: number }>;
  /** Hold every API answer (chat and models) this long after the request arrives. */
  stallMs: number;
  /** This many chat requests are never answered; close() ends them. */
  hangNext: number;
  /** Each chat answer that passed the checks consumes one: "empty" → content "", "junk" → not JSON. */
  garbageNext: Array<"empty" | "junk">;
  /** Pause between streamed chunks. */
  delayPerChunkMs: number;
};

export type OpenAIStandInRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased names, as Node delivers them. */
  headers: Record<string, string>;
  /** The parsed JSON body; null when empty; the raw text when it is not JSON. */
  body: unknown;
  /** Epoch ms. */
  at: number;
};

export type OpenAIStandIn = {
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  /** `http://host:port`: the OpenAI baseURL is `${url}/v1`, the Azure endpoint is `url`. */
  readonly url: string;
  /** Every request received, accepted or not (the /__standin endpoints excepted). */
  requests: OpenAIStandInRequest[];
  controls: OpenAIStandInControls;
  /** Resets the controls and forgets the requests. */
  clear(): void;
};

type Json = Record<string, unknown>;
type Req = http.IncomingMessage;
type Res = http.ServerResponse;
type Message = { role: string; content?: unknown };
type Draft = {
  id: string;
  created: number;
  model: string;
  choices: { content: string; finishReason: "stop" | "length" }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
};

const loopback = ["127.0.0.1", "localhost", "::1", "[::1]"];
const roles = ["system", "developer", "user", "assistant", "tool"];
const fingerprint = "fp_standin0";
const modelCreated = 1_715_367_049;
/** The services' own wording for the refusals that have a fixed text. */
const say = {
  noKey:
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  wrongKey: (k: string) =>
    `Incorrect API key provided: ${k}. You can find your API key at https://platform.openai.com/account/api-keys.`,
  noModel: "you must provide a model parameter",
  noSuchModel: (m: string) => `The model \`${m}\` does not exist or you do not have access to it.`,
  badJson:
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
  emptyMessages:
    "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
  role: (r: string) =>
    `Invalid value: '${r}'. Supported values are: 'system', 'developer', 'user', 'assistant', and 'tool'.`,
  part: (p: string) =>
    `Invalid '${p}': this stand-in accepts only { type: 'text', text: string } parts.`,
  streamOptions: "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
  rateLimited: (s: number) =>
    `Rate limit reached for requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${s}s.`,
  overloaded: "The engine is currently overloaded, please try again later.",
  serverError: "The server had an error while processing your request. Sorry about that!",
  azureKey:
    "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.",
  azureDeployment:
    "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.",
};

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const apiError = (message: string, param: string | null, code: string | null, type?: string) => ({
  error: { message, type: type ?? "invalid_request_error", param, code },
});
const azureError = (code: string, message: string) => ({ error: { code, message } });
const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const article = (v: unknown) =>
  v === null ? "null" : `${/^[aeiou]/.test(typeName(v)) ? "an" : "a"} ${typeName(v)}`;
const tokens = (s: string) => Math.ceil(s.length / 4);
const requestId = () => `req_${randomBytes(16).toString("hex")}`;
const masked = (key: string) =>
  key.length > 8 ? `${key.slice(0, 3)}${"*".repeat(key.length - 7)}${key.slice(-4)}` : "***";
/** OpenAI's duration format for x-ratelimit-reset-*: "120ms", "7s", "6m0s". */
const resetIn = (s: number) =>
  s < 1 ? `${Math.round(s * 1000)}ms` : s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;

/** Thrown by the checks; the router answers with it. */
class Refusal {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}
const refuse = (status: number, body: unknown): never => {
  throw new Refusal(status, body);
};
const invalid = (param: string | null, code: string | null, message: string) =>
  refuse(400, apiError(message, param, code));
const missing = (p: string) =>
  invalid(p, "missing_required_parameter", `Missing required parameter: '${p}'.`);
const badType = (p: string, expected: string, got: string) =>
  invalid(
    p,
    "invalid_type",
    `Invalid type for '${p}': expected ${expected}, but got ${got} instead.`,
  );

const defaultFailBody = (status: number, retryAfterS: number): unknown =>
  status === 429
    ? apiError(say.rateLimited(retryAfterS), null, "rate_limit_exceeded", "requests")
    : status >= 500
      ? apiError(status === 503 ? say.overloaded : say.serverError, null, null, "server_error")
      : apiError(http.STATUS_CODES[status] ?? "Error", null, null);

// ── Body checks ────────────────────────────────────────────────────────────────────────────────

function checkNumber(body: Json, key: string, min: number, max: number, integer: boolean) {
  const v = body[key];
  if (v === undefined || v === null) return;
  const kind = integer ? "integer" : "decimal";
  if (typeof v !== "number" || (integer && !Number.isInteger(v)))
    badType(
      key,
      `a${integer ? "n" : ""} ${kind}`,
      typeof v === "number" ? "a decimal" : article(v),
    );
  const n = v as number;
  if (n >= min && n <= max) return;
  const [side, words, op, bound] =
    n < min ? ["below_min", "below minimum", ">=", min] : ["above_max", "above maximum", "<=", max];
  const message = `Invalid '${key}': ${kind} ${words} value. Expected a value ${op} ${bound}, but got ${n} instead.`;
  invalid(key, `${kind}_${side}_value`, message);
}

function checkMessages(messages: unknown) {
  if (messages === undefined) missing("messages");
  if (!Array.isArray(messages)) return badType("messages", "an array", article(messages));
  if (messages.length === 0) invalid("messages", "empty_array", say.emptyMessages);
  for (const [i, m] of messages.entries()) {
    const at = `messages[${i}]`;
    if (!isObject(m)) return badType(at, "an object", article(m));
    if (m.role === undefined) missing(`${at}.role`);
    if (typeof m.role !== "string" || !roles.includes(m.role))
      invalid(`${at}.role`, "invalid_value", say.role(String(m.role)));
    // An assistant turn that called tools may carry no content, as the real API allows.
    if (m.role === "assistant" && m.content == null && Array.isArray(m.tool_calls)) continue;
    if (m.content === undefined) missing(`${at}.content`);
    if (typeof m.content === "string") continue;
    if (!Array.isArray(m.content))
      return badType(`${at}.content`, "one of a string or array of objects", article(m.content));
    for (const [j, part] of m.content.entries()) {
      const p = `${at}.content[${j}]`;
      if (!isObject(part) || part.type !== "text" || typeof part.text !== "string")
        invalid(p, isObject(part) ? "invalid_value" : "invalid_type", say.part(p));
    }
  }
}

function checkChatBody(body: Json) {
  checkMessages(body.messages);
  checkNumber(body, "temperature", 0, 2, false);
  checkNumber(body, "n", 1, 128, true);
  checkNumber(body, "max_tokens", 1, Number.MAX_SAFE_INTEGER, true);
  checkNumber(body, "max_completion_tokens", 1, Number.MAX_SAFE_INTEGER, true);
  if (body.stream_options != null && body.stream !== true)
    invalid("stream_options", null, say.streamOptions);
}

// ── Replies ────────────────────────────────────────────────────────────────────────────────────

const textOf = (content: unknown) =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((p) => (isObject(p) && typeof p.text === "string" ? p.text : "")).join("\n")
      : "";
const lastUserText = (messages: Message[]) =>
  textOf(messages.findLast((m) => m.role === "user")?.content);
const words = (list: string) => list.split(" ");

const stopWords = new Set(
  words(
    "a an and are as at be but by can do for from get give how i in into is it its me my of on or " +
      "our post posts some suggest that the their this to topic text us we what when why will " +
      "with write you your about hashtags hashtag linkedin please",
  ),
);
const hashtagPadding = words("Leadership Growth Careers Innovation");

function hashtags(source: string, variant: number) {
  const found = (source.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length > 2 && !stopWords.has(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
  const unique = [...new Set(found)].slice(0, 5);
  const pool = [...unique, ...hashtagPadding.filter((p) => !unique.includes(p))];
  const start = (variant - 1) % pool.length; // later variants rotate the list
  const rotated = [...pool.slice(start), ...pool.slice(0, start)];
  const count = Math.min(5, Math.max(3, unique.length));
  return rotated
    .slice(0, count)
    .map((w) => `#${w}`)
    .join(" ");
}

const openers = [
  (t: string) => `Let's talk about ${t}`,
  (t: string) => `A lesson I keep relearning: ${t}`,
  (t: string) => `Three years in, here is what I believe about ${t}`,
];
const practice =
  "The teams that get this right start small: one habit, one owner, one month of honest " +
  "measurement. Then they keep what worked and drop the rest.";
const mistake =
  "The mistake I see most often is treating it as a project with an end date. It is a practice, " +
  "and practices need someone who cares about them every week.";

function post(topic: string, variant: number) {
  const opener = openers[(variant - 1) % openers.length]!(topic);
  return [
    /[.!?]$/.test(opener) ? opener : `${opener}.`,
    ...(variant % 2 === 0 ? [mistake, practice] : [practice, mistake]),
    "What has worked for you? I'd love to hear how your team approaches it.",
  ].join("\n\n");
}

function shorten(text: string, budget: number) {
  let out = "";
  for (const sentence of text.match(/[^.!?]+[.!?]*\s*/g) ?? []) {
    if ((out + sentence).trim().length >= budget) break;
    out += sentence;
  }
  if (out.trim()) return out.trim();
  // Even the first sentence is too long: keep the words that fit and mark the cut.
  const all = text.trim().split(/\s+/);
  for (const w of all) {
    if ((out ? `${out} ${w}` : w).length + 1 >= budget) break;
    out = out ? `${out} ${w}` : w;
  }
  return out ? `${out.replace(/[,;:]$/, "")}…` : (all[0] ?? "");
}

const synonyms = new Map(
  words(
    "very:really important:essential help:support helps:supports use:apply big:major good:solid " +
      "great:excellent show:demonstrate shows:demonstrates think:believe start:begin need:require " +
      "needs:requires make:create hard:tough easy:simple fast:quick often:frequently idea:concept",
  ).map((pair) => pair.split(":") as [string, string]),
);
const expansions = [
  "In practice, that means starting small, measuring what changes and sharing what you learn.",
  "The payoff is rarely instant, but it compounds when a team keeps at it.",
];
const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function transform(text: string, instruction: string, variant: number) {
  const mark = variant > 1 ? `Variant ${variant}: ` : "";
  if (!text.trim()) return `${mark}There is no text to work with yet.`;
  if (/\b(shorten|shorter|condense|trim)\b/i.test(instruction))
    return mark + shorten(text, text.trim().length / 2 - mark.length);
  if (/\b(expand|longer|elaborate)\b/i.test(instruction))
    return `${mark}${text.trimEnd()} ${expansions[(variant - 1) % expansions.length]}`;
  if (/\b(fix|grammar|spelling|proofread|correct)\b/i.test(instruction)) {
    const spaced = text.replace(/[ \t]{2,}/g, " ");
    return (
      mark +
      spaced.replace(
        /(^\s*|[.!?]\s+|\n\s*)(\p{Ll})/gu,
        (_, a: string, c: string) => a + c.toUpperCase(),
      )
    );
  }
  const rephrased = text.replace(/\b[A-Za-z]+\b/g, (w) => {
    const s = synonyms.get(w.toLowerCase());
    return !s ? w : w === capitalize(w) ? capitalize(s) : s;
  });
  return mark + (rephrased === text ? `Put simply: ${text}` : rephrased);
}

function reply(messages: Message[], variant: number) {
  const user = lastUserText(messages);
  const system = messages
    .filter((m) => m.role === "system" || m.role === "developer")
    .map((m) => textOf(m.content))
    .join("\n");
  const topic = /^[ \t]*Topic:[ \t]*(.+?)[ \t]*$/im.exec(user)?.[1];
  const tagged = /<text>([\s\S]*?)<\/text>/i.exec(user);
  if (/\bhashtags\b/i.test(`${system}\n${user}`))
    return hashtags(topic ?? tagged?.[1] ?? user, variant);
  if (topic) return post(topic, variant);
  const instruction = `${system}\n${tagged ? user.replace(tagged[0], "") : user}`;
  return transform(tagged ? tagged[1]!.trim() : user, instruction, variant);
}

function draftFor(body: Json, model: string, empty: boolean): Draft {
  const messages = body.messages as Message[];
  const limit = [body.max_completion_tokens, body.max_tokens].find((v) => typeof v === "number");
  const first = Math.max(
    1,
    Number(/^[ \t]*Variant:[ \t]*(\d+)/im.exec(lastUserText(messages))?.[1] ?? 1),
  );
  const choices = Array.from({ length: typeof body.n === "number" ? body.n : 1 }, (_, i) => {
    const content = empty ? "" : reply(messages, first + i);
    return typeof limit === "number" && tokens(content) > limit
      ? { content: content.slice(0, limit * 4), finishReason: "length" as const }
      : { content, finishReason: "stop" as const };
  });
  const prompt_tokens = 3 + messages.reduce((sum, m) => sum + 4 + tokens(textOf(m.content)), 0);
  const completion_tokens = choices.reduce((sum, c) => sum + tokens(c.content), 0);
  return {
    id: `chatcmpl-${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`,
    created: Math.floor(Date.now() / 1000),
    model,
    choices,
    usage: { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens },
  };
}

const usageOf = (d: Draft) => ({
  ...d.usage,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: {
    reasoning_tokens: 0,
    audio_tokens: 0,
    accepted_prediction_tokens: 0,
    rejected_prediction_tokens: 0,
  },
});
const envelope = (d: Draft, object: string) => ({
  id: d.id,
  object,
  created: d.created,
  model: d.model,
  service_tier: "default",
  system_fingerprint: fingerprint,
});

const completionOf = (d: Draft) => ({
  ...envelope(d, "chat.completion"),
  choices: d.choices.map((c, index) => ({
    index,
    message: { role: "assistant", content: c.content, refusal: null, annotations: [] },
    logprobs: null,
    finish_reason: c.finishReason,
  })),
  usage: usageOf(d),
});

/** The SSE frames of a streamed answer: a role delta per choice, word-sized deltas, finish, usage. */
function frames(d: Draft, includeUsage: boolean, junk: boolean) {
  const chunk = (choices: unknown[], usage: unknown = null) =>
    `data: ${JSON.stringify({ ...envelope(d, "chat.completion.chunk"), choices, ...(includeUsage ? { usage } : {}) })}\n\n`;
  const delta = (index: number, value: Json, finish: string | null = null) =>
    chunk([{ index, delta: value, logprobs: null, finish_reason: finish }]);
  const out = d.choices.map((_, i) => delta(i, { role: "assistant", content: "", refusal: null }));
  // Cut off mid-object, as a broken proxy would: the client's JSON.parse of this frame fails.
  if (junk)
    return [...out, `data: {"id":"${d.id}","choices":[{"index":0,"delta":{"content":"Hel\n\n`];
  const pieces = d.choices.map((c) => c.content.split(/(?<=\S)(?=\s)/).filter(Boolean));
  for (let step = 0; step < Math.max(0, ...pieces.map((p) => p.length)); step++)
    pieces.forEach((p, i) => step < p.length && out.push(delta(i, { content: p[step] })));
  d.choices.forEach((c, i) => out.push(delta(i, {}, c.finishReason)));
  if (includeUsage) out.push(chunk([], usageOf(d)));
  return [...out, "data: [DONE]\n\n"];
}

// ── Server ─────────────────────────────────────────────────────────────────────────────────────

async function readBody(req: Req): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 8 * 1024 * 1024) refuse(413, apiError("Request body too large.", null, null));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON, or a string body as-is (text/html), like the page a gateway answers with. */
function send(res: Res, status: number, body: unknown, headers = {}) {
  if (res.destroyed) return;
  const type = typeof body === "string" ? "text/html; charset=utf-8" : "application/json";
  res.writeHead(status, { "content-type": type, "x-request-id": requestId(), ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

const defaultControls = (): OpenAIStandInControls => ({
  failNext: [],
  stallMs: 0,
  hangNext: 0,
  garbageNext: [],
  delayPerChunkMs: 0,
});

export function createOpenAIStandIn(options: OpenAIStandInOptions): OpenAIStandIn {
  const requests: OpenAIStandInRequest[] = [];
  const controls = defaultControls();
  const deployments = options.azure?.deployments;
  const timers = new Set<NodeJS.Timeout>();
  let baseUrl = "";

  /** True after `ms`; false as soon as the client goes away (close() ends every connection). */
  const wait = (ms: number, res: Res) =>
    new Promise<boolean>((resolve) => {
      if (ms <= 0 || res.destroyed) return resolve(!res.destroyed);
      const onClose = () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.off("close", onClose);
        resolve(!res.destroyed);
      }, ms);
      timers.add(timer);
      res.once("close", onClose);
    });

  const checkBearer = (req: Req) => {
    const key = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (key && options.apiKeys.includes(key)) return;
    refuse(
      401,
      key
        ? apiError(say.wrongKey(masked(key)), null, "invalid_api_key")
        : apiError(say.noKey, null, null),
    );
  };

  const checkAzure = (req: Req, url: URL) => {
    const version = url.searchParams.get("api-version") ?? "";
    if (!version)
      refuse(400, azureError("BadRequest", "Missing required query parameter: api-version"));
    if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(version))
      refuse(400, azureError("BadRequest", "API version not supported"));
    const key = req.headers["api-key"];
    if (typeof key !== "string" || !options.apiKeys.includes(key))
      refuse(401, azureError("401", say.azureKey));
  };

  /** The parsed body and the model it runs on, once the key, the model and the body pass. */
  const admit = (req: Req, url: URL, body: unknown, deployment?: string) => {
    if (deployment === undefined) checkBearer(req);
    else checkAzure(req, url);
    if (deployment !== undefined && !deployments?.[deployment])
      refuse(404, azureError("DeploymentNotFound", say.azureDeployment));
    if (!isObject(body)) return invalid(null, null, say.badJson);
    const model = deployment === undefined ? body.model : deployments![deployment];
    if (typeof model !== "string" || !model) return invalid(null, null, say.noModel);
    if (deployment === undefined && !options.models.includes(model))
      refuse(404, apiError(say.noSuchModel(model), null, "model_not_found"));
    checkChatBody(body);
    return { body, model };
  };

  const sendFailure = (res: Res, f: OpenAIStandInControls["failNext"][number]) => {
    const retryAfterS = f.retryAfterS ?? (f.status === 429 ? 1 : undefined);
    const headers: Record<string, string> = {};
    if (retryAfterS !== undefined) headers["retry-after"] = String(retryAfterS);
    if (f.status === 429 && retryAfterS !== undefined)
      Object.assign(headers, {
        "x-ratelimit-limit-requests": "500",
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-reset-requests": resetIn(retryAfterS),
      });
    send(res, f.status, f.body ?? defaultFailBody(f.status, retryAfterS ?? 1), headers);
  };

  async function chat(req: Req, res: Res, url: URL, raw: unknown, deployment?: string) {
    if (controls.hangNext > 0) {
      controls.hangNext--;
      return; // accepted, never answered: close() ends the socket
    }
    if (!(await wait(controls.stallMs, res))) return;
    const failure = controls.failNext.shift();
    if (failure) return sendFailure(res, failure);
    const { body, model } = admit(req, url, raw, deployment);
    const garbage = controls.garbageNext.shift();
    const draft = draftFor(body, model, garbage === "empty");
    if (body.stream !== true) {
      if (garbage !== "junk") return send(res, 200, completionOf(draft));
      res.writeHead(200, { "content-type": "application/json", "x-request-id": requestId() });
      return res.end(`{"id":"${draft.id}","object":"chat.completion","choices":[{"index":0,"mess`);
    }
    const includeUsage =
      isObject(body.stream_options) && body.stream_options.include_usage === true;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      "x-request-id": requestId(),
    });
    for (const [i, frame] of frames(draft, includeUsage, garbage === "junk").entries()) {
      if (i > 0 && !(await wait(controls.delayPerChunkMs, res))) return;
      if (res.destroyed) return;
      res.write(frame);
    }
    res.end();
  }

  async function models(req: Req, res: Res, url: URL, id?: string) {
    if (!(await wait(controls.stallMs, res))) return;
    if (url.pathname.startsWith("/openai/")) {
      checkAzure(req, url);
      // Azure lists the base models the resource can deploy, in its own item shape.
      const data = [...new Set(Object.values(deployments ?? {}))].map((m) => ({
        id: m,
        object: "model",
        created_at: modelCreated,
        status: "succeeded",
        lifecycle_status: "generally-available",
        capabilities: { chat_completion: true },
      }));
      return send(res, 200, { object: "list", data });
    }
    checkBearer(req);
    const model = (m: string) => ({
      id: m,
      object: "model",
      created: modelCreated,
      owned_by: "system",
    });
    if (id === undefined)
      return send(res, 200, { object: "list", data: options.models.map(model) });
    if (!options.models.includes(id))
      refuse(404, apiError(`The model '${id}' does not exist`, "model", "model_not_found"));
    send(res, 200, model(id));
  }

  function standIn(method: string, path: string, body: unknown, res: Res) {
    if (method === "GET" && path === "/__standin/requests")
      return send(res, 200, { data: requests });
    if (method === "POST" && path === "/__standin/reset") {
      clear();
      return send(res, 200, { ok: true });
    }
    if (method !== "POST" || path !== "/__standin/controls")
      refuse(404, apiError("Unknown stand-in endpoint.", null, null));
    if (!isObject(body)) return invalid(null, null, "Controls must be a JSON object.");
    for (const key of ["failNext", "garbageNext"] as const)
      if (Array.isArray(body[key])) Object.assign(controls, { [key]: body[key] });
    for (const key of ["stallMs", "hangNext", "delayPerChunkMs"] as const)
      if (typeof body[key] === "number") controls[key] = body[key];
    send(res, 200, controls);
  }

  const clear = () => {
    requests.length = 0;
    Object.assign(controls, defaultControls());
  };

  async function route(req: Req, res: Res) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const { pathname: path } = url;
    const method = req.method ?? "GET";
    const raw = await readBody(req);
    let body: unknown = null;
    try {
      if (raw) body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    if (path.startsWith("/__standin/")) return standIn(method, path, body, res);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      at: Date.now(),
    });

    const modelId = /^\/v1\/models\/([^/]+)$/.exec(path)?.[1];
    const deployment = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(path)?.[1];
    if (method === "POST" && path === "/v1/chat/completions") return chat(req, res, url, body);
    if (method === "GET" && path === "/v1/models") return models(req, res, url);
    if (method === "GET" && modelId) return models(req, res, url, decodeURIComponent(modelId));
    if (deployments && method === "POST" && deployment)
      return chat(req, res, url, body, decodeURIComponent(deployment));
    if (deployments && method === "GET" && path === "/openai/models") return models(req, res, url);
    if (path.startsWith("/openai/")) refuse(404, azureError("404", "Resource not found"));
    refuse(404, apiError(`Invalid URL (${method} ${path})`, null, null));
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof Refusal) return send(res, err.status, err.body);
      send(res, 500, apiError(String(err), null, null, "server_error"));
    });
  });

  return {
    requests,
    controls,
    get url() {
      return baseUrl;
    },
    clear,
    listen(port, host = "127.0.0.1") {
      if (!loopback.includes(host) && !host.startsWith("127."))
        return Promise.reject(
          new Error(`The OpenAI stand-in listens on loopback only (got ${host}).`),
        );
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
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections(); // ends hanging and stalled requests too
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
