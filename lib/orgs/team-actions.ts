"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authAction, orgAction } from "@/lib/actions/client";
import { AppError } from "@/lib/errors";
import {
  acceptInvitation,
  inviteMembers,
  resendInvitation,
  revokeInvitation,
} from "@/lib/orgs/invitations";
import { parseInviteList } from "@/lib/orgs/invite-list";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/orgs/members";
import {
  changeRoleInput,
  invitationTargetInput,
  inviteMembersInput,
  memberTargetInput,
  orgOnlyInput,
  transferOwnershipInput,
} from "@/lib/orgs/schemas";
import { enforceLimit } from "@/lib/rate-limit";
import { z } from "zod";

const meta = (ctx: { requestId: string; ip: string | null }) => ({
  requestId: ctx.requestId,
  ip: ctx.ip,
});

export const inviteMembersAction = orgAction(
  "members.invite",
  inviteMembersInput,
  async (input, ctx) => {
    await enforceLimit(
      "invite.user",
      ctx.user.id,
      Math.max(1, parseInviteList(input.emails).emails.length),
    );
    const { invited } = await inviteMembers(
      ctx.user.claims,
      ctx.org,
      { list: input.emails, role: input.role },
      meta(ctx),
    );
    revalidatePath(`/${ctx.org.slug}/members`);
    return { invited };
  },
);

export const resendInvitationAction = orgAction(
  "members.invite",
  invitationTargetInput,
  async (input, ctx) => {
    await enforceLimit("invite.user", ctx.user.id);
    await resendInvitation(ctx.user.claims, ctx.org, input.invitationId, meta(ctx));
    revalidatePath(`/${ctx.org.slug}/members`);
    return { resent: true };
  },
);

export const revokeInvitationAction = orgAction(
  "members.invite",
  invitationTargetInput,
  async (input, ctx) => {
    await revokeInvitation(ctx.user.claims, input.invitationId, meta(ctx));
    revalidatePath(`/${ctx.org.slug}/members`);
    return { revoked: true };
  },
);

export const changeRoleAction = orgAction(
  "members.change_role",
  changeRoleInput,
  async (input, ctx) => {
    await changeMemberRole(ctx.user.claims, ctx.org.id, input.userId, input.role, meta(ctx));
    revalidatePath(`/${ctx.org.slug}`, "layout");
    return { role: input.role };
  },
);

export const removeMemberAction = orgAction(
  "members.remove",
  memberTargetInput,
  async (input, ctx) => {
    if (input.userId === ctx.user.id)
      throw new AppError("validation_failed", "Use “Leave organization” to remove yourself.");
    await removeMember(ctx.user.claims, ctx.org.id, input.userId, meta(ctx));
    revalidatePath(`/${ctx.org.slug}/members`);
    return { removed: true };
  },
);

export const leaveOrgAction = orgAction("org.view", orgOnlyInput, async (_input, ctx) => {
  await removeMember(ctx.user.claims, ctx.org.id, ctx.user.id, meta(ctx));
  redirect("/app");
});

export const transferOwnershipAction = orgAction(
  "members.transfer_ownership",
  transferOwnershipInput,
  async (input, ctx) => {
    if (input.confirm.trim() !== ctx.org.slug) {
      throw new AppError("validation_failed", "Check the confirmation.", {
        fieldErrors: { confirm: `Type ${ctx.org.slug} to confirm.` },
      });
    }
    await transferOwnership(ctx.user.claims, ctx.org.id, input.userId, meta(ctx));
    revalidatePath(`/${ctx.org.slug}`, "layout");
    return { transferred: true };
  },
);

export const acceptInvitationAction = authAction(
  z.object({ token: z.string().min(20).max(100) }),
  async (input, ctx) => {
    const slug = await acceptInvitation(ctx.user.claims, input.token, meta(ctx));
    redirect(`/${slug}`);
  },
);
