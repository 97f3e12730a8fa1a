"use server";
// Server actions of the campaign pages (/[org]/campaigns). Each goes through orgAction (caller,
// membership, "campaigns.manage"); the database functions check role and rows again.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { orgAction, type OrgCtx } from "@/lib/actions/client";
import { AppError } from "@/lib/errors";
import { archiveCampaign, createCampaign, updateCampaign } from "@/lib/posts/mutations";
import { getCampaign } from "@/lib/posts/queries";
import {
  archiveCampaignInput,
  createCampaignInput,
  updateCampaignInput,
} from "@/lib/posts/schemas";

const org = { org: z.string() };

function revalidateCampaign(ctx: OrgCtx, campaignId: string) {
  revalidatePath(`/${ctx.org.slug}/campaigns`);
  revalidatePath(`/${ctx.org.slug}/campaigns/${campaignId}`);
  revalidatePath(`/${ctx.org.slug}/posts`);
  revalidatePath(`/${ctx.org.slug}/calendar`);
}

/**
 * The campaign must be this org's: the database functions act on any campaign of any org the caller
 * manages, so a crafted id of another org is refused here, with the same answer as a missing one.
 */
async function requireOwnCampaign(ctx: OrgCtx, campaignId: string) {
  const campaign = await getCampaign(ctx.user.claims, ctx.org.id, campaignId);
  if (!campaign)
    throw new AppError("not_found", "That campaign does not exist in this organization.");
  return campaign;
}

export const createCampaignAction = orgAction(
  "campaigns.manage",
  createCampaignInput.safeExtend(org),
  async ({ org: _slug, ...input }, ctx) => {
    const campaign = await createCampaign(ctx.user.claims, ctx.org.id, input, ctx);
    ctx.log.info("campaign created", { campaignId: campaign.id });
    revalidateCampaign(ctx, campaign.id);
    redirect(`/${ctx.org.slug}/campaigns/${campaign.id}?created=1`);
  },
);

export const updateCampaignAction = orgAction(
  "campaigns.manage",
  updateCampaignInput.safeExtend(org),
  async ({ org: _slug, ...input }, ctx) => {
    await requireOwnCampaign(ctx, input.campaignId);
    const campaign = await updateCampaign(ctx.user.claims, input, ctx);
    ctx.log.info("campaign updated", { campaignId: campaign.id });
    revalidateCampaign(ctx, campaign.id);
    redirect(`/${ctx.org.slug}/campaigns/${campaign.id}?saved=1`);
  },
);

export const archiveCampaignAction = orgAction(
  "campaigns.manage",
  archiveCampaignInput.extend(org),
  async (input, ctx) => {
    await requireOwnCampaign(ctx, input.campaignId);
    const campaign = await archiveCampaign(ctx.user.claims, { campaignId: input.campaignId }, ctx);
    ctx.log.info("campaign archived", { campaignId: campaign.id });
    revalidateCampaign(ctx, campaign.id);
    return { campaignId: campaign.id, status: campaign.status };
  },
);
