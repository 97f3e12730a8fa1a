-- Social accounts, OAuth states, the publishing pipeline's rows (DESIGN.md §4) and the Sandbox network.
--
-- Tokens are encrypted by the app (AES-256-GCM, lib/social/crypto.ts) before they reach SQL, and
-- `authenticated` cannot even select the encrypted columns: the grant on social_accounts lists the
-- readable columns. Writes go through security definer functions that check the caller's role:
--   member accounts (a person's own LinkedIn, X, Sandbox): any member but a viewer connects their own;
--     the member or an owner/admin disconnects it.
--   organization accounts (LinkedIn pages): owners and admins.
-- publish_attempts and sandbox_posts are written only by the worker (withAdmin): members read them.
-- oauth_states has no policy at all: only the functions below touch it.

create table public.social_accounts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  network text not null check (network in ('linkedin', 'x', 'sandbox')),
  kind text not null default 'member' check (kind in ('member', 'organization')),
  -- The member a member account belongs to (whose posts it publishes); for a page, who connected it.
  user_id uuid references auth.users (id) on delete set null,
  external_id text not null check (char_length(external_id) between 1 and 200),
  display_name text not null check (char_length(display_name) between 1 and 200),
  handle text check (handle is null or char_length(handle) <= 100),
  avatar_url text check (avatar_url is null or avatar_url ~ '^https?://'),
  scopes text[] not null default '{}',
  -- "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url), see lib/social/crypto.ts.
  access_token_enc text,
  refresh_token_enc text,
  access_expires_at timestamptz,
  refresh_expires_at timestamptz,
  status text not null default 'active' check (status in ('active', 'needs_reauth', 'disconnected')),
  status_reason text check (status_reason is null or char_length(status_reason) <= 500),
  refresh_checked_at timestamptz,
  reauth_notified_at timestamptz,
  connected_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint social_accounts_org_id_id_key unique (org_id, id),
  constraint social_accounts_identity_key unique (org_id, network, kind, external_id),
  constraint social_accounts_member_owner check (kind = 'organization' or user_id is not null or status = 'disconnected')
);
create index social_accounts_org_id_user_id_idx on public.social_accounts (org_id, user_id);
create index social_accounts_expiry_idx on public.social_accounts (access_expires_at) where status = 'active';
create trigger social_accounts_touch before update on public.social_accounts
  for each row execute function app.touch_updated_at();

