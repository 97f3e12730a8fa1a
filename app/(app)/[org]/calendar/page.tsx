import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarBoard } from "@/components/calendar/calendar-board";
import { CalendarHelp, CalendarLegend } from "@/components/calendar/calendar-legend";
import { CalendarToolbar } from "@/components/calendar/calendar-toolbar";
import type { CalendarPost } from "@/components/calendar/types";
import { requireSessionUser } from "@/lib/auth/session";
import { parseCalendarDate, parseCalendarView, rangeFor, todayIn } from "@/lib/calendar/grid";
import { getNow } from "@/lib/clock";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { listPosts } from "@/lib/posts/queries";

export const metadata: Metadata = { title: "Calendar" };

const EXCERPT_CHARS = 120;
/** listPosts' most posts for a date range. */
const RANGE_LIMIT = 500;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ view?: string | string[]; date?: string | string[] }>;
}) {
  const { org: slug } = await params;
  const sp = await searchParams;
  const user = await requireSessionUser(`/${slug}/calendar`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "posts.view")) notFound();

  // "Today" is the server's (lib/clock) in the org's zone; the browser's clock and zone play no part.
  const today = todayIn(getNow(), org.timezone);
  const view = parseCalendarView(one(sp.view));
  const date = parseCalendarDate(one(sp.date)) ?? today;
  const { from, to } = rangeFor(view, date);
  const { posts } = await listPosts(user.claims, org, { from, to, limit: RANGE_LIMIT });
  const calendarPosts: CalendarPost[] = posts.flatMap((p) =>
    p.scheduledAt
      ? [
          {
            id: p.id,
            title: p.title,
            excerpt: p.excerpt.slice(0, EXCERPT_CHARS),
            status: p.status,
            scheduledAt: p.scheduledAt,
            revision: p.revision,
            accountProblem: p.accountProblem,
          },
        ]
      : [],
  );
  const canSchedule = can(org.role, "posts.schedule");
  const unit = view === "month" ? "month" : "week";

  return (
    <div className="mx-auto grid max-w-7xl gap-4">
      <CalendarToolbar
        org={org.slug}
        view={view}
        date={date}
        today={today}
        timeZone={org.timezone}
      />

      {calendarPosts.length === 0 ? (
        <p
          className="rounded-lg border border-dashed px-4 py-3 text-sm text-muted-foreground"
          data-testid="calendar-empty"
        >
          Nothing scheduled this {unit}
          {can(org.role, "posts.create") ? (
            <>
              {" — "}
              <Link
                href={`/${org.slug}/compose`}
                className="font-medium text-primary underline-offset-4 hover:underline"
              >
                compose a post
              </Link>
            </>
          ) : (
            "."
          )}
        </p>
      ) : null}

      {posts.length >= RANGE_LIMIT ? (
        <p className="text-sm text-muted-foreground">
          Showing the first {RANGE_LIMIT} posts of this {unit}. Switch to the week view to see them
          all.
        </p>
      ) : null}

      <CalendarBoard
        key={`${view}:${date}`}
        org={org.slug}
        timeZone={org.timezone}
        view={view}
        date={date}
        today={today}
        posts={calendarPosts}
        canSchedule={canSchedule}
        helpId="calendar-help"
      />

      <div className="grid gap-2">
        <CalendarLegend />
        <CalendarHelp id="calendar-help" view={view} canSchedule={canSchedule} />
      </div>
    </div>
  );
}
