// Which fields the AI provider form shows for each kind of provider, what they are called, and the
// input the provider actions receive from what was typed. Pure and client-safe; the actions parse
// it again with saveAiProviderInput (lib/ai/schemas.ts).
import type { ProviderKind, SaveAiProviderInput } from "@/lib/ai/schemas";

export const providerKindLabels: Record<ProviderKind, string> = {
  openai: "OpenAI",
  azure: "Azure OpenAI",
  ollama: "Ollama",
  custom: "Custom OpenAI-compatible URL",
};

export type ProviderFields = {
  /** null: the kind has a fixed address (OpenAI's own API). */
  baseUrl: { label: string; placeholder: string; hint: string } | null;
  modelLabel: string;
  modelHint: string;
  showApiVersion: boolean;
  /** Whether a key is needed at all (Ollama runs without one). */
  needsKey: boolean;
};

export function providerFields(kind: ProviderKind): ProviderFields {
  switch (kind) {
    case "openai":
      return {
        baseUrl: null,
        modelLabel: "Model",
        modelHint: "For example gpt-4o-mini.",
        showApiVersion: false,
        needsKey: true,
      };
    case "azure":
      return {
        baseUrl: {
          label: "Endpoint",
          placeholder: "https://your-resource.openai.azure.com",
          hint: "The resource's endpoint, from the Azure portal (Keys and Endpoint).",
        },
        modelLabel: "Deployment",
        modelHint: "The name of the deployment, not of the model behind it.",
        showApiVersion: true,
        needsKey: true,
      };
    case "ollama":
      return {
        baseUrl: {
          label: "Base URL",
          placeholder: "http://localhost:11434/v1",
          hint: "Ollama's OpenAI-compatible address, ending in /v1.",
        },
        modelLabel: "Model",
        modelHint: "A model the server has pulled, for example llama3.1.",
        showApiVersion: false,
        needsKey: false,
      };
    case "custom":
      return {
        baseUrl: {
          label: "Base URL",
          placeholder: "https://llm.example.com/v1",
          hint: "The address the server's /chat/completions and /models live under.",
        },
        modelLabel: "Model",
        modelHint: "The model name the server expects.",
        showApiVersion: false,
        needsKey: true,
      };
  }
}

/** The key field's placeholder: the stored key's last characters, or what to type. */
export function keyPlaceholder(kind: ProviderKind, keyHint: string | null): string {
  if (keyHint) return `•••• ${keyHint} — leave empty to keep`;
  return providerFields(kind).needsKey ? "Paste the API key" : "Optional for Ollama";
}

export type ProviderDraft = {
  kind: ProviderKind;
  baseUrl: string;
  model: string;
  apiVersion: string;
  apiKey: string;
};

/** What the form sends: only the fields the kind uses, so a hidden field's old value never goes. */
export function providerInputOf(draft: ProviderDraft): SaveAiProviderInput {
  const fields = providerFields(draft.kind);
  return {
    kind: draft.kind,
    baseUrl: fields.baseUrl ? draft.baseUrl.trim() || undefined : undefined,
    model: draft.model.trim(),
    apiVersion: fields.showApiVersion ? draft.apiVersion.trim() || undefined : undefined,
    apiKey: draft.apiKey.trim() || undefined,
  };
}

/** Field errors of the provider actions ("provider.baseUrl") by the form's own field names. */
export function providerFieldErrors(
  fieldErrors: Record<string, string> | undefined,
): Partial<Record<keyof ProviderDraft, string>> {
  const out: Partial<Record<keyof ProviderDraft, string>> = {};
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    const name = key.startsWith("provider.") ? key.slice("provider.".length) : key;
    if (["kind", "baseUrl", "model", "apiVersion", "apiKey"].includes(name))
      out[name as keyof ProviderDraft] ??= message;
  }
  return out;
}
