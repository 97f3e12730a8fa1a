// Key rotation, finished: tokens still sealed under an older key id are re-encrypted under the
// current one by a sweep, so an old key can be removed once nothing uses it — whether or not the
// account's token is ever refreshed (LinkedIn tokens without a refresh token never are).
import "server-only";
import { sql } from "drizzle-orm";
import { adminExecute } from "@/lib/db/admin";
import { decryptToken, encryptToken, tokenKeyId, type KeyRing } from "@/lib/social/crypto";
import { contextOf, getKeyRing, type AccountIdentity } from "@/lib/social/tokens";

type Row = AccountIdentity & {
  id: string;
  accessTokenEnc: string | null;
  refreshTokenEnc: string | null;
};

/** Re-encrypts up to `limit` accounts' tokens under the current key. Returns how many it rewrote. */
export async function rekeyTokens(ring: KeyRing = getKeyRing(), limit = 200): Promise<number> {
  // Values under an older key this ring still has (a value whose key is gone cannot be rewritten:
  // publishing reports it, and the member reconnects).
  const older = `{${[...ring.keys.keys()].filter((id) => id !== ring.currentId).join(",")}}`;
  if (older === "{}") return 0;
  const rows = await adminExecute<Row>(sql`
    select id, org_id as "orgId", network, kind, external_id as "externalId",
           access_token_enc as "accessTokenEnc", refresh_token_enc as "refreshTokenEnc"
      from public.social_accounts
     where split_part(access_token_enc, '.', 2) = any (${older}::text[])
        or split_part(refresh_token_enc, '.', 2) = any (${older}::text[])
     limit ${limit}`);
  let rewritten = 0;
  for (const row of rows) {
    const again = (value: string | null, column: "access" | "refresh") => {
      if (value === null || tokenKeyId(value) === ring.currentId) return value;
      if (!ring.keys.has(tokenKeyId(value) ?? "")) return value;
      const context = contextOf(row, column);
      return encryptToken(ring, decryptToken(ring, value, context), context);
    };
    let access: string | null;
    let refresh: string | null;
    try {
      access = again(row.accessTokenEnc, "access");
      refresh = again(row.refreshTokenEnc, "refresh");
    } catch {
      continue; // does not decrypt under its own key: left for publishing to report
    }
    if (access === row.accessTokenEnc && refresh === row.refreshTokenEnc) continue;
    // Only if nothing rewrote the tokens meanwhile (a refresh or a reconnect wins).
    const updated = await adminExecute(sql`
      update public.social_accounts
         set access_token_enc = ${access}, refresh_token_enc = ${refresh}
       where id = ${row.id}
         and access_token_enc is not distinct from ${row.accessTokenEnc}
         and refresh_token_enc is not distinct from ${row.refreshTokenEnc}
      returning id`);
    rewritten += updated.length;
  }
  return rewritten;
}
