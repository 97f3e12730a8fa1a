-- AI generation and credits (DESIGN.md §4): plans grant monthly credits, a generation debits its
-- cost in the same transaction that queues it, a failure refunds it, and the balance can never go
-- negative, however many requests race (the balance row is the lock). Organizations may bring their
-- own key for an OpenAI-compatible provider; the app encrypts it before it reaches SQL, and nobody
-- can select it back.
--
-- Rows only the system writes: credit_balances, credit_ledger (through the functions below) and
-- ai_generations (app.request_generation, app.record_cached_generation, then the worker through
-- withAdmin). `authenticated` reads:
--   credit_balances  every member of the org (the composer shows what is left)
--   credit_ledger    owners and admins (the Credits page)
--   ai_generations   composers every one of the org; an employee the ones they asked for or that
--                    are in their voice; viewers every one (they read everything)
--   ai_providers     owners and admins, never the key column

-- Plans --------------------------------------------------------------------------------------------

alter table public.organizations
  add column plan text not null default 'free' check (plan in ('free', 'pro', 'team'));

-- The credits each plan grants per calendar month (UTC). lib/ai/credits.ts shows them; billing sets
-- organizations.plan.
create function app.plan_monthly_credits(p_plan text) returns integer
language sql immutable set search_path = '' as $$
  select case p_plan when 'free' then 50 when 'pro' then 500 when 'team' then 2000 else 0 end
$$;

-- Credits ------------------------------------------------------------------------------------------

create table public.credit_balances (
  org_id uuid primary key references public.organizations (id) on delete cascade,
  balance integer not null check (balance >= 0),
  -- The month (YYYY-MM, UTC) of the last monthly grant.
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  updated_at timestamptz not null default now()
);

create table public.credit_ledger (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- grant: the month's credits; expire: what was left of the last month; debit: a generation
  -- queued; refund: a generation that failed or fell back to a template.
  kind text not null check (kind in ('grant', 'expire', 'debit', 'refund')),
  amount integer not null check ((kind in ('grant', 'refund') and amount > 0) or (kind in ('debit', 'expire') and amount < 0)),
  balance_after integer not null check (balance_after >= 0),
  generation_id uuid,
  period text,
  actor_id uuid references auth.users (id) on delete set null,
  note text check (note is null or char_length(note) <= 300),
  created_at timestamptz not null default now()
);
create index credit_ledger_org_id_id_idx on public.credit_ledger (org_id, id desc);
-- One grant per org and month, one debit and one refund per generation: a job run twice moves
-- nothing twice.
create unique index credit_ledger_grant_key on public.credit_ledger (org_id, period) where kind = 'grant';
create unique index credit_ledger_generation_key on public.credit_ledger (generation_id, kind) where generation_id is not null;

-- The month's credits: what is left of the last month expires, the plan's allowance is granted.
-- A no-op when the org already has this month's grant. Internal (the trigger below, credits.reset).
create function app.grant_monthly_credits(p_org_id uuid, p_period text) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  v_plan text;
  v_allowance integer;
  v_left integer;
begin
  select plan into v_plan from public.organizations where id = p_org_id and deleted_at is null;
  if not found then
    return 0;
  end if;
  insert into public.credit_balances (org_id, balance, period) values (p_org_id, 0, p_period)
  on conflict (org_id) do nothing;
  select balance into v_left from public.credit_balances where org_id = p_org_id for update;
  if exists (select 1 from public.credit_ledger where org_id = p_org_id and kind = 'grant' and period = p_period) then
    return 0;
  end if;
  v_allowance := app.plan_monthly_credits(v_plan);
  if v_left > 0 then
    insert into public.credit_ledger (org_id, kind, amount, balance_after, period, note)
    values (p_org_id, 'expire', -v_left, 0, p_period, 'Unused credits of the previous month');
  end if;
  update public.credit_balances set balance = v_allowance, period = p_period, updated_at = now()
   where org_id = p_org_id;
  if v_allowance > 0 then
    insert into public.credit_ledger (org_id, kind, amount, balance_after, period, note)
    values (p_org_id, 'grant', v_allowance, v_allowance, p_period, initcap(v_plan) || ' plan, ' || p_period);
  end if;
  return v_allowance;
