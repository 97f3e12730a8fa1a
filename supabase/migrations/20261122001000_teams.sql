-- Teams: role ranks, invitations, and the member operations (change role, remove, leave, transfer
-- ownership). Rules that span rows (the last owner, nobody grants above their own role) live in
-- security definer functions; `authenticated` gets no direct write on memberships or invitations.
-- Errors carry a user-facing message and a machine code in HINT; SQLSTATE says the kind:
--   42501 forbidden · GA404 not found · GA409 conflict · GA410 gone (expired, revoked, used) · GA422 rule

create function app.role_rank(p_role public.org_role) returns integer
language sql immutable set search_path = '' as $$
  select case p_role when 'owner' then 5 when 'admin' then 4 when 'brand_creator' then 3 when 'employee' then 2 else 1 end
$$;

-- The caller's role in a live org, or null.
create function app.my_role(p_org_id uuid) returns public.org_role
language sql stable security definer set search_path = '' as $$
  select m.role
  from public.memberships m join public.organizations o on o.id = m.org_id
  where m.org_id = p_org_id and m.user_id = (select auth.uid()) and o.deleted_at is null
$$;

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  email text not null check (email = lower(btrim(email)) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 254),
  role public.org_role not null check (role <> 'owner'),
  token_hash text not null unique,
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_sent_at timestamptz not null default now(),
  send_count integer not null default 1,
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz
);
create unique index invitations_pending_email_key on public.invitations (org_id, email)
  where accepted_at is null and revoked_at is null;
create index invitations_org_id_idx on public.invitations (org_id);

alter table public.invitations enable row level security;
create policy invitations_select on public.invitations for select to authenticated
  using ((select app.has_org_role(org_id, array['owner', 'admin']::public.org_role[])));
-- The token hash stays out of reach even for admins.
grant select (id, org_id, email, role, invited_by, created_at, expires_at, last_sent_at, send_count, accepted_at, accepted_by, revoked_at)
  on public.invitations to authenticated;

create function app.require_admin(p_org_id uuid) returns public.org_role
language plpgsql stable security definer set search_path = '' as $$
declare
  v_role public.org_role := app.my_role(p_org_id);
begin
  if v_role is null or v_role not in ('owner', 'admin') then
    raise exception 'Only owners and admins can manage the team.' using errcode = '42501', hint = 'forbidden';
  end if;
  return v_role;
end
$$;

create function app.create_invitation(
  p_org_id uuid, p_email text, p_role public.org_role, p_token_hash text, p_expires_at timestamptz,
  p_request_id text default null, p_ip inet default null
) returns public.invitations
language plpgsql security definer set search_path = '' as $$
declare
  v_my public.org_role := app.require_admin(p_org_id);
  v_email text := lower(btrim(p_email));
  v_inv public.invitations;
begin
  if p_role = 'owner' then
    raise exception 'Invite them as an admin, then transfer ownership.' using errcode = 'GA422', hint = 'owner_invite';
  end if;
  if app.role_rank(p_role) > app.role_rank(v_my) then
    raise exception 'You cannot invite someone with a role above your own.' using errcode = 'GA422', hint = 'role_above_own';
  end if;
  if exists (select 1 from public.memberships m join public.profiles p on p.id = m.user_id
             where m.org_id = p_org_id and lower(p.email) = v_email) then
    raise exception '% is already a member.', v_email using errcode = 'GA409', hint = 'already_member';
  end if;
  select * into v_inv from public.invitations
   where org_id = p_org_id and email = v_email and accepted_at is null and revoked_at is null for update;
  if found and v_inv.expires_at > now() then
    raise exception '% already has a pending invitation.', v_email using errcode = 'GA409', hint = 'already_invited';
  end if;
  if found then
    -- An expired pending invitation is renewed rather than duplicated.
    update public.invitations
       set role = p_role, token_hash = p_token_hash, expires_at = p_expires_at, invited_by = (select auth.uid()),
           last_sent_at = now(), send_count = send_count + 1
     where id = v_inv.id returning * into v_inv;
  else
    insert into public.invitations (org_id, email, role, token_hash, invited_by, expires_at)
    values (p_org_id, v_email, p_role, p_token_hash, (select auth.uid()), p_expires_at)
    returning * into v_inv;
  end if;
  perform app.log_activity(p_org_id, 'invitation.created', 'invitation', v_inv.id::text,
    jsonb_build_object('email', v_email, 'role', p_role), p_request_id, p_ip);
  return v_inv;
end
$$;

