// POST /api/oauth/<linkedin|x>/start (form: org, kind): sends the browser to the network's consent
// page. POST (from the Accounts page's form, same origin checked) so a prefetch or a crawler never
// starts a connection.
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getMyOrgBySlug } from "@/lib/orgs/queries";
import { startConnect } from "@/lib/social/oauth";

const back = (path: string, message: string) => {
  const url = new URL(path, getEnv().APP_URL);
  url.searchParams.set("oauth", "error");
  url.searchParams.set("message", message);
  return NextResponse.redirect(url, 303);
};

export async function POST(request: NextRequest, ctx: { params: Promise<{ network: string }> }) {
  const { network } = await ctx.params;
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(getEnv().APP_URL).origin)
    return NextResponse.json(
      { error: { code: "forbidden", message: "Cross-site request refused." } },
      { status: 403 },
    );
  if (network !== "linkedin" && network !== "x")
    return NextResponse.json(
      { error: { code: "not_found", message: "Unknown network." } },
      { status: 404 },
    );
  const form = await request.formData().catch(() => null);
  const slug = String(form?.get("org") ?? "");
  const kind = form?.get("kind") === "organization" ? "organization" : "member";
  const user = await getSessionUser();
  if (!user)
    return NextResponse.redirect(new URL(`/login?next=/${slug}/accounts`, getEnv().APP_URL), 303);
  const org = slug ? await getMyOrgBySlug(user, slug) : null;
  if (!org)
    return NextResponse.json(
      {
        error: {
          code: "not_found",
          message: "This organization does not exist or you are not a member.",
        },
      },
      { status: 404 },
    );
  const returnTo = `/${org.slug}/accounts`;
  try {
    const url = await startConnect(user.claims, { orgId: org.id, network, kind, returnTo });
    return NextResponse.redirect(url, 303);
  } catch (err) {
    if (isAppError(err)) return back(returnTo, err.message);
    logger.error("oauth start failed", { err, network });
    return back(returnTo, "Connecting failed on our side. Try again in a minute.");
  }
}
