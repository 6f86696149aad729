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

-- The French message for a database error on an import line, with the constraints above.
create or replace function private.import_error_message(state text, constraint_name text, column_name text,
  message text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when state = '23514' then case constraint_name
      when 'shops_kind_check' then 'Type de lieu inconnu (commercant, artisan, producteur, marche ou service_public)'
      when 'shops_name_check' then 'Nom manquant ou trop long (120 caractères au plus)'
      when 'shops_description_check' then 'Description trop longue (2 000 caractères au plus) ou caractères invalides'
      when 'shops_address_check' then 'Adresse trop longue (200 caractères au plus) ou caractères invalides'
      when 'shops_postcode_check' then 'Code postal invalide (5 chiffres)'
      when 'shops_commune_insee_check' then 'Code INSEE de la commune invalide'
      when 'shops_commune_name_check' then 'Nom de commune trop long (100 caractères au plus) ou caractères invalides'
      when 'shops_phone_check' then 'Téléphone invalide'
      when 'shops_email_check' then 'E-mail invalide'
      when 'shops_website_check' then 'Site web invalide (http ou https)'
      when 'shops_social_links_check' then 'Liens invalides (http ou https, 10 au plus)'
      when 'shops_opening_hours_check' then 'Horaires trop longs (500 caractères au plus) ou caractères invalides'
      when 'shops_opening_hours_note_check' then 'Note sur les horaires trop longue (1 000 caractères au plus) ou caractères invalides'
      when 'shops_ordering_instructions_check' then 'Marche à suivre trop longue (1 000 caractères au plus) ou caractères invalides'
      when 'shops_services_check' then 'Services invalides (7 au plus)'
      when 'shops_website_clean' then 'Site web invalide : caractères de contrôle interdits'
      when 'shops_social_links_clean' then 'Liens invalides : caractères de contrôle interdits'
      when 'shops_source_ref_clean' then 'Clé de la ligne invalide : caractères de contrôle interdits'
      when 'shops_source_ref_check' then 'Clé de la ligne trop longue (200 caractères au plus)'
      when 'shops_location_in_territory' then 'Emplacement hors du territoire'
      when 'shops_subcategory_in_category' then 'La sous-catégorie n’appartient pas à la catégorie'
      else 'Valeur refusée : ' || message end
    when state = '23502' then case column_name
      when 'name' then 'Nom manquant ou trop long (120 caractères au plus)'
      when 'kind' then 'Type de lieu manquant'
      when 'category_slug' then 'Catégorie manquante'
      when 'location' then 'Coordonnées manquantes (lon, lat)'
      else 'Valeur manquante : ' || coalesce(column_name, message) end
    when state = '23505' and constraint_name = 'shops_source_ref_unique'
      then 'Cette clé désigne déjà un lieu d’un autre territoire'
    when state = '23503' then 'Référence inconnue : ' || message
    when state = '42501' then 'Refusé : ' || message
    else message
  end
$$;
