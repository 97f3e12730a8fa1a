import { describe, expect, it } from "vitest";
import {
  keyPlaceholder,
  providerFieldErrors,
  providerFields,
  providerInputOf,
} from "@/components/ai/provider-fields";

const draft = {
  kind: "openai" as const,
  baseUrl: "https://stale.example.com/v1",
  model: "  gpt-4o-mini ",
  apiVersion: "2024-10-21",
  apiKey: "",
};

describe("providerFields", () => {
  it("hides the address for OpenAI and asks Azure for a deployment and an API version", () => {
    expect(providerFields("openai")).toMatchObject({ baseUrl: null, showApiVersion: false });
    expect(providerFields("azure")).toMatchObject({
      modelLabel: "Deployment",
      showApiVersion: true,
    });
    expect(providerFields("azure").baseUrl?.label).toBe("Endpoint");
  });

  it("does not need a key for Ollama", () => {
    expect(providerFields("ollama").needsKey).toBe(false);
    expect(providerFields("custom").needsKey).toBe(true);
  });
});

describe("keyPlaceholder", () => {
  it("shows the stored key's last characters and says empty keeps it", () => {
    expect(keyPlaceholder("openai", "x9Q2")).toBe("•••• x9Q2 — leave empty to keep");
  });

  it("asks for a key when none is stored, except for Ollama", () => {
    expect(keyPlaceholder("custom", null)).toBe("Paste the API key");
    expect(keyPlaceholder("ollama", null)).toBe("Optional for Ollama");
  });
});

describe("providerInputOf", () => {
  it("sends only the fields the kind uses, trimmed, and no key when the field is empty", () => {
    expect(providerInputOf(draft)).toEqual({
      kind: "openai",
      baseUrl: undefined,
      model: "gpt-4o-mini",
      apiVersion: undefined,
      apiKey: undefined,
    });
  });

  it("keeps the address and API version for Azure", () => {
    expect(
      providerInputOf({
        ...draft,
        kind: "azure",
        baseUrl: " https://r.openai.azure.com ",
        apiKey: " k-1 ",
      }),
    ).toEqual({
      kind: "azure",
      baseUrl: "https://r.openai.azure.com",
      model: "gpt-4o-mini",
      apiVersion: "2024-10-21",
      apiKey: "k-1",
    });
  });
});

describe("providerFieldErrors", () => {
  it("maps the actions' nested keys to the form's fields and ignores others", () => {
    expect(
      providerFieldErrors({
        "provider.baseUrl": "Give the provider's address.",
        "provider.apiKey": "Give the provider's API key.",
        org: "ignored",
      }),
    ).toEqual({
      baseUrl: "Give the provider's address.",
      apiKey: "Give the provider's API key.",
    });
    expect(providerFieldErrors(undefined)).toEqual({});
  });
});
