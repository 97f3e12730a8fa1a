"use client";
// The media library as a TanStack Query, shared by the library page and the picker: one cache entry
// per (org, search, kind); uploads, alt text edits and deletes update it in place and refetch.
import {
  keepPreviousData,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { idleState, type ActionState } from "@/lib/actions/state";
import { listMediaAction } from "@/lib/media/media-actions";
import type { MediaKind, MediaLibraryItem } from "@/lib/media/media-rules";

export type MediaFilter = { q?: string; kind?: MediaKind };

/** Every cached list of the org starts with this. */
export const mediaQueryPrefix = (org: string) => ["media-library", org] as const;

export const mediaQueryKey = (org: string, filter: MediaFilter) =>
  [...mediaQueryPrefix(org), filter.q?.trim() ?? "", filter.kind ?? "all"] as const;

function unwrap<T>(state: ActionState<T>): T {
  if (state.status === "success") return state.data;
  throw new Error(state.status === "error" ? state.message : "No answer from the server.");
}

export function useMediaLibrary(
  org: string,
  filter: MediaFilter,
  initial?: { filter: MediaFilter; items: MediaLibraryItem[] },
) {
  const key = mediaQueryKey(org, filter);
  const initialKey = initial ? mediaQueryKey(org, initial.filter) : null;
  const isInitial = !!initialKey && initialKey.join("\u0000") === key.join("\u0000");
  return useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await listMediaAction(idleState, {
          org,
          q: filter.q?.trim() || undefined,
          kind: filter.kind,
        }),
      ),
    initialData: isInitial ? initial!.items : undefined,
    // Signed URLs last an hour: a list older than that is refetched before it is shown again.
    staleTime: 5 * 60_000,
    gcTime: 30 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Puts a new file at the top of the cached lists it belongs in (no search, its kind or all). */
export function addToMediaLists(client: QueryClient, org: string, item: MediaLibraryItem) {
  for (const [key, items] of client.getQueriesData<MediaLibraryItem[]>({
    queryKey: mediaQueryPrefix(org),
  })) {
    const [, , q, kind] = key as ReturnType<typeof mediaQueryKey>;
    if (!items || q !== "" || (kind !== "all" && kind !== item.kind)) continue;
    if (items.some((i) => i.id === item.id)) continue;
    client.setQueryData<MediaLibraryItem[]>(key, [item, ...items]);
  }
}

/** Applies `update` to every cached list of the org (optimistic; a refetch follows). */
export function updateMediaLists(
  client: QueryClient,
  org: string,
  update: (items: MediaLibraryItem[]) => MediaLibraryItem[],
) {
  client.setQueriesData<MediaLibraryItem[]>({ queryKey: mediaQueryPrefix(org) }, (old) =>
    old ? update(old) : old,
  );
}

export function useInvalidateMedia(org: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: mediaQueryPrefix(org) });
}
