// /invite/<token> — the link in an invitation email. Works signed out (sign up or log in first, then
// come back here) and signed in (accept with the invited address).
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";
import { getSessionUser } from "@/lib/auth/session";
import { getInvitationPreview } from "@/lib/orgs/invitations";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

const closed: Record<string, string> = {
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
  revoked: "This invitation was withdrawn. Ask the person who invited you to send a new one.",
  accepted: "This invitation has already been used.",
  org_deleted: "This organization no longer exists.",
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationPreview(token);
  if (!invitation) {
    return (
      <AuthCard title="Invitation not found">
        <Alert variant="destructive">
          <AlertDescription>
            This invitation link is not valid. Open it straight from the email, or ask for a new
            one.
          </AlertDescription>
        </Alert>
      </AuthCard>
    );
  }
  const title = `Join ${invitation.orgName} on Ghostart`;
  const who = invitation.inviterName ? `${invitation.inviterName} invited you` : "You are invited";
  const description = `${who} to join as ${invitation.roleLabel}.`;
  const user = await getSessionUser();
  const next = `/invite/${token}`;

  if (
    invitation.status !== "pending" &&
    !(invitation.status === "accepted" && user?.email === invitation.email)
  ) {
    return (
      <AuthCard title={title}>
        <Alert variant="destructive" data-testid="invitation-closed">
          <AlertDescription>{closed[invitation.status]}</AlertDescription>
        </Alert>
      </AuthCard>
    );
  }
  if (!user) {
    return (
      <AuthCard title={title} description={description}>
        <p className="text-sm">
          The invitation is for <strong>{invitation.email}</strong>. Create your account with that
          address, or log in if you already have one.
        </p>
        <Button asChild>
          <Link
            href={`/signup?next=${encodeURIComponent(next)}&email=${encodeURIComponent(invitation.email)}`}
          >
            Create an account
          </Link>
        </Button>
        <Button asChild variant="outline">
          <Link href={`/login?next=${encodeURIComponent(next)}`}>Log in</Link>
        </Button>
      </AuthCard>
    );
  }
  if (user.email.toLowerCase() !== invitation.email) {
    return (
      <AuthCard title={title} description={description}>
        <Alert variant="destructive" data-testid="invitation-wrong-account">
          <AlertDescription>
            This invitation was sent to {invitation.email}, and you are logged in as {user.email}.
            Log out, then log in or sign up with {invitation.email}.
          </AlertDescription>
        </Alert>
        <form action={signOutAction}>
          <Button type="submit" variant="outline" className="w-full">
            Log out
          </Button>
        </form>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} description={description}>
      <AcceptInvitationForm token={token} orgName={invitation.orgName} />
    </AuthCard>
  );
}
