// Every table in `public`, what `authenticated` may do with it, and how to point at "org A's rows" for
// isolation tests. A new table without an entry here fails tests/integration/database.test.ts.
import type postgres from "postgres";

export type TableSpec = {
  /** Privileges `authenticated` holds (table or column level). Empty for admin-only tables. */
  grants: ("SELECT" | "INSERT" | "UPDATE" | "DELETE")[];
  /** No policy at all: only the owner role (webhooks, worker, seeds) touches it. */
  adminOnly?: boolean;
  /**
   * SQL predicate selecting the rows of org `$org` owned by `$user` (for tables without an owner, all
   * of the org's rows). The isolation test uses org A and its owner; the RLS matrix every member.
   */
  rowsOfOrg: string;
  /** "user": rows belong to a person, not an org (profiles); their org is their owner's. */
  scope?: "org" | "user";
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
    rowsOfOrg: "org_id = '$org' and user_id = '$user'",
    updateSet: "role = 'viewer'",
    insert:
      "insert into public.memberships (org_id, user_id, role) values ('$org', auth.uid(), 'owner')",
  },
  profiles: {
    grants: ["SELECT", "UPDATE"],
    scope: "user",
    rowsOfOrg: "id = '$user'",
    updateSet: "full_name = 'hijacked'",
    insert: "insert into public.profiles (id, email) values (gen_random_uuid(), 'x@example.com')",
  },
  activity_log: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and actor_id = '$user'",
    updateSet: "action = 'org.hijacked'",
    insert:
      "insert into public.activity_log (org_id, actor_id, action, entity_type) values ('$org', '$user', 'org.forged', 'organization')",
    seed: (sql, { orgId, userId }) =>
      sql`insert into public.activity_log (org_id, actor_id, action, entity_type) values (${orgId}, ${userId}, 'org.seeded', 'organization')`,
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
    rowsOfOrg: "org_id = '$org' and invited_by = '$user'",
    updateSet: "role = 'admin'",
    insert:
      "insert into public.invitations (org_id, email, role, token_hash, expires_at) values ('$org', 'x@example.com', 'admin', 'forged', now() + interval '1 day')",
    seed: (sql, { orgId, userId }) =>
      sql`insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at)
          values (${orgId}, ${`invitee-${userId}@example.com`}, 'employee', ${`seed-${orgId}-${userId}`}, ${userId}, now() + interval '7 days')`,
  },
  notifications: {
    grants: ["SELECT", "UPDATE"],
    rowsOfOrg: "org_id = '$org' and user_id = '$user'",
    updateSet: "read_at = now()",
    insert:
      "insert into public.notifications (org_id, user_id, kind, title) values ('$org', '$user', 'forged', 'Forged')",
    seed: (sql, { orgId, userId }) =>
      sql`insert into public.notifications (org_id, user_id, kind, title, link)
          values (${orgId}, ${userId}, 'seeded', 'Seeded notification', '/')`,
  },
  email_preferences: {
    grants: ["SELECT", "INSERT", "UPDATE"],
    scope: "user",
    rowsOfOrg: "user_id = '$user'",
    updateSet: "enabled = true",
    insert:
      "insert into public.email_preferences (user_id, category, enabled) values ('$user', 'team', false)",
    seed: (sql, { userId }) =>
      sql`insert into public.email_preferences (user_id, category, enabled) values (${userId}, 'product', false)
          on conflict (user_id, category) do nothing`,
  },
};

export const ADMIN_ONLY_TABLES = Object.entries(TABLES)
  .filter(([, spec]) => spec.adminOnly)
  .map(([name]) => name);
