-- The review and approval loop: submit a post for review, reviewers approve, request changes or
-- comment on a version, and — when the org requires approval — only approved posts can be
-- scheduled. Rules (organizations.settings -> 'reviews'):
--   require_approval          scheduling needs an approval of the current version by someone other
--                             than its author (an owner, admin or brand creator, or the member the
--                             post is for)
--   require_member_approval   and when the post is on behalf of someone other than its author, that
--                             member's approval is one of them
-- Who reviews: owners, admins and brand creators any post of the org they did not write; the member
-- a post is for, that post. A new current version of an approved (or scheduled) post needs approval
-- again — a trigger enforces it whoever writes the version (an edit, a restore, an AI draft).
-- Outside approvers get an expiring read-only preview link (preview_links, token stored hashed).

create function app.review_rules(p_org_id uuid, out require_approval boolean, out require_member_approval boolean)
language sql stable security definer set search_path = '' as $$
  select coalesce((o.settings #>> '{reviews,require_approval}')::boolean, false),
         coalesce((o.settings #>> '{reviews,require_member_approval}')::boolean, false)
    from public.organizations o where o.id = p_org_id
$$;

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  post_id uuid not null,
  -- The version reviewed or commented on: comments stay anchored to it as the post moves on.
  version_id uuid not null,
  reviewer_id uuid references auth.users (id) on delete set null,
  kind text not null check (kind in ('approve', 'request_changes', 'comment')),
  body text check (body is null or char_length(body) <= 5000),
  created_at timestamptz not null default now(),
  constraint reviews_post_fkey foreign key (org_id, post_id) references public.posts (org_id, id) on delete cascade,
  constraint reviews_version_fkey foreign key (post_id, version_id) references public.post_versions (post_id, id) on delete cascade,
  constraint reviews_comment_needs_body check (kind = 'approve' or char_length(btrim(coalesce(body, ''))) > 0)
);
create index reviews_post_id_created_at_idx on public.reviews (post_id, created_at);
create index reviews_org_id_idx on public.reviews (org_id);

create table public.preview_links (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  post_id uuid not null,
  -- sha256 of the token in the link (base64url); the token itself is shown once, to its creator.
  token_hash text not null unique,
  created_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  views integer not null default 0,
  last_viewed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint preview_links_post_fkey foreign key (org_id, post_id) references public.posts (org_id, id) on delete cascade,
  constraint preview_links_expiry_check check (expires_at > created_at and expires_at <= created_at + interval '31 days')
);
create index preview_links_post_id_idx on public.preview_links (post_id);
create index preview_links_org_id_idx on public.preview_links (org_id);

alter table public.reviews enable row level security;
alter table public.preview_links enable row level security;
create policy reviews_select on public.reviews for select to authenticated
  using ((select app.can_read_post(post_id)));
create policy preview_links_select on public.preview_links for select to authenticated
  using ((select app.can_read_post(post_id)));
grant select on public.reviews to authenticated;
grant select (id, org_id, post_id, created_by, expires_at, revoked_at, views, last_viewed_at, created_at)
  on public.preview_links to authenticated;

-- The post for a review action, locked, with the caller's role; raises like app.lock_post_for.
create function app.lock_post_for_review(p_post_id uuid) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_post public.posts;
  v_role public.org_role;
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
    raise exception 'Viewers can read reviews but not take part in them.' using errcode = '42501', hint = 'forbidden';
  end if;
  if v_post.status = 'archived' then
    raise exception 'This post is archived.' using errcode = 'GA422', hint = 'status_archived';
  end if;
  return v_post;
end
$$;

-- Whether the current version of a post has the approvals its org's rules ask for.
create function app.is_post_approved(p_post_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.reviews r
                  where r.post_id = p.id and r.version_id = p.current_version_id and r.kind = 'approve'
                    and r.reviewer_id is distinct from p.author_id)
     and (not (app.review_rules(p.org_id)).require_member_approval
          or p.on_behalf_of is null or p.on_behalf_of = p.author_id
          or exists (select 1 from public.reviews r
                      where r.post_id = p.id and r.version_id = p.current_version_id and r.kind = 'approve'
                        and r.reviewer_id = p.on_behalf_of))
    from public.posts p where p.id = p_post_id
$$;

create function app.submit_post_for_review(
  p_post_id uuid, p_expected_revision integer, p_request_id text default null, p_ip inet default null
) returns public.posts
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for_review(p_post_id);
begin
  if p_expected_revision is not null and p_expected_revision <> v_post.revision then
    raise exception 'Someone else saved this post since you opened it. Reload it, then submit it again.'
      using errcode = 'GA409', hint = 'stale_revision',
            detail = jsonb_build_object('revision', v_post.revision, 'updated_by', v_post.updated_by,
                                        'updated_at', v_post.updated_at)::text;
  end if;
  if v_post.status not in ('draft', 'changes_requested') then
    raise exception '%', case when v_post.status = 'in_review' then 'This post is already in review.'
                              else 'Only drafts can be submitted for review.' end
      using errcode = 'GA422', hint = 'status_' || v_post.status::text;
  end if;
  if coalesce(btrim((select body from public.post_versions where id = v_post.current_version_id)), '') = '' then
    raise exception 'Write something before submitting the post.' using errcode = 'GA422', hint = 'empty_body';
  end if;
  update public.posts set status = 'in_review', revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning * into v_post;
  perform app.log_activity(v_post.org_id, 'post.submitted', 'post', p_post_id::text,
    jsonb_build_object('version_id', v_post.current_version_id, 'revision', v_post.revision), p_request_id, p_ip);
  return v_post;
end
$$;

-- Approve, request changes, or comment. Returns the review and the post as it now is.
create function app.review_post(
  p_post_id uuid, p_version_id uuid, p_kind text, p_body text,
  p_request_id text default null, p_ip inet default null,
  out review_id uuid, out post_status public.post_status, out post_revision integer
)
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_post public.posts := app.lock_post_for_review(p_post_id);
  v_role public.org_role := app.my_role(v_post.org_id);
  v_body text := nullif(btrim(coalesce(p_body, '')), '');
begin
  if p_kind not in ('approve', 'request_changes', 'comment') then
    raise exception 'Approve, request changes or comment.' using errcode = 'GA422', hint = 'invalid_review';
  end if;
  if not exists (select 1 from public.post_versions where id = p_version_id and post_id = p_post_id) then
    raise exception 'That version of the post does not exist.' using errcode = 'GA404', hint = 'version_not_found';
  end if;
  if p_kind <> 'comment' then
    if v_uid = v_post.author_id then
      raise exception 'Someone other than the author reviews a post.' using errcode = '42501', hint = 'own_post';
    end if;
    if v_role not in ('owner', 'admin', 'brand_creator') and v_uid is distinct from v_post.on_behalf_of then
      raise exception 'Only the person the post is for, or an owner, admin or brand creator, can review it.'
        using errcode = '42501', hint = 'forbidden';
    end if;
    if v_post.status <> 'in_review' then
      raise exception 'This post is not waiting for a review.' using errcode = 'GA422', hint = 'status_' || v_post.status::text;
    end if;
    if p_version_id is distinct from v_post.current_version_id then
      raise exception 'The post changed since you opened it. Review the current version.'
        using errcode = 'GA409', hint = 'stale_version';
    end if;
  end if;
  if p_kind <> 'approve' and v_body is null then
    raise exception 'Say what should change.' using errcode = 'GA422', hint = 'body_required';
  end if;
  insert into public.reviews (org_id, post_id, version_id, reviewer_id, kind, body)
  values (v_post.org_id, p_post_id, p_version_id, v_uid, p_kind, v_body)
  returning id into review_id;
  if p_kind = 'request_changes' then
    update public.posts set status = 'changes_requested', revision = revision + 1 where id = p_post_id
    returning * into v_post;
  elsif p_kind = 'approve' and app.is_post_approved(p_post_id) then
    update public.posts set status = 'approved', revision = revision + 1 where id = p_post_id
    returning * into v_post;
  end if;
  perform app.log_activity(v_post.org_id, 'post.' || case p_kind when 'approve' then 'approved'
      when 'request_changes' then 'changes_requested' else 'commented' end, 'post', p_post_id::text,
    jsonb_build_object('version_id', p_version_id, 'review_id', review_id, 'status', v_post.status), p_request_id, p_ip);
  post_status := v_post.status;
  post_revision := v_post.revision;
end
$$;

-- Approval covers what goes out: the text, each network's own text, the files, and whose account
-- it goes out from. When the org requires approval, changing any of them on an approved, scheduled
-- or failed post sends it back to review (a scheduled one is taken off the queue). And a post that
-- was never approved cannot become scheduled.
create function app.enforce_post_approval() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not (app.review_rules(new.org_id)).require_approval then
    return new;
  end if;
  if (new.current_version_id is distinct from old.current_version_id
      or new.on_behalf_of is distinct from old.on_behalf_of)
     and old.status in ('approved', 'scheduled', 'failed') and new.status = old.status then
    new.status := 'in_review';
    new.scheduled_at := null;
  end if;
  if new.status = 'scheduled' and old.status in ('draft', 'in_review', 'changes_requested') then
    raise exception 'This post needs approval before it can be scheduled. Submit it for review first.'
      using errcode = 'GA422', hint = 'approval_required';
  end if;
  return new;
end
$$;
create trigger posts_enforce_approval before update on public.posts
  for each row execute function app.enforce_post_approval();

create function app.unschedule_when_back_in_review() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.post_targets set status = 'draft', scheduled_at = null
   where post_id = new.id and status = 'scheduled';
  return null;
end
$$;
create trigger posts_back_in_review after update on public.posts
  for each row when (old.status = 'scheduled' and new.status = 'in_review')
  execute function app.unschedule_when_back_in_review();

-- A network added, a network's own text changed, or the files changed (by the composer, or an AI
-- adaptation) count as a change of what was approved, as a new version does.
create function app.review_again_after_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_post_id uuid := coalesce(new.post_id, old.post_id);
begin
  update public.posts p set status = 'in_review', scheduled_at = null
   where p.id = v_post_id and p.status in ('approved', 'scheduled', 'failed')
     and (app.review_rules(p.org_id)).require_approval;
  return null;
end
$$;
create trigger post_targets_review_again after insert on public.post_targets
  for each row execute function app.review_again_after_change();
create trigger post_targets_text_review_again after update of text_override on public.post_targets
  for each row when (old.text_override is distinct from new.text_override)
  execute function app.review_again_after_change();
create trigger post_media_review_again after insert or update or delete on public.post_media
  for each row execute function app.review_again_after_change();

-- Unscheduling an approved post keeps its approval when the org requires one (and it has one).
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
     set status = case when (app.review_rules(org_id)).require_approval and app.is_post_approved(id)
                       then 'approved' else 'draft' end::public.post_status,
         scheduled_at = null, revision = revision + 1, updated_by = (select auth.uid())
   where id = p_post_id returning * into v_post;
  update public.post_targets set status = 'draft', scheduled_at = null where post_id = p_post_id and status = 'scheduled';
  perform app.log_activity(v_post.org_id, 'post.unscheduled', 'post', p_post_id::text,
    jsonb_build_object('previous_scheduled_at', v_previous, 'revision', v_post.revision), p_request_id, p_ip);
  return v_post;
end
$$;

-- Preview links --------------------------------------------------------------------------------------

create function app.create_preview_link(
  p_post_id uuid, p_token_hash text, p_days integer, p_request_id text default null, p_ip inet default null
) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_post public.posts := app.lock_post_for_review(p_post_id);
  v_id uuid;
begin
  if app.my_role(v_post.org_id) not in ('owner', 'admin', 'brand_creator') and (select auth.uid()) is distinct from v_post.author_id then
    raise exception 'Only the author, or an owner, admin or brand creator, can share a preview.'
      using errcode = '42501', hint = 'forbidden';
  end if;
  if p_days is null or p_days not in (1, 7, 30) then
    raise exception 'A preview link lasts 1, 7 or 30 days.' using errcode = 'GA422', hint = 'invalid_expiry';
  end if;
  insert into public.preview_links (org_id, post_id, token_hash, created_by, expires_at)
  values (v_post.org_id, p_post_id, p_token_hash, (select auth.uid()), now() + p_days * interval '1 day')
  returning id into v_id;
  perform app.log_activity(v_post.org_id, 'post.preview_shared', 'post', p_post_id::text,
    jsonb_build_object('link_id', v_id, 'days', p_days), p_request_id, p_ip);
  return v_id;
end
$$;

create function app.revoke_preview_link(p_link_id uuid, p_request_id text default null, p_ip inet default null)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  v_link public.preview_links;
begin
  select * into v_link from public.preview_links where id = p_link_id;
  if not found or not app.can_read_post(v_link.post_id) then
    raise exception 'That link does not exist.' using errcode = 'GA404', hint = 'link_not_found';
  end if;
  perform app.lock_post_for_review(v_link.post_id);
  if app.my_role(v_link.org_id) not in ('owner', 'admin', 'brand_creator') and (select auth.uid()) is distinct from v_link.created_by then
    raise exception 'Only whoever shared it, or an owner, admin or brand creator, can revoke it.'
      using errcode = '42501', hint = 'forbidden';
  end if;
  update public.preview_links set revoked_at = coalesce(revoked_at, now()) where id = p_link_id;
  perform app.log_activity(v_link.org_id, 'post.preview_revoked', 'post', v_link.post_id::text,
    jsonb_build_object('link_id', p_link_id), p_request_id, p_ip);
end
$$;

revoke all on function
  app.review_rules(uuid),
  app.review_again_after_change(),
  app.lock_post_for_review(uuid),
  app.is_post_approved(uuid),
  app.submit_post_for_review(uuid, integer, text, inet),
  app.review_post(uuid, uuid, text, text, text, inet),
  app.enforce_post_approval(),
  app.unschedule_when_back_in_review(),
  app.create_preview_link(uuid, text, integer, text, inet),
  app.revoke_preview_link(uuid, text, inet)
from public;

grant execute on function
  app.submit_post_for_review(uuid, integer, text, inet),
  app.review_post(uuid, uuid, text, text, text, inet),
  app.create_preview_link(uuid, text, integer, text, inet),
  app.revoke_preview_link(uuid, text, inet)
to authenticated;
