// Next 16 proxy (formerly middleware): gives every request an id, refreshes the Supabase session
// cookies, and sends signed-out visitors of product pages to the login page.
import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import WebSocket from "ws";
import { getEnv } from "@/lib/env";

const PUBLIC_PREFIXES = [
  "/login",
  "/signup",
  "/check-email",
  "/forgot-password",
  "/reset-password",
  "/auth/",
  "/api/",
  "/dev/",
  "/pricing",
];
const isPublic = (path: string) =>
  path === "/" || PUBLIC_PREFIXES.some((p) => path === p.replace(/\/$/, "") || path.startsWith(p));

export async function proxy(request: NextRequest) {
  const env = getEnv();
  const requestId = request.headers.get("x-request-id") || crypto.randomUUID();
  const forward = () => {
    const headers = new Headers(request.headers);
    headers.set("x-request-id", requestId);
    return NextResponse.next({ request: { headers } });
  };
  let response = forward();

  const supabase = createServerClient(env.SUPABASE_URL, env.SUPABASE_PUBLISHABLE_KEY, {
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll(list) {
        for (const { name, value } of list) request.cookies.set(name, value);
        response = forward();
        for (const { name, value, options } of list) response.cookies.set(name, value, options);
      },
    },
    realtime: { transport: WebSocket as never },
  });

  // getClaims verifies the token (refreshing it first when expired); never trust the cookie as is.
  const { data } = await supabase.auth.getClaims();
  const path = request.nextUrl.pathname;
  if (!data?.claims && !isPublic(path)) {
    const login = request.nextUrl.clone();
    login.pathname = "/login";
    login.search = "";
    login.searchParams.set("next", `${path}${request.nextUrl.search}`);
    const redirect = NextResponse.redirect(login);
    for (const c of response.cookies.getAll()) redirect.cookies.set(c);
    redirect.headers.set("x-request-id", requestId);
    return redirect;
  }
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/health|api/webhooks|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico)$).*)",
  ],
};
