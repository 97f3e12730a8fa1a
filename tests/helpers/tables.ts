// Every table in `public`, what `authenticated` may do with it, and how to point at "org A's rows" for
// isolation tests. A new table without an entry here fails tests/integration/database.test.ts.
import { randomUUID } from "node:crypto";
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
  campaigns: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and created_by = '$user'",
    updateSet: "name = 'hijacked'",
    insert:
      "insert into public.campaigns (org_id, name, created_by) values ('$org', 'Forged', '$user')",
    seed: (sql, ctx) => seededCampaign(sql, ctx),
  },
  posts: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and author_id = '$user'",
    updateSet: "title = 'hijacked'",
    insert:
      "insert into public.posts (org_id, author_id, on_behalf_of) values ('$org', '$user', '$user')",
    seed: (sql, ctx) => seededPost(sql, ctx),
  },
  post_versions: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and author_id = '$user'",
    updateSet: "body = 'hijacked'",
    insert:
      "insert into public.post_versions (org_id, post_id, version_no, body, author_id) select org_id, id, 1000, 'forged', '$user' from public.posts where org_id = '$org'",
    seed: (sql, ctx) => seededPost(sql, ctx),
  },
  post_targets: {
    grants: ["SELECT"],
    rowsOfOrg:
      "org_id = '$org' and post_id in (select id from public.posts where author_id = '$user')",
    updateSet: "text_override = 'hijacked'",
    insert:
      "insert into public.post_targets (org_id, post_id, network) select org_id, id, 'x' from public.posts where org_id = '$org'",
    seed: (sql, ctx) => seededPost(sql, ctx),
  },
  media_assets: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and uploaded_by = '$user'",
    updateSet: "alt_text = 'hijacked'",
    insert:
      "insert into public.media_assets (org_id, uploaded_by, path, mime, size_bytes) values ('$org', '$user', '$org/00000000-0000-0000-0000-000000000000.png', 'image/png', 1)",
    seed: (sql, ctx) => seededMedia(sql, ctx),
  },
  post_media: {
    grants: ["SELECT"],
    rowsOfOrg:
      "org_id = '$org' and post_id in (select id from public.posts where author_id = '$user')",
    updateSet: "alt_override = 'hijacked'",
    insert:
      "insert into public.post_media (org_id, post_id, media_id, position) select p.org_id, p.id, m.id, 19 from public.posts p join public.media_assets m on m.org_id = p.org_id where p.org_id = '$org' limit 1",
    seed: (sql, ctx) => seededMedia(sql, ctx),
  },
  social_accounts: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and user_id = '$user'",
    updateSet: "display_name = 'hijacked'",
    insert:
      "insert into public.social_accounts (org_id, network, user_id, external_id, display_name) values ('$org', 'sandbox', '$user', 'forged', 'Forged')",
    seed: (sql, ctx) => seededAccount(sql, ctx),
  },
  oauth_states: {
    grants: [],
    adminOnly: true,
    rowsOfOrg: "org_id = '$org' and user_id = '$user'",
    updateSet: "redirect_path = '/hijacked'",
    insert:
      "insert into public.oauth_states (org_id, user_id, network, kind, state_hash, code_verifier_enc, redirect_path, expires_at) values ('$org', '$user', 'x', 'member', 'forged', 'v1.x', '/x', now() + interval '1 hour')",
    seed: (sql, { orgId, userId }) =>
      sql`insert into public.oauth_states (org_id, user_id, network, kind, state_hash, code_verifier_enc, redirect_path, expires_at)
          values (${orgId}, ${userId}, 'linkedin', 'member', ${`seed-${orgId}-${userId}`}, 'v1.seed', '/seed', now() + interval '1 hour')`,
  },
  publish_attempts: {
    grants: ["SELECT"],
    rowsOfOrg:
      "org_id = '$org' and post_id in (select id from public.posts where author_id = '$user')",
    updateSet: "error = 'hijacked'",
    insert:
      "insert into public.publish_attempts (org_id, post_id, target_id, attempt) select org_id, post_id, id, 99 from public.post_targets where org_id = '$org' limit 1",
    seed: async (sql, ctx) => {
      const postId = await seededPost(sql, ctx);
      const [found] = await sql`select 1 from public.publish_attempts where post_id = ${postId}`;
      if (found) return;
      await sql`insert into public.publish_attempts (org_id, post_id, target_id, attempt, outcome)
                select org_id, post_id, id, 1, 'released' from public.post_targets where post_id = ${postId}`;
    },
  },
  sandbox_posts: {
    grants: ["SELECT"],
    rowsOfOrg:
      "org_id = '$org' and social_account_id in (select id from public.social_accounts where user_id = '$user')",
    updateSet: "body = 'hijacked'",
    insert:
      "insert into public.sandbox_posts (org_id, social_account_id, body) select org_id, id, 'forged' from public.social_accounts where org_id = '$org' limit 1",
    seed: async (sql, ctx) => {
      const accountId = await seededAccount(sql, ctx);
      const [found] =
        await sql`select 1 from public.sandbox_posts where social_account_id = ${accountId}`;
      if (found) return;
      await sql`insert into public.sandbox_posts (org_id, social_account_id, body)
                values (${ctx.orgId}, ${accountId}, 'Seeded sandbox post')`;
    },
  },
  voice_exercises: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and user_id = '$user'",
    updateSet: "status = 'in_progress', completed_at = null",
    insert:
      "insert into public.voice_exercises (org_id, user_id, exercise, data) values ('$org', '$user', 'goals', '{}')",
    seed: (sql, { orgId, userId }) =>
      sql`insert into public.voice_exercises (org_id, user_id, exercise, status, data, completed_at)
          values (${orgId}, ${userId}, 'role', 'completed', ${sql.json({ title: "Seeded", expertise: "Testing" })}, now())
          on conflict (org_id, user_id, exercise) do nothing`,
  },
  voice_profiles: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and user_id = '$user'",
    updateSet: "version = version + 1",
    insert:
      "insert into public.voice_profiles (org_id, user_id, version) values ('$org', '$user', 99) on conflict (org_id, user_id) do update set version = 99",
    seed: (sql, { orgId, userId }) =>
      sql`insert into public.voice_profiles (org_id, user_id, version, completed_count)
          values (${orgId}, ${userId}, 1, 1) on conflict (org_id, user_id) do nothing`,
  },
  // A new org gets its balance and its first grant from a trigger.
  credit_balances: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org'",
    updateSet: "balance = balance + 1000",
    insert:
      "insert into public.credit_balances (org_id, balance, period) values ('$org', 1000, '2030-01') on conflict (org_id) do update set balance = 1000",
  },
  credit_ledger: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org'",
    updateSet: "note = 'hijacked'",
    insert:
      "insert into public.credit_ledger (org_id, kind, amount, balance_after) values ('$org', 'grant', 1000, 1000)",
  },
  ai_providers: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org'",
    updateSet: "model = 'hijacked'",
    insert:
      "insert into public.ai_providers (org_id, kind, model) values ('$org', 'openai', 'x') on conflict (org_id) do update set model = 'x'",
    seed: (sql, { orgId }) =>
      sql`insert into public.ai_providers (org_id, kind, model, api_key_enc, key_hint)
          values (${orgId}, 'openai', 'gpt-test', 'v1.seed.a.b.c', 'abcd') on conflict (org_id) do nothing`,
  },
  ai_generations: {
    grants: ["SELECT"],
    rowsOfOrg: "org_id = '$org' and requested_by = '$user'",
    updateSet: "status = 'succeeded'",
    insert:
      "insert into public.ai_generations (org_id, requested_by, voice_user_id, operation, input, provider, model, cost) values ('$org', '$user', '$user', 'draft', '{}', 'default', 'x', 0)",
    seed: async (sql, { orgId, userId }) => {
      const [found] =
        await sql`select 1 from public.ai_generations where org_id = ${orgId} and requested_by = ${userId}`;
      if (found) return;
      await sql`insert into public.ai_generations (org_id, requested_by, voice_user_id, operation, input, provider, model, cost)
                values (${orgId}, ${userId}, ${userId}, 'draft', '{"topic":"Seeded"}', 'default', 'gpt-test', 1)`;
    },
  },
  reviews: {
    grants: ["SELECT"],
    rowsOfOrg:
      "org_id = '$org' and post_id in (select id from public.posts where author_id = '$user')",
    updateSet: "body = 'hijacked'",
    insert:
      "insert into public.reviews (org_id, post_id, version_id, reviewer_id, kind) select p.org_id, p.id, p.current_version_id, auth.uid(), 'approve' from public.posts p where p.org_id = '$org' limit 1",
    seed: async (sql, ctx) => {
      const postId = await seededPost(sql, ctx);
      const [found] = await sql`select 1 from public.reviews where post_id = ${postId}`;
      if (found) return;
      await sql`insert into public.reviews (org_id, post_id, version_id, reviewer_id, kind, body)
                select org_id, id, current_version_id, ${ctx.userId}, 'comment', 'Seeded comment'
                  from public.posts where id = ${postId}`;
    },
  },
  preview_links: {
    grants: ["SELECT"],
    rowsOfOrg:
      "org_id = '$org' and post_id in (select id from public.posts where author_id = '$user')",
    updateSet: "revoked_at = now()",
    insert:
      "insert into public.preview_links (org_id, post_id, token_hash, expires_at) select org_id, id, 'forged', now() + interval '1 day' from public.posts where org_id = '$org' limit 1",
    seed: async (sql, ctx) => {
      const postId = await seededPost(sql, ctx);
      await sql`insert into public.preview_links (org_id, post_id, token_hash, created_by, expires_at)
                values (${ctx.orgId}, ${postId}, ${`seed-${postId}`}, ${ctx.userId}, now() + interval '1 day')
                on conflict (token_hash) do nothing`;
    },
  },
};

