// Where an org's own AI provider may live. The server calls that address with the org's key, so an
// admin must not be able to aim it at the deployment's private network (cloud metadata, internal
// services): in production, loopback, private, link-local and unique-local hosts are refused unless
// the deployment allows them (a self-hosted Ollama next to the app). A host name that resolves to a
// private address is not caught here; the allow-list of the egress network is the second line.
import { isIP } from "node:net";

const privateV4 = [
  /^0\./,
  /^10\./,
  /^127\./,
  /^169\.254\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^192\.168\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./,
];

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal"))
    return true;
  if (isIP(host) === 4) return privateV4.some((r) => r.test(host));
  if (isIP(host) === 6)
    return (
      host === "::1" ||
      host === "::" ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      /^::ffff:/.test(host)
    );
  return false;
}

/** Why the server will not call `url` for an org's provider, or null. */
export function providerUrlProblem(url: string, allowPrivate: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Give a full address starting with https://.";
  }
  if (!/^https?:$/.test(parsed.protocol)) return "The address must start with https://.";
  if (parsed.username || parsed.password)
    return "Put the key in the key field, not in the address.";
  if (!allowPrivate && isPrivateHost(parsed.hostname))
    return "That address is on a private network, which this server does not call. Use the provider's public address.";
  return null;
}
