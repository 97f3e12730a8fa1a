// auth.users and auth.identities rows, written as GoTrue writes them, and their JSON shape.
import { randomUUID } from "node:crypto";
import type postgres from "postgres";

export type Db = postgres.ISql;
type Json = Record<string, unknown>;

/** A jsonb parameter (postgres.js serializes it; a pre-stringified value would be stored as a string). */
export const jsonb = (db: Db, value: Json) => db.json(value as postgres.JSONValue);

/** bcrypt cost GoTrue uses (bcrypt.DefaultCost). */
export const BCRYPT_COST = 10;

/** GoTrue's single-instance id. */
export const INSTANCE_ID = "00000000-0000-0000-0000-000000000000";

export type UserRow = {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Json | null;
  raw_user_meta_data: Json | null;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  is_anonymous: boolean;
};

export type IdentityRow = {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Json;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

export function identityJson(row: IdentityRow) {
  return {
    identity_id: row.id,
    id: row.provider_id,
    user_id: row.user_id,
    identity_data: row.identity_data,
    provider: row.provider,
    last_sign_in_at: iso(row.last_sign_in_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    email: row.email ?? undefined,
  };
}

export type UserJson = ReturnType<typeof userJson>;

/** models.User's JSON: omitempty fields are left out (undefined is dropped by JSON.stringify). */
export function userJson(user: UserRow, identities: IdentityRow[]) {
  return {
    id: user.id,
    aud: user.aud ?? "",
    role: user.role ?? "",
    email: user.email ?? "",
    email_confirmed_at: iso(user.email_confirmed_at),
    invited_at: iso(user.invited_at),
    phone: user.phone ?? "",
    phone_confirmed_at: iso(user.phone_confirmed_at),
    confirmation_sent_at: iso(user.confirmation_sent_at),
    confirmed_at: iso(user.confirmed_at),
    recovery_sent_at: iso(user.recovery_sent_at),
    new_email: user.email_change || undefined,
    email_change_sent_at: iso(user.email_change_sent_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: identities.map(identityJson),
    created_at: iso(user.created_at) ?? "",
    updated_at: iso(user.updated_at) ?? "",
    banned_until: iso(user.banned_until),
    is_anonymous: user.is_anonymous,
  };
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`
    select * from auth.users
    where lower(email) = ${email.toLowerCase()} and is_sso_user = false and aud = 'authenticated'
    limit 1`;
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`select * from auth.users where id = ${id}`;
  return row;
}

export async function loadUserJson(db: Db, userId: string): Promise<UserJson> {
  const user = await findUserById(db, userId);
  if (!user) throw new Error(`user ${userId} vanished`);
  const identities = await db<IdentityRow[]>`
    select * from auth.identities where user_id = ${userId} order by created_at`;
  return userJson(user, identities);
}

export type NewUser = {
  email: string;
  passwordHash: string | null;
  provider: string;
  userMetadata: Json;
  emailConfirmedAt: Date | null;
  now: Date;
};

/** Inserts the user (the sign-up triggers on auth.users run here) and returns its id. */
export async function insertUser(db: Db, u: NewUser): Promise<string> {
  const id = randomUUID();
  const appMeta = { provider: u.provider, providers: [u.provider] };
  await db`
    insert into auth.users (
      instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
      confirmation_token, recovery_token, email_change_token_new, email_change,
      raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_sso_user, is_anonymous)
    values (
      ${INSTANCE_ID}, ${id}, 'authenticated', 'authenticated', ${u.email}, ${u.passwordHash},
      ${u.emailConfirmedAt}, '', '', '', '',
      ${jsonb(db, appMeta)}, ${jsonb(db, u.userMetadata)},
      ${u.now}, ${u.now}, false, false)`;
  return id;
}

export async function insertIdentity(
  db: Db,
  i: { userId: string; providerId: string; provider: string; data: Json; now: Date },
): Promise<void> {
  await db`
    insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
    values (${i.providerId}, ${i.userId}, ${jsonb(db, i.data)}, ${i.provider}, ${i.now}, ${i.now}, ${i.now})`;
}

/** models.User.UpdateUserMetaData: merges keys, a null value removes the key. */
export async function mergeUserMetadata(
  db: Db,
  userId: string,
  updates: Json,
  now: Date,
): Promise<void> {
  const user = await findUserById(db, userId);
  const meta: Json = { ...(user?.raw_user_meta_data ?? {}) };
  for (const [k, v] of Object.entries(updates)) {
    if (v === null) delete meta[k];
    else meta[k] = v;
  }
  await db`update auth.users set raw_user_meta_data = ${jsonb(db, meta)}, updated_at = ${now}
           where id = ${userId}`;
}

/** models.User.Confirm, plus what signupVerify does to the email identities. */
export async function confirmUser(db: Db, userId: string, now: Date): Promise<void> {
  await db`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, ${now}),
             confirmation_token = '', updated_at = ${now} where id = ${userId}`;
  await mergeUserMetadata(db, userId, { email_verified: true }, now);
  await db`update auth.identities
           set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = ${now}
           where user_id = ${userId} and provider = 'email'`;
  await db`delete from auth.one_time_tokens where user_id = ${userId}`;
}