end
$$;

-- A new organization starts with this month's credits.
create function app.grant_first_credits() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform app.grant_monthly_credits(new.id, to_char(now() at time zone 'UTC', 'YYYY-MM'));
  return new;
end
$$;
create trigger organizations_grant_first_credits after insert on public.organizations
  for each row execute function app.grant_first_credits();

select app.grant_monthly_credits(id, to_char(now() at time zone 'UTC', 'YYYY-MM'))
  from public.organizations where deleted_at is null;

-- Debits `p_amount` for a generation, or raises "no credits" (GA402). The update takes the balance
-- row's lock and re-checks the balance after any concurrent debit commits, so concurrent requests
-- queue up behind each other and the balance never goes below zero. Internal.
create function app.debit_credits(p_org_id uuid, p_amount integer, p_generation_id uuid) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  v_balance integer;
begin
  if p_amount <= 0 then
    return (select balance from public.credit_balances where org_id = p_org_id);
  end if;
  update public.credit_balances set balance = balance - p_amount, updated_at = now()
   where org_id = p_org_id and balance >= p_amount
  returning balance into v_balance;
  if not found then
    raise exception 'Your organization has no AI credits left this month. They renew on the 1st; an owner can also move to a bigger plan.'
      using errcode = 'GA402', hint = 'no_credits';
  end if;
  insert into public.credit_ledger (org_id, kind, amount, balance_after, generation_id, actor_id)
  values (p_org_id, 'debit', -p_amount, v_balance, p_generation_id, (select auth.uid()));
  return v_balance;
end
$$;

-- AI providers (bring your own key) ----------------------------------------------------------------

create table public.ai_providers (
  org_id uuid primary key references public.organizations (id) on delete cascade,
  kind text not null check (kind in ('openai', 'azure', 'ollama', 'custom')),
  base_url text check (base_url is null or (base_url ~ '^https?://[^\s]+$' and char_length(base_url) <= 500)),
  model text not null check (char_length(btrim(model)) between 1 and 200),
  api_version text check (api_version is null or api_version ~ '^[0-9A-Za-z.-]{1,40}$'),
  -- "v1.<key id>.<iv>.<tag>.<ciphertext>" (lib/social/crypto.ts), bound to the org.
  api_key_enc text,
  key_hint text check (key_hint is null or char_length(key_hint) <= 12),
  status text not null default 'active' check (status in ('active', 'invalid')),
  status_reason text check (status_reason is null or char_length(status_reason) <= 500),
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ai_providers_url_check check (kind = 'openai' or base_url is not null)
);
create trigger ai_providers_touch before update on public.ai_providers
  for each row execute function app.touch_updated_at();

create function app.set_ai_provider(
  p_org_id uuid, p_kind text, p_base_url text, p_model text, p_api_version text,
  p_api_key_enc text, p_key_hint text, p_request_id text default null, p_ip inet default null
) returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform app.require_admin(p_org_id);
  insert into public.ai_providers as p (org_id, kind, base_url, model, api_version, api_key_enc, key_hint, updated_by)
  values (p_org_id, p_kind, p_base_url, btrim(p_model), p_api_version, p_api_key_enc, p_key_hint, (select auth.uid()))
  on conflict (org_id) do update set
    kind = excluded.kind, base_url = excluded.base_url, model = excluded.model, api_version = excluded.api_version,
    -- Saving without a new key keeps the stored one (the form never shows it back).
    api_key_enc = coalesce(excluded.api_key_enc, p.api_key_enc),
    key_hint = case when excluded.api_key_enc is null then p.key_hint else excluded.key_hint end,
    status = 'active', status_reason = null, updated_by = excluded.updated_by;
  perform app.log_activity(p_org_id, 'ai.provider_saved', 'ai_provider', p_org_id::text,
    jsonb_build_object('kind', p_kind, 'model', btrim(p_model), 'new_key', p_api_key_enc is not null), p_request_id, p_ip);
