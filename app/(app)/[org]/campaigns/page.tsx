import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FolderKanban, Plus } from "lucide-react";
import { ArchiveCampaignButton } from "@/components/campaigns/archive-campaign-button";
import { campaignDateRange } from "@/components/campaigns/campaign-dates";
import { CampaignSwatch } from "@/components/campaigns/campaign-swatch";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { listCampaigns } from "@/lib/posts/queries";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ archived?: string | string[] }>;
}) {
  const { org: slug } = await params;
  const showArchived = (await searchParams).archived === "1";
  const user = await requireSessionUser(`/${slug}/campaigns`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "campaigns.view")) notFound();
  const all = await listCampaigns(user.claims, org.id, { includeArchived: true });
  const active = all.filter((c) => c.status === "active");
  const archived = all.filter((c) => c.status === "archived");
  const shown = showArchived ? all : active;
  const canManage = can(org.role, "campaigns.manage");
  const base = `/${org.slug}/campaigns`;

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Campaigns</h1>
          <p className="text-sm text-muted-foreground">
            {active.length} active {active.length === 1 ? "campaign" : "campaigns"}
            {archived.length ? `, ${archived.length} archived` : ""}. Group posts by launch, theme
            or season.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {archived.length ? (
            <Button asChild variant="ghost" aria-pressed={showArchived}>
              <Link href={showArchived ? base : `${base}?archived=1`} scroll={false}>
                {showArchived ? "Hide archived" : `Show archived (${archived.length})`}
              </Link>
            </Button>
          ) : null}
          {canManage ? (
            <Button asChild>
              <Link href={`${base}/new`}>
                <Plus aria-hidden="true" />
                New campaign
              </Link>
            </Button>
          ) : null}
        </div>
      </div>

      {shown.length === 0 ? (
        <EmptyState
          icon={FolderKanban}
          title={archived.length ? "No active campaigns" : "No campaigns yet"}
          description={
            canManage
              ? "A campaign groups the posts of a launch or a theme, with its dates and a colour on the calendar."
              : "Owners, admins and brand creators can create campaigns."
          }
          action={
            canManage ? (
              <Button asChild>
                <Link href={`${base}/new`}>New campaign</Link>
              </Button>
            ) : null
          }
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" data-testid="campaigns">
          {shown.map((c) => {
            const dates = campaignDateRange(c.startsOn, c.endsOn);
            return (
              <li
                key={c.id}
                data-testid="campaign-card"
                data-campaign-id={c.id}
                className="relative flex flex-col gap-2 rounded-xl border bg-card p-5 shadow-sm"
                style={c.color ? { borderTopColor: c.color, borderTopWidth: 4 } : undefined}
              >
                <div className="flex items-center gap-2">
                  <CampaignSwatch color={c.color} />
                  <h2 className="min-w-0 flex-1 truncate font-semibold">
                    <Link
                      href={`${base}/${c.id}`}
                      className="underline-offset-4 after:absolute after:inset-0 hover:underline"
                    >
                      {c.name}
                    </Link>
                  </h2>
                  {c.status === "archived" ? <Badge variant="secondary">Archived</Badge> : null}
                </div>
                <p className="text-sm text-muted-foreground">{dates ?? "No dates"}</p>
                {c.description ? <p className="line-clamp-2 text-sm">{c.description}</p> : null}
                <div className="mt-auto flex items-center justify-between gap-2 pt-2">
                  <span className="text-sm text-muted-foreground">
                    {c.postCount} {c.postCount === 1 ? "post" : "posts"}
                  </span>
                  {canManage && c.status === "active" ? (
                    // Above the card's link overlay.
                    <div className="relative z-10">
                      <ArchiveCampaignButton
                        org={org.slug}
                        campaign={{ id: c.id, name: c.name }}
                        size="sm"
                      />
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
