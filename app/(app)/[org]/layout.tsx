import { notFound } from "next/navigation";
import { Logo } from "@/components/brand/logo";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { requireSessionUser } from "@/lib/auth/session";
import { roleLabels } from "@/lib/orgs/permissions";
import { listMyOrgs } from "@/lib/orgs/queries";
import { getMyProfile } from "@/lib/orgs/profile";

export default async function OrgLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ org: string }>;
}) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}`);
  const orgs = await listMyOrgs(user);
  const org = orgs.find((o) => o.slug === slug);
  // Another org's URL (or a deleted one) looks exactly like one that does not exist.
  if (!org) notFound();
  const profile = await getMyProfile(user);

  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 rounded-md bg-background px-3 py-2 text-sm"
      >
        Skip to content
      </a>
      <aside className="hidden w-64 shrink-0 flex-col gap-4 border-r bg-sidebar p-3 md:flex">
        <Logo href="/app" className="px-2 pt-1" />
        <OrgSwitcher current={org} orgs={orgs} />
        <SidebarNav slug={org.slug} role={org.role} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-3 border-b px-4">
          <div className="md:hidden">
            <OrgSwitcher current={org} orgs={orgs} />
          </div>
          <p className="hidden text-sm text-muted-foreground md:block">
            Times shown in{" "}
            <span className="font-medium text-foreground">{org.timezone.replaceAll("_", " ")}</span>
          </p>
          <div className="flex items-center gap-1">
            <NotificationBell org={org.slug} timeZone={org.timezone} />
            <UserMenu
              email={user.email}
              name={profile?.fullName ?? null}
              roleLabel={roleLabels[org.role]}
            />
          </div>
        </header>
        <main id="main" className="flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
