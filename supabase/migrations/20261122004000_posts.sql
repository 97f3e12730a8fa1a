-- Posts: campaigns, posts with an immutable version history, per-network targets, media assets and
-- their order on a post.
--
-- Tenancy by construction: every child row points at its parent through a composite foreign key
-- (org_id, parent_id) → parent (org_id, id), so no row can reference another org's campaign, post or
-- media asset, whatever a request says.
--
-- `authenticated` has SELECT only. Every write goes through a security definer function below that
-- checks the caller's role and rows (mirroring lib/orgs/permissions.ts), keeps the post consistent
-- (version + revision + current version in one step) and writes the audit entry in the same
-- transaction. Roles:
--   owner, admin, brand_creator  read and write every post, campaign and media asset of the org
--   employee                     reads posts they author or that are on behalf of them, creates posts
--                                on behalf of themselves, edits and archives those posts while they
--                                are drafts (draft, changes_requested); uploads media and manages
--                                their own uploads
--   viewer                       reads everything, writes nothing
-- Posts and campaigns are archived, never deleted; media is soft-deleted.
--
-- Optimistic concurrency: posts.revision goes up with every change to a post. Writers pass the
-- revision they opened; a different current revision is a conflict (GA409, hint stale_revision, the
-- current revision in DETAIL as JSON) and nothing is written.
--
-- Errors follow 20261122001000_teams.sql: a user-facing message, a machine code in HINT, and
--   42501 forbidden · GA404 not found · GA409 conflict · GA410 gone · GA422 rule.

create type public.post_status as enum (
  'draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'publishing', 'published',
  'failed', 'unconfirmed', 'archived'
);
create type public.post_source as enum ('human', 'ai');
create type public.campaign_status as enum ('active', 'archived');

-- Tables -------------------------------------------------------------------------------------------

create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 120),
  description text check (description is null or char_length(description) <= 2000),
  color text check (color is null or color ~ '^#[0-9a-f]{6}$'),
  starts_on date,
  ends_on date,
  status public.campaign_status not null default 'active',
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint campaigns_org_id_id_key unique (org_id, id),
  constraint campaigns_dates_check check (starts_on is null or ends_on is null or ends_on >= starts_on),
  constraint campaigns_archived_check check ((status = 'archived') = (archived_at is not null))
);
-- Two live campaigns of one org never share a name; archived ones free it.
create unique index campaigns_org_id_name_key on public.campaigns (org_id, lower(btrim(name))) where status = 'active';
create index campaigns_org_id_status_idx on public.campaigns (org_id, status);

create table public.posts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  campaign_id uuid,
  author_id uuid references auth.users (id) on delete set null,
  -- The member whose voice and LinkedIn the post is for. A member when written (the functions check);
  -- it stays if they leave, so the history keeps who it was for.
  on_behalf_of uuid references auth.users (id) on delete set null,
  status public.post_status not null default 'draft',
  title text check (title is null or char_length(title) <= 200),
  scheduled_at timestamptz,
  current_version_id uuid,
  revision integer not null default 1 check (revision >= 1),
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint posts_org_id_id_key unique (org_id, id),
  constraint posts_campaign_fkey foreign key (org_id, campaign_id) references public.campaigns (org_id, id),
  constraint posts_scheduled_check check (status not in ('scheduled', 'publishing') or scheduled_at is not null),
  constraint posts_archived_check check ((status = 'archived') = (archived_at is not null))
);
create index posts_org_id_status_idx on public.posts (org_id, status);
create index posts_org_id_scheduled_at_idx on public.posts (org_id, scheduled_at) where scheduled_at is not null;
create index posts_org_id_updated_at_idx on public.posts (org_id, updated_at desc);
create index posts_org_id_campaign_id_idx on public.posts (org_id, campaign_id) where campaign_id is not null;
create index posts_org_id_author_id_idx on public.posts (org_id, author_id);
create index posts_org_id_on_behalf_of_idx on public.posts (org_id, on_behalf_of);

-- Immutable: no UPDATE or DELETE grant to anyone, and a trigger refuses both even to the owner role
-- (rows go only when their post or org is deleted, by cascade). Restoring copies an old version
-- into a new one.
create table public.post_versions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  post_id uuid not null,
  version_no integer not null check (version_no >= 1),
  body text not null check (char_length(body) <= 65000),
  source public.post_source not null default 'human',
  author_id uuid references auth.users (id) on delete set null,
  restored_from uuid,
  created_at timestamptz not null default now(),
  constraint post_versions_post_fkey foreign key (org_id, post_id) references public.posts (org_id, id) on delete cascade,
  constraint post_versions_post_id_version_no_key unique (post_id, version_no),
  constraint post_versions_post_id_id_key unique (post_id, id),
  constraint post_versions_restored_from_fkey foreign key (post_id, restored_from) references public.post_versions (post_id, id)
);
create index post_versions_org_id_idx on public.post_versions (org_id);

alter table public.posts
  add constraint posts_current_version_fkey foreign key (id, current_version_id) references public.post_versions (post_id, id);

