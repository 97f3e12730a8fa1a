import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FileText, ListFilter, Pencil, PenSquare } from "lucide-react";
import { ArchiveCampaignButton } from "@/components/campaigns/archive-campaign-button";
import { campaignDateRange } from "@/components/campaigns/campaign-dates";
import { CampaignSwatch } from "@/components/campaigns/campaign-swatch";
import { PostStatusBadge } from "@/components/posts/post-status-badge";
import { networkName, orgFormatters, postDisplayTitle } from "@/components/posts/post-row-view";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/orgs/permissions";
import type { PostStatus } from "@/lib/posts/constants";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { getCampaign, listPosts, type PostListItem } from "@/lib/posts/queries";

export const metadata: Metadata = { title: "Campaign" };

/** Most posts the page lists; the posts list has the rest. */
const MAX_POSTS = 500;

type Section = {
  key: string;
  title: string;
  statuses: readonly PostStatus[];
  order: (a: PostListItem, b: PostListItem) => number;
};

const byTime =
  (key: "scheduledAt" | "updatedAt", dir: 1 | -1) => (a: PostListItem, b: PostListItem) =>
    dir * (Date.parse(a[key] ?? "") - Date.parse(b[key] ?? "")) || a.id.localeCompare(b.id);

// What is coming first (by date), then work in progress, then what went out, then what needs a look.
const sections: Section[] = [
  {
    key: "scheduled",
    title: "Scheduled",
    statuses: ["scheduled", "publishing"],
    order: byTime("scheduledAt", 1),
  },
  {
    key: "in-progress",
    title: "Drafts and in review",
    statuses: ["draft", "in_review", "changes_requested", "approved"],
    order: byTime("updatedAt", -1),
  },
  {
    key: "published",
    title: "Published",
    statuses: ["published"],
    order: byTime("scheduledAt", -1),
  },
  {
    key: "attention",
    title: "Failed or unconfirmed",
    statuses: ["failed", "unconfirmed"],
    order: byTime("scheduledAt", -1),
  },
];

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<{ created?: string; saved?: string }>;
}) {
  const { org: slug, id } = await params;
  const { created, saved } = await searchParams;
  const user = await requireSessionUser(`/${slug}/campaigns/${id}`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "campaigns.view")) notFound();
  // Another org's campaign (or a malformed id) looks like one that does not exist.
  const campaign = await getCampaign(user.claims, org.id, id);
  if (!campaign) notFound();
  const { posts, nextCursor } = await listPosts(
    user.claims,
    org,
    { campaign: campaign.id, limit: MAX_POSTS },
    { paged: true },
  );

  const active = campaign.status === "active";
  const canManage = can(org.role, "campaigns.manage") && active;
  const canCompose = can(org.role, "posts.create") && active;
  const dates = campaignDateRange(campaign.startsOn, campaign.endsOn);
  const fmt = orgFormatters(org.timezone);
  const base = `/${org.slug}`;
  const composeHref = `${base}/compose?campaign=${campaign.id}`;
  const grouped = sections
    .map((s) => ({ ...s, posts: posts.filter((p) => s.statuses.includes(p.status)).sort(s.order) }))
    .filter((s) => s.posts.length > 0);

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <Link
        href={`${base}/campaigns`}
        className="text-sm text-muted-foreground hover:text-foreground"
      >
        ← Campaigns
      </Link>

      {created === "1" || saved === "1" ? (
        <Alert variant="success" data-testid="campaign-saved">
          <AlertDescription>
            {created === "1" ? "Campaign created." : "Campaign saved."}
          </AlertDescription>
        </Alert>
      ) : null}

      <Card
        className="overflow-hidden"
        style={campaign.color ? { borderTopColor: campaign.color, borderTopWidth: 6 } : undefined}
      >
        <CardHeader className="gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <CampaignSwatch color={campaign.color} className="size-4" />
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words">
              {campaign.name}
            </h1>
            {active ? null : <Badge variant="secondary">Archived</Badge>}
          </div>
          <p className="text-sm text-muted-foreground">
            {dates ?? "No dates"} · {campaign.postCount}{" "}
            {campaign.postCount === 1 ? "post" : "posts"}
          </p>
          {campaign.description ? (
            <p className="max-w-prose text-sm whitespace-pre-line">{campaign.description}</p>
          ) : null}
        </CardHeader>
        <CardContent className="flex flex-wrap items-center gap-2">
          {canCompose ? (
            <Button asChild>
              <Link href={composeHref}>
                <PenSquare aria-hidden="true" />
                New post in this campaign
              </Link>
            </Button>
          ) : null}
          <Button asChild variant="outline">
            <Link href={`${base}/posts?campaign=${campaign.id}`}>
              <ListFilter aria-hidden="true" />
              In the posts list
            </Link>
          </Button>
          {canManage ? (
            <>
              <Button asChild variant="outline">
                <Link href={`${base}/campaigns/${campaign.id}/edit`}>
                  <Pencil aria-hidden="true" />
                  Edit
                </Link>
              </Button>
              <ArchiveCampaignButton org={org.slug} campaign={campaign} />
            </>
          ) : null}
        </CardContent>
      </Card>

      {grouped.length === 0 ? (
        <EmptyState
          icon={FileText}
          title="No posts in this campaign yet"
          description={
            canCompose
              ? "Posts you write here are grouped under the campaign."
              : active
                ? "Posts your team adds to the campaign appear here."
                : "This campaign is archived."
          }
          action={
            canCompose ? (
              <Button asChild>
                <Link href={composeHref}>New post in this campaign</Link>
              </Button>
            ) : null
          }
        />
      ) : (
        grouped.map((s) => (
          <section key={s.key} aria-labelledby={`section-${s.key}`} className="grid gap-2">
            <h2 id={`section-${s.key}`} className="text-base font-semibold">
              {s.title}{" "}
              <span className="font-normal text-muted-foreground">({s.posts.length})</span>
            </h2>
            <ul className="divide-y rounded-xl border bg-card" data-testid={`campaign-${s.key}`}>
              {s.posts.map((p) => {
                const when = p.scheduledAt
                  ? { iso: p.scheduledAt, label: fmt.dateTime.format(new Date(p.scheduledAt)) }
                  : null;
                return (
                  <li
                    key={p.id}
                    data-testid="campaign-post"
                    data-post-id={p.id}
                    className="flex flex-wrap items-start gap-x-4 gap-y-1 px-4 py-3 text-sm"
                  >
                    <PostStatusBadge status={p.status} className="mt-0.5" />
                    <div className="min-w-0 flex-1">
                      <Link
                        href={`${base}/posts/${p.id}`}
                        className="font-medium underline-offset-4 hover:underline"
                      >
                        {postDisplayTitle(p)}
                      </Link>
                      <p className="text-xs text-muted-foreground">
                        {p.networks.length ? p.networks.map(networkName).join(", ") : "No networks"}
                        {p.authorName ? ` · ${p.authorName}` : ""}
                      </p>
                    </div>
                    <span className="whitespace-nowrap text-muted-foreground">
                      {when ? (
                        <time dateTime={when.iso}>{when.label}</time>
                      ) : (
                        <>
                          Updated{" "}
                          <time dateTime={p.updatedAt}>
                            {fmt.date.format(new Date(p.updatedAt))}
                          </time>
                        </>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
      {nextCursor ? (
        <p className="text-sm text-muted-foreground">
          Showing the {MAX_POSTS} most recently changed posts.{" "}
          <Link href={`${base}/posts?campaign=${campaign.id}`} className="underline">
            See all in the posts list
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
