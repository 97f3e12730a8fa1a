"use server";
// Server actions of the media library (page, picker, composer). Each goes through orgAction (caller,
// membership, role); the database checks again in its functions (an employee manages only their own
// uploads). Expected failures come back as ActionState errors with a sentence to show, and with
// `fieldErrors.file` / `fieldErrors.altText` where they belong to a file or its description.
import { orgAction } from "@/lib/actions/client";
import {
  deleteMedia,
  deleteMediaInput,
  finalizeMediaUpload,
  finalizeMediaUploadInput,
  listMediaInput,
  listMediaLibrary,
  prepareMediaUpload,
  prepareMediaUploadInput,
  updateMediaAlt,
  updateMediaAltTextActionInput,
} from "@/lib/media/media-library";

export const prepareMediaUploadAction = orgAction(
  "media.upload",
  prepareMediaUploadInput,
  async (input, ctx) =>
    prepareMediaUpload(ctx.org.id, {
      fileName: input.fileName,
      mime: input.mime,
      size: input.size,
    }),
);

export const finalizeMediaUploadAction = orgAction(
  "media.upload",
  finalizeMediaUploadInput,
  async (input, ctx) => {
    const item = await finalizeMediaUpload(
      ctx.user.claims,
      ctx.org.id,
      { path: input.path, fileName: input.fileName, altText: input.altText },
      ctx,
    );
    ctx.log.info("media uploaded", { mediaId: item.id, mime: item.mime, size: item.sizeBytes });
    return item;
  },
);

export const listMediaAction = orgAction("media.view", listMediaInput, async (input, ctx) =>
  listMediaLibrary(
    ctx.user.claims,
    ctx.org.id,
    { q: input.q, kind: input.kind, limit: input.limit },
    ctx.log,
  ),
);

export const updateMediaAltTextAction = orgAction(
  "media.upload",
  updateMediaAltTextActionInput,
  async (input, ctx) =>
    updateMediaAlt(
      ctx.user.claims,
      ctx.org.id,
      { mediaId: input.mediaId, altText: input.altText },
      ctx,
    ),
);

export const deleteMediaAction = orgAction("media.delete", deleteMediaInput, async (input, ctx) => {
  const done = await deleteMedia(ctx.user.claims, ctx.org.id, input.mediaId, ctx);
  ctx.log.info("media deleted", { mediaId: done.id });
  return done;
});
