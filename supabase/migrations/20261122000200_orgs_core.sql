-- Tenancy core: organizations, memberships, profiles, activity_log, and the helpers every policy uses.

create schema if not exists app;
revoke all on schema app from public;
grant usage on schema app to authenticated;

create type public.org_role as enum ('owner', 'admin', 'brand_creator', 'employee', 'viewer');

-- Helpers ------------------------------------------------------------------------------------------

create function app.is_valid_timezone(tz text) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from pg_catalog.pg_timezone_names where name = tz)
$$;

-- ---------------------------------------------------------------------------------------------------
create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 80),
  slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$' and slug !~ '--'),
  timezone text not null default 'UTC' check (app.is_valid_timezone(timezone)),
  settings jsonb not null default '{}'::jsonb,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index organizations_slug_key on public.organizations (slug);

create table public.memberships (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.org_role not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create index memberships_user_id_idx on public.memberships (user_id);

-- True when the current user holds one of `roles` in a live org. security definer so policies on
-- memberships itself can call it without recursing through RLS.
create function app.has_org_role(p_org_id uuid, p_roles public.org_role[] default null)
returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1
    from public.memberships m
    join public.organizations o on o.id = m.org_id
    where m.org_id = p_org_id
      and m.user_id = (select auth.uid())
      and o.deleted_at is null
      and (p_roles is null or m.role = any (p_roles))
  )
$$;

-- Org ids the current user belongs to (for tables keyed by user, e.g. profiles of co-members).
create function app.shares_org_with(p_user_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1
    from public.memberships mine
    join public.memberships theirs on theirs.org_id = mine.org_id
    join public.organizations o on o.id = mine.org_id
    where mine.user_id = (select auth.uid())
      and theirs.user_id = p_user_id
      and o.deleted_at is null
  )
$$;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  full_name text check (full_name is null or char_length(full_name) <= 120),
  headline text check (headline is null or char_length(headline) <= 220),
  avatar_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.activity_log (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  action text not null check (action ~ '^[a-z_]+\.[a-z_.]+$'),
  entity_type text not null,
  entity_id text,
  summary jsonb not null default '{}'::jsonb,
  request_id text,
  ip inet,
  created_at timestamptz not null default now()
);
create index activity_log_org_id_created_at_idx on public.activity_log (org_id, created_at desc);

-- Sign-up trigger: runs as the owner, with an empty search_path and qualified names, because the
-- auth server inserts into auth.users as supabase_auth_admin, which has no rights on public.
create function app.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, email, full_name, avatar_url)
  values (
    new.id,
    new.email,
    coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name'),
    new.raw_user_meta_data ->> 'avatar_url'
  )
  on conflict (id) do nothing;
  return new;
end
$$;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function app.handle_new_user();

create function app.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end
$$;
create trigger organizations_touch before update on public.organizations
  for each row execute function app.touch_updated_at();
create trigger memberships_touch before update on public.memberships
  for each row execute function app.touch_updated_at();
create trigger profiles_touch before update on public.profiles
  for each row execute function app.touch_updated_at();

-- Audit: the only way into activity_log. The actor is always auth.uid(); the caller must belong to
-- the org. Nobody (admins included) can insert, update or delete rows directly.
create function app.log_activity(
  p_org_id uuid,
  p_action text,
  p_entity_type text,
  p_entity_id text default null,
  p_summary jsonb default '{}'::jsonb,
  p_request_id text default null,
  p_ip inet default null
) returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  v_id bigint;
begin
  if (select auth.uid()) is null or not app.has_org_role(p_org_id) then
    raise exception 'not a member of this organization' using errcode = '42501';
  end if;
  insert into public.activity_log (org_id, actor_id, action, entity_type, entity_id, summary, request_id, ip)
  values (p_org_id, (select auth.uid()), p_action, p_entity_type, p_entity_id, coalesce(p_summary, '{}'::jsonb), p_request_id, p_ip)
  returning id into v_id;
  return v_id;
end
$$;

-- Creating an org makes the caller its owner in one step (no insert grant on memberships needed).
create function app.create_organization(p_name text, p_slug text, p_timezone text, p_request_id text default null)
returns public.organizations
language plpgsql security definer set search_path = '' as $$
declare
  v_org public.organizations;
  v_uid uuid := (select auth.uid());
begin
  if v_uid is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  insert into public.organizations (name, slug, timezone, created_by)
  values (btrim(p_name), p_slug, p_timezone, v_uid)
  returning * into v_org;
  insert into public.memberships (org_id, user_id, role) values (v_org.id, v_uid, 'owner');
  perform app.log_activity(v_org.id, 'org.created', 'organization', v_org.id::text,
    jsonb_build_object('name', v_org.name, 'slug', v_org.slug, 'timezone', v_org.timezone), p_request_id, null);
  return v_org;
end
$$;

-- RLS ----------------------------------------------------------------------------------------------
alter table public.organizations enable row level security;
alter table public.memberships enable row level security;
alter table public.profiles enable row level security;
alter table public.activity_log enable row level security;

create policy organizations_select on public.organizations for select to authenticated
  using ((select app.has_org_role(id)));
create policy organizations_update on public.organizations for update to authenticated
  using ((select app.has_org_role(id, array['owner', 'admin']::public.org_role[])))
  with check ((select app.has_org_role(id, array['owner', 'admin']::public.org_role[])));

create policy memberships_select on public.memberships for select to authenticated
  using ((select app.has_org_role(org_id)));

create policy profiles_select on public.profiles for select to authenticated
  using (id = (select auth.uid()) or (select app.shares_org_with(id)));
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

create policy activity_log_select on public.activity_log for select to authenticated
  using ((select app.has_org_role(org_id, array['owner', 'admin']::public.org_role[])));

-- Grants: only what the policies above need; nothing to anon; never truncate.
grant select, update (name, slug, timezone, settings) on public.organizations to authenticated;
grant select on public.memberships to authenticated;
grant select, update (full_name, headline, avatar_url) on public.profiles to authenticated;
grant select on public.activity_log to authenticated;

revoke all on all functions in schema app from public;
grant execute on function app.has_org_role(uuid, public.org_role[]) to authenticated;
grant execute on function app.shares_org_with(uuid) to authenticated;
grant execute on function app.is_valid_timezone(text) to authenticated;
grant execute on function app.log_activity(uuid, text, text, text, jsonb, text, inet) to authenticated;
grant execute on function app.create_organization(text, text, text, text) to authenticated;
