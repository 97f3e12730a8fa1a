// /api/unsubscribe?token=… — the List-Unsubscribe URL of non-essential emails.
// POST is RFC 8058 one-click: the mail provider posts `List-Unsubscribe=One-Click` with no cookies;
// the signed token is the credential (lib/notifications/unsubscribe.ts). A GET never changes anything
// (mail scanners and link previewers follow links): it sends people to the confirmation page.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { applyUnsubscribe } from "@/lib/notifications/unsubscribe";

export async function POST(request: NextRequest) {
  try {
    const done = await applyUnsubscribe(request.nextUrl.searchParams.get("token"));
    if (!done) return new NextResponse("Invalid unsubscribe link", { status: 400 });
    logger.info("unsubscribed by one-click", { userId: done.userId, category: done.category });
    return new NextResponse(null, { status: 200 });
  } catch (err) {
    logger.error("one-click unsubscribe failed", { err });
    return new NextResponse("Could not unsubscribe, try again later", { status: 500 });
  }
}

export function GET(request: NextRequest) {
  const page = new URL("/unsubscribe", getEnv().APP_URL);
  const token = request.nextUrl.searchParams.get("token");
  if (token) page.searchParams.set("token", token);
  return NextResponse.redirect(page, 303);
}
