import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { EmailPreferencesForm } from "@/components/notifications/email-preferences-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { getMyEmailPreferences } from "@/lib/notifications/preferences";

export const metadata: Metadata = { title: "Email notifications" };

export default async function EmailNotificationsPage() {
  const user = await requireSessionUser("/account/notifications");
  const prefs = await getMyEmailPreferences(user.claims);
  return (
    <div className="flex min-h-dvh flex-col items-center bg-muted/40 px-4 py-10">
      <Logo href="/app" className="mb-8" />
      <main id="main" className="grid w-full max-w-xl gap-4">
        <Card>
          <CardHeader>
            <CardTitle as="h1" className="text-xl">
              Email notifications
            </CardTitle>
            <CardDescription>
              Choose which emails Ghostart sends to <strong>{user.email}</strong>. These settings
              apply to every organization you belong to; notifications inside the app are not
              affected.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            <EmailPreferencesForm initial={prefs} />
            <p className="border-t pt-4 text-sm text-muted-foreground">
              Security emails (confirmation and sign-in links, password resets, email changes) and
              invitations to join an organization are always sent: you need them to use your
              account.
            </p>
          </CardContent>
        </Card>
        <p className="text-center text-sm text-muted-foreground">
          <Link href="/app" className="underline underline-offset-4">
            Back to Ghostart
          </Link>
        </p>
      </main>
    </div>
  );
}
