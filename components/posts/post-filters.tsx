"use client";
import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Check, ChevronDown, Loader2, Search, X } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { postStatusColors } from "@/components/posts/post-status-badge";
import { networkName } from "@/components/posts/post-row-view";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  NativeSelect,
  NativeSelectOptGroup,
  NativeSelectOption,
} from "@/components/ui/native-select";
import { postStatuses, targetNetworks, type PostStatus } from "@/lib/posts/constants";
import { cn } from "@/lib/utils";

const SEARCH_DEBOUNCE_MS = 300;

type Props = {
  campaigns: { id: string; name: string; archived: boolean }[];
  members: { id: string; name: string }[];
  timeZone: string;
};

/**
 * The list's filters, kept in the URL (a filtered list can be shared and survives a reload). Every
 * change replaces the URL at once, the search box after a pause in typing; the page reloads its
 * first page on the server.
 */
export function PostFilters({ campaigns, members, timeZone }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  const statuses = params
    .getAll("status")
    .filter((s): s is PostStatus => (postStatuses as readonly string[]).includes(s));
  const urlQ = params.get("q") ?? "";
  const [q, setQ] = useState(urlQ);
  // The value this component last put in the URL: a different one came from outside (Clear filters,
  // back button) and replaces what is in the box.
  const pushedQ = useRef(urlQ);
  useEffect(() => {
    if (urlQ !== pushedQ.current) {
      pushedQ.current = urlQ;
      setQ(urlQ);
    }
  }, [urlQ]);

  function navigate(change: (next: URLSearchParams) => void) {
    // The URL as it is now (a debounced search may fire after other filters changed).
    const next = new URLSearchParams(window.location.search);
    change(next);
    next.delete("cursor");
    const qs = next.toString();
    startTransition(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  const setParam = (key: string, value: string) =>
    navigate((next) => (value ? next.set(key, value) : next.delete(key)));

  function toggleStatus(status: PostStatus) {
    const chosen = statuses.includes(status)
      ? statuses.filter((s) => s !== status)
      : [...statuses, status];
    navigate((next) => {
      next.delete("status");
      for (const s of postStatuses) if (chosen.includes(s)) next.append("status", s);
    });
  }

  // Debounced search: the URL follows the box after a pause.
  useEffect(() => {
    const value = q.trim();
    if (value === (pushedQ.current ?? "").trim()) return;
    const timer = setTimeout(() => {
      pushedQ.current = value;
      setParam("q", value);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setParam reads the URL when it fires
  }, [q]);

  const statusSummary =
    statuses.length === 0
      ? "All but archived"
      : statuses.length === 1
        ? postStatusColors[statuses[0]!].label
        : `${statuses.length} statuses`;
  const activeCampaigns = campaigns.filter((c) => !c.archived);
  const archivedCampaigns = campaigns.filter((c) => c.archived);

  return (
    <div
      role="search"
      aria-label="Filter posts"
      className="flex flex-wrap items-end gap-3"
      data-pending={pending || undefined}
    >
      <div className="grid min-w-56 flex-1 gap-1">
        <Label htmlFor="f-q">Search</Label>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="f-q"
            type="search"
            aria-label="Search posts"
            placeholder='Words, "a phrase", -leave out'
            maxLength={200}
            autoComplete="off"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                pushedQ.current = q.trim();
                setParam("q", q.trim());
              }
            }}
            className="pl-9"
          />
        </div>
      </div>

      <div className="grid gap-1">
        <span className="text-sm leading-none font-medium" id="f-status-label">
          Status
        </span>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="outline"
              className="w-48 justify-between font-normal"
              aria-labelledby="f-status-label f-status-value"
            >
              <span id="f-status-value" className="truncate">
                {statusSummary}
              </span>
              <ChevronDown aria-hidden="true" className="text-muted-foreground" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="w-56">
            {postStatuses.map((s) => (
              <DropdownMenuPrimitive.CheckboxItem
                key={s}
                checked={statuses.includes(s)}
                onCheckedChange={() => toggleStatus(s)}
                // Keep the menu open to pick several.
                onSelect={(e) => e.preventDefault()}
                className="relative flex cursor-default items-center gap-2 rounded-sm py-1.5 pr-2 pl-8 text-sm outline-hidden select-none focus:bg-accent focus:text-accent-foreground"
              >
                <span className="absolute left-2 flex size-4 items-center justify-center">
                  <DropdownMenuPrimitive.ItemIndicator>
                    <Check aria-hidden="true" className="size-4" />
                  </DropdownMenuPrimitive.ItemIndicator>
                </span>
                <span
                  aria-hidden="true"
                  className={cn("size-2 rounded-full", postStatusColors[s].dotClassName)}
                />
                {postStatusColors[s].label}
              </DropdownMenuPrimitive.CheckboxItem>
            ))}
            {statuses.length ? (
              <>
                <DropdownMenuPrimitive.Separator className="-mx-1 my-1 h-px bg-border" />
                <DropdownMenuPrimitive.Item
                  onSelect={() => navigate((next) => next.delete("status"))}
                  className="flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-hidden select-none focus:bg-accent"
                >
                  <X aria-hidden="true" className="size-4" /> Any status but archived
                </DropdownMenuPrimitive.Item>
              </>
            ) : null}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>

      <div className="grid gap-1">
        <Label htmlFor="f-campaign">Campaign</Label>
        <NativeSelect
          id="f-campaign"
          value={params.get("campaign") ?? ""}
          onChange={(e) => setParam("campaign", e.target.value)}
          wrapperClassName="w-48"
        >
          <NativeSelectOption value="">Any campaign</NativeSelectOption>
          {activeCampaigns.map((c) => (
            <NativeSelectOption key={c.id} value={c.id}>
              {c.name}
            </NativeSelectOption>
          ))}
          {archivedCampaigns.length ? (
            <NativeSelectOptGroup label="Archived">
              {archivedCampaigns.map((c) => (
                <NativeSelectOption key={c.id} value={c.id}>
                  {c.name}
                </NativeSelectOption>
              ))}
            </NativeSelectOptGroup>
          ) : null}
        </NativeSelect>
      </div>

      <div className="grid gap-1">
        <Label htmlFor="f-author">Author</Label>
        <NativeSelect
          id="f-author"
          value={params.get("author") ?? ""}
          onChange={(e) => setParam("author", e.target.value)}
          wrapperClassName="w-44"
        >
          <NativeSelectOption value="">Anyone</NativeSelectOption>
          {members.map((m) => (
            <NativeSelectOption key={m.id} value={m.id}>
              {m.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>

      <div className="grid gap-1">
        <Label htmlFor="f-network">Network</Label>
        <NativeSelect
          id="f-network"
          value={params.get("network") ?? ""}
          onChange={(e) => setParam("network", e.target.value)}
          wrapperClassName="w-36"
        >
          <NativeSelectOption value="">Any network</NativeSelectOption>
          {targetNetworks.map((n) => (
            <NativeSelectOption key={n} value={n}>
              {networkName(n)}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>

      <div className="grid gap-1">
        <Label htmlFor="f-from">Scheduled from</Label>
        <Input
          id="f-from"
          type="date"
          value={params.get("from") ?? ""}
          max={params.get("to") || undefined}
          onChange={(e) => setParam("from", e.target.value)}
          className="w-40"
          aria-describedby="f-dates-zone"
        />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="f-to">to</Label>
        <Input
          id="f-to"
          type="date"
          value={params.get("to") ?? ""}
          min={params.get("from") || undefined}
          onChange={(e) => setParam("to", e.target.value)}
          className="w-40"
          aria-describedby="f-dates-zone"
        />
      </div>
      <p id="f-dates-zone" className="sr-only">
        Days in {timeZone.replaceAll("_", " ")}.
      </p>
      <span aria-live="polite" className="flex h-9 items-center">
        {pending ? (
          <>
            <Loader2 aria-hidden="true" className="size-4 animate-spin text-muted-foreground" />
            <span className="sr-only">Updating the list…</span>
          </>
        ) : null}
      </span>
    </div>
  );
}