type SeedCtx = { orgId: string; userId: string };

/** The user's campaign in the org, made once. */
async function seededCampaign(sql: postgres.Sql, { orgId, userId }: SeedCtx): Promise<string> {
  const name = `Seeded campaign ${userId}`;
  const [found] = await sql<{ id: string }[]>`
    select id from public.campaigns where org_id = ${orgId} and name = ${name}`;
  if (found) return found.id;
  const [row] = await sql<{ id: string }[]>`
    insert into public.campaigns (org_id, name, created_by) values (${orgId}, ${name}, ${userId}) returning id`;
  return row!.id;
}

/** The user's post in the org (author and on behalf of them), with a first version and a target, made once. */
async function seededPost(sql: postgres.Sql, { orgId, userId }: SeedCtx): Promise<string> {
  const [found] = await sql<{ id: string }[]>`
    select id from public.posts where org_id = ${orgId} and author_id = ${userId} and title = 'Seeded post'`;
  if (found) return found.id;
  return sql.begin(async (tx) => {
    const [post] = await tx<{ id: string }[]>`
      insert into public.posts (org_id, author_id, on_behalf_of, title, updated_by)
      values (${orgId}, ${userId}, ${userId}, 'Seeded post', ${userId}) returning id`;
    const [version] = await tx<{ id: string }[]>`
      insert into public.post_versions (org_id, post_id, version_no, body, author_id)
      values (${orgId}, ${post!.id}, 1, 'Seeded body', ${userId}) returning id`;
    await tx`update public.posts set current_version_id = ${version!.id} where id = ${post!.id}`;
    await tx`insert into public.post_targets (org_id, post_id, network) values (${orgId}, ${post!.id}, 'sandbox')`;
    return post!.id;
  });
}

