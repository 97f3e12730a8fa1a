import "server-only";
import { sql } from "drizzle-orm";
import { withRls, type JwtClaims } from "@/lib/db/rls";
import { AppError, pgConstraint, pgErrorCode } from "@/lib/errors";
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
    if (pgErrorCode(err) === "23505" && pgConstraint(err) === "organizations_slug_key") {
      throw new AppError("slug_taken", "This address is taken.", {
        fieldErrors: { slug: "This address is taken. Pick another." },
      });
    }
    if (pgErrorCode(err) === "23514" && pgConstraint(err) === "organizations_timezone_check") {
      throw new AppError("validation_failed", "Check the highlighted fields.", {
        fieldErrors: { timezone: "Pick a time zone from the list." },
      });
    }
    throw err;
  }
}
