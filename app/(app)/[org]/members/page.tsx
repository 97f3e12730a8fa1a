import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Mail, Users } from "lucide-react";
import { InvitationActions } from "@/components/members/invitation-actions";
import { InviteForm } from "@/components/members/invite-form";
import {
  LeaveOrgButton,
  MemberRoleForm,
  RemoveMemberButton,
} from "@/components/members/member-row-actions";
import { TransferOwnershipForm } from "@/components/members/transfer-ownership-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSessionUser } from "@/lib/auth/session";
import { listMembers, listPendingInvitations } from "@/lib/orgs/members";
import { assignableRoles, can, canManageMember, roleLabels } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";

export const metadata: Metadata = { title: "Team" };

const dateIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(new Date(iso));

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/members`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org) notFound();
  const canInvite = can(org.role, "members.invite");
  const [members, invitations] = await Promise.all([
    listMembers(user.claims, org.id),
    canInvite ? listPendingInvitations(user.claims, org.id) : Promise.resolve([]),
  ]);
  const roles = assignableRoles(org.role);
  const owners = members.filter((m) => m.role === "owner").length;

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
        <p className="text-sm text-muted-foreground">
          {members.length} {members.length === 1 ? "member" : "members"} of {org.name}
        </p>
      </div>

      {canInvite ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Invite people</CardTitle>
            <CardDescription>
              They get an email with a link to join as the role you choose.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <InviteForm org={org.slug} roles={roles.filter((r) => r !== "owner")} />
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle as="h2">Members</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="divide-y" data-testid="members">
            {members.map((m) => {
              const name = m.fullName || m.email || "Unknown";
              const isMe = m.userId === user.id;
              const manageable = !isMe && canManageMember(org.role, m.role);
              return (
                <li
                  key={m.userId}
                  className="flex flex-wrap items-center justify-between gap-3 py-3"
                  data-testid="member-row"
                >
                  <div className="min-w-0">
                    <p className="truncate font-medium">
                      {name} {isMe ? <span className="text-muted-foreground">(you)</span> : null}
                    </p>
                    <p className="truncate text-sm text-muted-foreground">
                      {m.email} · joined {dateIn(m.joinedAt, org.timezone)}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    {manageable ? (
                      <>
                        <MemberRoleForm
                          // Remount when the role changes: React resets a form after its action, and
                          // an uncontrolled select would fall back to the old role.
                          key={`${m.userId}-${m.role}`}
                          org={org.slug}
                          member={{ userId: m.userId, name, role: m.role }}
                          roles={roles}
                        />
                        <RemoveMemberButton
                          org={org.slug}
                          member={{ userId: m.userId, name, role: m.role }}
                        />
                      </>
                    ) : (
                      <Badge
                        variant={m.role === "owner" ? "default" : "secondary"}
                        data-testid="member-role"
                      >
                        {roleLabels[m.role]}
                      </Badge>
                    )}
                    {isMe && !(m.role === "owner" && owners === 1) ? (
                      <LeaveOrgButton org={org.slug} />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
          {org.role === "owner" && owners === 1 ? (
            <p className="mt-3 text-sm text-muted-foreground">
              You are the only owner. Transfer ownership below before you can leave.
            </p>
          ) : null}
        </CardContent>
      </Card>

      {canInvite ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Pending invitations</CardTitle>
          </CardHeader>
          <CardContent>
            {invitations.length === 0 ? (
              <EmptyState icon={Mail} title="No pending invitations" headingLevel="h3" />
            ) : (
              <ul className="divide-y" data-testid="invitations">
                {invitations.map((i) => {
                  const expired = new Date(i.expiresAt) <= new Date();
                  return (
                    <li
                      key={i.id}
                      className="flex flex-wrap items-center justify-between gap-3 py-3"
                    >
                      <div>
                        <p className="font-medium">{i.email}</p>
                        <p className="text-sm text-muted-foreground">
                          {roleLabels[i.role]} · invited by {i.invitedBy ?? "someone"} ·{" "}
                          {expired ? (
                            <span className="text-destructive">
                              expired {dateIn(i.expiresAt, org.timezone)}
                            </span>
                          ) : (
                            <>expires {dateIn(i.expiresAt, org.timezone)}</>
                          )}
                        </p>
                      </div>
                      <InvitationActions org={org.slug} invitationId={i.id} email={i.email} />
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
      ) : null}

      {can(org.role, "members.transfer_ownership") ? (
        <Card className="border-destructive/40">
          <CardHeader>
            <CardTitle as="h2">Transfer ownership</CardTitle>
            <CardDescription>
              The new owner gets billing and deletion rights; you become an admin.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {members.length > 1 ? (
              <TransferOwnershipForm
                org={org.slug}
                candidates={members
                  .filter((m) => m.userId !== user.id)
                  .map((m) => ({
                    userId: m.userId,
                    name: `${m.fullName || m.email} (${roleLabels[m.role]})`,
                  }))}
              />
            ) : (
              <EmptyState
                icon={Users}
                title="Invite someone first"
                description="Ownership goes to another member."
                headingLevel="h3"
              />
            )}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
