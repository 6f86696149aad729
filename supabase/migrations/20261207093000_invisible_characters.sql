-- Invisible characters, third pass: a name or a link is one line of text whose every character
-- shows. private.is_clean_text (still used by every text column) lets through tab, line feed and
-- carriage return, the C1 controls (U+0080–U+009F), the bidirectional formatting characters
-- (U+202E, the right-to-left override, displays "moc.elpmaxe" for "example.com") and the
-- zero-width ones (two names that look the same but differ, a link that is not the one shown).
-- The engines also disagreed on U+0085: PGlite's `\s` (musl) counts it as a space, so
-- private.is_http_url refused a link PostgreSQL (glibc) accepted; both now refuse it here.
--
-- The rule applies to the single-line text a user writes and another user reads as a name or
-- follows as a link:
-- - shops and shop_submissions: name, address, commune_name, website, social_links;
-- - shops only: source_ref (the key of an imported line: two keys that look the same must be
--   the same key) and source_attribution (the credit line shown on the place's sheet).
-- Multi-line text (description, opening_hours_note, ordering_instructions, status_message,
-- refusal_reason) keeps private.is_clean_text: tab and line breaks are legitimate there, and so
-- is the zero-width joiner of an emoji sequence (👩‍🍳). email, phone, postcode and commune_insee
-- already accept printable ASCII only. opening_hours is OSM syntax that the app parses, not a name.
--
-- The characters are named by their code points (`\x..`, `\u....` escapes of PostgreSQL's
-- regular expressions, ranges compared by code point), never by a class such as `[[:cntrl:]]` or
-- `\s` whose members depend on the engine's C library: the same code points are refused on
-- PGlite and on PostgreSQL 15. src/lib/shop-rules.ts (isVisibleText) holds the same pattern and
-- tests/supabase/shop-rules-parity.test.ts compares both over all of Unicode, on both engines.
-- The existing constraints keep their names and messages; these are added beside them.

-- One line of text whose every character shows: none of the C0 controls (tab, line feed and
-- carriage return included), DEL, the C1 controls (U+0080–U+009F), the Arabic letter mark
-- (U+061C), the zero-width space, non-joiner and joiner (U+200B–U+200D), the left-to-right and
-- right-to-left marks (U+200E, U+200F), the bidirectional embeddings and overrides
-- (U+202A–U+202E), the word joiner (U+2060), the bidirectional isolates (U+2066–U+2069) and the
-- zero-width no-break space (U+FEFF, the byte order mark).
create function private.is_visible_text(value text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select value is null
    or value !~ '[\x01-\x1F\x7F-\x9F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]'
$$;

-- As the other validation helpers: every role that writes a shop evaluates it.
grant execute on function private.is_visible_text(text) to anon, authenticated, service_role;

-- A shop's name shows as written: no control, bidirectional or zero-width character.
alter table public.shops add constraint shops_name_visible
  check (private.is_visible_text(name));

-- A shop's address shows as written.
alter table public.shops add constraint shops_address_visible
  check (private.is_visible_text(address));

-- A shop's commune shows as written.
alter table public.shops add constraint shops_commune_name_visible
  check (private.is_visible_text(commune_name));

-- A shop's website is the link it shows.
alter table public.shops add constraint shops_website_visible
  check (private.is_visible_text(website));

-- A shop's links are the links they show (array_to_string skips nulls; are_http_urls refuses them).
alter table public.shops add constraint shops_social_links_visible
  check (private.is_visible_text(array_to_string(social_links, ' ')));

-- A shop's key in its source: two keys that look the same are the same key.
alter table public.shops add constraint shops_source_ref_visible
  check (private.is_visible_text(source_ref));

-- The credit line owed to the source shows as written.
alter table public.shops add constraint shops_source_attribution_visible
  check (private.is_visible_text(source_attribution));

-- A submission's name, as the shop's.
alter table public.shop_submissions add constraint shop_submissions_name_visible
  check (private.is_visible_text(name));

-- A submission's address, as the shop's.
alter table public.shop_submissions add constraint shop_submissions_address_visible
  check (private.is_visible_text(address));

-- A submission's commune, as the shop's.
alter table public.shop_submissions add constraint shop_submissions_commune_name_visible
  check (private.is_visible_text(commune_name));

-- A submission's website, as the shop's.
alter table public.shop_submissions add constraint shop_submissions_website_visible
  check (private.is_visible_text(website));

-- A submission's links, as the shop's.
alter table public.shop_submissions add constraint shop_submissions_social_links_visible
  check (private.is_visible_text(array_to_string(social_links, ' ')));

-- The import's French messages stay as they were; the constraints above get theirs in front.
alter function private.import_error_message(text, text, text, text)
  rename to import_error_message_before_invisible_characters;

-- The French message for a database error on an import line, the constraints above included.
create function private.import_error_message(state text, constraint_name text, column_name text,
  message text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when state = '23514' and constraint_name = 'shops_name_visible'
      then 'Nom invalide : caractères invisibles ou de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_address_visible'
      then 'Adresse invalide : caractères invisibles ou de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_commune_name_visible'
      then 'Nom de commune invalide : caractères invisibles ou de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_website_visible'
      then 'Site web invalide : caractères invisibles ou de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_social_links_visible'
      then 'Liens invalides : caractères invisibles ou de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_source_ref_visible'
      then 'Clé de la ligne invalide : caractères invisibles ou de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_source_attribution_visible'
      then 'Crédit de la source invalide : caractères invisibles ou de contrôle interdits'
    else private.import_error_message_before_invisible_characters(state, constraint_name,
      column_name, message)
  end
$$;

revoke all on function private.import_error_message(text, text, text, text) from public;
grant execute on function private.import_error_message(text, text, text, text) to authenticated;
