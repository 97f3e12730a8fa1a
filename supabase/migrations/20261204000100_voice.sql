-- Voice exercises (the seeds' `exercise_completion`): each member's answers to six guided exercises,
-- per org, which together form the voice profile every AI generation for them uses. lib/voice/
-- validates the answers (zod); the database keeps them tenant-bound, readable by the right people
-- and writable only through app.save_voice_exercise.
--   read:  a member reads their own; owners, admins and brand creators read every member's in their
--          org (they generate drafts for them); employees and viewers only their own.
--   write: app.save_voice_exercise, by the member themself, never a viewer.
-- voice_profiles holds one row per member with a `version` bumped on every save that changes
-- something, so generation can cache by "voice-profile version", and the completed count.

create table public.voice_exercises (
  org_id uuid not null,
  user_id uuid not null,
  exercise text not null check (exercise in ('role', 'audience', 'goals', 'tone', 'avoid', 'samples')),
  status text not null default 'in_progress' check (status in ('in_progress', 'completed')),
  -- The answers as lib/voice/exercises.ts shapes them. The cap is a backstop for the zod limits
  -- (three 3,000-character samples fit several times over).
  data jsonb not null default '{}'::jsonb
    check (jsonb_typeof(data) = 'object' and octet_length(data::text) <= 65536),
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Also the index every policy and the membership cascade use (org_id first).
  primary key (org_id, user_id, exercise),
  -- Answers belong to a membership: a member who leaves (or is removed) takes their voice with them.
  constraint voice_exercises_member_fkey foreign key (org_id, user_id)
    references public.memberships (org_id, user_id) on delete cascade,
  constraint voice_exercises_completed_check check ((status = 'completed') = (completed_at is not null))
);
create trigger voice_exercises_touch before update on public.voice_exercises
  for each row execute function app.touch_updated_at();

create table public.voice_profiles (
  org_id uuid not null,
  user_id uuid not null,
  version integer not null default 0 check (version >= 0),
  completed_count integer not null default 0 check (completed_count between 0 and 6),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id),
  constraint voice_profiles_member_fkey foreign key (org_id, user_id)
    references public.memberships (org_id, user_id) on delete cascade
);
create trigger voice_profiles_touch before update on public.voice_profiles
  for each row execute function app.touch_updated_at();

alter table public.voice_exercises enable row level security;
alter table public.voice_profiles enable row level security;

create policy voice_exercises_select on public.voice_exercises for select to authenticated
  using (
    (user_id = (select auth.uid()) and (select app.has_org_role(org_id)))
    or (select app.has_org_role(org_id, array['owner', 'admin', 'brand_creator']::public.org_role[]))
  );
create policy voice_profiles_select on public.voice_profiles for select to authenticated
  using (
    (user_id = (select auth.uid()) and (select app.has_org_role(org_id)))
    or (select app.has_org_role(org_id, array['owner', 'admin', 'brand_creator']::public.org_role[]))
  );

grant select on public.voice_exercises, public.voice_profiles to authenticated;

-- Saves the caller's answers to one exercise and returns the profile's new version. `p_complete`
-- is the status after the save (lib/voice checks the required fields first). A save identical to
-- what is stored changes nothing: the version stays, so a cached generation stays valid.
create function app.save_voice_exercise(
  p_org_id uuid,
  p_exercise text,
  p_data jsonb,
  p_complete boolean,
  p_request_id text default null,
  p_ip inet default null
) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_role public.org_role := app.my_role(p_org_id);
  v_status text := case when p_complete then 'completed' else 'in_progress' end;
  v_before public.voice_exercises;
  v_count integer;
  v_version integer;
begin
  if v_uid is null or v_role is null then
    raise exception 'This organization does not exist or you are not a member.'
      using errcode = 'GA404', hint = 'org_not_found';
  end if;
  if v_role = 'viewer' then
    raise exception 'Viewers cannot edit a voice profile.' using errcode = '42501', hint = 'forbidden';
  end if;
  if p_exercise is null or p_exercise not in ('role', 'audience', 'goals', 'tone', 'avoid', 'samples') then
    raise exception 'Pick an exercise from the list.' using errcode = 'GA422', hint = 'invalid_exercise';
  end if;
  if p_data is null or jsonb_typeof(p_data) <> 'object' then
    raise exception 'Those answers could not be read. Reload the page and try again.'
      using errcode = 'GA422', hint = 'invalid_voice_data';
  end if;
  if octet_length(p_data::text) > 65536 then
    raise exception 'These answers are too long to save (over 64 KB). Shorten them and try again.'
      using errcode = 'GA422', hint = 'voice_data_too_large';
  end if;

  -- One save at a time per member: the version and the completed count are computed under this lock.
  insert into public.voice_profiles (org_id, user_id) values (p_org_id, v_uid) on conflict do nothing;
  select version into v_version from public.voice_profiles
   where org_id = p_org_id and user_id = v_uid for update;

  select * into v_before from public.voice_exercises
   where org_id = p_org_id and user_id = v_uid and exercise = p_exercise;
  if found and v_before.data = p_data and v_before.status = v_status then
    return v_version;
  end if;

  insert into public.voice_exercises as e (org_id, user_id, exercise, status, data, completed_at)
  values (p_org_id, v_uid, p_exercise, v_status, p_data, case when p_complete then now() end)
  on conflict (org_id, user_id, exercise) do update set
    data = excluded.data,
    status = excluded.status,
    completed_at = case when excluded.status = 'completed' then coalesce(e.completed_at, now()) end;

  select count(*)::int into v_count from public.voice_exercises
   where org_id = p_org_id and user_id = v_uid and status = 'completed';
  update public.voice_profiles set version = version + 1, completed_count = v_count
   where org_id = p_org_id and user_id = v_uid
  returning version into v_version;

  perform app.log_activity(p_org_id,
    case when p_complete and v_before.status is distinct from 'completed' then 'voice.exercise_completed'
         when not p_complete and v_before.status = 'completed' then 'voice.exercise_reopened'
         else 'voice.exercise_saved' end,
    'voice_exercise', p_exercise,
    jsonb_build_object('exercise', p_exercise, 'status', v_status, 'version', v_version, 'completed', v_count),
    p_request_id, p_ip);
  return v_version;
end
$$;

revoke all on function app.save_voice_exercise(uuid, text, jsonb, boolean, text, inet) from public;
grant execute on function app.save_voice_exercise(uuid, text, jsonb, boolean, text, inet) to authenticated;
