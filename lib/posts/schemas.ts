// Inputs of the post, campaign and media operations (lib/posts/mutations.ts) and the post list's
// filters (lib/posts/queries.ts). Client-safe: the composer validates with the same schemas. Server
// actions add the org's slug as `org` (`.extend({ org: z.string() })`).
import { z } from "zod";
import {
  MAX_MEDIA_PER_POST,
  postSources,
  postStatuses,
  targetNetworks,
} from "@/lib/posts/constants";

const id = (what: string) => z.uuid(`Pick a ${what} from the list.`);
const postId = id("post");
/** The revision the editor opened; a different current revision is a conflict. */
const expectedRevision = z.coerce.number().int().min(1);
const optionalId = (what: string) =>
  z.preprocess((v) => (v === "" ? null : v), id(what).nullish()).transform((v) => v ?? null);
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => (v ? v : null));

export const POST_BODY_MAX = 65_000;
export const postBody = z
  .string()
  .max(POST_BODY_MAX, `Keep the text under ${POST_BODY_MAX.toLocaleString("en-US")} characters.`);
const postTitle = optionalText(200, "Keep the title under 200 characters.");
const altText = optionalText(1000, "Keep the description under 1,000 characters.");

/** A calendar date, YYYY-MM-DD. */
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date.");
/** A time of day, HH:mm (24-hour). */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Pick a time.");

const networkList = z
  .array(z.enum(targetNetworks, "Pick networks from the list."))
  .max(targetNetworks.length)
  .refine((ns) => new Set(ns).size === ns.length, "Pick each network once.");

// --- Posts ----------------------------------------------------------------------------------------

export const createPostInput = z.object({
  title: postTitle,
  body: postBody.default(""),
  source: z.enum(postSources).default("human"),
  campaignId: optionalId("campaign"),
  /** Defaults to the author. Employees write only on their own behalf. */
  onBehalfOf: optionalId("member"),
  networks: networkList.default([]),
});
export type CreatePostInput = z.input<typeof createPostInput>;

/** Title, campaign and on-behalf-of, replaced as a whole. */
export const updatePostInput = z.object({
  postId,
  expectedRevision,
  title: postTitle,
  campaignId: optionalId("campaign"),
  onBehalfOf: id("member"),
});
export type UpdatePostInput = z.input<typeof updatePostInput>;

export const savePostVersionInput = z.object({
  postId,
  expectedRevision,
  body: postBody,
  source: z.enum(postSources).default("human"),
});
export type SavePostVersionInput = z.input<typeof savePostVersionInput>;

export const restorePostVersionInput = z.object({
  postId,
  versionId: id("version"),
  expectedRevision,
});
export type RestorePostVersionInput = z.input<typeof restorePostVersionInput>;

export const setPostTargetsInput = z.object({
  postId,
  expectedRevision,
  targets: z
    .array(
      z.object({
        network: z.enum(targetNetworks, "Pick networks from the list."),
        /** Per-network text; empty = the post's text. */
        textOverride: postBody.nullish().transform((v) => (v?.trim() ? v : null)),
        /** A company page to post as; none = the on-behalf-of member's own account. */
        pageId: z.uuid("Pick a page from the list.").nullish(),
      }),
    )
    .max(targetNetworks.length)
    .refine(
      (ts) => new Set(ts.map((t) => t.network)).size === ts.length,
      "Pick each network once.",
    ),
});
export type SetPostTargetsInput = z.input<typeof setPostTargetsInput>;

export const setPostMediaInput = z.object({
  postId,
  expectedRevision,
  /** In display order. */
  media: z
    .array(z.object({ mediaId: id("file"), altOverride: altText }))
    .max(MAX_MEDIA_PER_POST, `A post can have at most ${MAX_MEDIA_PER_POST} files.`)
    .refine((ms) => new Set(ms.map((m) => m.mediaId)).size === ms.length, "Add each file once."),
});
export type SetPostMediaInput = z.input<typeof setPostMediaInput>;

