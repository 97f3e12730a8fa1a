import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { listMyOrgs } from "@/lib/orgs/queries";
import { listTimeZones } from "@/lib/orgs/time-zones";

export const metadata: Metadata = { title: "Create an organization" };

export default async function OnboardingPage() {
  const user = await requireSessionUser("/onboarding");
  const orgs = await listMyOrgs(user);
  return (
    <div className="flex min-h-dvh flex-col items-center bg-muted/40 px-4 py-10">
      <Logo href="/app" className="mb-8" />
      <main id="main" className="w-full max-w-lg">
        <Card>
          <CardHeader>
            <CardTitle as="h1" className="text-xl">
              {orgs.length ? "Create another organization" : "Create your organization"}
            </CardTitle>
            <CardDescription>
              An organization is your brand&apos;s workspace: its people, accounts, posts and
              calendar.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CreateOrgForm timeZones={listTimeZones()} />
          </CardContent>
        </Card>
        {orgs.length ? (
          <p className="mt-4 text-center text-sm text-muted-foreground">
            <Link href={`/${orgs[0]!.slug}`} className="underline underline-offset-4">
              Back to {orgs[0]!.name}
            </Link>
          </p>
        ) : null}
      </main>
    </div>
  );
}
