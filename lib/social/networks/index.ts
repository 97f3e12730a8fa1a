// The configured client of each HTTP network (LinkedIn, X). The Sandbox network has no client: the
// worker records its posts in Postgres in the same transaction that marks them published.
import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createLinkedInClient } from "@/lib/social/networks/linkedin";
import { createXClient } from "@/lib/social/networks/x";
import { networkLabels } from "@/lib/social/labels";
import type { NetworkClient } from "@/lib/social/types";

export type HttpNetwork = "linkedin" | "x";

/** Scopes asked for when connecting, per network and kind of account (PLATFORMS.md). */
export const connectScopes: Record<HttpNetwork, Record<"member" | "organization", string[]>> = {
  linkedin: {
    member: ["openid", "profile", "email", "w_member_social"],
    organization: [
      "openid",
      "profile",
      "w_organization_social",
      "r_organization_social",
      "rw_organization_admin",
    ],
  },
  x: {
    member: ["tweet.read", "tweet.write", "users.read", "offline.access", "media.write"],
    organization: [],
  },
};

/** Whether the deployment has credentials for `network` (the UI says so instead of failing). */
export function isNetworkConfigured(network: HttpNetwork): boolean {
  const env = getEnv();
  return network === "linkedin"
    ? !!(env.LINKEDIN_CLIENT_ID && env.LINKEDIN_CLIENT_SECRET)
    : !!(env.X_CLIENT_ID && env.X_CLIENT_SECRET);
}

const clients = new Map<HttpNetwork, NetworkClient>();

export function getNetworkClient(network: HttpNetwork): NetworkClient {
  const cached = clients.get(network);
  if (cached) return cached;
  const env = getEnv();
  if (!isNetworkConfigured(network))
    throw new AppError(
      "dependency_unavailable",
      `${networkLabels[network]} is not set up on this server (missing app credentials).`,
    );
  const client =
    network === "linkedin"
      ? createLinkedInClient({
          clientId: env.LINKEDIN_CLIENT_ID!,
          clientSecret: env.LINKEDIN_CLIENT_SECRET!,
          apiUrl: env.LINKEDIN_API_URL,
          oauthUrl: env.LINKEDIN_OAUTH_URL,
          apiVersion: env.LINKEDIN_API_VERSION,
          timeoutMs: env.PUBLISH_REQUEST_TIMEOUT_MS,
        })
      : createXClient({
          clientId: env.X_CLIENT_ID!,
          clientSecret: env.X_CLIENT_SECRET!,
          apiUrl: env.X_API_URL,
          oauthUrl: env.X_OAUTH_URL,
          timeoutMs: env.PUBLISH_REQUEST_TIMEOUT_MS,
        });
  clients.set(network, client);
  return client;
}
