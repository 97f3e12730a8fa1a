import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarDays, CheckCircle2, Circle, PenSquare, Plug, Users } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSessionUser } from "@/lib/auth/session";
import { can, roleLabels } from "@/lib/orgs/permissions";
import { getDashboard, getMyOrgBySlug } from "@/lib/orgs/queries";

export const metadata: Metadata = { title: "Dashboard" };

type Step = { label: string; done: boolean; icon: typeof Plug; note?: string; href?: string };
const steps: Step[] = [
  { label: "Create your organization", done: true, icon: CheckCircle2 },
  {
    label: "Connect a LinkedIn account or the Sandbox network",
    done: false,
    icon: Plug,
    href: "/accounts",
  },
  { label: "Invite your team", done: false, icon: Users, href: "/members" },
  {
    label: "Write and schedule your first post",
    done: false,
    icon: PenSquare,
    href: "/compose",
  },
];

function formatInZone(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
}

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org) notFound();
  const dashboard = await getDashboard(user, org.id);

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{org.name}</h1>
        <p className="text-sm text-muted-foreground">
          You are{" "}
          {roleLabels[org.role].toLowerCase() === "owner"
            ? "the owner"
            : `a ${roleLabels[org.role].toLowerCase()}`}{" "}
          · {dashboard.members} {dashboard.members === 1 ? "member" : "members"}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Get started</CardTitle>
            <CardDescription>What it takes to publish your first post.</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-3 text-sm">
              {steps.map((step) => {
                // Inviting is done once someone else is in; only those who may invite get the link.
                const s =
                  step.href === "/members"
                    ? {
                        ...step,
                        done: dashboard.members > 1,
                        href: can(org.role, "members.invite") ? step.href : undefined,
                      }
                    : step.href === "/accounts"
                      ? { ...step, done: dashboard.myAccounts > 0 }
                      : step.href === "/compose"
                        ? {
                            ...step,
                            done: dashboard.postsScheduled > 0,
                            href: can(org.role, "posts.create") ? step.href : undefined,
                          }
                        : step;
                return (
                  <li key={s.label} className="flex items-start gap-3">
                    {s.done ? (
                      <CheckCircle2 aria-label="done" className="mt-0.5 size-4 text-success" />
                    ) : (
                      <Circle aria-label="to do" className="mt-0.5 size-4 text-muted-foreground" />
                    )}
                    <span className="grid">
                      {s.href && !s.done ? (
                        <Link
                          href={`/${org.slug}${s.href}`}
                          className="text-primary underline-offset-4 hover:underline"
                        >
                          {s.label}
                        </Link>
                      ) : (
                        <span className={s.done ? "text-muted-foreground line-through" : ""}>
                          {s.label}
                        </span>
                      )}
                      {s.note ? (
                        <span className="text-xs text-muted-foreground">{s.note}</span>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ol>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Upcoming posts</CardTitle>
          </CardHeader>
          <CardContent>
            {dashboard.upcoming.length === 0 ? (
              <EmptyState
                icon={CalendarDays}
                title="Nothing scheduled yet"
                description="Scheduled posts will appear here with their time in your organization's zone."
                headingLevel="h3"
              />
            ) : (
              <ul className="grid gap-3 text-sm" data-testid="upcoming-posts">
                {dashboard.upcoming.map((p) => (
                  <li key={p.id} className="grid gap-0.5">
                    <Link
                      href={`/${org.slug}/posts/${p.id}`}
                      className="truncate font-medium text-primary underline-offset-4 hover:underline"
                    >
                      {p.title?.trim() || p.excerpt.split("\n")[0] || "Untitled post"}
                    </Link>
                    <time dateTime={p.scheduledAt} className="text-xs text-muted-foreground">
                      {formatInZone(p.scheduledAt, org.timezone)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      {can(org.role, "activity.view") ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Recent activity</CardTitle>
          </CardHeader>
          <CardContent>
            {dashboard.activity.length === 0 ? (
              <p className="text-sm text-muted-foreground">No activity yet.</p>
            ) : (
              <ul className="grid gap-2 text-sm" data-testid="recent-activity">
                {dashboard.activity.map((a, i) => (
                  <li key={i} className="flex justify-between gap-4">
                    <span>
                      <span className="font-medium">{a.actor ?? "Someone"}</span> ·{" "}
                      {a.action.replace(".", " ").replaceAll("_", " ")}
                    </span>
                    <time
                      dateTime={new Date(a.createdAt).toISOString()}
                      className="text-muted-foreground"
                    >
                      {formatInZone(a.createdAt, org.timezone)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
