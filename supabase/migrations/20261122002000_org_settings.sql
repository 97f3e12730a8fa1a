-- Org settings: a logo (an object in the `logos` Storage bucket) and deleting an organization.
-- Errors follow 20261122001000_teams.sql: a user-facing message, a machine code in HINT, and
--   42501 forbidden · GA404 not found · GA422 rule.

-- The logo is `<org id>/<uuid>.<ext>` in the `logos` bucket. The check keeps an org from pointing at
-- another org's object (the app signs download URLs for whatever this column holds).
alter table public.organizations
  add column logo_path text
  constraint organizations_logo_path_check
  check (logo_path is null or logo_path ~ ('^' || id::text || '/[0-9a-f-]{36}\.(png|jpg|webp|gif)$'));

-- Owners and admins set it through the existing organizations_update policy (like name, slug, timezone).
grant update (logo_path) on public.organizations to authenticated;

-- Soft delete, owner only, confirmed by typing the slug. The row stays, so its slug stays taken
-- (organizations_slug_key covers deleted rows) and old links never reach someone else's org.
-- Every helper (app.has_org_role, app.my_role) ignores deleted orgs, so members lose access at once.
create function app.delete_organization(
  p_org_id uuid, p_confirm_slug text, p_request_id text default null, p_ip inet default null
) returns void
language plpgsql security definer set search_path = '' as $$
declare
  v_org public.organizations;
begin
  if app.my_role(p_org_id) is distinct from 'owner' then
    raise exception 'Only an owner can delete the organization.' using errcode = '42501', hint = 'forbidden';
  end if;
  select * into v_org from public.organizations where id = p_org_id and deleted_at is null for update;
  if not found then
    -- Someone deleted it between the role check and the lock.
    raise exception 'This organization does not exist.' using errcode = 'GA404', hint = 'not_found';
  end if;
  if btrim(coalesce(p_confirm_slug, '')) <> v_org.slug then
    raise exception 'Type the address "%" exactly to confirm.', v_org.slug
      using errcode = 'GA422', hint = 'confirmation_mismatch';
  end if;
  -- Logged while the org is live: app.log_activity requires a membership in a live org.
  perform app.log_activity(p_org_id, 'org.deleted', 'organization', p_org_id::text,
    jsonb_build_object('name', v_org.name, 'slug', v_org.slug), p_request_id, p_ip);
  update public.organizations set deleted_at = now() where id = p_org_id;
end
$$;

revoke all on function app.delete_organization(uuid, text, text, inet) from public;
grant execute on function app.delete_organization(uuid, text, text, inet) to authenticated;
