// Seed functions that double as fixtures for dev data, integration tests and Playwright.
// They write with a superuser connection, as a local seed does; production never runs them.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type postgres from "postgres";

type Sql = postgres.Sql;
export type OrgRoleName = "owner" | "admin" | "brand_creator" | "employee" | "viewer";

export type SeededUser = { id: string; email: string; password: string; fullName: string };

/** A confirmed email/password user, as the auth server would leave it after sign-up + confirmation. */
export async function seedUser(
  sql: Sql,
  input: { email: string; password?: string; fullName?: string },
): Promise<SeededUser> {
  const email = input.email.toLowerCase();
  const password = input.password ?? "correct-horse-42";
  const fullName = input.fullName ?? email.split("@")[0]!;
  const existing = await sql<{ id: string }[]>`select id from auth.users where email = ${email}`;
  if (existing[0]) return { id: existing[0].id, email, password, fullName };
  const id = randomUUID();
  const hash = await bcrypt.hash(password, 10);
  const meta = { full_name: fullName };
  await sql.begin(async (tx) => {
    await tx`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
               raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_sso_user, is_anonymous)
             values ('00000000-0000-0000-0000-000000000000', ${id}, 'authenticated', 'authenticated', ${email}, ${hash}, now(),
               ${tx.json({ provider: "email", providers: ["email"] })}, ${tx.json(meta)}, now(), now(), false, false)`;
    await tx`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
             values (${id}, ${id}, ${tx.json({ sub: id, email, email_verified: true })}, 'email', now(), now(), now())`;
  });
  return { id, email, password, fullName };
}

export type SeededOrg = { id: string; slug: string; name: string; timezone: string };

export async function seedOrg(
  sql: Sql,
  input: {
    name: string;
    slug: string;
    timezone?: string;
    members: { userId: string; role: OrgRoleName }[];
  },
): Promise<SeededOrg> {
  const timezone = input.timezone ?? "UTC";
  const owner = input.members.find((m) => m.role === "owner");
  const [org] = await sql<SeededOrg[]>`
    insert into public.organizations (name, slug, timezone, created_by)
    values (${input.name}, ${input.slug}, ${timezone}, ${owner?.userId ?? null})
    on conflict (slug) do update set name = excluded.name
    returning id, slug, name, timezone`;
  for (const m of input.members) {
    await sql`insert into public.memberships (org_id, user_id, role) values (${org!.id}, ${m.userId}, ${m.role})
              on conflict (org_id, user_id) do update set role = excluded.role`;
  }
  return org!;
}

/** Claims shaped like a verified Supabase access token, for withRls in tests. */
export function claimsFor(user: { id: string; email: string }) {
  return {
    sub: user.id,
    email: user.email,
    role: "authenticated",
    aud: "authenticated",
    session_id: randomUUID(),
    is_anonymous: false,
  };
}
