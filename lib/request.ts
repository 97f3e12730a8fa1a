// Request metadata for logs and the audit trail. proxy.ts assigns x-request-id to every request.
import "server-only";
import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { clientIpFrom } from "@/lib/request-ip";

export async function getRequestMeta(): Promise<{
  requestId: string;
  ip: string | null;
  origin: string | null;
  host: string | null;
}> {
  const h = await headers();
  return {
    requestId: h.get("x-request-id") ?? randomUUID(),
    ip: clientIpFrom(h),
    origin: h.get("origin"),
    host: h.get("x-forwarded-host") ?? h.get("host"),
  };
}
