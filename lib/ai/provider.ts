// Which model answers an org's generations: its own provider when it brought a key (Settings → AI),
// else the deployment's default (OPENAI_*). Both go through the official `openai` SDK: OpenAI,
// Ollama and custom OpenAI-compatible servers with `OpenAI`, Azure with `AzureOpenAI`. The SDK does
// not retry (maxRetries 0): the generation job retries with backoff and knows when to stop.
import "server-only";
import OpenAI, { AzureOpenAI } from "openai";
import { sql } from "drizzle-orm";
import { adminExecute } from "@/lib/db/admin";
import { getEnv } from "@/lib/env";
import { providerUrlProblem } from "@/lib/ai/provider-url";
import type { ProviderKind } from "@/lib/ai/schemas";
import { decryptToken, encryptToken, tokenContext } from "@/lib/social/crypto";
import { getKeyRing } from "@/lib/social/tokens";

export type ResolvedProvider = {
  source: "default" | "byok";
  kind: ProviderKind;
  model: string;
  /** Names the endpoint and model in cache keys: another provider's answer is another answer. */
  identity: string;
  client: OpenAI;
};

export type StoredProvider = {
  kind: ProviderKind;
  baseUrl: string | null;
  model: string;
  apiVersion: string | null;
  apiKeyEnc: string | null;
  status: "active" | "invalid";
};

const keyContext = (orgId: string) => tokenContext(`ai-provider/${orgId}`, "access");
export const sealProviderKey = (orgId: string, key: string) =>
  encryptToken(getKeyRing(), key, keyContext(orgId));
export const openStoredProviderKey = (orgId: string, value: string) =>
  decryptToken(getKeyRing(), value, keyContext(orgId));

/** A client for a provider's settings (also used by "Test connection" before saving). */
export function clientFor(
  p: { kind: ProviderKind; baseUrl: string | null; model: string; apiVersion: string | null },
  apiKey: string | null,
  timeoutMs: number,
): OpenAI {
  const common = { timeout: timeoutMs, maxRetries: 0 };
  // Everything explicit: the SDK would otherwise read OPENAI_BASE_URL (this deployment's default
  // provider) and refuse an endpoint next to it.
  if (p.kind === "azure")
    return new AzureOpenAI({
      ...common,
      baseURL: `${p.baseUrl!.replace(/\/+$/, "")}/openai`,
      apiKey: apiKey ?? "",
      apiVersion: p.apiVersion ?? undefined,
      deployment: p.model,
    });
  return new OpenAI({
    ...common,
    // Ollama ignores the key but the SDK wants one.
    apiKey: apiKey ?? (p.kind === "ollama" ? "ollama" : ""),
    baseURL: p.baseUrl ?? "https://api.openai.com/v1",
  });
}

export async function getStoredProvider(orgId: string): Promise<StoredProvider | null> {
  const [row] = await adminExecute<StoredProvider>(sql`
    select kind, base_url as "baseUrl", model, api_version as "apiVersion",
           api_key_enc as "apiKeyEnc", status
      from public.ai_providers where org_id = ${orgId}`);
  return row ?? null;
}

/** Private addresses are fine outside production (local Ollama, the stand-ins). */
export const allowPrivateProviderUrls = () =>
  getEnv().AI_ALLOW_PRIVATE_URLS ?? getEnv().NODE_ENV !== "production";

/** Why nobody in the org can generate right now (no default key and no key of its own), or null. */
export async function aiSetupProblem(orgId: string): Promise<string | null> {
  if (getEnv().OPENAI_API_KEY) return null;
  return (await getStoredProvider(orgId))
    ? null
    : "AI drafting is not set up on this server yet: an admin can add the organization's own key in Settings → AI.";
}

/** The provider for an org's generation, or a reason it cannot run. */
export async function resolveProvider(
  orgId: string,
): Promise<{ ok: true; provider: ResolvedProvider } | { ok: false; reason: string }> {
  const env = getEnv();
  const stored = await getStoredProvider(orgId);
  if (stored) {
    const urlProblem = stored.baseUrl
      ? providerUrlProblem(stored.baseUrl, allowPrivateProviderUrls())
      : null;
    if (urlProblem) return { ok: false, reason: `Your organization's AI provider: ${urlProblem}` };
    // A provider that refused its key stays refused until an admin saves it again: asking again
    // would only spend credits on a known failure.
    if (stored.status === "invalid")
      return {
        ok: false,
        reason:
          "Your organization's AI provider refused its key. An admin must update it in Settings → AI.",
      };
    let key: string | null = null;
    if (stored.apiKeyEnc) {
      try {
        key = openStoredProviderKey(orgId, stored.apiKeyEnc);
      } catch {
        return {
          ok: false,
          reason:
            "Your organization's AI key cannot be read any more. An admin must enter it again in Settings → AI.",
        };
      }
    }
    return {
      ok: true,
      provider: {
        source: "byok",
        kind: stored.kind,
        model: stored.model,
        identity: `${stored.kind}|${stored.baseUrl ?? "openai"}|${stored.model}`,
        client: clientFor(stored, key, env.AI_TIMEOUT_MS),
      },
    };
  }
  if (!env.OPENAI_API_KEY)
    return {
      ok: false,
      reason:
        "AI drafting is not set up on this server (no OPENAI_API_KEY), and your organization has not added its own key in Settings → AI.",
    };
  return {
    ok: true,
    provider: {
      source: "default",
      kind: "openai",
      model: env.OPENAI_MODEL,
      identity: `default|${env.OPENAI_BASE_URL}|${env.OPENAI_MODEL}`,
      client: clientFor(
        { kind: "openai", baseUrl: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL, apiVersion: null },
        env.OPENAI_API_KEY,
        env.AI_TIMEOUT_MS,
      ),
    },
  };
}