create function app.revoke_invitation(p_id uuid, p_request_id text default null, p_ip inet default null)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  v_inv public.invitations;
begin
  select * into v_inv from public.invitations where id = p_id for update;
  if not found then
    raise exception 'That invitation does not exist.' using errcode = 'GA404', hint = 'not_found';
  end if;
  perform app.require_admin(v_inv.org_id);
  if v_inv.accepted_at is not null or v_inv.revoked_at is not null then
    raise exception 'That invitation is no longer pending.' using errcode = 'GA410', hint = 'not_pending';
  end if;
  update public.invitations set revoked_at = now() where id = p_id;
  perform app.log_activity(v_inv.org_id, 'invitation.revoked', 'invitation', p_id::text,
    jsonb_build_object('email', v_inv.email, 'role', v_inv.role), p_request_id, p_ip);
end
$$;

-- Resend: a new token (the old link stops working) and a new expiry.
create function app.renew_invitation(p_id uuid, p_token_hash text, p_expires_at timestamptz, p_request_id text default null, p_ip inet default null)
returns public.invitations
language plpgsql security definer set search_path = '' as $$
declare
  v_inv public.invitations;
begin
  select * into v_inv from public.invitations where id = p_id for update;
  if not found then
    raise exception 'That invitation does not exist.' using errcode = 'GA404', hint = 'not_found';
  end if;
  perform app.require_admin(v_inv.org_id);
  if v_inv.accepted_at is not null or v_inv.revoked_at is not null then
    raise exception 'That invitation is no longer pending.' using errcode = 'GA410', hint = 'not_pending';
  end if;
  update public.invitations
     set token_hash = p_token_hash, expires_at = p_expires_at, last_sent_at = now(), send_count = send_count + 1
   where id = p_id returning * into v_inv;
  perform app.log_activity(v_inv.org_id, 'invitation.resent', 'invitation', p_id::text,
    jsonb_build_object('email', v_inv.email, 'role', v_inv.role), p_request_id, p_ip);
  return v_inv;
end
$$;

-- Accepting needs the account the invitation was sent to; returns the org's slug.
create function app.accept_invitation(p_token_hash text, p_request_id text default null, p_ip inet default null)
returns text
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_inv public.invitations;
  v_org public.organizations;
begin
  if v_uid is null then
    raise exception 'Log in to accept the invitation.' using errcode = '42501', hint = 'unauthenticated';
  end if;
  select * into v_inv from public.invitations where token_hash = p_token_hash for update;
  if not found then
    raise exception 'This invitation link is not valid. Ask for a new one.' using errcode = 'GA404', hint = 'not_found';
  end if;
  select * into v_org from public.organizations where id = v_inv.org_id;
  if v_org.deleted_at is not null then
    raise exception 'This organization no longer exists.' using errcode = 'GA410', hint = 'org_deleted';
  end if;
  if v_inv.accepted_at is not null then
    if v_inv.accepted_by = v_uid then
      return v_org.slug; -- a second click on the same link
    end if;
    raise exception 'This invitation has already been used.' using errcode = 'GA410', hint = 'used';
  end if;
  if v_inv.revoked_at is not null then
    raise exception 'This invitation was withdrawn. Ask for a new one.' using errcode = 'GA410', hint = 'revoked';
  end if;
  if v_inv.expires_at <= now() then
    raise exception 'This invitation has expired. Ask for a new one.' using errcode = 'GA410', hint = 'expired';
  end if;
  if lower(coalesce((select auth.email()), '')) <> v_inv.email then
    raise exception 'This invitation was sent to %. Log in with that address to accept it.', v_inv.email
      using errcode = '42501', hint = 'wrong_account';
  end if;
  if exists (select 1 from public.memberships where org_id = v_inv.org_id and user_id = v_uid) then
    update public.invitations set accepted_at = now(), accepted_by = v_uid where id = v_inv.id;
    return v_org.slug;
  end if;
  insert into public.memberships (org_id, user_id, role) values (v_inv.org_id, v_uid, v_inv.role);
  update public.invitations set accepted_at = now(), accepted_by = v_uid where id = v_inv.id;
  perform app.log_activity(v_inv.org_id, 'member.joined', 'membership', v_uid::text,
    jsonb_build_object('email', v_inv.email, 'role', v_inv.role, 'invitation_id', v_inv.id), p_request_id, p_ip);
  return v_org.slug;
end
$$;

create function app.change_member_role(p_org_id uuid, p_user_id uuid, p_role public.org_role, p_request_id text default null, p_ip inet default null)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  v_my public.org_role := app.require_admin(p_org_id);
  v_current public.org_role;