/** The user's Sandbox account in the org, made once. */
async function seededAccount(sql: postgres.Sql, { orgId, userId }: SeedCtx): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into public.social_accounts (org_id, network, kind, user_id, external_id, display_name)
    values (${orgId}, 'sandbox', 'member', ${userId}, ${userId}, 'Seeded account')
    on conflict (org_id, network, kind, external_id) do update set display_name = excluded.display_name
    returning id`;
  return row!.id;
}

/** The user's upload in the org, attached to their seeded post, made once. */
async function seededMedia(sql: postgres.Sql, ctx: SeedCtx): Promise<string> {
  const postId = await seededPost(sql, ctx);
  const [found] = await sql<{ id: string }[]>`
    select id from public.media_assets where org_id = ${ctx.orgId} and uploaded_by = ${ctx.userId}`;
  if (found) return found.id;
  const [media] = await sql<{ id: string }[]>`
    insert into public.media_assets (org_id, uploaded_by, path, mime, size_bytes, width, height, alt_text)
    values (${ctx.orgId}, ${ctx.userId}, ${`${ctx.orgId}/${randomUUID()}.png`}, 'image/png', 1024, 10, 10, 'Seeded')
    returning id`;
  await sql`insert into public.post_media (org_id, post_id, media_id, position)
            values (${ctx.orgId}, ${postId}, ${media!.id}, 0)`;
  return media!.id;
}

export const ADMIN_ONLY_TABLES = Object.entries(TABLES)
  .filter(([, spec]) => spec.adminOnly)
  .map(([name]) => name);
