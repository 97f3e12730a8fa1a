import "server-only";
import { sql } from "drizzle-orm";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { mapOrgWriteError } from "@/lib/orgs/org-write-errors";
import type { CreateOrgInput } from "@/lib/orgs/schemas";

/** Creates an org with the caller as owner (app.create_organization also writes the audit entry). */
export async function createOrganization(
  claims: JwtClaims,
  input: CreateOrgInput,
  requestId: string | null = null,
): Promise<{ id: string; slug: string }> {
  try {
    const rows = await withRls(claims, (tx) =>
      tx.execute<{ id: string; slug: string }>(
        sql`select id, slug from app.create_organization(${input.name}, ${input.slug}, ${input.timezone}, ${requestId})`,
      ),
    );
    return [...rows][0]!;
  } catch (err) {
    throw mapOrgWriteError(err);
  }
}
