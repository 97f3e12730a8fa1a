// Every table in `public`, what `authenticated` may do with it, and how to point at "org A's rows" for
// isolation tests. A new table without an entry here fails tests/integration/database.test.ts.
import type postgres from "postgres";

export type TableSpec = {
  /** Privileges `authenticated` holds (table or column level). Empty for admin-only tables. */
  grants: ("SELECT" | "INSERT" | "UPDATE" | "DELETE")[];
  /** No policy at all: only the owner role (webhooks, worker, seeds) touches it. */
  adminOnly?: boolean;
  /** SQL predicate selecting org A's rows; `$org` and `$user` are org A's id and its owner's id. */
  rowsOfOrg: string;
  /** A column to write in update attempts, with a harmless value. */
  updateSet: string;
  /** An insert that would give org A a new row (must be refused to org B's members). */
  insert: string;
  /** Writes one row of org A owned by `userId` (superuser connection), when org + owner alone make none. */
  seed?: (sql: postgres.Sql, ctx: { orgId: string; userId: string }) => Promise<unknown>;
};

export const TABLES: Record<string, TableSpec> = {
  organizations: {
    grants: ["SELECT", "UPDATE"],
    rowsOfOrg: "id = '$org'",
    updateSet: "name = 'hijacked'",
    insert: "insert into public.organizations (name, slug) values ('x', 'x-hijack')",
  },
  memberships: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org'",
    updateSet: "role = 'viewer'",
    insert:
      "insert into public.memberships (org_id, user_id, role) values ('$org', auth.uid(), 'owner')",
  },
  profiles: {
    grants: ["SELECT", "UPDATE"],
    rowsOfOrg: "id = '$user'",
    updateSet: "full_name = 'hijacked'",
    insert: "insert into public.profiles (id, email) values (gen_random_uuid(), 'x@example.com')",
  },
  activity_log: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org'",
    updateSet: "action = 'org.hijacked'",
    insert:
      "insert into public.activity_log (org_id, actor_id, action, entity_type) values ('$org', '$user', 'org.forged', 'organization')",
  },
  email_log: {
    grants: [],
    adminOnly: true,
    rowsOfOrg: "user_id = '$user'",
    updateSet: "status = 'sent'",
    insert: "insert into public.email_log (template, to_email) values ('welcome', 'x@example.com')",
    seed: (sql, { userId }) =>
      sql`insert into public.email_log (user_id, template, to_email) values (${userId}, 'welcome', 'a@example.com')`,
  },
  invitations: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org'",
    updateSet: "role = 'admin'",
    insert:
      "insert into public.invitations (org_id, email, role, token_hash, expires_at) values ('$org', 'x@example.com', 'admin', 'forged', now() + interval '1 day')",
    seed: (sql, { orgId, userId }) =>
      sql`insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at)
          values (${orgId}, 'invitee@example.com', 'employee', ${"seed-" + orgId}, ${userId}, now() + interval '7 days')`,
  },
};

export const ADMIN_ONLY_TABLES = Object.entries(TABLES)
  .filter(([, spec]) => spec.adminOnly)
  .map(([name]) => name);
