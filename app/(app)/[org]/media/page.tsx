import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MediaLibraryView } from "@/components/media/media-library-view";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSessionUser } from "@/lib/auth/session";
import { createLogger } from "@/lib/logger";
import { listMediaInput, listMediaLibrary } from "@/lib/media/media-library";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";

export const metadata: Metadata = { title: "Media" };

export default async function MediaPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: slug } = await params;
  const user = await requireSessionUser(`/${slug}/media`);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "media.view")) notFound();
  const sp = await searchParams;
  // From the URL: a bad value is ignored, not an error.
  const filters = listMediaInput.parse({
    org: slug,
    q: typeof sp.q === "string" ? sp.q : undefined,
    kind: sp.kind,
  });
  const log = createLogger({ userId: user.id, orgId: org.id });
  const items = await listMediaLibrary(
    user.claims,
    org.id,
    { q: filters.q, kind: filters.kind },
    log,
  );

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Media</h1>
        <p className="text-sm text-muted-foreground">
          Images and PDF documents for {org.name}&apos;s posts. Times in{" "}
          {org.timezone.replaceAll("_", " ")}.
        </p>
      </div>
      {org.role === "viewer" ? (
        <Alert data-testid="media-read-only">
          <AlertDescription>
            You are a viewer here, so you can see the library but not change it.
          </AlertDescription>
        </Alert>
      ) : org.role === "employee" ? (
        <Alert>
          <AlertDescription>
            You see the files you uploaded and the ones on your posts. You can describe and delete
            the files you uploaded.
          </AlertDescription>
        </Alert>
      ) : null}
      <MediaLibraryView
        org={{ slug: org.slug, timezone: org.timezone }}
        role={org.role}
        userId={user.id}
        initial={{ q: filters.q ?? "", kind: filters.kind, items }}
      />
    </div>
  );
}
