import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AiProviderCard } from "@/components/ai/ai-provider-card";
import { ReviewSettingsCard } from "@/components/reviews/review-settings-card";
import { DeleteOrgForm } from "@/components/settings/delete-org-form";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import { LogoUploader } from "@/components/settings/logo-uploader";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getAiProviderSettings } from "@/lib/ai/provider-settings";
import { requireSessionUser } from "@/lib/auth/session";
import { createLogger } from "@/lib/logger";
import { can, roleLabels } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { getLogoUrl, getOrgSettings } from "@/lib/orgs/settings";
import { listTimeZones } from "@/lib/orgs/time-zones";
import { getReviewSettings } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { org: slug } = await params;
  const { saved } = await searchParams;
  const user = await requireSessionUser(`/${slug}/settings`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org) notFound();
  const settings = await getOrgSettings(user.claims, org.id);
  if (!settings) notFound();
  const log = createLogger({ userId: user.id, orgId: org.id });
  const logoUrl = await getLogoUrl(org.id, settings.logoPath, log);
  const canEdit = can(org.role, "org.update");
  const canDelete = can(org.role, "org.delete");
  const canManageAi = can(org.role, "ai.manage_provider");
  const [reviewRules, aiProvider] = await Promise.all([
    getReviewSettings(user.claims, org.id),
    canManageAi ? getAiProviderSettings(user.claims, org.id) : Promise.resolve(null),
  ]);

  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">
          How {settings.name} appears to your team, and where it lives.
        </p>
      </div>

      {canEdit ? null : (
        <Alert data-testid="settings-read-only">
          <AlertDescription>
            You are {/^[aeiou]/i.test(roleLabels[org.role]) ? "an" : "a"}{" "}
            {roleLabels[org.role].toLowerCase()} here, so you can see these settings but not change
            them. Owners and admins can.
          </AlertDescription>
        </Alert>
      )}

      <Card>
        <CardHeader>
          <CardTitle as="h2">General</CardTitle>
          <CardDescription>The name, address and time zone of the organization.</CardDescription>
        </CardHeader>
        <CardContent>
          <GeneralSettingsForm
            org={settings}
            timeZones={listTimeZones()}
            readOnly={!canEdit}
            justSaved={saved === "1"}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Logo</CardTitle>
          <CardDescription>
            A square image that represents the organization to your team.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <LogoUploader org={settings} logoUrl={logoUrl} canEdit={canEdit} />
        </CardContent>
      </Card>

      <ReviewSettingsCard
        org={org.slug}
        initial={reviewRules}
        canEdit={can(org.role, "reviews.settings")}
      />

      <AiProviderCard
        org={org.slug}
        provider={aiProvider}
        canManage={canManageAi}
        timeZone={org.timezone}
      />

      {canDelete ? (
        <Card className="border-destructive/40" role="region" aria-labelledby="danger-zone">
          <CardHeader>
            <CardTitle as="h2" id="danger-zone" className="text-destructive">
              Danger zone
            </CardTitle>
            <CardDescription>Only owners see this.</CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteOrgForm org={settings} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