end
$$;

create function app.remove_ai_provider(p_org_id uuid, p_request_id text default null, p_ip inet default null)
returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform app.require_admin(p_org_id);
  delete from public.ai_providers where org_id = p_org_id;
  perform app.log_activity(p_org_id, 'ai.provider_removed', 'ai_provider', p_org_id::text, '{}', p_request_id, p_ip);
end
$$;

-- Generations --------------------------------------------------------------------------------------

create table public.ai_generations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  requested_by uuid references auth.users (id) on delete set null,
  -- Whose voice the text is in (the person the post is for).
  voice_user_id uuid references auth.users (id) on delete set null,
  post_id uuid,
  -- The version the request saw: a selection edit applies only while it is still current.
  base_version_id uuid,
  operation text not null check (operation in ('draft', 'rewrite', 'shorten', 'expand', 'fix', 'hashtags', 'adapt', 'variants')),
  network text not null default 'linkedin' check (network in ('linkedin', 'x', 'facebook', 'instagram', 'sandbox')),
  input jsonb not null check (octet_length(input::text) <= 40000),
  variants integer not null default 1 check (variants between 1 and 5),
  provider text not null check (provider in ('default', 'byok')),
  model text not null check (char_length(model) between 1 and 200),
  voice_version integer not null default 0,
  cache_key text,
  cached boolean not null default false,
  cost integer not null check (cost >= 0),
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'fallback', 'failed')),
  attempts integer not null default 0,
  -- Live progress: the text streamed so far, and how many variants are done.
  partial text check (partial is null or char_length(partial) <= 20000),
  variants_done integer not null default 0,
  -- { "texts": [...], "hashtags": [...] }
  result jsonb,
  version_ids uuid[] not null default '{}',
  -- Why the result was not applied to the post as a new version (it changed, or is published).
  not_applied text,
  error text check (error is null or char_length(error) <= 1000),
  error_code text,
  refunded_at timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint ai_generations_org_id_id_key unique (org_id, id),
  constraint ai_generations_post_fkey foreign key (org_id, post_id) references public.posts (org_id, id) on delete cascade
);
create index ai_generations_org_id_created_at_idx on public.ai_generations (org_id, created_at desc);
create index ai_generations_post_id_idx on public.ai_generations (post_id, created_at desc) where post_id is not null;
create index ai_generations_queued_idx on public.ai_generations (created_at) where status in ('queued', 'running');
create trigger ai_generations_touch before update on public.ai_generations
  for each row execute function app.touch_updated_at();

alter table public.credit_ledger
  add constraint credit_ledger_generation_fkey foreign key (org_id, generation_id)
    references public.ai_generations (org_id, id) on delete set null (generation_id);

-- Who may ask for text in whose voice, on which post. Raises like the post functions do.
create function app.check_generation_request(p_org_id uuid, p_voice_user_id uuid, p_post_id uuid)
returns public.org_role
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_role public.org_role := app.my_role(p_org_id);
  v_post public.posts;
