"use server";
// Server actions of the org settings page. Each goes through orgAction (caller, membership, role);
// the database checks again through RLS and its functions.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { orgAction } from "@/lib/actions/client";
import {
  deleteOrganization,
  deleteOrgInput,
  finalizeLogo,
  finalizeLogoInput,
  getLogoUrl,
  prepareLogoInput,
  prepareLogoUpload,
  removeLogo,
  removeLogoInput,
  updateOrganization,
  updateOrgInput,
} from "@/lib/orgs/settings";

export const updateOrgSettingsAction = orgAction(
  "org.update",
  updateOrgInput,
  async (input, ctx) => {
    const result = await updateOrganization(ctx.user.claims, ctx.org.id, input, ctx);
    if (result.changed) ctx.log.info("organization updated", { slug: result.slug });
    if (result.slug !== ctx.org.slug) redirect(`/${result.slug}/settings?saved=1`);
    // The layout shows the name and time zone too.
    revalidatePath(`/${result.slug}`, "layout");
    return { changed: result.changed };
  },
);

export const prepareLogoUploadAction = orgAction(
  "org.update",
  prepareLogoInput,
  async (input, ctx) => prepareLogoUpload(ctx.org.id, input),
);

export const finalizeLogoAction = orgAction("org.update", finalizeLogoInput, async (input, ctx) => {
  const { logoPath } = await finalizeLogo(ctx.user.claims, ctx.org.id, input.path, ctx);
  ctx.log.info("organization logo updated");
  revalidatePath(`/${ctx.org.slug}`, "layout");
  return { logoUrl: await getLogoUrl(ctx.org.id, logoPath, ctx.log) };
});

export const removeLogoAction = orgAction("org.update", removeLogoInput, async (_input, ctx) => {
  await removeLogo(ctx.user.claims, ctx.org.id, ctx);
  revalidatePath(`/${ctx.org.slug}`, "layout");
  return { removed: true };
});

export const deleteOrgAction = orgAction("org.delete", deleteOrgInput, async (input, ctx) => {
  await deleteOrganization(ctx.user.claims, ctx.org.id, input.confirm, ctx);
  ctx.log.info("organization deleted", { slug: ctx.org.slug });
  redirect("/app");
});
