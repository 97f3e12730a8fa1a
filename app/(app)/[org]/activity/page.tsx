import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { History } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { requireSessionUser } from "@/lib/auth/session";
import { activityFilters, listActivity, type ActivityEntry } from "@/lib/orgs/activity";
import { listMembers } from "@/lib/orgs/members";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";

export const metadata: Metadata = { title: "Activity" };

function describe(e: ActivityEntry): string {
  const s = e.summary as Record<string, string | undefined>;
  switch (e.action) {
    case "org.created":
      return `created the organization “${s.name}”`;
    case "org.updated":
      return "updated the organization settings";
    case "org.ownership_transferred":
      return "transferred ownership";
    case "invitation.created":
      return `invited ${s.email} as ${s.role}`;
    case "invitation.resent":
      return `resent the invitation to ${s.email}`;
    case "invitation.revoked":
      return `revoked the invitation to ${s.email}`;
    case "member.joined":
      return `joined as ${s.role}`;
    case "member.role_changed":
      return `changed a member's role from ${s.before} to ${s.after}`;
    case "member.removed":
      return `removed a ${s.role}`;
    case "member.left":
      return "left the organization";
    default:
      return e.action.replaceAll(".", " ").replaceAll("_", " ");
  }
}

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/activity`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "activity.view")) notFound();
  const filters = activityFilters.parse(await searchParams);
  const [{ entries, nextBefore }, members] = await Promise.all([
    listActivity(user.claims, org, filters),
    listMembers(user.claims, org.id),
  ]);
  const fmt = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: org.timezone,
  });
  const query = (extra: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra }))
      if (v !== undefined && v !== "") q.set(k, String(v));
    return `?${q}`;
  };

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        <p className="text-sm text-muted-foreground">
          Every change in {org.name}, newest first. Times in {org.timezone}.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter activity">
        <div className="grid gap-1">
          <Label htmlFor="f-action">What</Label>
          <NativeSelect
            id="f-action"
            name="action"
            defaultValue={filters.action ?? ""}
            wrapperClassName="w-44"
          >
            <NativeSelectOption value="">Everything</NativeSelectOption>
            <NativeSelectOption value="org">Organization</NativeSelectOption>
            <NativeSelectOption value="member">Members</NativeSelectOption>
            <NativeSelectOption value="invitation">Invitations</NativeSelectOption>
            <NativeSelectOption value="post">Posts</NativeSelectOption>
            <NativeSelectOption value="campaign">Campaigns</NativeSelectOption>
            <NativeSelectOption value="media">Media</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="f-actor">Who</Label>
          <NativeSelect
            id="f-actor"
            name="actor"
            defaultValue={filters.actor ?? ""}
            wrapperClassName="w-52"
          >
            <NativeSelectOption value="">Anyone</NativeSelectOption>
            {members.map((m) => (
              <NativeSelectOption key={m.userId} value={m.userId}>
                {m.fullName || m.email}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="f-from">From</Label>
          <Input id="f-from" type="date" name="from" defaultValue={filters.from} className="w-40" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="f-to">To</Label>
          <Input id="f-to" type="date" name="to" defaultValue={filters.to} className="w-40" />
        </div>
        <Button type="submit" variant="outline">
          Filter
        </Button>
        <Button asChild variant="ghost">
          <Link href={`/${org.slug}/activity`}>Reset</Link>
        </Button>
      </form>
      <Card>
        <CardContent className="pt-6">
          {entries.length === 0 ? (
            <EmptyState
              icon={History}
              title="No activity matches"
              description="Change the filters or reset them."
            />
          ) : (
            <ol className="divide-y" data-testid="activity">
              {entries.map((e) => (
                <li
                  key={e.id}
                  className="flex flex-wrap justify-between gap-2 py-3 text-sm"
                  data-testid="activity-entry"
                >
                  <span>
                    <span className="font-medium">{e.actorName ?? "Someone"}</span> {describe(e)}
                  </span>
                  <span className="text-muted-foreground">
                    <time dateTime={new Date(e.createdAt).toISOString()}>
                      {fmt.format(new Date(e.createdAt))}
                    </time>
                    {e.ip ? ` · ${e.ip}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
      {nextBefore || filters.before ? (
        <nav aria-label="Pages" className="flex justify-between">
          {filters.before ? (
            <Button asChild variant="outline">
              <Link href={query({ before: undefined })}>Newest</Link>
            </Button>
          ) : (
            <span />
          )}
          {nextBefore ? (
            <Button asChild variant="outline">
              <Link href={query({ before: nextBefore })}>Older</Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