begin
  if v_role is null then
    raise exception 'That organization does not exist.' using errcode = 'GA404', hint = 'org_not_found';
  end if;
  if v_role = 'viewer' then
    raise exception 'Viewers cannot generate drafts.' using errcode = '42501', hint = 'forbidden';
  end if;
  if p_voice_user_id is null or not app.is_org_member(p_org_id, p_voice_user_id) then
    raise exception 'The person this draft is for is not a member of this organization.'
      using errcode = 'GA422', hint = 'voice_user_not_member';
  end if;
  if v_role = 'employee' and p_voice_user_id <> v_uid then
    raise exception 'You can generate drafts in your own voice only.' using errcode = '42501', hint = 'forbidden';
  end if;
  if p_post_id is not null then
    select * into v_post from public.posts where id = p_post_id and org_id = p_org_id;
    if not found or (v_role = 'employee' and v_uid is distinct from v_post.author_id and v_uid is distinct from v_post.on_behalf_of) then
      raise exception 'That post does not exist.' using errcode = 'GA404', hint = 'post_not_found';
    end if;
    if v_post.status in ('publishing', 'published', 'unconfirmed', 'archived') then
      raise exception 'This post is % and can no longer be changed.', replace(v_post.status::text, '_', ' ')
        using errcode = 'GA422', hint = 'status_' || v_post.status::text;
    end if;
    -- As app.lock_post_for: an employee changes their posts only while they are drafts.
    if v_role = 'employee' and v_post.status not in ('draft', 'changes_requested') then
      raise exception 'You can change your posts only while they are drafts.' using errcode = '42501', hint = 'not_a_draft';
    end if;
  end if;
  return v_role;
end
$$;

-- Queues a generation: the row and the debit commit together, or neither does.
create function app.request_generation(
  p_org_id uuid,
  p_operation text,
  p_network text,
  p_post_id uuid,
  p_voice_user_id uuid,
  p_input jsonb,
  p_variants integer,
  p_provider text,
  p_model text,
  p_voice_version integer,
  p_cache_key text,
  p_request_id text default null,
  p_ip inet default null
) returns public.ai_generations
language plpgsql security definer set search_path = '' as $$
declare
  v_generation public.ai_generations;
  -- One credit per text written: a draft or an edit is one, N variants are N.
  v_cost integer := case when p_operation = 'variants' then coalesce(p_variants, 1) else 1 end;
begin
  perform app.check_generation_request(p_org_id, p_voice_user_id, p_post_id);
  insert into public.ai_generations (org_id, requested_by, voice_user_id, post_id, base_version_id, operation,
    network, input, variants, provider, model, voice_version, cache_key, cost)
  values (p_org_id, (select auth.uid()), p_voice_user_id, p_post_id,
    (select current_version_id from public.posts where id = p_post_id), p_operation, coalesce(p_network, 'linkedin'),
    p_input, coalesce(p_variants, 1), p_provider, p_model, coalesce(p_voice_version, 0), p_cache_key, v_cost)
  returning * into v_generation;
  perform app.debit_credits(p_org_id, v_cost, v_generation.id);
  perform app.log_activity(p_org_id, 'ai.generation_requested', 'ai_generation', v_generation.id::text,
    jsonb_build_object('operation', p_operation, 'post_id', p_post_id, 'voice_user_id', p_voice_user_id, 'cost', v_cost),
    p_request_id, p_ip);
  return v_generation;
end
$$;

-- An identical request answered from the cache: recorded (so it shows and lands like any other),
-- with no debit and no job.
create function app.record_cached_generation(
  p_org_id uuid,
  p_operation text,
  p_network text,
  p_post_id uuid,
  p_voice_user_id uuid,
  p_input jsonb,
  p_provider text,
  p_model text,
  p_voice_version integer,
  p_cache_key text,
  p_result jsonb,
  p_request_id text default null,
  p_ip inet default null
) returns public.ai_generations
language plpgsql security definer set search_path = '' as $$
declare
  v_generation public.ai_generations;
begin
  perform app.check_generation_request(p_org_id, p_voice_user_id, p_post_id);
  insert into public.ai_generations (org_id, requested_by, voice_user_id, post_id, base_version_id, operation,
    network, input, provider, model, voice_version, cache_key, cached, cost, status, result, started_at, finished_at)
  values (p_org_id, (select auth.uid()), p_voice_user_id, p_post_id,
    (select current_version_id from public.posts where id = p_post_id), p_operation, coalesce(p_network, 'linkedin'),
    p_input, p_provider, p_model, coalesce(p_voice_version, 0), p_cache_key, true, 0, 'succeeded', p_result, now(), now())
  returning * into v_generation;
  perform app.log_activity(p_org_id, 'ai.generation_cached', 'ai_generation', v_generation.id::text,
    jsonb_build_object('operation', p_operation, 'post_id', p_post_id), p_request_id, p_ip);
  return v_generation;