create table public.oauth_states (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  network text not null check (network in ('linkedin', 'x')),
  kind text not null check (kind in ('member', 'organization')),
  -- sha256 of the state sent to the network: a leaked row cannot be replayed as a callback.
  state_hash text not null unique,
  code_verifier_enc text not null,
  redirect_path text not null check (redirect_path ~ '^/[^/]'),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index oauth_states_expires_at_idx on public.oauth_states (expires_at);

alter table public.post_targets
  add constraint post_targets_org_id_id_key unique (org_id, id),
  add constraint post_targets_account_fkey foreign key (org_id, social_account_id)
    references public.social_accounts (org_id, id),
  -- The due time of a scheduled target (the post's scheduled_at, or "now" for a retry), so the
  -- sweep finds due rows through one partial index.
  add column scheduled_at timestamptz,
  -- Bumped by "retry anyway": part of the job id, so a new attempt is never swallowed by BullMQ.
  add column attempt integer not null default 1 check (attempt >= 1),
  -- While `publishing`: the claim expires at this time and the sweep resolves it.
  add column lease_until timestamptz,
  -- Multi-part posts (X threads): ids of the parts already created, so a retry never re-creates them.
  add column progress jsonb,
  add column error_code text,
  -- Sandbox posts link to the app's own Sandbox page, which is plain http in local development.
  drop constraint post_targets_platform_url_check,
  add constraint post_targets_platform_url_check
    check (platform_url is null or platform_url ~ '^https://' or (network = 'sandbox' and platform_url ~ '^https?://')),
  add constraint post_targets_due_check check (status <> 'scheduled' or scheduled_at is not null),
  add constraint post_targets_lease_check check (status <> 'publishing' or lease_until is not null);
create index post_targets_due_idx on public.post_targets (scheduled_at) where status = 'scheduled';
create index post_targets_lease_idx on public.post_targets (lease_until) where status = 'publishing';
create index post_targets_account_idx on public.post_targets (social_account_id) where social_account_id is not null;
update public.post_targets t set scheduled_at = p.scheduled_at
  from public.posts p where p.id = t.post_id and t.status = 'scheduled';

-- The claim-before-send log: one row per time the worker took a target, written before the network
-- is called. `sent_at` is set right before the request that could create the post, so a lost worker
-- leaves proof of whether anything may have been sent.
create table public.publish_attempts (
  id bigint generated always as identity primary key,
  org_id uuid not null,
  post_id uuid not null,
  target_id uuid not null,
  attempt integer not null,
  job_id text,
  started_at timestamptz not null default now(),
  sent_at timestamptz,
  finished_at timestamptz,
  outcome text check (outcome in ('published', 'failed', 'retry', 'rate_limited', 'unconfirmed', 'released', 'lease_expired')),
  http_status integer,
  error text,
  constraint publish_attempts_target_fkey foreign key (org_id, target_id) references public.post_targets (org_id, id) on delete cascade
);
create index publish_attempts_target_id_idx on public.publish_attempts (target_id, id desc);
create index publish_attempts_org_id_idx on public.publish_attempts (org_id);

-- The Sandbox network's feed: "publishing" to it writes a row here, stamped with the time it was
-- recorded (clock_timestamp, so the benchmark measures lateness exactly).
create table public.sandbox_posts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  social_account_id uuid not null,
  target_id uuid,
  body text not null,
  media jsonb not null default '[]',
  published_at timestamptz not null default clock_timestamp(),
  constraint sandbox_posts_account_fkey foreign key (org_id, social_account_id) references public.social_accounts (org_id, id) on delete cascade
);
create index sandbox_posts_org_id_published_at_idx on public.sandbox_posts (org_id, published_at desc);
create index sandbox_posts_target_id_idx on public.sandbox_posts (target_id);

alter table public.social_accounts enable row level security;
alter table public.oauth_states enable row level security;
alter table public.publish_attempts enable row level security;
alter table public.sandbox_posts enable row level security;

create policy social_accounts_select on public.social_accounts for select to authenticated
  using ((select app.has_org_role(org_id)));
create policy publish_attempts_select on public.publish_attempts for select to authenticated
  using ((select app.can_read_post(post_id)));
create policy sandbox_posts_select on public.sandbox_posts for select to authenticated
  using ((select app.has_org_role(org_id)));

grant select (id, org_id, network, kind, user_id, external_id, display_name, handle, avatar_url, scopes,
  access_expires_at, refresh_expires_at, status, status_reason, connected_at, created_at, updated_at)
  on public.social_accounts to authenticated;
grant select on public.publish_attempts, public.sandbox_posts to authenticated;

-- Accounts -----------------------------------------------------------------------------------------

-- Connects (or reconnects) an account with tokens the app already encrypted. Reconnecting keeps a
-- stored refresh token when the network sent none this time (LinkedIn issues them only to partners).
create function app.connect_social_account(
  p_org_id uuid,
  p_network text,
  p_kind text,
  p_external_id text,
  p_display_name text,
  p_handle text,
  p_avatar_url text,
  p_scopes text[],
  p_access_token_enc text,
  p_refresh_token_enc text,
  p_access_expires_at timestamptz,
  p_refresh_expires_at timestamptz,
  p_request_id text default null,
  p_ip inet default null
) returns public.social_accounts
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_role public.org_role := app.my_role(p_org_id);
  v_existing public.social_accounts;
  v_account public.social_accounts;
begin
  if v_role is null then
    raise exception 'That organization does not exist.' using errcode = 'GA404', hint = 'org_not_found';
  end if;
  if v_role = 'viewer' then
    raise exception 'Viewers cannot connect accounts.' using errcode = '42501', hint = 'forbidden';
  end if;
  if p_kind = 'organization' and v_role not in ('owner', 'admin') then
    raise exception 'Only owners and admins can connect company pages.' using errcode = '42501', hint = 'forbidden';
  end if;
  if p_kind not in ('member', 'organization') or p_network not in ('linkedin', 'x', 'sandbox') then
    raise exception 'Unknown kind of account.' using errcode = 'GA422', hint = 'invalid_account';
  end if;
  select * into v_existing from public.social_accounts
   where org_id = p_org_id and network = p_network and kind = p_kind and external_id = p_external_id
   for update;
  if found and p_kind = 'member' and v_existing.status <> 'disconnected' and v_existing.user_id is distinct from v_uid then
    raise exception 'Another member of this organization already connected that account.'
      using errcode = 'GA409', hint = 'account_taken';
  end if;
  insert into public.social_accounts as a (org_id, network, kind, user_id, external_id, display_name, handle,
    avatar_url, scopes, access_token_enc, refresh_token_enc, access_expires_at, refresh_expires_at, status)
  values (p_org_id, p_network, p_kind, v_uid, p_external_id, p_display_name, p_handle, p_avatar_url,
    coalesce(p_scopes, '{}'), p_access_token_enc, p_refresh_token_enc, p_access_expires_at, p_refresh_expires_at, 'active')
  on conflict (org_id, network, kind, external_id) do update set
    user_id = excluded.user_id,
    display_name = excluded.display_name,
    handle = excluded.handle,
    avatar_url = excluded.avatar_url,
    scopes = excluded.scopes,
    access_token_enc = excluded.access_token_enc,
    refresh_token_enc = coalesce(excluded.refresh_token_enc, a.refresh_token_enc),
    refresh_expires_at = case when excluded.refresh_token_enc is null then a.refresh_expires_at
                              else excluded.refresh_expires_at end,
    access_expires_at = excluded.access_expires_at,
    status = 'active', status_reason = null, reauth_notified_at = null, refresh_checked_at = null,
    connected_at = now()
  returning * into v_account;
  perform app.log_activity(p_org_id, case when v_existing.id is null then 'account.connected' else 'account.reconnected' end,
    'social_account', v_account.id::text,
    jsonb_build_object('network', p_network, 'kind', p_kind, 'name', p_display_name), p_request_id, p_ip);
  return v_account;
end
$$;

-- Disconnects: the tokens are erased at once; the row stays so old posts keep their account. Posts
-- still scheduled on it fail at their time with a clear message unless the account is reconnected.
create function app.disconnect_social_account(p_account_id uuid, p_request_id text default null, p_ip inet default null)
returns public.social_accounts
language plpgsql security definer set search_path = '' as $$
declare
  v_account public.social_accounts;
  v_role public.org_role;
begin
  select * into v_account from public.social_accounts where id = p_account_id for update;
  if found then
    v_role := app.my_role(v_account.org_id);
  end if;
  if v_role is null then
    raise exception 'That account does not exist.' using errcode = 'GA404', hint = 'account_not_found';
  end if;
  if v_role not in ('owner', 'admin') and (v_role = 'viewer' or v_account.kind <> 'member' or v_account.user_id is distinct from (select auth.uid())) then
    raise exception 'Only the member who connected this account, or an admin, can disconnect it.'
      using errcode = '42501', hint = 'forbidden';
  end if;
  update public.social_accounts
     set status = 'disconnected', status_reason = 'Disconnected', access_token_enc = null, refresh_token_enc = null
   where id = p_account_id returning * into v_account;
  perform app.log_activity(v_account.org_id, 'account.disconnected', 'social_account', p_account_id::text,
    jsonb_build_object('network', v_account.network, 'name', v_account.display_name), p_request_id, p_ip);
  return v_account;
end
$$;

-- OAuth states: created when the browser leaves for the network, taken (deleted) once by the callback
-- of the same signed-in user within ten minutes.
create function app.create_oauth_state(
  p_org_id uuid, p_network text, p_kind text, p_state_hash text, p_code_verifier_enc text, p_redirect_path text
) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_role public.org_role := app.my_role(p_org_id);
  v_id uuid;
begin
  if v_role is null or v_role = 'viewer' or (p_kind = 'organization' and v_role not in ('owner', 'admin')) then
    raise exception 'You cannot connect that account here.' using errcode = '42501', hint = 'forbidden';
  end if;
  delete from public.oauth_states where expires_at < now();
  insert into public.oauth_states (org_id, user_id, network, kind, state_hash, code_verifier_enc, redirect_path, expires_at)
  values (p_org_id, (select auth.uid()), p_network, p_kind, p_state_hash, p_code_verifier_enc, p_redirect_path, now() + interval '10 minutes')
  returning id into v_id;
  return v_id;
end
$$;

create function app.take_oauth_state(p_state_hash text) returns public.oauth_states
language plpgsql security definer set search_path = '' as $$
declare
  v_state public.oauth_states;
begin
  delete from public.oauth_states where state_hash = p_state_hash and user_id = (select auth.uid())
  returning * into v_state;
  if v_state.id is null or v_state.expires_at < now() then
    raise exception 'This sign-in link has expired or was already used. Start connecting again.'
      using errcode = 'GA410', hint = 'oauth_state_invalid';
  end if;
  return v_state;
end
$$;

-- Posts: scheduling also stamps the targets' due time ------------------------------------------------

-- As before, plus: each scheduled target gets the due time. Internal: app.schedule_post (a time after
-- now) and app.publish_post_now (now itself) call it.
create function app.schedule_post_at(
  p_post_id uuid,
  p_scheduled_at timestamptz,
  p_expected_revision integer,
  p_now timestamptz,
  p_allow_now boolean,
  p_request_id text,
  p_ip inet
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'schedule');
  v_previous timestamptz := v_post.scheduled_at;
  v_was_scheduled boolean := v_post.status = 'scheduled';
begin
  if p_scheduled_at is null or p_scheduled_at < coalesce(p_now, now())
     or (p_scheduled_at = coalesce(p_now, now()) and not p_allow_now) then
    raise exception 'That time has already passed. Pick a time in the future.' using errcode = 'GA422', hint = 'in_the_past';
  end if;
  if v_post.on_behalf_of is null or not app.is_org_member(v_post.org_id, v_post.on_behalf_of) then
    raise exception 'The person this post is on behalf of is no longer a member. Choose someone else first.'
      using errcode = 'GA422', hint = 'on_behalf_of_not_member';
  end if;
  if coalesce(btrim((select body from public.post_versions where id = v_post.current_version_id)), '') = '' then
    raise exception 'Write something before scheduling the post.' using errcode = 'GA422', hint = 'empty_body';
  end if;
  if not exists (select 1 from public.post_targets where post_id = p_post_id and status in ('draft', 'scheduled', 'failed', 'cancelled')) then
    raise exception 'Choose at least one network before scheduling the post.' using errcode = 'GA422', hint = 'no_targets';
  end if;
  perform 1 from public.media_assets a join public.post_media pm on pm.media_id = a.id
   where pm.post_id = p_post_id for share of a;
  if exists (select 1 from public.post_media pm join public.media_assets a on a.id = pm.media_id
             where pm.post_id = p_post_id and a.deleted_at is not null) then
    raise exception 'A file on this post was deleted. Remove it before scheduling.' using errcode = 'GA422', hint = 'media_deleted';
  end if;
  update public.posts
     set status = 'scheduled', scheduled_at = p_scheduled_at, revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning * into v_post;
  update public.post_targets set status = 'scheduled', error = null, error_code = null, scheduled_at = p_scheduled_at
   where post_id = p_post_id and status in ('draft', 'scheduled', 'failed', 'cancelled');
  perform app.log_activity(v_post.org_id, case when v_was_scheduled then 'post.rescheduled' else 'post.scheduled' end,
    'post', p_post_id::text,
    jsonb_build_object('scheduled_at', p_scheduled_at, 'previous_scheduled_at', v_previous, 'revision', v_post.revision,
                       'now', p_allow_now),
    p_request_id, p_ip);
  return v_post;
end
$$;

create or replace function app.schedule_post(
  p_post_id uuid,
  p_scheduled_at timestamptz,
  p_expected_revision integer,
  p_now timestamptz default null,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language sql security definer set search_path = '' as $$
  select app.schedule_post_at(p_post_id, p_scheduled_at, p_expected_revision, p_now, false, p_request_id, p_ip)
$$;

-- "Publish now": due at the server's clock (lib/clock.ts passes it), with every scheduling check.
create function app.publish_post_now(
  p_post_id uuid,
  p_expected_revision integer,
  p_now timestamptz default null,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language sql security definer set search_path = '' as $$
  select app.schedule_post_at(p_post_id, coalesce(p_now, now()), p_expected_revision, p_now, true, p_request_id, p_ip)
$$;

create or replace function app.unschedule_post(
  p_post_id uuid,
  p_expected_revision integer,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'unschedule');
  v_previous timestamptz := v_post.scheduled_at;
begin
  update public.posts
     set status = 'draft', scheduled_at = null, revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning * into v_post;
  update public.post_targets set status = 'draft', scheduled_at = null where post_id = p_post_id and status = 'scheduled';
  perform app.log_activity(v_post.org_id, 'post.unscheduled', 'post', p_post_id::text,
    jsonb_build_object('previous_scheduled_at', v_previous, 'revision', v_post.revision), p_request_id, p_ip);
  return v_post;
end
$$;

create or replace function app.archive_post(
  p_post_id uuid,
  p_expected_revision integer default null,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'archive');
  v_previous public.post_status := v_post.status;
begin
  if v_post.status = 'archived' then
    return v_post;
  end if;
  update public.posts
     set status = 'archived', archived_at = now(), revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning * into v_post;
  update public.post_targets set status = 'cancelled', scheduled_at = null where post_id = p_post_id and status = 'scheduled';
  perform app.log_activity(v_post.org_id, 'post.archived', 'post', p_post_id::text,
    jsonb_build_object('previous_status', v_previous, 'scheduled_at', v_post.scheduled_at), p_request_id, p_ip);
  return v_post;
end
$$;

-- A network added to a scheduled post is scheduled with it (same due time). A target may name the
-- account it goes out with (`social_account_id`): only a company page of the org, chosen by an owner,
-- admin or brand creator; none means the on-behalf-of member's own account, found when it publishes.
create or replace function app.set_post_targets(
  p_post_id uuid,
  p_expected_revision integer,
  p_targets jsonb,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'edit');
  v_networks text[];
  v_overrides text[];
  v_accounts uuid[];
begin
  if jsonb_typeof(p_targets) is distinct from 'array' then
    raise exception 'Pick networks from the list.' using errcode = 'GA422', hint = 'invalid_network';
  end if;
  select coalesce(array_agg(e.value ->> 'network' order by e.ord), '{}'),
         coalesce(array_agg(nullif(btrim(e.value ->> 'text_override'), '') order by e.ord), '{}'),
         coalesce(array_agg((e.value ->> 'social_account_id')::uuid order by e.ord), '{}')
    into v_networks, v_overrides, v_accounts
  from jsonb_array_elements(p_targets) with ordinality as e(value, ord);
  if exists (select 1 from unnest(v_networks, v_accounts) as w(network, account_id)
             where w.account_id is not null and not exists (
               select 1 from public.social_accounts a
                where a.id = w.account_id and a.org_id = v_post.org_id and a.network = w.network
                  and a.kind = 'organization' and a.status <> 'disconnected')) then
    raise exception 'That page is not connected to this organization any more. Pick another account.'
      using errcode = 'GA422', hint = 'invalid_account';
  end if;
  if exists (select 1 from unnest(v_accounts) a where a is not null)
     and app.my_role(v_post.org_id) not in ('owner', 'admin', 'brand_creator') then
    raise exception 'Only owners, admins and brand creators can post as a company page.'
      using errcode = '42501', hint = 'forbidden';
  end if;
  if exists (select 1 from unnest(v_networks) n
             where n is null or n not in ('linkedin', 'x', 'facebook', 'instagram', 'sandbox'))
     or cardinality(v_networks) <> (select count(distinct n) from unnest(v_networks) n) then
    raise exception 'Pick each network from the list once.' using errcode = 'GA422', hint = 'invalid_network';
  end if;
  if exists (select 1 from public.post_targets t
             where t.post_id = p_post_id and t.status in ('publishing', 'published', 'unconfirmed')
               and not t.network = any (v_networks)) then
    raise exception 'A network this post was already published to stays on the post.'
      using errcode = 'GA422', hint = 'target_published';
  end if;
  delete from public.post_targets t where t.post_id = p_post_id and not t.network = any (v_networks);
  insert into public.post_targets (org_id, post_id, network, text_override, social_account_id, status, scheduled_at)
  select v_post.org_id, p_post_id, w.network, w.text_override, w.account_id,
         case when v_post.status = 'scheduled' then 'scheduled' else 'draft' end,
         case when v_post.status = 'scheduled' then v_post.scheduled_at end
  from unnest(v_networks, v_overrides, v_accounts) as w(network, text_override, account_id)
  on conflict (post_id, network) do update set text_override = excluded.text_override,
    -- A target that went out keeps the account it went out with.
    social_account_id = case when post_targets.status in ('draft', 'scheduled', 'failed', 'cancelled')
                             then excluded.social_account_id else post_targets.social_account_id end;
  v_post := app.bump_post(p_post_id);
  perform app.log_activity(v_post.org_id, 'post.targets_updated', 'post', p_post_id::text,
    jsonb_build_object(
      'networks', (select coalesce(jsonb_agg(n order by n), '[]') from unnest(v_networks) n),
      'overrides', (select coalesce(jsonb_agg(w.network order by w.network), '[]')
                    from unnest(v_networks, v_overrides) as w(network, text_override) where w.text_override is not null),
      'pages', (select coalesce(jsonb_agg(w.account_id), '[]')
                from unnest(v_accounts) as w(account_id) where w.account_id is not null),
      'revision', v_post.revision),
    p_request_id, p_ip);
  return v_post;
end
$$;

-- The post's status follows its targets once it is past scheduling: publishing while any target is,
-- scheduled while any still waits, then unconfirmed, failed, or published when all are. Called by
-- the worker and by the functions below. `p_target_id`/`p_target_status`: a target changed by the
-- same statement (whose new status this function's queries cannot see yet) and that new status.
create function app.rollup_post_status(p_post_id uuid, p_target_id uuid default null, p_target_status text default null)
returns public.post_status
language plpgsql security definer set search_path = '' as $$
declare
  v_statuses text[];
  v_status public.post_status;
begin
  select array_agg(case when id = p_target_id then p_target_status else status end) into v_statuses
    from public.post_targets
   where post_id = p_post_id
     and (case when id = p_target_id then p_target_status else status end) not in ('draft', 'cancelled');
  if v_statuses is null then
    return null;
  end if;
  v_status := case
    when 'publishing' = any (v_statuses) then 'publishing'
    when 'scheduled' = any (v_statuses) then 'scheduled'
    when 'unconfirmed' = any (v_statuses) then 'unconfirmed'
    when 'failed' = any (v_statuses) then 'failed'
    else 'published'
  end;
  update public.posts set status = v_status
   where id = p_post_id and status in ('scheduled', 'publishing', 'published', 'failed', 'unconfirmed')
     and status <> v_status;
  return v_status;
end
$$;

-- The two answers to an unconfirmed target ("check before reposting"): the user looked and the post
-- is there (mark published, optionally with its link), or it is not (retry anyway: a new attempt,
-- due now). Owners, admins and brand creators only.
create function app.lock_target_for_review(p_target_id uuid) returns public.post_targets
language plpgsql security definer set search_path = '' as $$
declare
  v_target public.post_targets;
  v_role public.org_role;
begin
  select * into v_target from public.post_targets where id = p_target_id;
  if found then
    perform 1 from public.posts where id = v_target.post_id for update;
    select * into v_target from public.post_targets where id = p_target_id for update;
    v_role := app.my_role(v_target.org_id);
  end if;
  if v_role is null or not app.can_read_post(v_target.post_id) then
    raise exception 'That post does not exist.' using errcode = 'GA404', hint = 'post_not_found';
  end if;
  if v_role not in ('owner', 'admin', 'brand_creator') then
    raise exception 'Only owners, admins and brand creators can publish posts.' using errcode = '42501', hint = 'forbidden';
  end if;
  return v_target;
end
$$;

create function app.mark_target_published(
  p_target_id uuid, p_url text default null, p_request_id text default null, p_ip inet default null
) returns public.post_targets
language plpgsql security definer set search_path = '' as $$
declare
  v_target public.post_targets := app.lock_target_for_review(p_target_id);
begin
  if v_target.status <> 'unconfirmed' then
    raise exception 'Only a post whose outcome is unknown can be marked as published.'
      using errcode = 'GA422', hint = 'status_' || v_target.status;
  end if;
  if p_url is not null and p_url !~ '^https://' then
    raise exception 'The link must start with https://.' using errcode = 'GA422', hint = 'invalid_url';
  end if;
  update public.post_targets
     set status = 'published', platform_url = coalesce(p_url, platform_url), published_at = coalesce(published_at, now()),
         error = null, error_code = null
   where id = p_target_id returning * into v_target;
  perform app.rollup_post_status(v_target.post_id);
  perform app.log_activity(v_target.org_id, 'post.marked_published', 'post', v_target.post_id::text,
    jsonb_build_object('network', v_target.network, 'url', p_url), p_request_id, p_ip);
  return v_target;
end
$$;

create function app.retry_target(
  p_target_id uuid, p_now timestamptz default null, p_request_id text default null, p_ip inet default null
) returns public.post_targets
language plpgsql security definer set search_path = '' as $$
declare
  v_target public.post_targets := app.lock_target_for_review(p_target_id);
begin
  if v_target.status not in ('unconfirmed', 'failed') then
    raise exception 'Only a failed post or one whose outcome is unknown can be retried.'
      using errcode = 'GA422', hint = 'status_' || v_target.status;
  end if;
  -- "Retry anyway" sends the post's current text: not once it went back to drafts or to review.
  if exists (select 1 from public.posts where id = v_target.post_id
              and status in ('draft', 'in_review', 'changes_requested', 'approved', 'archived')) then
    raise exception 'This post changed since it was sent. Schedule it again (once approved, where approval is required) instead of retrying.'
      using errcode = 'GA422', hint = 'approval_required';
  end if;
  update public.post_targets
     set status = 'scheduled', scheduled_at = coalesce(p_now, now()), attempt = attempt + 1,
         error = null, error_code = null, lease_until = null
   where id = p_target_id returning * into v_target;
  update public.posts set status = 'scheduled', scheduled_at = coalesce(scheduled_at, coalesce(p_now, now()))
   where id = v_target.post_id and status in ('published', 'failed', 'unconfirmed');
  perform app.log_activity(v_target.org_id, 'post.retried', 'post', v_target.post_id::text,
    jsonb_build_object('network', v_target.network, 'attempt', v_target.attempt), p_request_id, p_ip);
  return v_target;
end
$$;

revoke all on function
  app.schedule_post_at(uuid, timestamptz, integer, timestamptz, boolean, text, inet),
  app.publish_post_now(uuid, integer, timestamptz, text, inet),
  app.connect_social_account(uuid, text, text, text, text, text, text, text[], text, text, timestamptz, timestamptz, text, inet),
  app.disconnect_social_account(uuid, text, inet),
  app.create_oauth_state(uuid, text, text, text, text, text),
  app.take_oauth_state(text),
  app.rollup_post_status(uuid, uuid, text),
  app.lock_target_for_review(uuid),
  app.mark_target_published(uuid, text, text, inet),
  app.retry_target(uuid, timestamptz, text, inet)
from public;

grant execute on function
  app.publish_post_now(uuid, integer, timestamptz, text, inet),
  app.connect_social_account(uuid, text, text, text, text, text, text, text[], text, text, timestamptz, timestamptz, text, inet),
  app.disconnect_social_account(uuid, text, inet),
  app.create_oauth_state(uuid, text, text, text, text, text),
  app.take_oauth_state(text),
  app.mark_target_published(uuid, text, text, inet),
  app.retry_target(uuid, timestamptz, text, inet)
to authenticated;
