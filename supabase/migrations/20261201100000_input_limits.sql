-- Input limits, second pass: every text a client can write is bounded and free of control
-- characters. The first migrations let control characters through in URLs (`\S` matches any
-- character that is not a space), in social links, and in a shop's source key and credit line.
-- The existing constraints keep their names and messages; these are added beside them.

-- A shop's website without control characters.
alter table public.shops add constraint shops_website_clean
  check (private.is_clean_text(website));

-- A shop's links without control characters.
alter table public.shops add constraint shops_social_links_clean
  check (private.is_clean_text(array_to_string(social_links, ' ')));

-- A shop's key in its source (`sourceRef` of an import) without control characters.
alter table public.shops add constraint shops_source_ref_clean
  check (private.is_clean_text(source_ref));

-- The credit line owed to the source without control characters.
alter table public.shops add constraint shops_source_attribution_clean
  check (private.is_clean_text(source_attribution));

-- A submission's website without control characters, as the shop's.
alter table public.shop_submissions add constraint shop_submissions_website_clean
  check (private.is_clean_text(website));

-- A submission's links without control characters, as the shop's.
alter table public.shop_submissions add constraint shop_submissions_social_links_clean
  check (private.is_clean_text(array_to_string(social_links, ' ')));

-- The import's French messages stay as they were; the constraints above get theirs in front.
alter function private.import_error_message(text, text, text, text)
  rename to import_error_message_before_input_limits;

-- The French message for a database error on an import line, the constraints above included.
create function private.import_error_message(state text, constraint_name text, column_name text,
  message text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when state = '23514' and constraint_name = 'shops_website_clean'
      then 'Site web invalide : caractères de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_social_links_clean'
      then 'Liens invalides : caractères de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_source_ref_clean'
      then 'Clé de la ligne invalide : caractères de contrôle interdits'
    when state = '23514' and constraint_name = 'shops_source_attribution_clean'
      then 'Crédit de la source invalide : caractères de contrôle interdits'
    else private.import_error_message_before_input_limits(state, constraint_name, column_name,
      message)
  end
$$;

revoke all on function private.import_error_message(text, text, text, text) from public;
grant execute on function private.import_error_message(text, text, text, text) to authenticated;
