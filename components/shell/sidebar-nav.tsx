"use client";
import {
  BarChart3,
  CalendarDays,
  CheckSquare,
  Coins,
  FolderKanban,
  Image as ImageIcon,
  LayoutDashboard,
  PenSquare,
  Settings,
  Users,
  FileText,
  FlaskConical,
  Gauge,
  History,
  Link2,
  Mic,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import type { OrgRole } from "@/lib/db/schema";
import { can, type Permission } from "@/lib/orgs/permissions";
import { cn } from "@/lib/utils";

type NavItem = {
  label: string;
  path: string;
  icon: typeof Users;
  ready?: boolean;
  permission?: Permission;
};

const items: NavItem[] = [
  { label: "Dashboard", path: "", icon: LayoutDashboard, ready: true },
  { label: "Compose", path: "/compose", ready: true, icon: PenSquare, permission: "posts.create" },
  { label: "Posts", path: "/posts", ready: true, icon: FileText },
  { label: "Calendar", path: "/calendar", ready: true, icon: CalendarDays },
  { label: "Campaigns", path: "/campaigns", ready: true, icon: FolderKanban },
  { label: "Media", path: "/media", ready: true, icon: ImageIcon },
  { label: "Accounts", path: "/accounts", icon: Link2, ready: true, permission: "accounts.view" },
  { label: "Voice", path: "/voice", icon: Mic, ready: true, permission: "voice.edit_own" },
  { label: "Sandbox", path: "/sandbox", icon: FlaskConical, ready: true },
  { label: "Review", path: "/review", icon: CheckSquare, ready: true, permission: "posts.view" },
  { label: "Analytics", path: "/analytics", icon: BarChart3 },
  { label: "Team", path: "/members", icon: Users, ready: true },
  { label: "Activity", path: "/activity", icon: History, ready: true, permission: "activity.view" },
  {
    label: "Publishing",
    path: "/publishing",
    icon: Gauge,
    ready: true,
    permission: "publishing.health",
  },
  { label: "Credits", path: "/credits", icon: Coins, ready: true, permission: "credits.ledger" },
  { label: "Settings", path: "/settings", icon: Settings, ready: true },
];

export function SidebarNav({ slug, role }: { slug: string; role: OrgRole }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="grid gap-1 text-sm">
      {items
        .filter((i) => !i.permission || can(role, i.permission))
        .map(({ label, path, icon: Icon, ready }) => {
          const href = `/${slug}${path}`;
          const isActive = pathname === href || (path !== "" && pathname.startsWith(`${href}/`));
          const body = (
            <>
              <Icon aria-hidden="true" className="size-4" />
              <span className="flex-1">{label}</span>
              {!ready ? (
                <Badge variant="outline" className="text-[10px] font-normal">
                  Soon
                </Badge>
              ) : null}
            </>
          );
          const cls = "flex items-center gap-3 rounded-md px-3 py-2";
          return ready ? (
            <Link
              key={label}
              href={href}
              aria-current={isActive ? "page" : undefined}
              className={cn(
                cls,
                isActive
                  ? "bg-sidebar-accent font-medium text-sidebar-accent-foreground"
                  : "text-sidebar-foreground/80 hover:bg-sidebar-accent/60",
              )}
            >
              {body}
            </Link>
          ) : (
            <span
              key={label}
              aria-disabled="true"
              title={`${label} is on its way`}
              className={cn(cls, "cursor-not-allowed text-sidebar-foreground/50")}
            >
              {body}
            </span>
          );
        })}
    </nav>
  );
}
