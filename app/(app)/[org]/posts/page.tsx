import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Download, FileText, PenSquare, SearchX } from "lucide-react";
import { PostFilters } from "@/components/posts/post-filters";
import { toPostRowView } from "@/components/posts/post-row-view";
import { PostsTable } from "@/components/posts/posts-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSessionUser } from "@/lib/auth/session";
import { listMembers } from "@/lib/orgs/members";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { listCampaigns, listPosts } from "@/lib/posts/queries";
import { listPostsFilters } from "@/lib/posts/schemas";

export const metadata: Metadata = { title: "Posts" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters as a query string (the export link, the table's next pages use the same). */
function queryOf(filters: Record<string, string | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (Array.isArray(v)) for (const item of v) q.append(k, item);
    else if (v) q.set(k, v);
  }
  return q.toString();
}

export default async function PostsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/posts`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "posts.view")) notFound();
  // The first page always: later pages load in place ("Load more").
  const { cursor: _cursor, limit: _limit, ...filters } = listPostsFilters.parse(await searchParams);
  const [page, campaigns, members] = await Promise.all([
    listPosts(user.claims, org, filters, { paged: true }),
    listCampaigns(user.claims, org.id, { includeArchived: true }),
    listMembers(user.claims, org.id),
  ]);
  const query = queryOf(filters);
  const filtered = query !== "";
  const canCompose = can(org.role, "posts.create");

  return (
    <div className="mx-auto grid max-w-7xl gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Posts</h1>
          <p className="text-sm text-muted-foreground">
            Every post of {org.name}, most recently changed first. Times in{" "}
            {org.timezone.replaceAll("_", " ")}.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline">
            {/* A file download, not a page: a plain link. */}
            <a href={`/${org.slug}/posts/export${query ? `?${query}` : ""}`} download>
              <Download aria-hidden="true" />
              Export CSV
            </a>
          </Button>
          {canCompose ? (
            <Button asChild>
              <Link href={`/${org.slug}/compose`}>
                <PenSquare aria-hidden="true" />
                Compose
              </Link>
            </Button>
          ) : null}
        </div>
      </div>

      <PostFilters
        timeZone={org.timezone}
        campaigns={campaigns.map((c) => ({
          id: c.id,
          name: c.name,
          archived: c.status === "archived",
        }))}
        members={members.map((m) => ({ id: m.userId, name: m.fullName || m.email || "Unknown" }))}
      />

      {page.posts.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={SearchX}
            title="No posts match these filters"
            description="Try other words or fewer filters."
            data-testid="posts-no-match"
            action={
              <Button asChild variant="outline">
                <Link href={`/${org.slug}/posts`}>Clear filters</Link>
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={FileText}
            title="No posts yet"
            description={
              canCompose
                ? "Write your first post: draft it, get it reviewed and schedule it for your networks."
                : "Posts your team writes will appear here."
            }
            data-testid="posts-empty"
            action={
              canCompose ? (
                <Button asChild>
                  <Link href={`/${org.slug}/compose`}>Compose a post</Link>
                </Button>
              ) : null
            }
          />
        )
      ) : (
        <PostsTable
          // A new filter starts a new list (selection and loaded pages belong to the old one).
          key={query}
          org={org.slug}
          rows={page.posts.map((p) => toPostRowView(p, org.timezone))}
          nextCursor={page.nextCursor}
          filters={filters}
          canArchive={can(org.role, "posts.archive")}
        />
      )}
    </div>
  );
}
