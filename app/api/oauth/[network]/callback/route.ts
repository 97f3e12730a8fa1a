// GET /api/oauth/<linkedin|x>/callback?code&state (or ?error): where the network sends the browser
// back. Finishes the connection and returns to the Accounts page with a message.
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getRequestMeta } from "@/lib/request";
import { completeConnect } from "@/lib/social/oauth";

export async function GET(request: NextRequest, ctx: { params: Promise<{ network: string }> }) {
  const { network } = await ctx.params;
  const appUrl = getEnv().APP_URL;
  if (network !== "linkedin" && network !== "x")
    return NextResponse.json(
      { error: { code: "not_found", message: "Unknown network." } },
      { status: 404 },
    );
  const user = await getSessionUser();
  if (!user) {
    const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    return NextResponse.redirect(new URL(`/login?next=${encodeURIComponent(next)}`, appUrl), 303);
  }
  const meta = await getRequestMeta();
  const result = await completeConnect(user.claims, network, request.nextUrl.searchParams, meta);
  const url = new URL(result.returnTo, appUrl);
  url.searchParams.set("oauth", result.ok ? "ok" : "error");
  url.searchParams.set("message", result.message);
  return NextResponse.redirect(url, 303);
}
