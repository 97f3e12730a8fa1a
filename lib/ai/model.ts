// One streamed chat completion, and what its failure means. Transient (try again later): no
// connection, a timeout, 429, 5xx, an empty or unreadable answer. Permanent (trying again cannot
// help): the key is refused (401/403), the model does not exist (404), the request is refused (400,
// 422). Messages are written for the person waiting in the composer.
import "server-only";
import OpenAI from "openai";
import type { ChatMessage } from "@/lib/ai/prompts";

export class ModelError extends Error {
  constructor(
    readonly kind: "transient" | "auth" | "model" | "refused",
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ModelError";
  }
}

/**
 * Streams one answer; `onText` gets the text so far (the caller throttles what it stores). The
 * SDK's own timeout ends once the answer's headers arrive, so a provider that then stalls is cut
 * off here: no chunk for `idleMs` (or the whole call past four times that) counts as a timeout.
 */
export async function streamCompletion(
  client: OpenAI,
  request: { model: string; messages: ChatMessage[]; maxTokens: number; temperature: number },
  options: { idleMs: number; onText?: (textSoFar: string) => void },
): Promise<{ text: string; truncated: boolean }> {
  let text = "";
  let truncated = false;
  const abort = new AbortController();
  let idle = setTimeout(() => abort.abort(), options.idleMs);
  const total = setTimeout(() => abort.abort(), options.idleMs * 4);
  try {
    const stream = await client.chat.completions.create(
      {
        model: request.model,
        messages: request.messages,
        max_tokens: request.maxTokens,
        temperature: request.temperature,
        stream: true,
      },
      { signal: abort.signal },
    );
    for await (const chunk of stream) {
      clearTimeout(idle);
      idle = setTimeout(() => abort.abort(), options.idleMs);
      const choice = chunk.choices?.[0];
      if (choice?.finish_reason === "length") truncated = true;
      if (choice?.delta?.content) {
        text += choice.delta.content;
        options.onText?.(text);
      }
    }
    // An aborted stream may simply end: what came so far is not the answer.
    if (abort.signal.aborted) throw new Error("aborted");
  } catch (err) {
    if (abort.signal.aborted)
      throw new ModelError("transient", "The AI model did not answer in time.", null, {
        cause: err,
      });
    throw toModelError(err);
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
  }
  return { text, truncated };
}

export function toModelError(err: unknown): ModelError {
  if (err instanceof ModelError) return err;
  if (err instanceof OpenAI.APIConnectionTimeoutError)
    return new ModelError("transient", "The AI model did not answer in time.", null, {
      cause: err,
    });
  if (err instanceof OpenAI.APIConnectionError)
    return new ModelError("transient", "The AI model could not be reached.", null, { cause: err });
  if (err instanceof OpenAI.APIError) {
    const status = err.status ?? null;
    if (status === 401 || status === 403)
      return new ModelError(
        "auth",
        `The AI provider refused the key (HTTP ${status}). An admin must check it in Settings → AI.`,
        status,
        { cause: err },
      );
    if (status === 404)
      return new ModelError(
        "model",
        "The AI provider does not know that model. An admin must check the model name in Settings → AI.",
        status,
        { cause: err },
      );
    if (status === 400 || status === 422)
      return new ModelError(
        "refused",
        `The AI provider refused the request: ${shorten(err.message)}`,
        status,
        { cause: err },
      );
    if (status === 429)
      return new ModelError("transient", "The AI provider is rate limiting us.", status, {
        cause: err,
      });
    return new ModelError("transient", `The AI provider had a problem (HTTP ${status}).`, status, {
      cause: err,
    });
  }
  // A malformed stream or body: the SDK throws a SyntaxError or a generic Error.
  return new ModelError("transient", "The AI model answered with something unreadable.", null, {
    cause: err,
  });
}

const shorten = (s: string) => (s.length > 200 ? `${s.slice(0, 197)}…` : s);
