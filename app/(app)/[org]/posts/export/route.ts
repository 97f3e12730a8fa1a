// GET /[org]/posts/export?<the list's filters> — the matching posts as a CSV file (lib/posts/csv.ts),
// read as the caller through RLS (an employee exports only the posts they can see), at most
// POSTS_EXPORT_MAX rows, most recently changed first.
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { createLogger } from "@/lib/logger";
import { can } from "@/lib/orgs/permissions";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { CSV_CONTENT_TYPE, postsCsv, postsCsvFileName } from "@/lib/posts/csv";
import { exportPosts, POSTS_EXPORT_MAX } from "@/lib/posts/queries";
import { listPostsFilters } from "@/lib/posts/schemas";
import { getRequestMeta } from "@/lib/request";
import { getNow } from "@/lib/clock";

const error = (status: number, code: string, message: string, requestId: string) =>
  NextResponse.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "no-store", "x-request-id": requestId } },
  );

/** The filters of the list page from the query string (repeated `status`). */
function filtersOf(params: URLSearchParams) {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = key === "status" ? all : all[0]!;
  }
  const { cursor: _cursor, limit: _limit, ...filters } = listPostsFilters.parse(raw);
  return filters;
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ org: string }> }) {
  const { requestId } = await getRequestMeta();
  const log = createLogger({ requestId });
  const { org: slug } = await params;
  const user = await getSessionUser();
  if (!user) return error(401, "unauthenticated", "Log in to export posts.", requestId);
  const org = await getMyOrgBySlug(user, slug);
  if (!org || !can(org.role, "posts.view"))
    return error(
      404,
      "not_found",
      "This organization does not exist or you are not a member.",
      requestId,
    );
  try {
    const filters = filtersOf(request.nextUrl.searchParams);
    const { posts, truncated } = await exportPosts(user.claims, org, filters, POSTS_EXPORT_MAX);
    log.info("posts exported", { userId: user.id, orgId: org.id, rows: posts.length, truncated });
    const fileName = postsCsvFileName(org.slug, getNow(), org.timezone);
    return new Response(postsCsv(posts, org.timezone), {
      headers: {
        "Content-Type": CSV_CONTENT_TYPE,
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "x-request-id": requestId,
        // More posts matched than one file holds: narrow the filters for the rest.
        "X-Export-Truncated": truncated ? "true" : "false",
      },
    });
  } catch (err) {
    log.error("posts export failed", { err, orgId: org.id });
    return error(
      500,
      "internal",
      `Could not export the posts. Please try again (reference ${requestId.slice(0, 8)}).`,
      requestId,
    );
  }
}