end
$$;

-- Gives a generation's credits back once (failure, or a template fallback). Internal (worker).
create function app.refund_generation(p_generation_id uuid, p_note text default null) returns boolean
language plpgsql security definer set search_path = '' as $$
declare
  v_generation public.ai_generations;
  v_balance integer;
begin
  select * into v_generation from public.ai_generations where id = p_generation_id for update;
  if not found or v_generation.cost = 0 or v_generation.refunded_at is not null then
    return false;
  end if;
  update public.credit_balances set balance = balance + v_generation.cost, updated_at = now()
   where org_id = v_generation.org_id returning balance into v_balance;
  insert into public.credit_ledger (org_id, kind, amount, balance_after, generation_id, actor_id, note)
  values (v_generation.org_id, 'refund', v_generation.cost, v_balance, p_generation_id, v_generation.requested_by, p_note);
  update public.ai_generations set refunded_at = now() where id = p_generation_id;
  return true;
end
$$;

-- Lands a finished generation on its post: each text becomes a new version marked `ai` (the last one
-- current), an adaptation becomes the network's own text. Nothing lands on a post that can no longer
-- change, nor a selection edit on a post whose text changed since the request (the caller passes
-- null texts when the selection no longer matches); the result then stays on the generation for the
-- user to copy, and `not_applied` says why. The worker calls it through withAdmin; a member may call
-- it only for their own (cached) generation.
create function app.apply_generation(p_generation_id uuid, p_texts text[]) returns uuid[]
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_generation public.ai_generations;
  v_post public.posts;
  v_next integer;
  v_version uuid;
  v_ids uuid[] := '{}';
  v_text text;
  v_why text;
  v_role public.org_role;
