// Public unsubscribe page (no login: the signed token in the link is the credential). Opening it only
// shows what would be turned off; the button does it. Mail scanners follow links, so a GET changes
// nothing.
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { previewUnsubscribe } from "@/lib/notifications/unsubscribe";

export const metadata: Metadata = {
  title: "Unsubscribe",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const preferencesLink = (
  <Link href="/account/notifications" className="text-primary underline-offset-4 hover:underline">
    Manage all email preferences
  </Link>
);

export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const preview = typeof token === "string" ? await previewUnsubscribe(token) : null;
  if (!preview) {
    return (
      <AuthCard title="This link does not work" footer={preferencesLink}>
        <Alert variant="destructive">
          <AlertDescription>
            This unsubscribe link is incomplete or not valid. Open it straight from the email, or
            log in and change your email preferences.
          </AlertDescription>
        </Alert>
      </AuthCard>
    );
  }
  const who = preview.maskedEmail ? (
    <>
      {" "}
      for <strong className="text-foreground">{preview.maskedEmail}</strong>
    </>
  ) : null;
  return (
    <AuthCard
      title={`Unsubscribe from “${preview.label}”`}
      description={
        <>
          {preview.description} Turning this off stops these emails{who}. Security emails (sign-in
          links, password resets) and invitations are always sent.
        </>
      }
      footer={preferencesLink}
    >
      {preview.enabled ? (
        <UnsubscribeForm token={token as string} label={preview.label} />
      ) : (
        <Alert variant="success">
          <AlertDescription>
            “{preview.label}” emails are already off. You can turn them back on in your email
            preferences.
          </AlertDescription>
        </Alert>
      )}
    </AuthCard>
  );
}
