// Inputs of the review loop (lib/reviews/mutations.ts). Client-safe: the review panel and the review
// queue validate with the same schemas; server actions add the org's slug as `org`.
import { z } from "zod";

export const REVIEW_BODY_MAX = 5000;
export const reviewKinds = ["approve", "request_changes", "comment"] as const;
export type ReviewKind = (typeof reviewKinds)[number];

export const submitForReviewInput = z.object({
  postId: z.uuid("Pick a post from the list."),
  expectedRevision: z.coerce.number().int().min(1),
});

export const reviewPostInput = z
  .object({
    postId: z.uuid("Pick a post from the list."),
    versionId: z.uuid("Pick a version of the post."),
    kind: z.enum(reviewKinds, "Approve, request changes or comment."),
    body: z
      .string()
      .trim()
      .max(REVIEW_BODY_MAX, `Keep it under ${REVIEW_BODY_MAX.toLocaleString("en-US")} characters.`)
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((v) => v.kind === "approve" || !!v.body, {
    path: ["body"],
    message: "Say what should change.",
  });
export type ReviewPostInput = z.input<typeof reviewPostInput>;

export const previewLinkDays = [1, 7, 30] as const;
export const createPreviewLinkInput = z.object({
  postId: z.uuid("Pick a post from the list."),
  days: z.coerce
    .number()
    .refine((d) => (previewLinkDays as readonly number[]).includes(d), "Pick 1, 7 or 30 days."),
});

export const revokePreviewLinkInput = z.object({ linkId: z.uuid("Pick a link from the list.") });

/** A checkbox: true, "true" or "on" (a form's checked box); anything else, absent included, is off. */
const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

export const reviewSettingsInput = z.object({
  requireApproval: checkbox,
  requireMemberApproval: checkbox,
});
export type ReviewSettings = z.infer<typeof reviewSettingsInput>;
