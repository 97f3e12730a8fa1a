-- Library search finds words inside file names: the 'simple' parser reads "q3-deck.pdf" as one
-- token, so "deck" found nothing. The index now splits names at every non-alphanumeric character;
-- lib/posts/queries.ts (listMediaAssets) searches the same expression, with prefix matching.
drop index public.media_assets_search_idx;
create index media_assets_search_idx
  on public.media_assets using gin (
    to_tsvector('simple',
      regexp_replace(coalesce(file_name, ''), '[^[:alnum:]]+', ' ', 'g') || ' ' || coalesce(alt_text, '')));
