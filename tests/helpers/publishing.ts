// Seeds for publishing tests: connected accounts with sealed tokens, and scheduled posts written
// straight into Postgres (superuser), as app.schedule_post leaves them.
import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { encryptToken, parseKeyRing, tokenContext } from "@/lib/social/crypto";

type Sql = postgres.Sql;

/** Seals like lib/social/tokens.ts with the ring in TOKEN_ENCRYPTION_KEYS (without server-only). */
export function seal(
  account: { orgId: string; network: string; kind: string; externalId: string },
  column: "access" | "refresh",
  value: string,
): string {
  const ring = parseKeyRing(
    process.env.TOKEN_ENCRYPTION_KEYS!,
    process.env.TOKEN_ENCRYPTION_KEY_ID,
  );
  return encryptToken(
    ring,
    value,
    tokenContext(
      `${account.orgId}/${account.network}/${account.kind}/${account.externalId}`,
      column,
    ),
  );
}

export async function seedAccount(
  sql: Sql,
  input: {
    orgId: string;
    userId: string;
    network: "linkedin" | "x" | "sandbox";
    externalId: string;
    name?: string;
    accessToken?: string;
    refreshToken?: string;
    expiresInS?: number;
    kind?: "member" | "organization";
  },
): Promise<string> {
  const kind = input.kind ?? "member";
  const identity = {
    orgId: input.orgId,
    network: input.network,
    kind,
    externalId: input.externalId,
  };
  const [row] = await sql<{ id: string }[]>`
    insert into public.social_accounts (org_id, network, kind, user_id, external_id, display_name,
      scopes, access_token_enc, refresh_token_enc, access_expires_at)
    values (${input.orgId}, ${input.network}, ${kind}, ${input.userId}, ${input.externalId},
      ${input.name ?? `Account ${input.externalId}`}, ${["w_member_social"]},
      ${input.accessToken ? seal(identity, "access", input.accessToken) : null},
      ${input.refreshToken ? seal(identity, "refresh", input.refreshToken) : null},
      ${input.accessToken ? new Date(Date.now() + (input.expiresInS ?? 60 * 86400) * 1000) : null})
    returning id`;
  return row!.id;
}

/** A post with one version and one scheduled target per network, due at `dueAt`. */
export async function seedScheduledPost(
  sql: Sql,
  input: {
    orgId: string;
    userId: string;
    body: string;
    networks: string[];
    dueAt: Date;
    title?: string;
  },
): Promise<{ postId: string; targetIds: Record<string, string> }> {
  return sql.begin(async (tx) => {
    const [post] = await tx<{ id: string }[]>`
      insert into public.posts (org_id, author_id, on_behalf_of, title, status, scheduled_at, updated_by)
      values (${input.orgId}, ${input.userId}, ${input.userId}, ${input.title ?? null}, 'scheduled',
              ${input.dueAt}, ${input.userId})
      returning id`;
    const [version] = await tx<{ id: string }[]>`
      insert into public.post_versions (org_id, post_id, version_no, body, author_id)
      values (${input.orgId}, ${post!.id}, 1, ${input.body}, ${input.userId}) returning id`;
    await tx`update public.posts set current_version_id = ${version!.id} where id = ${post!.id}`;
    const targetIds: Record<string, string> = {};
    for (const network of input.networks) {
      const [t] = await tx<{ id: string }[]>`
        insert into public.post_targets (org_id, post_id, network, status, scheduled_at)
        values (${input.orgId}, ${post!.id}, ${network}, 'scheduled', ${input.dueAt}) returning id`;
      targetIds[network] = t!.id;
    }
    return { postId: post!.id, targetIds };
  });
}

export async function targetRow(sql: Sql, targetId: string) {
  const [row] = await sql<
    {
      status: string;
      error: string | null;
      error_code: string | null;
      platform_post_id: string | null;
      platform_url: string | null;
      published_at: Date | null;
      attempt: number;
    }[]
  >`select status, error, error_code, platform_post_id, platform_url, published_at, attempt
    from public.post_targets where id = ${targetId}`;
  return row!;
}

export async function attemptsOf(sql: Sql, targetId: string) {
  return sql<{ outcome: string | null; sent_at: Date | null; http_status: number | null }[]>`
    select outcome, sent_at, http_status from public.publish_attempts where target_id = ${targetId} order by id`;
}

/**
 * Many posts at once (one statement each for posts, versions and targets), one target each on
 * `network`, all due at `dueAt`: for tests whose timing must not depend on how fast seeding is.
 */
export async function seedScheduledPosts(
  sql: Sql,
  input: { orgId: string; userId: string; bodies: string[]; network: string; dueAt: Date },
): Promise<{ postId: string; targetId: string; body: string }[]> {
  const rows = input.bodies.map((body) => ({
    postId: randomUUID(),
    versionId: randomUUID(),
    targetId: randomUUID(),
    body,
  }));
  const col = (k: keyof (typeof rows)[number]) => rows.map((r) => r[k]);
  await sql.begin(async (tx) => {
    await tx`
      insert into public.posts (id, org_id, author_id, on_behalf_of, status, scheduled_at, updated_by)
      select id, ${input.orgId}, ${input.userId}, ${input.userId}, 'scheduled', ${input.dueAt}, ${input.userId}
      from unnest(${col("postId")}::uuid[]) as id`;
    await tx`
      insert into public.post_versions (id, org_id, post_id, version_no, body, author_id)
      select v, ${input.orgId}, p, 1, b, ${input.userId}
      from unnest(${col("versionId")}::uuid[], ${col("postId")}::uuid[], ${col("body")}::text[]) as x(v, p, b)`;
    await tx`
      update public.posts p set current_version_id = x.v
      from unnest(${col("versionId")}::uuid[], ${col("postId")}::uuid[]) as x(v, p) where p.id = x.p`;
    await tx`
      insert into public.post_targets (id, org_id, post_id, network, status, scheduled_at)
      select t, ${input.orgId}, p, ${input.network}, 'scheduled', ${input.dueAt}
      from unnest(${col("targetId")}::uuid[], ${col("postId")}::uuid[]) as x(t, p)`;
  });
  return rows.map(({ postId, targetId, body }) => ({ postId, targetId, body }));
}
