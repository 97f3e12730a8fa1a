// A Supabase client per request, with the session in cookies (@supabase/ssr). Server-only: supabase-js
// never reaches a client bundle.
import "server-only";
import { createServerClient } from "@supabase/ssr";
import { cookies } from "next/headers";
import WebSocket from "ws";
import { getEnv } from "@/lib/env";

export async function createSupabaseServerClient() {
  // cookies() first: it marks the route dynamic before anything reads configuration.
  const cookieStore = await cookies();
  const env = getEnv();
  return createServerClient(env.SUPABASE_URL, env.SUPABASE_PUBLISHABLE_KEY, {
    cookies: {
      getAll: () => cookieStore.getAll(),
      setAll(list) {
        try {
          for (const { name, value, options } of list) cookieStore.set(name, value, options);
        } catch {
          // Server components cannot set cookies; proxy.ts refreshes the session for them.
        }
      },
    },
    // Node 20 has no global WebSocket; supabase-js's realtime client needs one to construct.
    realtime: { transport: WebSocket as never },
  });
}
