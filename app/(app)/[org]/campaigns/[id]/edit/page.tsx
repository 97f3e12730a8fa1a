import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { getCampaign } from "@/lib/posts/queries";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org: slug, id } = await params;
  const user = await requireSessionUser(`/${slug}/campaigns/${id}/edit`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "campaigns.manage")) notFound();
  // Another org's campaign looks like one that does not exist.
  const campaign = await getCampaign(user.claims, org.id, id);
  if (!campaign) notFound();
  const page = `/${org.slug}/campaigns/${campaign.id}`;
  // An archived campaign cannot change.
  if (campaign.status === "archived") redirect(page);

  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <Link href={page} className="text-sm text-muted-foreground hover:text-foreground">
        ← {campaign.name}
      </Link>
      <Card>
        <CardHeader>
          <CardTitle as="h1">Edit campaign</CardTitle>
        </CardHeader>
        <CardContent>
          <CampaignForm
            org={org.slug}
            campaignId={campaign.id}
            cancelHref={page}
            initial={{
              name: campaign.name,
              description: campaign.description ?? "",
              color: campaign.color ?? "",
              startsOn: campaign.startsOn ?? "",
              endsOn: campaign.endsOn ?? "",
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
