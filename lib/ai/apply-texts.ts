// Where a generation's texts land (pure, shared by the cache path and the worker).
import type { GenerationInput, GenerationOperation } from "@/lib/ai/schemas";

/**
 * The texts that land as versions. An edit of a selection replaces the selection in `body`, the
 * post's text as the request saw it; without a selection the edit's text is the whole post. A
 * selection that no longer matches `body` lands nothing (null): the post changed under it.
 */
export function applyTexts(
  request: { operation: GenerationOperation; input: GenerationInput },
  texts: string[],
  body: string | null,
): string[] | null {
  const sel = request.input.selection;
  if (!["rewrite", "shorten", "expand", "fix"].includes(request.operation) || !sel) return texts;
  if (body === null || body.slice(sel.start, sel.end) !== request.input.text) return null;
  return texts.map((t) => body.slice(0, sel.start) + t + body.slice(sel.end));
}