-- One row per network the post goes to. social_account_id gets its foreign key with social_accounts
-- (a later migration); until then a post has at most one target per network.
create table public.post_targets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  post_id uuid not null,
  network text not null check (network in ('linkedin', 'x', 'facebook', 'instagram', 'sandbox')),
  social_account_id uuid,
  text_override text check (text_override is null or char_length(text_override) <= 65000),
  status text not null default 'draft'
    check (status in ('draft', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled')),
  published_at timestamptz,
  platform_post_id text,
  platform_url text check (platform_url is null or platform_url ~ '^https://'),
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint post_targets_post_fkey foreign key (org_id, post_id) references public.posts (org_id, id) on delete cascade,
  constraint post_targets_post_id_network_key unique (post_id, network)
);
create index post_targets_org_id_network_idx on public.post_targets (org_id, network);

-- A file in the `media` bucket at `<org id>/<uuid>.<ext>` (as logos are: the check keeps an org from
-- claiming another org's object; the app signs download URLs for whatever path a row holds).
create table public.media_assets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  uploaded_by uuid references auth.users (id) on delete set null,
  bucket text not null default 'media' check (bucket = 'media'),
  path text not null,
  mime text not null check (mime ~ '^(image|video)/[a-z0-9.+-]+$'),
  size_bytes bigint not null check (size_bytes > 0),
  width integer check (width is null or width > 0),
  height integer check (height is null or height > 0),
  alt_text text check (alt_text is null or char_length(alt_text) <= 1000),
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint media_assets_path_key unique (path),
  constraint media_assets_org_id_id_key unique (org_id, id),
  constraint media_assets_path_check check (path ~ ('^' || org_id::text || '/[0-9a-f-]{36}\.[a-z0-9]{2,5}$'))
);
create index media_assets_org_id_created_at_idx on public.media_assets (org_id, created_at desc) where deleted_at is null;
create index media_assets_org_id_uploaded_by_idx on public.media_assets (org_id, uploaded_by);

create table public.post_media (
  org_id uuid not null,
  post_id uuid not null,
  media_id uuid not null,
  position smallint not null check (position between 0 and 19),
  alt_override text check (alt_override is null or char_length(alt_override) <= 1000),
  created_at timestamptz not null default now(),
  constraint post_media_pkey primary key (post_id, position),
  constraint post_media_post_fkey foreign key (org_id, post_id) references public.posts (org_id, id) on delete cascade,
  constraint post_media_media_fkey foreign key (org_id, media_id) references public.media_assets (org_id, id),
  constraint post_media_post_id_media_id_key unique (post_id, media_id)
);
create index post_media_media_id_idx on public.post_media (media_id);
create index post_media_org_id_idx on public.post_media (org_id);

create trigger campaigns_touch before update on public.campaigns
  for each row execute function app.touch_updated_at();
create trigger posts_touch before update on public.posts
  for each row execute function app.touch_updated_at();
create trigger post_targets_touch before update on public.post_targets
  for each row execute function app.touch_updated_at();

create function app.refuse_post_version_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  -- pg_trigger_depth() > 1: a cascade from deleting the post or the org, which may remove history.
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  raise exception 'A saved version cannot be changed. Save a new version instead.'
    using errcode = '42501', hint = 'version_immutable';
end
$$;
create trigger post_versions_immutable before update or delete on public.post_versions
  for each row execute function app.refuse_post_version_change();

-- Read access --------------------------------------------------------------------------------------

-- Whether the caller may read the post: any role of a live org sees every post except an employee,
-- who sees the posts they author or that are on behalf of them. Versions, targets and media of a
-- post follow the post.
create function app.can_read_post(p_post_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1
    from public.posts p
    join public.memberships m on m.org_id = p.org_id and m.user_id = (select auth.uid())
    join public.organizations o on o.id = p.org_id and o.deleted_at is null
    where p.id = p_post_id
      and (m.role <> 'employee' or m.user_id = p.author_id or m.user_id = p.on_behalf_of)
  )
$$;

-- Whether the caller may read the media asset: every role but employee reads all of the org's; an
-- employee reads what they uploaded and what is attached to a post they can read.
create function app.can_read_media(p_media_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1
    from public.media_assets a
    join public.memberships m on m.org_id = a.org_id and m.user_id = (select auth.uid())
    join public.organizations o on o.id = a.org_id and o.deleted_at is null
    where a.id = p_media_id
      and (m.role <> 'employee'
           or m.user_id = a.uploaded_by
           or exists (select 1 from public.post_media pm where pm.media_id = a.id and app.can_read_post(pm.post_id)))
  )
$$;

alter table public.campaigns enable row level security;
alter table public.posts enable row level security;
alter table public.post_versions enable row level security;
alter table public.post_targets enable row level security;
alter table public.media_assets enable row level security;
alter table public.post_media enable row level security;

create policy campaigns_select on public.campaigns for select to authenticated
  using ((select app.has_org_role(org_id)));
create policy posts_select on public.posts for select to authenticated
  using (
    (select app.has_org_role(org_id, array['owner', 'admin', 'brand_creator', 'viewer']::public.org_role[]))
    or ((author_id = (select auth.uid()) or on_behalf_of = (select auth.uid())) and (select app.has_org_role(org_id)))
  );
create policy post_versions_select on public.post_versions for select to authenticated
  using ((select app.can_read_post(post_id)));
create policy post_targets_select on public.post_targets for select to authenticated
  using ((select app.can_read_post(post_id)));
create policy post_media_select on public.post_media for select to authenticated
  using ((select app.can_read_post(post_id)));
create policy media_assets_select on public.media_assets for select to authenticated
  using (
    (select app.has_org_role(org_id, array['owner', 'admin', 'brand_creator', 'viewer']::public.org_role[]))
    or (select app.can_read_media(id))
  );

grant select on public.campaigns, public.posts, public.post_versions, public.post_targets,
  public.media_assets, public.post_media to authenticated;

-- Write helpers ------------------------------------------------------------------------------------

create function app.is_org_member(p_org_id uuid, p_user_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.memberships where org_id = p_org_id and user_id = p_user_id)
$$;

-- Locks the post for a change `p_for` ('edit', 'schedule', 'unschedule', 'archive') by the caller
-- and returns it, or raises: GA404 when the caller cannot read it (another org's post looks
-- absent), 42501 when their role may not make the change, GA422 when the post's status does not
-- allow it, GA409 when `p_expected_revision` (null = don't check) is not the current revision.
create function app.lock_post_for(p_post_id uuid, p_expected_revision integer, p_for text)
returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_post public.posts;
  v_role public.org_role;
  v_allowed public.post_status[];
begin
  select * into v_post from public.posts where id = p_post_id for update;
  if found then
    v_role := app.my_role(v_post.org_id);
  end if;
  if v_role is null
     or (v_role = 'employee' and v_uid is distinct from v_post.author_id and v_uid is distinct from v_post.on_behalf_of) then
    raise exception 'That post does not exist.' using errcode = 'GA404', hint = 'post_not_found';
  end if;
  if v_role = 'viewer' then
    raise exception 'Viewers can read posts but not change them.' using errcode = '42501', hint = 'forbidden';
  end if;
  if p_for in ('schedule', 'unschedule') and v_role = 'employee' then
    raise exception 'Only owners, admins and brand creators can schedule posts.' using errcode = '42501', hint = 'forbidden';
  end if;
  if v_role = 'employee' and v_post.status not in ('draft', 'changes_requested') then
    raise exception 'You can change your posts only while they are drafts.' using errcode = '42501', hint = 'not_a_draft';
  end if;
  v_allowed := case p_for
    when 'edit' then array['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'failed']
    when 'schedule' then array['draft', 'approved', 'scheduled', 'failed']
    when 'unschedule' then array['scheduled']
    when 'archive' then array['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published',
                              'failed', 'unconfirmed', 'archived']
  end::public.post_status[];
  if v_allowed is null then
    raise exception 'unknown post change %', p_for;
  end if;
  if v_post.status = 'publishing' then
    raise exception 'This post is being published right now. Try again in a minute.'
      using errcode = 'GA409', hint = 'publishing';
  end if;
  if not v_post.status = any (v_allowed) then
    raise exception '%', case
        when p_for = 'unschedule' then 'This post is not scheduled.'
        when v_post.status = 'archived' then 'This post is archived.'
        when v_post.status in ('in_review', 'changes_requested') then 'This post is in review. Finish the review before scheduling it.'
        else 'This post is ' || replace(v_post.status::text, '_', ' ') || ' and can no longer be changed.'
      end
      using errcode = 'GA422', hint = 'status_' || v_post.status::text;
  end if;
  if p_expected_revision is not null and p_expected_revision <> v_post.revision then
    raise exception 'Someone else saved this post since you opened it. Copy your changes, reload to see theirs, and apply yours again.'
      using errcode = 'GA409', hint = 'stale_revision',
            detail = jsonb_build_object('revision', v_post.revision, 'updated_by', v_post.updated_by,
                                        'updated_at', v_post.updated_at)::text;
  end if;
  return v_post;
end
$$;

-- Bumps the post's revision (and touches who changed it last); returns the new row.
create function app.bump_post(p_post_id uuid) returns public.posts
language sql security definer set search_path = '' as $$
  update public.posts set revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning *
$$;

-- The on-behalf-of member must belong to the org; an employee writes only for themselves.
create function app.check_on_behalf_of(p_org_id uuid, p_role public.org_role, p_user_id uuid) returns void
language plpgsql stable security definer set search_path = '' as $$
begin
  if p_role = 'employee' and p_user_id is distinct from (select auth.uid()) then
    raise exception 'You can write posts only on your own behalf.' using errcode = '42501', hint = 'not_own';
  end if;
  if p_user_id is null or not app.is_org_member(p_org_id, p_user_id) then
    raise exception 'The person a post is on behalf of must be a member of the organization.'
      using errcode = 'GA422', hint = 'on_behalf_of_not_member';
  end if;
end
$$;

-- The campaign must be an active campaign of the post's org. The composite foreign key refuses
-- another org's campaign whatever this says; the check gives the refusal a message.
create function app.check_campaign(p_org_id uuid, p_campaign_id uuid) returns void
language plpgsql stable security definer set search_path = '' as $$
declare
  v_status public.campaign_status;
begin
  if p_campaign_id is null then
    return;
  end if;
  select status into v_status from public.campaigns where org_id = p_org_id and id = p_campaign_id;
  if v_status = 'archived' then
    raise exception 'That campaign is archived. Pick an active one.' using errcode = 'GA422', hint = 'campaign_archived';
  end if;
end
$$;

-- Runs an insert/update of posts and turns the composite foreign key's refusal into a message.
create function app.raise_campaign_fkey(p_constraint text) returns void
language plpgsql immutable set search_path = '' as $$
begin
  if p_constraint = 'posts_campaign_fkey' then
    raise exception 'That campaign is not part of this organization.' using errcode = 'GA422', hint = 'campaign_not_in_org';
  end if;
end
$$;

-- Posts --------------------------------------------------------------------------------------------

create function app.create_post(
  p_org_id uuid,
  p_body text default '',
  p_source public.post_source default 'human',
  p_title text default null,
  p_campaign_id uuid default null,
  p_on_behalf_of uuid default null,
  p_networks text[] default '{}',
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_role public.org_role := app.my_role(p_org_id);
  v_behalf uuid := coalesce(p_on_behalf_of, (select auth.uid()));
  v_networks text[];
  v_post public.posts;
  v_version public.post_versions;
  v_constraint text;
begin
  if v_role is null then
    raise exception 'You are not a member of this organization.' using errcode = '42501', hint = 'forbidden';
  end if;
  if v_role = 'viewer' then
    raise exception 'Viewers can read posts but not write them.' using errcode = '42501', hint = 'forbidden';
  end if;
  perform app.check_on_behalf_of(p_org_id, v_role, v_behalf);
  perform app.check_campaign(p_org_id, p_campaign_id);
  select coalesce(array_agg(distinct n order by n), '{}') into v_networks from unnest(coalesce(p_networks, '{}')) n;
  if exists (select 1 from unnest(v_networks) n where n not in ('linkedin', 'x', 'facebook', 'instagram', 'sandbox')) then
    raise exception 'Pick networks from the list.' using errcode = 'GA422', hint = 'invalid_network';
  end if;
  begin
    insert into public.posts (org_id, campaign_id, author_id, on_behalf_of, title, updated_by)
    values (p_org_id, p_campaign_id, v_uid, v_behalf, nullif(btrim(p_title), ''), v_uid)
    returning * into v_post;
  exception when foreign_key_violation then
    get stacked diagnostics v_constraint = constraint_name;
    perform app.raise_campaign_fkey(v_constraint);
    raise;
  end;
  insert into public.post_versions (org_id, post_id, version_no, body, source, author_id)
  values (p_org_id, v_post.id, 1, coalesce(p_body, ''), coalesce(p_source, 'human'), v_uid)
  returning * into v_version;
  update public.posts set current_version_id = v_version.id where id = v_post.id returning * into v_post;
  insert into public.post_targets (org_id, post_id, network)
  select p_org_id, v_post.id, n from unnest(v_networks) n;
  perform app.log_activity(p_org_id, 'post.created', 'post', v_post.id::text,
    jsonb_build_object('title', v_post.title, 'campaign_id', p_campaign_id, 'on_behalf_of', v_behalf,
                       'networks', to_jsonb(v_networks), 'source', v_version.source),
    p_request_id, p_ip);
  return v_post;
end
$$;

-- Title, campaign and on-behalf-of. Unchanged values write nothing.
create function app.update_post(
  p_post_id uuid,
  p_expected_revision integer,
  p_title text,
  p_campaign_id uuid,
  p_on_behalf_of uuid,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'edit');
  v_title text := nullif(btrim(p_title), '');
  v_changed text[] := '{}';
  v_constraint text;
begin
  if v_title is distinct from v_post.title then v_changed := v_changed || 'title'::text; end if;
  if p_campaign_id is distinct from v_post.campaign_id then v_changed := v_changed || 'campaign_id'::text; end if;
  if p_on_behalf_of is distinct from v_post.on_behalf_of then v_changed := v_changed || 'on_behalf_of'::text; end if;
  if cardinality(v_changed) = 0 then
    return v_post;
  end if;
  if 'on_behalf_of' = any (v_changed) then
    if app.my_role(v_post.org_id) = 'employee' then
      raise exception 'Only owners, admins and brand creators can change whom a post is for.'
        using errcode = '42501', hint = 'forbidden';
    end if;
    perform app.check_on_behalf_of(v_post.org_id, app.my_role(v_post.org_id), p_on_behalf_of);
  end if;
  if 'campaign_id' = any (v_changed) then
    perform app.check_campaign(v_post.org_id, p_campaign_id);
  end if;
  begin
    update public.posts
       set title = v_title, campaign_id = p_campaign_id, on_behalf_of = p_on_behalf_of,
           revision = revision + 1, updated_by = (select auth.uid())
     where id = p_post_id returning * into v_post;
  exception when foreign_key_violation then
    get stacked diagnostics v_constraint = constraint_name;
    perform app.raise_campaign_fkey(v_constraint);
    raise;
  end;
  perform app.log_activity(v_post.org_id, 'post.updated', 'post', p_post_id::text,
    jsonb_build_object('changed', to_jsonb(v_changed), 'title', v_post.title, 'campaign_id', v_post.campaign_id,
                       'on_behalf_of', v_post.on_behalf_of, 'revision', v_post.revision),
    p_request_id, p_ip);
  return v_post;
end
$$;

-- Saves the text as a new version. The same text and source as the current version writes nothing.
create function app.save_post_version(
  p_post_id uuid,
  p_expected_revision integer,
  p_body text,
  p_source public.post_source default 'human',
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'edit');
  v_current public.post_versions;
  v_version public.post_versions;
begin
  if p_body is null then
    raise exception 'The post has no text.' using errcode = 'GA422', hint = 'body_required';
  end if;
  select * into v_current from public.post_versions where id = v_post.current_version_id;
  if found and v_current.body = p_body and v_current.source = coalesce(p_source, 'human') then
    return v_post;
  end if;
  insert into public.post_versions (org_id, post_id, version_no, body, source, author_id)
  values (v_post.org_id, p_post_id,
          (select coalesce(max(version_no), 0) + 1 from public.post_versions where post_id = p_post_id),
          p_body, coalesce(p_source, 'human'), (select auth.uid()))
  returning * into v_version;
  update public.posts
     set current_version_id = v_version.id, revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning * into v_post;
  perform app.log_activity(v_post.org_id, 'post.version_saved', 'post', p_post_id::text,
    jsonb_build_object('version_no', v_version.version_no, 'source', v_version.source, 'revision', v_post.revision),
    p_request_id, p_ip);
  return v_post;
end
$$;

-- Restoring copies an old version into a new one (history never changes).
create function app.restore_post_version(
  p_post_id uuid,
  p_version_id uuid,
  p_expected_revision integer,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'edit');
  v_old public.post_versions;
  v_version public.post_versions;
begin
  select * into v_old from public.post_versions where id = p_version_id and post_id = p_post_id;
  if not found then
    raise exception 'That version does not exist.' using errcode = 'GA404', hint = 'version_not_found';
  end if;
  insert into public.post_versions (org_id, post_id, version_no, body, source, author_id, restored_from)
  values (v_post.org_id, p_post_id,
          (select max(version_no) + 1 from public.post_versions where post_id = p_post_id),
          v_old.body, v_old.source, (select auth.uid()), v_old.id)
  returning * into v_version;
  update public.posts
     set current_version_id = v_version.id, revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning * into v_post;
  perform app.log_activity(v_post.org_id, 'post.version_restored', 'post', p_post_id::text,
    jsonb_build_object('version_no', v_version.version_no, 'restored_from_version_no', v_old.version_no,
                       'revision', v_post.revision),
    p_request_id, p_ip);
  return v_post;
end
$$;

-- The networks the post goes to, with optional per-network text: `p_targets` is a JSON array of
-- {"network": "...", "text_override": "..." | null}. Targets missing from the list are removed,
-- except ones already published (they stay: they are the record of what went out).
create function app.set_post_targets(
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
begin
  if jsonb_typeof(p_targets) is distinct from 'array' then
    raise exception 'Pick networks from the list.' using errcode = 'GA422', hint = 'invalid_network';
  end if;
  select coalesce(array_agg(e.value ->> 'network' order by e.ord), '{}'),
         coalesce(array_agg(nullif(btrim(e.value ->> 'text_override'), '') order by e.ord), '{}')
    into v_networks, v_overrides
  from jsonb_array_elements(p_targets) with ordinality as e(value, ord);
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
  insert into public.post_targets (org_id, post_id, network, text_override, status)
  select v_post.org_id, p_post_id, w.network, w.text_override,
         case when v_post.status = 'scheduled' then 'scheduled' else 'draft' end
  from unnest(v_networks, v_overrides) as w(network, text_override)
  on conflict (post_id, network) do update set text_override = excluded.text_override;
  v_post := app.bump_post(p_post_id);
  perform app.log_activity(v_post.org_id, 'post.targets_updated', 'post', p_post_id::text,
    jsonb_build_object(
      'networks', (select coalesce(jsonb_agg(n order by n), '[]') from unnest(v_networks) n),
      'overrides', (select coalesce(jsonb_agg(w.network order by w.network), '[]')
                    from unnest(v_networks, v_overrides) as w(network, text_override) where w.text_override is not null),
      'revision', v_post.revision),
    p_request_id, p_ip);
  return v_post;
end
$$;

-- The post's media, in order: `p_media` is a JSON array of {"media_id": "...", "alt_override": ...}.
create function app.set_post_media(
  p_post_id uuid,
  p_expected_revision integer,
  p_media jsonb,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'edit');
  v_uid uuid := (select auth.uid());
  v_is_employee boolean := app.my_role(v_post.org_id) = 'employee';
  v_ids uuid[];
  v_alts text[];
  v_found integer;
begin
  if jsonb_typeof(p_media) is distinct from 'array' then
    raise exception 'The media list is not valid.' using errcode = 'GA422', hint = 'invalid_media';
  end if;
  if jsonb_array_length(p_media) > 20 then
    raise exception 'A post can have at most 20 files.' using errcode = 'GA422', hint = 'too_many_media';
  end if;
  select coalesce(array_agg((e.value ->> 'media_id')::uuid order by e.ord), '{}'),
         coalesce(array_agg(nullif(btrim(e.value ->> 'alt_override'), '') order by e.ord), '{}')
    into v_ids, v_alts
  from jsonb_array_elements(p_media) with ordinality as e(value, ord);
  if array_position(v_ids, null) is not null
     or cardinality(v_ids) <> (select count(distinct i) from unnest(v_ids) i) then
    raise exception 'Add each file once.' using errcode = 'GA422', hint = 'invalid_media';
  end if;
  -- FOR SHARE: a concurrent app.delete_media_asset waits for this transaction, then sees the post.
  select count(*) into v_found from (
    select 1 from public.media_assets a
    where a.id = any (v_ids) and a.org_id = v_post.org_id
      and (not v_is_employee or a.uploaded_by = v_uid
           or exists (select 1 from public.post_media pm where pm.post_id = p_post_id and pm.media_id = a.id))
    for share of a
  ) s;
  if v_found <> cardinality(v_ids) then
    raise exception 'One of the files does not exist.' using errcode = 'GA404', hint = 'media_not_found';
  end if;
  if exists (select 1 from public.media_assets where id = any (v_ids) and deleted_at is not null) then
    raise exception 'One of the files was deleted. Remove it from the post.' using errcode = 'GA422', hint = 'media_deleted';
  end if;
  delete from public.post_media where post_id = p_post_id;
  insert into public.post_media (org_id, post_id, media_id, position, alt_override)
  select v_post.org_id, p_post_id, m.media_id, (m.ord - 1)::smallint, m.alt_override
  from unnest(v_ids, v_alts) with ordinality as m(media_id, alt_override, ord);
  v_post := app.bump_post(p_post_id);
  perform app.log_activity(v_post.org_id, 'post.media_updated', 'post', p_post_id::text,
    jsonb_build_object('media_ids', to_jsonb(v_ids), 'revision', v_post.revision), p_request_id, p_ip);
  return v_post;
end
$$;

-- Schedules (or reschedules) the post for `p_scheduled_at`. `p_now` is the server's clock
-- (lib/clock.ts, which tests set); null means now(). Only our server calls this (the Data API is
-- off), so the clock it passes is trusted like the rest of the request.
create function app.schedule_post(
  p_post_id uuid,
  p_scheduled_at timestamptz,
  p_expected_revision integer,
  p_now timestamptz default null,
  p_request_id text default null,
  p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for(p_post_id, p_expected_revision, 'schedule');
  v_previous timestamptz := v_post.scheduled_at;
  v_was_scheduled boolean := v_post.status = 'scheduled';
begin
  if p_scheduled_at is null or p_scheduled_at <= coalesce(p_now, now()) then
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
  -- FOR SHARE: a concurrent app.delete_media_asset waits, then sees this post scheduled.
  perform 1 from public.media_assets a join public.post_media pm on pm.media_id = a.id
   where pm.post_id = p_post_id for share of a;
  if exists (select 1 from public.post_media pm join public.media_assets a on a.id = pm.media_id
             where pm.post_id = p_post_id and a.deleted_at is not null) then
    raise exception 'A file on this post was deleted. Remove it before scheduling.' using errcode = 'GA422', hint = 'media_deleted';
  end if;
  update public.posts
     set status = 'scheduled', scheduled_at = p_scheduled_at, revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning * into v_post;
  update public.post_targets set status = 'scheduled', error = null
   where post_id = p_post_id and status in ('draft', 'scheduled', 'failed', 'cancelled');
  perform app.log_activity(v_post.org_id, case when v_was_scheduled then 'post.rescheduled' else 'post.scheduled' end,
    'post', p_post_id::text,
    jsonb_build_object('scheduled_at', p_scheduled_at, 'previous_scheduled_at', v_previous, 'revision', v_post.revision),
    p_request_id, p_ip);
  return v_post;
end
$$;

create function app.unschedule_post(
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
  update public.post_targets set status = 'draft' where post_id = p_post_id and status = 'scheduled';
  perform app.log_activity(v_post.org_id, 'post.unscheduled', 'post', p_post_id::text,
    jsonb_build_object('previous_scheduled_at', v_previous, 'revision', v_post.revision), p_request_id, p_ip);
  return v_post;
end
$$;

-- Archives the post (posts are never deleted); a scheduled post's targets are cancelled. Archiving an
-- archived post writes nothing.
create function app.archive_post(
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
  update public.post_targets set status = 'cancelled' where post_id = p_post_id and status = 'scheduled';
  perform app.log_activity(v_post.org_id, 'post.archived', 'post', p_post_id::text,
    jsonb_build_object('previous_status', v_previous, 'scheduled_at', v_post.scheduled_at), p_request_id, p_ip);
  return v_post;
end
$$;

-- Campaigns ----------------------------------------------------------------------------------------

create function app.require_campaign_manager(p_org_id uuid) returns void
language plpgsql stable security definer set search_path = '' as $$
declare
  v_role public.org_role := app.my_role(p_org_id);
begin
  if v_role is null or v_role not in ('owner', 'admin', 'brand_creator') then
    raise exception 'Only owners, admins and brand creators can manage campaigns.' using errcode = '42501', hint = 'forbidden';
  end if;
end
$$;

create function app.check_campaign_fields(p_name text, p_starts_on date, p_ends_on date) returns void
language plpgsql immutable set search_path = '' as $$
begin
  if char_length(btrim(coalesce(p_name, ''))) not between 1 and 120 then
    raise exception 'Give the campaign a name of up to 120 characters.' using errcode = 'GA422', hint = 'campaign_name';
  end if;
  if p_starts_on is not null and p_ends_on is not null and p_ends_on < p_starts_on then
    raise exception 'The campaign cannot end before it starts.' using errcode = 'GA422', hint = 'campaign_dates';
  end if;
end
$$;

create function app.create_campaign(
  p_org_id uuid,
  p_name text,
  p_description text default null,
  p_color text default null,
  p_starts_on date default null,
  p_ends_on date default null,
  p_request_id text default null,
  p_ip inet default null
) returns public.campaigns
language plpgsql security definer set search_path = '' as $$
declare
  v_campaign public.campaigns;
begin
  perform app.require_campaign_manager(p_org_id);
  perform app.check_campaign_fields(p_name, p_starts_on, p_ends_on);
  begin
    insert into public.campaigns (org_id, name, description, color, starts_on, ends_on, created_by)
    values (p_org_id, btrim(p_name), nullif(btrim(p_description), ''), p_color, p_starts_on, p_ends_on, (select auth.uid()))
    returning * into v_campaign;
  exception when unique_violation then
    raise exception 'A campaign named "%" already exists.', btrim(p_name) using errcode = 'GA409', hint = 'campaign_name_taken';
  end;
  perform app.log_activity(p_org_id, 'campaign.created', 'campaign', v_campaign.id::text,
    jsonb_build_object('name', v_campaign.name, 'starts_on', v_campaign.starts_on, 'ends_on', v_campaign.ends_on),
    p_request_id, p_ip);
  return v_campaign;
end
$$;

-- Unchanged values write nothing.
create function app.update_campaign(
  p_campaign_id uuid,
  p_name text,
  p_description text default null,
  p_color text default null,
  p_starts_on date default null,
  p_ends_on date default null,
  p_request_id text default null,
  p_ip inet default null
) returns public.campaigns
language plpgsql security definer set search_path = '' as $$
declare
  v_before public.campaigns;
  v_after public.campaigns;
begin
  select * into v_before from public.campaigns where id = p_campaign_id for update;
  if not found or app.my_role(v_before.org_id) is null then
    raise exception 'That campaign does not exist.' using errcode = 'GA404', hint = 'campaign_not_found';
  end if;
  perform app.require_campaign_manager(v_before.org_id);
  if v_before.status = 'archived' then
    raise exception 'This campaign is archived.' using errcode = 'GA422', hint = 'campaign_archived';
  end if;
  perform app.check_campaign_fields(p_name, p_starts_on, p_ends_on);
  if (btrim(p_name), nullif(btrim(p_description), ''), p_color, p_starts_on, p_ends_on)
     is not distinct from (v_before.name, v_before.description, v_before.color, v_before.starts_on, v_before.ends_on) then
    return v_before;
  end if;
  begin
    update public.campaigns
       set name = btrim(p_name), description = nullif(btrim(p_description), ''), color = p_color,
           starts_on = p_starts_on, ends_on = p_ends_on
     where id = p_campaign_id returning * into v_after;
  exception when unique_violation then
    raise exception 'A campaign named "%" already exists.', btrim(p_name) using errcode = 'GA409', hint = 'campaign_name_taken';
  end;
  perform app.log_activity(v_after.org_id, 'campaign.updated', 'campaign', p_campaign_id::text,
    jsonb_build_object('before', jsonb_build_object('name', v_before.name, 'starts_on', v_before.starts_on, 'ends_on', v_before.ends_on),
                       'after', jsonb_build_object('name', v_after.name, 'starts_on', v_after.starts_on, 'ends_on', v_after.ends_on)),
    p_request_id, p_ip);
  return v_after;
end
$$;

-- Archiving keeps the campaign's posts in it; new posts cannot join it. Archiving twice writes nothing.
create function app.archive_campaign(p_campaign_id uuid, p_request_id text default null, p_ip inet default null)
returns public.campaigns
language plpgsql security definer set search_path = '' as $$
declare
  v_campaign public.campaigns;
begin
  select * into v_campaign from public.campaigns where id = p_campaign_id for update;
  if not found or app.my_role(v_campaign.org_id) is null then
    raise exception 'That campaign does not exist.' using errcode = 'GA404', hint = 'campaign_not_found';
  end if;
  perform app.require_campaign_manager(v_campaign.org_id);
  if v_campaign.status = 'archived' then
    return v_campaign;
  end if;
  update public.campaigns set status = 'archived', archived_at = now() where id = p_campaign_id returning * into v_campaign;
  perform app.log_activity(v_campaign.org_id, 'campaign.archived', 'campaign', p_campaign_id::text,
    jsonb_build_object('name', v_campaign.name), p_request_id, p_ip);
  return v_campaign;
end
$$;

-- Media --------------------------------------------------------------------------------------------

-- Records a file the server has verified in Storage (lib/media/file-store.ts: size, MIME, magic bytes).
create function app.create_media_asset(
  p_org_id uuid,
  p_path text,
  p_mime text,
  p_size_bytes bigint,
  p_width integer default null,
  p_height integer default null,
  p_alt_text text default null,
  p_request_id text default null,
  p_ip inet default null
) returns public.media_assets
language plpgsql security definer set search_path = '' as $$
declare
  v_role public.org_role := app.my_role(p_org_id);
  v_asset public.media_assets;
begin
  if v_role is null or v_role = 'viewer' then
    raise exception 'Your role does not allow uploading files.' using errcode = '42501', hint = 'forbidden';
  end if;
  if p_path is null or p_path !~ ('^' || p_org_id::text || '/[0-9a-f-]{36}\.[a-z0-9]{2,5}$') then
    raise exception 'That file is not in this organization''s storage.' using errcode = 'GA422', hint = 'invalid_path';
  end if;
  begin
    insert into public.media_assets (org_id, uploaded_by, path, mime, size_bytes, width, height, alt_text)
    values (p_org_id, (select auth.uid()), p_path, p_mime, p_size_bytes, p_width, p_height, nullif(btrim(p_alt_text), ''))
    returning * into v_asset;
  exception when unique_violation then
    raise exception 'That file is already in the library.' using errcode = 'GA409', hint = 'media_exists';
  end;
  perform app.log_activity(p_org_id, 'media.uploaded', 'media_asset', v_asset.id::text,
    jsonb_build_object('path', p_path, 'mime', p_mime, 'size_bytes', p_size_bytes), p_request_id, p_ip);
  return v_asset;
end
$$;

-- Locks a media asset the caller may manage: every role but viewer and employee manages all of the
-- org's files; an employee only their own uploads.
create function app.lock_media_for_change(p_media_id uuid) returns public.media_assets
language plpgsql security definer set search_path = '' as $$
declare
  v_asset public.media_assets;
  v_role public.org_role;
begin
  select * into v_asset from public.media_assets where id = p_media_id for update;
  if found then
    v_role := app.my_role(v_asset.org_id);
  end if;
  if v_role is null or (v_role = 'employee' and v_asset.uploaded_by is distinct from (select auth.uid())) then
    raise exception 'That file does not exist.' using errcode = 'GA404', hint = 'media_not_found';
  end if;
  if v_role = 'viewer' then
    raise exception 'Viewers can read files but not change them.' using errcode = '42501', hint = 'forbidden';
  end if;
  return v_asset;
end
$$;

create function app.update_media_asset(p_media_id uuid, p_alt_text text, p_request_id text default null, p_ip inet default null)
returns public.media_assets
language plpgsql security definer set search_path = '' as $$
declare
  v_asset public.media_assets := app.lock_media_for_change(p_media_id);
begin
  if v_asset.deleted_at is not null then
    raise exception 'That file was deleted.' using errcode = 'GA410', hint = 'media_deleted';
  end if;
  if nullif(btrim(p_alt_text), '') is not distinct from v_asset.alt_text then
    return v_asset;
  end if;
  update public.media_assets set alt_text = nullif(btrim(p_alt_text), '') where id = p_media_id returning * into v_asset;
  perform app.log_activity(v_asset.org_id, 'media.updated', 'media_asset', p_media_id::text,
    jsonb_build_object('alt_text', v_asset.alt_text), p_request_id, p_ip);
  return v_asset;
end
$$;

-- Soft delete; refused while a scheduled (or publishing) post uses the file. The Storage object is
-- removed later, by a cleanup job. Deleting twice writes nothing.
create function app.delete_media_asset(p_media_id uuid, p_request_id text default null, p_ip inet default null)
returns public.media_assets
language plpgsql security definer set search_path = '' as $$
declare
  v_asset public.media_assets := app.lock_media_for_change(p_media_id);
  v_post_ids uuid[];
begin
  if v_asset.deleted_at is not null then
    return v_asset;
  end if;
  select array_agg(p.id order by p.scheduled_at) into v_post_ids
  from public.post_media pm join public.posts p on p.id = pm.post_id
  where pm.media_id = p_media_id and p.status in ('scheduled', 'publishing');
  if v_post_ids is not null then
    raise exception 'This file is used by a scheduled post. Remove it from the post or unschedule the post first.'
      using errcode = 'GA409', hint = 'media_in_use', detail = jsonb_build_object('post_ids', to_jsonb(v_post_ids))::text;
  end if;
  update public.media_assets set deleted_at = now() where id = p_media_id returning * into v_asset;
  perform app.log_activity(v_asset.org_id, 'media.deleted', 'media_asset', p_media_id::text,
    jsonb_build_object('path', v_asset.path), p_request_id, p_ip);
  return v_asset;
end
$$;

-- Execute rights: the helpers policies use, and the write functions. Everything else is internal.
revoke all on function
  app.refuse_post_version_change(), app.can_read_post(uuid), app.can_read_media(uuid),
  app.is_org_member(uuid, uuid), app.lock_post_for(uuid, integer, text), app.bump_post(uuid),
  app.check_on_behalf_of(uuid, public.org_role, uuid), app.check_campaign(uuid, uuid),
  app.raise_campaign_fkey(text),
  app.create_post(uuid, text, public.post_source, text, uuid, uuid, text[], text, inet),
  app.update_post(uuid, integer, text, uuid, uuid, text, inet),
  app.save_post_version(uuid, integer, text, public.post_source, text, inet),
  app.restore_post_version(uuid, uuid, integer, text, inet),
  app.set_post_targets(uuid, integer, jsonb, text, inet),
  app.set_post_media(uuid, integer, jsonb, text, inet),
  app.schedule_post(uuid, timestamptz, integer, timestamptz, text, inet),
  app.unschedule_post(uuid, integer, text, inet),
  app.archive_post(uuid, integer, text, inet),
  app.require_campaign_manager(uuid), app.check_campaign_fields(text, date, date),
  app.create_campaign(uuid, text, text, text, date, date, text, inet),
  app.update_campaign(uuid, text, text, text, date, date, text, inet),
  app.archive_campaign(uuid, text, inet),
  app.create_media_asset(uuid, text, text, bigint, integer, integer, text, text, inet),
  app.lock_media_for_change(uuid),
  app.update_media_asset(uuid, text, text, inet),
  app.delete_media_asset(uuid, text, inet)
from public;

grant execute on function
  app.can_read_post(uuid), app.can_read_media(uuid),
  app.create_post(uuid, text, public.post_source, text, uuid, uuid, text[], text, inet),
  app.update_post(uuid, integer, text, uuid, uuid, text, inet),
  app.save_post_version(uuid, integer, text, public.post_source, text, inet),
  app.restore_post_version(uuid, uuid, integer, text, inet),
  app.set_post_targets(uuid, integer, jsonb, text, inet),
  app.set_post_media(uuid, integer, jsonb, text, inet),
  app.schedule_post(uuid, timestamptz, integer, timestamptz, text, inet),
  app.unschedule_post(uuid, integer, text, inet),
  app.archive_post(uuid, integer, text, inet),
  app.create_campaign(uuid, text, text, text, date, date, text, inet),
  app.update_campaign(uuid, text, text, text, date, date, text, inet),
  app.archive_campaign(uuid, text, inet),
  app.create_media_asset(uuid, text, text, bigint, integer, integer, text, text, inet),
  app.update_media_asset(uuid, text, text, inet),
  app.delete_media_asset(uuid, text, inet)
to authenticated;
