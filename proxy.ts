// Next 16 proxy (formerly middleware): gives every request an id and a CSP nonce, rate-limits the
// auth forms per address (429 + Retry-After), refreshes the Supabase session cookies, and sends
// signed-out visitors of product pages to the login page.
import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import WebSocket from "ws";
import { getEnv } from "@/lib/env";
import { consumeLimit, retryMessage } from "@/lib/rate-limit";
import { clientIpFrom } from "@/lib/request-ip";

const PUBLIC_PREFIXES = [
  "/login",
  "/signup",
  "/check-email",
  "/forgot-password",
  "/reset-password",
  "/invite/",
  "/auth/",
  "/api/",
  "/dev/",
  "/pricing",
  "/unsubscribe",
  "/share/",
];
const AUTH_FORMS = ["/login", "/signup", "/forgot-password", "/check-email"];
const isPublic = (path: string) =>
  path === "/" || PUBLIC_PREFIXES.some((p) => path === p.replace(/\/$/, "") || path.startsWith(p));

function contentSecurityPolicy(nonce: string): string {
  const env = getEnv();
  const supabase = new URL(env.SUPABASE_URL).origin;
  const isDev = env.NODE_ENV === "development";
  // Connecting an account posts a form that redirects to the network's consent page; profile
  // pictures come from the networks' CDNs (or the local stand-ins).
  const oauth = [env.LINKEDIN_OAUTH_URL, env.X_OAUTH_URL].map((u) => new URL(u).origin).join(" ");
  const avatars = [
    "https://media.licdn.com",
    "https://pbs.twimg.com",
    ...[env.LINKEDIN_API_URL, env.X_API_URL]
      .map((u) => new URL(u).origin)
      .filter((o) => o.startsWith("http://127.0.0.1") || o.startsWith("http://localhost")),
  ].join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${supabase} ${avatars}`,
    "font-src 'self'",
    // The browser uploads files straight to Storage (signed URLs).
    `connect-src 'self' ${supabase}${isDev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Chrome checks redirects after a form post too: "Continue with LinkedIn" goes through Supabase Auth.
    `form-action 'self' ${supabase} ${oauth}`,
    "frame-ancestors 'none'",
    ...(env.APP_URL.startsWith("https://") ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const env = getEnv();
  const path = request.nextUrl.pathname;
  const requestId = request.headers.get("x-request-id") || crypto.randomUUID();

  if (request.method === "POST" && AUTH_FORMS.includes(path)) {
    const limit = await consumeLimit("auth.ip", clientIpFrom(request.headers) ?? "unknown");
    if (!limit.ok) {
      return NextResponse.json(
        { error: { code: "rate_limited", message: retryMessage(limit.retryAfterSeconds) } },
        {
          status: 429,
          headers: { "Retry-After": String(limit.retryAfterSeconds), "x-request-id": requestId },
        },
      );
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const forward = () => {
    const headers = new Headers(request.headers);
    headers.set("x-request-id", requestId);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", csp); // Next reads the nonce from here for its scripts
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
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/health|api/webhooks|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico)$).*)",
  ],
};
