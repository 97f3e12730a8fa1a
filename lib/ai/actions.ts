"use server";
// Server actions of AI generation: ask for a draft or an edit (the composer's AI panel), follow its
// progress, and the org's own provider (Settings → AI, owners and admins).
import { sql } from "drizzle-orm";
import { z } from "zod";
import { orgAction } from "@/lib/actions/client";
import { getCreditSummary } from "@/lib/ai/credits";
import {
  getGeneration,
  listPostGenerations,
  requestGeneration,
  type GenerationView,
} from "@/lib/ai/generations";
import {
  allowPrivateProviderUrls,
  clientFor,
  getStoredProvider,
  openStoredProviderKey,
  sealProviderKey,
} from "@/lib/ai/provider";
import { providerUrlProblem } from "@/lib/ai/provider-url";
import { requestGenerationInput, saveAiProviderInput } from "@/lib/ai/schemas";
import { withRls } from "@/lib/db/rls";
import { getEnv } from "@/lib/env";
import { AppError, fromDbError } from "@/lib/errors";

const org = z.object({ org: z.string() });

export const requestGenerationAction = orgAction(
  "ai.generate",
  org.extend({ request: requestGenerationInput }),
  async (input, ctx) => {
    const generation = await requestGeneration(ctx.user.claims, ctx.org.id, input.request, ctx);
    const credits = await getCreditSummary(ctx.user.claims, ctx.org.id);
    return { generation, credits };
  },
);

/** One generation, polled by the composer while it runs. */
export const generationAction = orgAction(
  "posts.view",
  org.extend({ id: z.uuid() }),
  async (input, ctx): Promise<GenerationView> => {
    const found = await getGeneration(ctx.user.claims, input.id);
    if (!found) throw new AppError("not_found", "That generation does not exist.");
    return found;
  },
);

export const postGenerationsAction = orgAction(
  "posts.view",
  org.extend({ postId: z.uuid() }),
  async (input, ctx) => {
    const [generations, credits] = await Promise.all([
      listPostGenerations(ctx.user.claims, input.postId),
      getCreditSummary(ctx.user.claims, ctx.org.id),
    ]);
    return { generations, credits };
  },
);

/**
 * The key the form's settings are used with: the one typed, or the stored one — but a stored key
 * only ever goes to the kind and address it was given for, so nobody can send it elsewhere.
 */
async function keyFor(
  orgId: string,
  p: { kind: string; baseUrl?: string; apiKey?: string },
): Promise<{ key: string | null; stored: boolean }> {
  const urlProblem = p.baseUrl ? providerUrlProblem(p.baseUrl, allowPrivateProviderUrls()) : null;
  if (urlProblem) throw fieldError("provider.baseUrl", urlProblem);
  if (p.apiKey) return { key: p.apiKey, stored: false };
  const current = await getStoredProvider(orgId);
  if (current?.apiKeyEnc) {
    if (current.kind !== p.kind || (current.baseUrl ?? undefined) !== p.baseUrl)
      throw fieldError(
        "provider.apiKey",
        "Enter the API key again: a saved key is only used with the address it was given for.",
      );
    return { key: openStoredProviderKey(orgId, current.apiKeyEnc), stored: true };
  }
  if (p.kind !== "ollama") throw fieldError("provider.apiKey", "Give the provider's API key.");
  return { key: null, stored: false };
}

const fieldError = (field: string, message: string) =>
  new AppError("validation_failed", "Check the highlighted fields.", {
    fieldErrors: { [field]: message },
  });

export const saveAiProviderAction = orgAction(
  "ai.manage_provider",
  org.extend({ provider: saveAiProviderInput }),
  async (input, ctx) => {
    const p = input.provider;
    await keyFor(ctx.org.id, p);
    const sealed = p.apiKey ? sealProviderKey(ctx.org.id, p.apiKey) : null;
    try {
      await withRls(ctx.user.claims, (tx) =>
        tx.execute(sql`select app.set_ai_provider(${ctx.org.id}::uuid, ${p.kind}, ${p.baseUrl ?? null},
          ${p.model}, ${p.apiVersion ?? null}, ${sealed}, ${p.apiKey ? p.apiKey.slice(-4) : null},
          ${ctx.requestId}, ${ctx.ip}::inet)`),
      );
    } catch (err) {
      throw fromDbError(err) ?? err;
    }
    return { saved: true };
  },
);

export const removeAiProviderAction = orgAction("ai.manage_provider", org, async (_input, ctx) => {
  try {
    await withRls(ctx.user.claims, (tx) =>
      tx.execute(
        sql`select app.remove_ai_provider(${ctx.org.id}::uuid, ${ctx.requestId}, ${ctx.ip}::inet)`,
      ),
    );
  } catch (err) {
    throw fromDbError(err) ?? err;
  }
  return { removed: true };
});

/** "Test connection": lists the provider's models with the settings as typed (nothing is saved). */
export const testAiProviderAction = orgAction(
  "ai.manage_provider",
  org.extend({ provider: saveAiProviderInput }),
  async (input, ctx) => {
    const p = input.provider;
    const { key } = await keyFor(ctx.org.id, p);
    const client = clientFor(
      {
        kind: p.kind,
        baseUrl: p.baseUrl ?? null,
        model: p.model,
        apiVersion: p.apiVersion ?? null,
      },
      key,
      Math.min(getEnv().AI_TIMEOUT_MS, 15_000),
    );
    try {
      const models: string[] = [];
      for await (const m of client.models.list()) {
        models.push(m.id);
        if (models.length >= 200) break;
      }
      const known = models.length === 0 || models.includes(p.model);
      return {
        ok: true as const,
        message: known
          ? `Connected. ${p.model} is available.`
          : `Connected, but ${p.model} is not among the provider's models (${models.slice(0, 5).join(", ")}…).`,
      };
    } catch (err) {
      const status = (err as { status?: number }).status;
      return {
        ok: false as const,
        message:
          status === 401 || status === 403
            ? "The provider refused the key."
            : status
              ? `The provider answered HTTP ${status}.`
              : "The provider could not be reached at that address.",
      };
    }
  },
);
