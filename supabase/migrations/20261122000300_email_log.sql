-- Every email we send, auth emails included, is a row here first and a job second; the row id is the
-- Resend idempotency key, so a job that runs twice (at-least-once delivery) sends once.
-- Admin-only table: RLS on, no policy, no grants. Written by webhooks and the worker (withAdmin) and
-- by app.queue_welcome_email().

create table public.email_log (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references public.organizations (id) on delete set null,
  -- No foreign key: Supabase calls the Send Email Hook inside the sign-up transaction, before the new
  -- auth.users row is committed, so a reference would fail every confirmation email.
  user_id uuid,
  template text not null,
  to_email text not null,
  data jsonb not null default '{}'::jsonb,
  dedupe_key text unique,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'suppressed')),
  attempts integer not null default 0,
  provider_id text,
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_log_status_created_at_idx on public.email_log (status, created_at) where status = 'queued';
create index email_log_user_id_idx on public.email_log (user_id);
alter table public.email_log enable row level security;

-- The signed-in user's own welcome email, at most once. Returns the new row id, or null when it was
-- queued before.
create function app.queue_welcome_email() returns uuid
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
  insert into public.email_log (user_id, template, to_email, data, dedupe_key)
  values (v_uid, 'welcome', v_profile.email, jsonb_build_object('name', v_profile.full_name), 'welcome:' || v_uid)
  on conflict (dedupe_key) do nothing
  returning id into v_id;
  return v_id;
end
$$;
revoke all on function app.queue_welcome_email() from public;
grant execute on function app.queue_welcome_email() to authenticated;
