// The client's address from the request headers (set by Vercel or the reverse proxy in front of us).
import { isIP } from "node:net";

export function clientIpFrom(headers: { get(name: string): string | null }): string | null {
  const candidate =
    headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || "";
  return isIP(candidate) ? candidate : null;
}