begin
  select * into v_generation from public.ai_generations where id = p_generation_id for update;
  -- A member applies only the cached generation their own request just recorded, in the same
  -- transaction (created_at is that transaction's now()).
  if not found or (v_uid is not null and (v_generation.requested_by is distinct from v_uid
                                          or not v_generation.cached or v_generation.created_at <> now())) then
    raise exception 'That generation does not exist.' using errcode = 'GA404', hint = 'generation_not_found';
  end if;
  if v_generation.post_id is null or v_generation.operation = 'hashtags' or cardinality(v_generation.version_ids) > 0 then
    return v_generation.version_ids;
  end if;
  select * into v_post from public.posts where id = v_generation.post_id for update;
  -- The rights of the request, checked again now: it may have waited a while.
  select m.role into v_role from public.memberships m
   where m.org_id = v_post.org_id and m.user_id = v_generation.requested_by;
  if v_role is null or v_role = 'viewer' then
    v_why := 'Whoever asked for this is no longer a member who can change the post, so it was not added.';
  elsif v_role = 'employee' and v_post.status not in ('draft', 'changes_requested') then
    v_why := 'The post is no longer a draft, so the text was not added to it.';
  elsif v_post.status in ('publishing', 'published', 'unconfirmed', 'archived') then
    v_why := 'The post is ' || replace(v_post.status::text, '_', ' ') || ' now, so the text was not added to it.';
  elsif p_texts is null or (v_generation.operation in ('rewrite', 'shorten', 'expand', 'fix')
        and v_post.current_version_id is distinct from v_generation.base_version_id) then
    v_why := 'The post changed while this was being written, so it was not applied. Copy it in if you still want it.';
  end if;
  if v_why is not null then
    update public.ai_generations set not_applied = v_why where id = p_generation_id;
    return '{}';
  end if;
  if v_generation.operation = 'adapt' then
    insert into public.post_targets (org_id, post_id, network, text_override, status, scheduled_at)
    values (v_post.org_id, v_post.id, v_generation.network, p_texts[1],
            case when v_post.status = 'scheduled' then 'scheduled' else 'draft' end,
            case when v_post.status = 'scheduled' then v_post.scheduled_at end)
    on conflict (post_id, network) do update set text_override = excluded.text_override;
    update public.posts set revision = revision + 1, updated_by = v_generation.requested_by where id = v_post.id;
  else
    select coalesce(max(version_no), 0) into v_next from public.post_versions where post_id = v_post.id;
    foreach v_text in array p_texts loop
      v_next := v_next + 1;
      insert into public.post_versions (org_id, post_id, version_no, body, source, author_id)
      values (v_post.org_id, v_post.id, v_next, v_text, 'ai', v_generation.requested_by)
      returning id into v_version;
      v_ids := v_ids || v_version;
    end loop;
    update public.posts set current_version_id = v_version, revision = revision + 1,
           updated_by = v_generation.requested_by
     where id = v_post.id;
  end if;
  update public.ai_generations set version_ids = v_ids where id = p_generation_id;
  insert into public.activity_log (org_id, actor_id, action, entity_type, entity_id, summary)
  values (v_post.org_id, v_generation.requested_by, 'post.ai_applied', 'post', v_post.id::text,
          jsonb_build_object('generation_id', p_generation_id, 'operation', v_generation.operation,
                             'versions', cardinality(v_ids), 'network', v_generation.network));
  return v_ids;
end
$$;

-- Access -------------------------------------------------------------------------------------------

alter table public.credit_balances enable row level security;
alter table public.credit_ledger enable row level security;
alter table public.ai_providers enable row level security;
alter table public.ai_generations enable row level security;

create policy credit_balances_select on public.credit_balances for select to authenticated
  using ((select app.has_org_role(org_id)));
create policy credit_ledger_select on public.credit_ledger for select to authenticated
  using ((select app.has_org_role(org_id, array['owner', 'admin']::public.org_role[])));
create policy ai_providers_select on public.ai_providers for select to authenticated
  using ((select app.has_org_role(org_id, array['owner', 'admin']::public.org_role[])));
create policy ai_generations_select on public.ai_generations for select to authenticated
  using ((select app.has_org_role(org_id, array['owner', 'admin', 'brand_creator', 'viewer']::public.org_role[]))
         or ((select app.has_org_role(org_id))
             and (requested_by = (select auth.uid())
                  or (voice_user_id = (select auth.uid()) and (post_id is null or (select app.can_read_post(post_id)))))));

grant select on public.credit_balances, public.credit_ledger, public.ai_generations to authenticated;
grant select (org_id, kind, base_url, model, api_version, key_hint, status, status_reason, updated_by,
  created_at, updated_at) on public.ai_providers to authenticated;

revoke all on function
  app.plan_monthly_credits(text),
  app.grant_monthly_credits(uuid, text),
  app.grant_first_credits(),
  app.debit_credits(uuid, integer, uuid),
  app.set_ai_provider(uuid, text, text, text, text, text, text, text, inet),
  app.remove_ai_provider(uuid, text, inet),
  app.check_generation_request(uuid, uuid, uuid),
  app.request_generation(uuid, text, text, uuid, uuid, jsonb, integer, text, text, integer, text, text, inet),
  app.record_cached_generation(uuid, text, text, uuid, uuid, jsonb, text, text, integer, text, jsonb, text, inet),
  app.refund_generation(uuid, text),
  app.apply_generation(uuid, text[])
from public;

grant execute on function
  app.plan_monthly_credits(text),
  app.set_ai_provider(uuid, text, text, text, text, text, text, text, inet),
  app.remove_ai_provider(uuid, text, inet),
  app.request_generation(uuid, text, text, uuid, uuid, jsonb, integer, text, text, integer, text, text, inet),
  app.record_cached_generation(uuid, text, text, uuid, uuid, jsonb, text, text, integer, text, jsonb, text, inet),
  app.apply_generation(uuid, text[])
to authenticated;
