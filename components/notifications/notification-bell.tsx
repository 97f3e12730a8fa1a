"use client";
// The bell in the org header: this org's notifications for the signed-in user, polled every 30 s
// through server actions (TanStack Query calls them as query and mutation functions).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CheckCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { idleState, type ActionState } from "@/lib/actions/state";
import {
  listNotificationsAction,
  markAllReadAction,
  markNotificationReadAction,
} from "@/lib/notifications/actions";
import { formatDateTime, formatRelativeTime, isSafeAppPath } from "@/lib/notifications/format";
import type { NotificationItem, NotificationList } from "@/lib/notifications/queries";
import { cn } from "@/lib/utils";

const POLL_MS = 30_000;

function unwrap<T>(state: ActionState<T>): T {
  if (state.status === "success") return state.data;
  throw new Error(state.status === "error" ? state.message : "No answer");
}

const unreadText = (n: number) => `${n} unread notification${n === 1 ? "" : "s"}`;

export function NotificationBell({ org, timeZone }: { org: string; timeZone: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const queryKey = ["notifications", org] as const;
  // Relative times are computed against a clock that ticks with the polling.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), POLL_MS);
    return () => clearInterval(t);
  }, []);

  const list = useQuery({
    queryKey,
    queryFn: async () => unwrap(await listNotificationsAction(idleState, { org })),
    refetchInterval: POLL_MS,
    staleTime: POLL_MS / 2,
  });

  // Both mutations update the cache at once (the badge must not lag the click), then refetch.
  const setRead = (update: (item: NotificationItem) => boolean) =>
    queryClient.setQueryData<NotificationList>(queryKey, (old) => {
      if (!old) return old;
      let cleared = 0;
      const readAt = new Date().toISOString();
      const items = old.items.map((item) => {
        if (item.readAt || !update(item)) return item;
        cleared++;
        return { ...item, readAt };
      });
      return { items, unread: Math.max(0, old.unread - cleared) };
    });

  const markRead = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await markNotificationReadAction(idleState, { org, id })),
    onMutate: (id) => setRead((item) => item.id === id),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  const markAll = useMutation({
    mutationFn: async () => unwrap(await markAllReadAction(idleState, { org })),
    onMutate: () => setRead(() => true),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });

  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;

  function open(item: NotificationItem) {
    if (!item.readAt) markRead.mutate(item.id);
    if (isSafeAppPath(item.link)) router.push(item.link);
  }

  return (
    <>
      {/* Announced when the count changes (polling included); silent while there is none. */}
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        {unread > 0 ? unreadText(unread) : ""}
      </span>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="icon"
            className="relative"
            aria-label={unread > 0 ? `Notifications, ${unreadText(unread)}` : "Notifications"}
            data-testid="notification-bell"
          >
            <Bell aria-hidden="true" className="size-5" />
            {unread > 0 ? (
              <span
                aria-hidden="true"
                data-testid="notification-count"
                className="absolute top-1 right-1 grid h-4 min-w-4 place-items-center rounded-full bg-destructive px-1 text-[10px] leading-none font-semibold text-destructive-foreground"
              >
                {unread > 99 ? "99+" : unread}
              </span>
            ) : null}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-80 p-0">
          <DropdownMenuLabel className="px-3 py-2">
            Notifications
            {unread > 0 ? (
              <span className="font-normal text-muted-foreground"> · {unread} unread</span>
            ) : null}
          </DropdownMenuLabel>
          <DropdownMenuSeparator className="m-0" />
          {list.isPending ? (
            <div className="flex justify-center p-6">
              <Spinner />
            </div>
          ) : list.isError && !list.data ? (
            <p role="alert" className="p-4 text-sm text-destructive">
              Notifications could not be loaded. We will try again shortly.
            </p>
          ) : items.length === 0 ? (
            <div className="grid justify-items-center gap-1 px-4 py-8 text-center">
              <Bell aria-hidden="true" className="size-6 text-muted-foreground" />
              <p className="text-sm font-medium">You are all caught up</p>
              <p className="text-xs text-muted-foreground">
                Team changes and activity that needs you will show up here.
              </p>
            </div>
          ) : (
            <div className="max-h-96 overflow-y-auto p-1">
              {items.map((item) => (
                <DropdownMenuItem
                  key={item.id}
                  onSelect={() => open(item)}
                  className="items-start gap-3 py-2"
                  data-unread={item.readAt ? undefined : true}
                >
                  <span
                    aria-hidden="true"
                    className={cn(
                      "mt-1.5 size-2 shrink-0 rounded-full",
                      item.readAt ? "bg-transparent" : "bg-primary",
                    )}
                  />
                  <span className="grid min-w-0 gap-0.5">
                    <span className={cn("text-sm", !item.readAt && "font-semibold")}>
                      {item.title}
                      {item.readAt ? null : <span className="sr-only"> (unread)</span>}
                    </span>
                    {item.body ? (
                      <span className="line-clamp-2 text-xs text-muted-foreground">
                        {item.body}
                      </span>
                    ) : null}
                    <time
                      dateTime={item.createdAt}
                      title={formatDateTime(item.createdAt, timeZone)}
                      className="text-xs text-muted-foreground"
                    >
                      {formatRelativeTime(item.createdAt, now, timeZone)}
                    </time>
                  </span>
                </DropdownMenuItem>
              ))}
            </div>
          )}
          {unread > 0 ? (
            <>
              <DropdownMenuSeparator className="m-0" />
              <div className="p-1">
                <DropdownMenuItem
                  onSelect={(e) => {
                    e.preventDefault(); // stay open: the list shows everything read at once
                    markAll.mutate();
                  }}
                >
                  <CheckCheck aria-hidden="true" /> Mark all as read
                </DropdownMenuItem>
              </div>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
