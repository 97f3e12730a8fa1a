// Inputs of AI generation and of the org's own provider (bring your own key). Client-safe: the
// composer's AI panel and the settings form validate with the same schemas.
import { z } from "zod";
import { targetNetworks } from "@/lib/posts/constants";

export const generationOperations = [
  "draft",
  "rewrite",
  "shorten",
  "expand",
  "fix",
  "hashtags",
  "adapt",
  "variants",
] as const;
export type GenerationOperation = (typeof generationOperations)[number];

/** Operations that work on a given text (a selection, or the whole post). */
export const textOperations = ["rewrite", "shorten", "expand", "fix", "adapt", "hashtags"] as const;

export const BRIEF_TOPIC_MAX = 300;
export const BRIEF_NOTES_MAX = 1500;
export const TEXT_MAX = 6000;
export const MAX_VARIANTS = 5;

/** Optional text: blank counts as absent (so "  " is no topic, and two briefs compare alike). */
const trimmed = (max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && !v.trim() ? undefined : v),
    z.string().trim().max(max, message).optional(),
  );

/** What a generation is asked to do; stored on the generation and part of its cache key. */
export const generationInput = z.object({
  network: z.enum(targetNetworks, "Pick a network from the list.").default("linkedin"),
  topic: trimmed(BRIEF_TOPIC_MAX, `Keep the topic under ${BRIEF_TOPIC_MAX} characters.`),
  campaign: trimmed(120, "Keep the campaign name under 120 characters."),
  notes: trimmed(
    BRIEF_NOTES_MAX,
    `Keep the points to include under ${BRIEF_NOTES_MAX.toLocaleString("en-US")} characters.`,
  ),
  tone: trimmed(80, "Keep the tone under 80 characters."),
  length: z.enum(["short", "medium", "long"], "Pick a length from the list.").optional(),
  instructions: trimmed(500, "Keep the instructions under 500 characters."),
  /** The text an edit works on (a selection, or the post for hashtags and adaptation). */
  text: z
    .string()
    .max(TEXT_MAX, `Select less text: at most ${TEXT_MAX.toLocaleString("en-US")} characters.`)
    .optional(),
  /** Where the selection sits in the post's text (the result replaces it). */
  selection: z
    .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
    .refine((s) => s.end >= s.start, "The selection ends before it starts.")
    .optional(),
});
export type GenerationInput = z.infer<typeof generationInput>;

export const requestGenerationInput = z
  .object({
    operation: z.enum(generationOperations, "Pick what to generate."),
    postId: z.uuid("Pick a post from the list.").nullish(),
    voiceUserId: z.uuid("Pick the person this draft is for."),
    input: generationInput,
    variants: z.coerce
      .number()
      .int()
      .min(2, "Ask for at least 2 variants.")
      .max(MAX_VARIANTS, `Ask for at most ${MAX_VARIANTS} variants.`)
      .optional(),
    /** Ask the model again even when an identical request is cached. */
    regenerate: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    const add = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: ["input", path], message });
    if ((v.operation === "draft" || v.operation === "variants") && !v.input.topic)
      add("topic", "Say what the post is about.");
    if ((textOperations as readonly string[]).includes(v.operation) && !v.input.text?.trim())
      add(
        "text",
        v.operation === "adapt" || v.operation === "hashtags"
          ? "Write the post first."
          : "Select the text to change first.",
      );
    if (v.operation === "variants" && !v.variants)
      ctx.addIssue({ code: "custom", path: ["variants"], message: "Say how many variants." });
  });
export type RequestGenerationInput = z.input<typeof requestGenerationInput>;

/** How many texts an operation produces, which is what it costs (one credit each). */
export const generationCost = (operation: GenerationOperation, variants = 1) =>
  operation === "variants" ? variants : 1;

export const providerKinds = ["openai", "azure", "ollama", "custom"] as const;
export type ProviderKind = (typeof providerKinds)[number];

export const saveAiProviderInput = z
  .object({
    kind: z.enum(providerKinds, "Pick a provider."),
    baseUrl: z
      .string()
      .trim()
      .max(500, "Keep the address under 500 characters.")
      .optional()
      .transform((v) => v || undefined),
    model: z
      .string()
      .trim()
      .min(1, "Name the model (for Azure: the deployment).")
      .max(200, "Keep the model name under 200 characters."),
    apiVersion: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9A-Za-z.-]*$/, "Use the API version as Azure shows it, e.g. 2024-10-21.")
      .optional()
      .transform((v) => v || undefined),
    /** Empty keeps the stored key. */
    apiKey: z
      .string()
      .trim()
      .max(500, "That key is too long.")
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "openai" && !v.baseUrl)
      ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "Give the provider's address." });
    if (v.baseUrl && !/^https?:\/\/[^\s/]+/.test(v.baseUrl))
      ctx.addIssue({
        code: "custom",
        path: ["baseUrl"],
        message: "Give a full address starting with https:// (or http:// for a local Ollama).",
      });
    if (v.kind === "azure" && !v.apiVersion)
      ctx.addIssue({ code: "custom", path: ["apiVersion"], message: "Give the API version." });
  });
export type SaveAiProviderInput = z.input<typeof saveAiProviderInput>;
