-- In-app notifications, email preferences, and the email category that lets the email job honour them.
--
-- notifications: rows the system writes for a user (someone joined, a review is waiting…). A user
-- reads and marks read only their own, and only while they still belong to the org. Nobody inserts
-- directly: app.notify() (security definer, for other security definer functions and triggers) and
-- withAdmin code (lib/notifications/notify.ts, for jobs and webhooks) are the only ways in.
--
-- email_preferences: per user (not per org), one row per non-essential category; no row = enabled.
-- Essential emails (auth, invitations) have email_log.category = null and ignore preferences.

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z_]{1,39}$'),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  body text check (body is null or char_length(body) <= 1000),
  -- A same-site path: "/…", never "//host" or a backslash trick, so a click cannot leave the app.
  link text check (link is null or (link ~ '^/($|[^/\\])' and link !~ '[\\[:cntrl:][:space:]]' and char_length(link) <= 500)),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user_id_created_at_idx on public.notifications (user_id, created_at desc);
create index notifications_org_id_idx on public.notifications (org_id);

alter table public.notifications enable row level security;
create policy notifications_select on public.notifications for select to authenticated
  using (user_id = (select auth.uid()) and (select app.has_org_role(org_id)));
create policy notifications_update on public.notifications for update to authenticated
  using (user_id = (select auth.uid()) and (select app.has_org_role(org_id)))
  with check (user_id = (select auth.uid()) and (select app.has_org_role(org_id)));
grant select, update (read_at) on public.notifications to authenticated;

create table public.email_preferences (
  user_id uuid not null references auth.users (id) on delete cascade,
  category text not null check (category in ('product', 'team', 'review', 'publishing')),
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, category)
);

alter table public.email_preferences enable row level security;
create policy email_preferences_select on public.email_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy email_preferences_insert on public.email_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy email_preferences_update on public.email_preferences for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
grant select, insert (user_id, category, enabled), update (enabled) on public.email_preferences to authenticated;
create trigger email_preferences_touch before update on public.email_preferences
  for each row execute function app.touch_updated_at();

-- email_log: the category a preference can turn off; null = essential (auth, invitations). A
-- categorized email needs a recipient user, whose preference decides and whose unsubscribe link it carries.
alter table public.email_log
  add column category text check (category is null or category in ('product', 'team', 'review', 'publishing')),
  add constraint email_log_category_needs_user check (category is null or user_id is not null);
update public.email_log set category = 'product' where template = 'welcome' and user_id is not null;

create or replace function app.queue_welcome_email() returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_id uuid;
  v_profile public.profiles;
begin
  if v_uid is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  select * into v_profile from public.profiles where id = v_uid;
  if v_profile.email is null then
    return null;
  end if;
  insert into public.email_log (user_id, template, to_email, data, dedupe_key, category)
  values (v_uid, 'welcome', v_profile.email, jsonb_build_object('name', v_profile.full_name), 'welcome:' || v_uid, 'product')
  on conflict (dedupe_key) do nothing
  returning id into v_id;
  return v_id;
end
$$;
revoke all on function app.queue_welcome_email() from public;
grant execute on function app.queue_welcome_email() to authenticated;

-- The only way into notifications from SQL. Not executable by `authenticated`: callers are other
-- security definer functions (which decide who may notify whom) and the owner role (withAdmin).
-- A recipient who is not (or no longer) a member of the org gets nothing: returns null.
create function app.notify(
  p_org_id uuid, p_user_id uuid, p_kind text, p_title text, p_body text default null, p_link text default null
) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_id uuid;
begin
  if p_link is not null and (p_link !~ '^/($|[^/\\])' or p_link ~ '[\\[:cntrl:][:space:]]') then
    raise exception 'A notification link must be a path inside the app.' using errcode = 'GA422', hint = 'invalid_link';
  end if;
  if not exists (
    select 1 from public.memberships m join public.organizations o on o.id = m.org_id
    where m.org_id = p_org_id and m.user_id = p_user_id and o.deleted_at is null
  ) then
    return null;
  end if;
  insert into public.notifications (org_id, user_id, kind, title, body, link)
  values (p_org_id, p_user_id, p_kind, p_title, p_body, p_link)
  returning id into v_id;
  return v_id;
end
$$;
revoke all on function app.notify(uuid, uuid, text, text, text, text) from public;

-- Accepting an invitation tells the inviter. A trigger rather than an edit of app.accept_invitation:
-- it fires only on the transition to accepted, and sends no email (the `team` email is for later).
create function app.notify_invitation_accepted() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_org public.organizations;
  v_who text;
begin
  if new.invited_by is null or new.invited_by = new.accepted_by then
    return null;
  end if;
  select * into v_org from public.organizations where id = new.org_id;
  select coalesce(nullif(btrim(p.full_name), ''), p.email) into v_who from public.profiles p where p.id = new.accepted_by;
  perform app.notify(
    new.org_id,
    new.invited_by,
    'member_joined',
    left(coalesce(v_who, new.email) || ' joined ' || v_org.name, 200),
    'They accepted your invitation and joined as '
      || case new.role when 'admin' then 'an admin' when 'brand_creator' then 'a brand creator'
                       when 'employee' then 'an employee' else 'a viewer' end || '.',
    '/' || v_org.slug || '/members'
  );
  return null;
end
$$;
revoke all on function app.notify_invitation_accepted() from public;
create trigger invitations_notify_accepted after update of accepted_at on public.invitations
  for each row when (old.accepted_at is null and new.accepted_at is not null)
  execute function app.notify_invitation_accepted();