/** A local date and time in the org's time zone. */
export const schedulePostInput = z.object({
  postId,
  expectedRevision,
  date: localDate,
  time: localTime,
});
export type SchedulePostInput = z.input<typeof schedulePostInput>;

/** Moves a scheduled post by whole days (a calendar drag), keeping its local time of day. */
export const reschedulePostByDaysInput = z.object({
  postId,
  expectedRevision: expectedRevision.optional(),
  days: z.coerce
    .number()
    .int("Move by whole days.")
    .min(-366)
    .max(366)
    .refine((d) => d !== 0, "Move by at least one day."),
});
export type ReschedulePostByDaysInput = z.input<typeof reschedulePostByDaysInput>;

export const unschedulePostInput = z.object({ postId, expectedRevision });
export type UnschedulePostInput = z.input<typeof unschedulePostInput>;

export const archivePostsInput = z.object({
  postIds: z
    .array(postId)
    .min(1, "Select at least one post.")
    .max(100, "Archive at most 100 posts at once."),
});
export type ArchivePostsInput = z.input<typeof archivePostsInput>;

// --- Campaigns ------------------------------------------------------------------------------------

const campaignFields = {
  name: z
    .string()
    .trim()
    .min(1, "Give the campaign a name.")
    .max(120, "Keep the name under 120 characters."),
  description: optionalText(2000, "Keep the description under 2,000 characters."),
  color: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, "Pick a colour.")
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
  startsOn: z.iso
    .date("Pick a date.")
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
  endsOn: z.iso
    .date("Pick a date.")
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
};
const datesInOrder = (c: { startsOn: string | null; endsOn: string | null }) =>
  !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn;
const datesMessage = { message: "The campaign cannot end before it starts.", path: ["endsOn"] };

export const createCampaignInput = z.object(campaignFields).refine(datesInOrder, datesMessage);
export type CreateCampaignInput = z.input<typeof createCampaignInput>;

export const updateCampaignInput = z
  .object({ campaignId: id("campaign"), ...campaignFields })
  .refine(datesInOrder, datesMessage);
export type UpdateCampaignInput = z.input<typeof updateCampaignInput>;

export const archiveCampaignInput = z.object({ campaignId: id("campaign") });

// --- Media ----------------------------------------------------------------------------------------

/** A file the upload flow has verified in Storage (size, MIME, magic bytes). */
export const createMediaAssetInput = z.object({
  /** `<org id>/<uuid>.<ext>` in the `media` bucket. */
  path: z.string().max(200),
  mime: z.string().regex(/^((image|video)\/[a-z0-9.+-]+|application\/pdf)$/),
  sizeBytes: z.number().int().positive(),
  width: z.number().int().positive().nullish(),
  height: z.number().int().positive().nullish(),
  altText,
  /** The name the file had on the uploader's computer. */
  fileName: optionalText(255, "Keep the file name under 255 characters."),
});
export type CreateMediaAssetInput = z.input<typeof createMediaAssetInput>;

export const updateMediaAltTextInput = z.object({ mediaId: id("file"), altText });
export const deleteMediaAssetInput = z.object({ mediaId: id("file") });

// --- List filters (from the URL: a bad value is ignored, not an error) ---------------------------

const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item));

export const listPostsFilters = z.object({
  /** Archived posts only when asked for by status. */
  status: many(z.enum(postStatuses)).optional().catch(undefined),
  campaign: z.uuid().optional().catch(undefined),
  author: z.uuid().optional().catch(undefined),
  onBehalfOf: z.uuid().optional().catch(undefined),
  network: z.enum(targetNetworks).optional().catch(undefined),
  /** Days in the org's time zone, on scheduled_at; `to` includes its whole day. */
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  /** Full-text search (websearch syntax) of the title and the current text; blank = none. */
  q: z
    .string()
    .trim()
    .max(200)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined),
  /** Keyset cursor from the previous page (lists without a date range). */
  cursor: z.string().max(100).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});
export type ListPostsFilters = z.infer<typeof listPostsFilters>;