begin
  select role into v_current from public.memberships where org_id = p_org_id and user_id = p_user_id for update;
  if not found then
    raise exception 'That person is not a member.' using errcode = 'GA404', hint = 'not_member';
  end if;
  if v_current = p_role then
    return;
  end if;
  if app.role_rank(p_role) > app.role_rank(v_my) then
    raise exception 'You cannot grant a role above your own.' using errcode = 'GA422', hint = 'role_above_own';
  end if;
  if app.role_rank(v_current) > app.role_rank(v_my) then
    raise exception 'You cannot change the role of someone above you.' using errcode = '42501', hint = 'target_above_own';
  end if;
  if v_current = 'owner' and (select count(*) from public.memberships where org_id = p_org_id and role = 'owner') = 1 then
    raise exception 'An organization needs an owner. Transfer ownership first.' using errcode = 'GA422', hint = 'last_owner';
  end if;
  update public.memberships set role = p_role where org_id = p_org_id and user_id = p_user_id;
  perform app.log_activity(p_org_id, 'member.role_changed', 'membership', p_user_id::text,
    jsonb_build_object('before', v_current, 'after', p_role), p_request_id, p_ip);
end
$$;

-- Removing someone else needs owner/admin and a role not above yours; removing yourself is leaving.
create function app.remove_member(p_org_id uuid, p_user_id uuid, p_request_id text default null, p_ip inet default null)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_my public.org_role := app.my_role(p_org_id);
  v_target public.org_role;
begin
  if v_my is null then
    raise exception 'You are not a member of this organization.' using errcode = '42501', hint = 'forbidden';
  end if;
  select role into v_target from public.memberships where org_id = p_org_id and user_id = p_user_id for update;
  if not found then
    raise exception 'That person is not a member.' using errcode = 'GA404', hint = 'not_member';
  end if;
  if v_target = 'owner' and (select count(*) from public.memberships where org_id = p_org_id and role = 'owner') = 1 then
    raise exception 'An organization needs an owner. Transfer ownership first.' using errcode = 'GA422', hint = 'last_owner';
  end if;
  if p_user_id = v_uid then
    -- Logged while still a member: log_activity requires membership.
    perform app.log_activity(p_org_id, 'member.left', 'membership', p_user_id::text, jsonb_build_object('role', v_target), p_request_id, p_ip);
  else
    perform app.require_admin(p_org_id);
    if app.role_rank(v_target) > app.role_rank(v_my) then
      raise exception 'You cannot remove someone above you.' using errcode = '42501', hint = 'target_above_own';
    end if;
    perform app.log_activity(p_org_id, 'member.removed', 'membership', p_user_id::text, jsonb_build_object('role', v_target), p_request_id, p_ip);
  end if;
  delete from public.memberships where org_id = p_org_id and user_id = p_user_id;
end
$$;

create function app.transfer_ownership(p_org_id uuid, p_user_id uuid, p_request_id text default null, p_ip inet default null)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_target public.org_role;
begin
  if app.my_role(p_org_id) is distinct from 'owner' then
    raise exception 'Only an owner can transfer ownership.' using errcode = '42501', hint = 'forbidden';
  end if;
  if p_user_id = v_uid then
    raise exception 'Choose another member.' using errcode = 'GA422', hint = 'self';
  end if;
  select role into v_target from public.memberships where org_id = p_org_id and user_id = p_user_id for update;
  if not found then
    raise exception 'That person is not a member.' using errcode = 'GA404', hint = 'not_member';
  end if;
  update public.memberships set role = 'owner' where org_id = p_org_id and user_id = p_user_id;
  update public.memberships set role = 'admin' where org_id = p_org_id and user_id = v_uid;
  perform app.log_activity(p_org_id, 'org.ownership_transferred', 'membership', p_user_id::text,
    jsonb_build_object('from', v_uid, 'to', p_user_id, 'previous_role', v_target), p_request_id, p_ip);
end
$$;

revoke all on function app.role_rank(public.org_role), app.my_role(uuid), app.require_admin(uuid),
  app.create_invitation(uuid, text, public.org_role, text, timestamptz, text, inet),
  app.revoke_invitation(uuid, text, inet), app.renew_invitation(uuid, text, timestamptz, text, inet),
  app.accept_invitation(text, text, inet), app.change_member_role(uuid, uuid, public.org_role, text, inet),
  app.remove_member(uuid, uuid, text, inet), app.transfer_ownership(uuid, uuid, text, inet) from public;
grant execute on function app.role_rank(public.org_role), app.my_role(uuid), app.require_admin(uuid),
  app.create_invitation(uuid, text, public.org_role, text, timestamptz, text, inet),
  app.revoke_invitation(uuid, text, inet), app.renew_invitation(uuid, text, timestamptz, text, inet),
  app.accept_invitation(text, text, inet), app.change_member_role(uuid, uuid, public.org_role, text, inet),
  app.remove_member(uuid, uuid, text, inet), app.transfer_ownership(uuid, uuid, text, inet) to authenticated;
