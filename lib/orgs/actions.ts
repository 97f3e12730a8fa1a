"use server";
import { redirect } from "next/navigation";
import { authAction } from "@/lib/actions/client";
import { createOrganization } from "@/lib/orgs/create-organization";
import { createOrgInput } from "@/lib/orgs/schemas";

export const createOrgAction = authAction(createOrgInput, async (input, ctx) => {
  const org = await createOrganization(ctx.user.claims, input, ctx.requestId);
  ctx.log.info("organization created", { slug: org.slug });
  redirect(`/${org.slug}`);
});
