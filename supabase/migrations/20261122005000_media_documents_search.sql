-- Documents in the media library and search over posts and files.
--
-- * media_assets accepts PDF documents (LinkedIn document posts) besides images and video, and keeps
--   the file's original name: it is what the library searches and what a document card shows as
--   its title.
-- * Full-text search of posts (title and current text) and of the library (name and alt text), with
--   the 'simple' configuration: posts mix languages, and stemming one language hurts the others.

alter table public.media_assets drop constraint media_assets_mime_check;
alter table public.media_assets
  add constraint media_assets_mime_check
    check (mime ~ '^(image|video)/[a-z0-9.+-]+$' or mime = 'application/pdf');
alter table public.media_assets
  add column file_name text check (file_name is null or char_length(file_name) between 1 and 255);

create index post_versions_body_search_idx
  on public.post_versions using gin (to_tsvector('simple', body));
create index posts_title_search_idx
  on public.posts using gin (to_tsvector('simple', coalesce(title, '')));
create index media_assets_search_idx
  on public.media_assets using gin (
    to_tsvector('simple', coalesce(file_name, '') || ' ' || coalesce(alt_text, '')));

-- Same checks as before, plus the file's name.
drop function app.create_media_asset(uuid, text, text, bigint, integer, integer, text, text, inet);
create function app.create_media_asset(
  p_org_id uuid,
  p_path text,
  p_mime text,
  p_size_bytes bigint,
  p_width integer default null,
  p_height integer default null,
  p_alt_text text default null,
  p_file_name text default null,
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
    insert into public.media_assets (org_id, uploaded_by, path, mime, size_bytes, width, height, alt_text, file_name)
    values (p_org_id, (select auth.uid()), p_path, p_mime, p_size_bytes, p_width, p_height,
            nullif(btrim(p_alt_text), ''), nullif(btrim(left(p_file_name, 255)), ''))
    returning * into v_asset;
  exception when unique_violation then
    raise exception 'That file is already in the library.' using errcode = 'GA409', hint = 'media_exists';
  end;
  perform app.log_activity(p_org_id, 'media.uploaded', 'media_asset', v_asset.id::text,
    jsonb_build_object('path', p_path, 'mime', p_mime, 'size_bytes', p_size_bytes, 'file_name', v_asset.file_name),
    p_request_id, p_ip);
  return v_asset;
end
$$;

revoke execute on function
  app.create_media_asset(uuid, text, text, bigint, integer, integer, text, text, text, inet)
from public;
grant execute on function
  app.create_media_asset(uuid, text, text, bigint, integer, integer, text, text, text, inet)
to authenticated;
