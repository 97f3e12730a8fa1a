import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/campaigns/new`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "campaigns.manage")) notFound();
  const back = `/${org.slug}/campaigns`;

  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <Link href={back} className="text-sm text-muted-foreground hover:text-foreground">
        ← Campaigns
      </Link>
      <Card>
        <CardHeader>
          <CardTitle as="h1">New campaign</CardTitle>
          <CardDescription>
            Posts join a campaign from the composer. Dates are days, as your team reads them.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CampaignForm org={org.slug} cancelHref={back} />
        </CardContent>
      </Card>
    </div>
  );
}
