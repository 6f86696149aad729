-- Issue 16: a position the importer only guessed (the commune's centre, when the address could
-- not be geocoded) is flagged on the place, shown as "approximative" to curators and fixed by
-- dragging a pin; and a duplicate's name matches whatever the order of its words and La Poste's
-- abbreviations ("TERCE RP" is "Relais poste Tercé").
--
-- 1. shops.location_approximate: set by import_shops from the line's `positionApproximate`,
--    cleared by an exact position (an import, or a curator's pin).
-- 2. public.move_shop: a curator's stale-checked move of a place; the position becomes exact.
-- 3. private.name_key: the words of a name, sorted, with RP/BP/AP written out; the key index is
--    rebuilt, since its function changed.
-- 4. import_shops, restated: the flag, and no distance in a duplicate's note when the line's
--    position is a guess (the distance from a commune's centre means nothing).

-- ---------------------------------------------------------------------------
-- 1. The flag
-- ---------------------------------------------------------------------------

alter table public.shops add column location_approximate boolean not null default false;

comment on column public.shops.location_approximate is
  'The position is a guess (the commune''s centre): the address could not be placed. Shown to curators until a pin or an exact import fixes it.';

-- import_shops is security invoker and writes the flag as the caller. No client path other than
-- the stale-checked functions updates a shop (shops_check_stale_token), and only curators insert.
grant insert (location_approximate), update (location_approximate) on public.shops to authenticated;

-- As in 20261122040000_create_directory_schema.sql, with the flag among the curated columns:
-- a member's write never changes where the place is said to be, nor how sure that is.
create or replace function private.guard_curated_shop_columns() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if private.is_territory_curator(old.territory_slug) then
    return new;
  end if;
  if (new.kind, new.name, new.category_slug, new.subcategory_slug, new.address, new.postcode,
      new.commune_insee, new.commune_name, new.location[0], new.location[1],
      new.location_approximate, new.published, new.source_attribution)
     is distinct from
     (old.kind, old.name, old.category_slug, old.subcategory_slug, old.address, old.postcode,
      old.commune_insee, old.commune_name, old.location[0], old.location[1],
      old.location_approximate, old.published, old.source_attribution) then
    raise exception 'only a curator of the territory can change this field of the shop'
      using errcode = '42501';
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- 2. A curator moves a place
-- ---------------------------------------------------------------------------

-- The pin a curator dragged: the place goes there and its position is exact from now on.
-- Security invoker and stale-checked like update_shop_details: the shops policies, the curated
-- columns' guard (members are refused: 42501) and the territory's bounds (23514) decide.
create function public.move_shop(
  shop_id uuid,
  lon double precision,
  lat double precision,
  expected_updated_at timestamptz
) returns public.shops
language plpgsql
set search_path = ''
as $$
declare
  moved public.shops;
  written boolean;
begin
  if move_shop.lon is null or move_shop.lat is null
     or not (move_shop.lon between -180 and 180) or not (move_shop.lat between -90 and 90) then
    raise exception 'lon and lat are required, within -180..180 and -90..90' using errcode = '22023';
  end if;
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;
  perform private.begin_stale_checked_write(move_shop.shop_id, move_shop.expected_updated_at);
  update public.shops s
     set location = point(move_shop.lon, move_shop.lat),
         location_approximate = false
   where s.id = move_shop.shop_id
     and s.updated_at = move_shop.expected_updated_at
  returning s.* into moved;
  written := found;
  perform private.end_stale_checked_write();
  if written then
    return moved;
  end if;
  perform private.raise_write_refusal(move_shop.shop_id, move_shop.expected_updated_at);
  return null;
end
$$;

revoke all on function public.move_shop(uuid, double precision, double precision, timestamptz)
  from public, anon;
grant execute on function public.move_shop(uuid, double precision, double precision, timestamptz)
  to authenticated;

-- ---------------------------------------------------------------------------
-- 3. Names compared word by word
-- ---------------------------------------------------------------------------

-- A name reduced for comparison: accents removed (translate: PGlite has no unaccent), lower
-- case, split into words of a-z and 0-9, La Poste's abbreviations written out (RP: relais poste,
-- RPC: relais poste commerçant, BP: bureau de poste, AP/APC: agence postale communale), the words
-- sorted and joined. "TERCE RP", "Relais poste Tercé" and "Tercé (relais poste)" share the key
-- "posterelaisterce"; "Boulangerie L'Épi d'Or" and "l epi d or boulangerie" share theirs.
create or replace function private.name_key(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select case when value is null then null else coalesce((
    select string_agg(word, '' order by word)
    from unnest(pg_catalog.regexp_split_to_array(
      lower(replace(replace(replace(replace(replace(
        translate(value,
          'àáâãäåāăąÀÁÂÃÄÅĀĂĄçćĉċčÇĆĈĊČďđĎĐèéêëēĕėęěÈÉÊËĒĔĖĘĚĝğġģĜĞĠĢĥħĤĦìíîïĩīĭįıÌÍÎÏĨĪĬĮİĵĴķĶĺļľŀłĹĻĽĿŁñńņňÑŃŅŇòóôõöøōŏőÒÓÔÕÖØŌŎŐŕŗřŔŖŘśŝşšŚŜŞŠţťŧŢŤŦùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲŵŴýÿŷÝŸŶźżžŹŻŽ',
          'aaaaaaaaaAAAAAAAAAcccccCCCCCddDDeeeeeeeeeEEEEEEEEEggggGGGGhhHHiiiiiiiiiIIIIIIIIIjJkKlllllLLLLLnnnnNNNNoooooooooOOOOOOOOOrrrRRRssssSSSStttTTTuuuuuuuuuuUUUUUUUUUUwWyyyYYYzzzZZZ'),
        'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss')),
      '[^a-z0-9]+')) as token
    cross join lateral unnest(case token
      when 'rp' then array['relais', 'poste']
      when 'rpc' then array['relais', 'poste', 'commercant']
      when 'bp' then array['bureau', 'de', 'poste']
      when 'ap' then array['agence', 'postale', 'communale']
      when 'apc' then array['agence', 'postale', 'communale']
      else array[token] end) as word
    where word <> ''), '') end
$$;

-- The index holds keys computed by the former function: rebuilt with the new one.
reindex index public.shops_name_key_idx;

-- ---------------------------------------------------------------------------
-- 4. import_shops, restated with the flag
-- ---------------------------------------------------------------------------

-- As in 20261207122000_import_duplicate_lookup_uses_indexes.sql, plus: a new place keeps the
-- line's `positionApproximate` as location_approximate; a place updated from a guessed position
-- keeps its own position and flag, from an exact one takes it and loses the flag (a change
-- reported as "emplacement"); a possible duplicate found from a guessed position is named
-- without a distance.
create or replace function public.import_shops(territory_slug text, source text, rows jsonb, dry_run boolean)
returns table (line integer, action text, shop_id uuid, message text)
language plpgsql
set search_path = ''
as $$
declare
  max_rows constant integer := private.rpc_bound('importRows');
  target_bounds box;
  attribution text;
  roll_back boolean;
  has_error boolean := false;
  report_lines integer[] := '{}';
  report_actions text[] := '{}';
  report_shops uuid[] := '{}';
  report_messages text[] := '{}';
  created_ids uuid[] := '{}';
  created_lines integer[] := '{}';
  item record;
  r jsonb;
  row_action text;
  row_shop uuid;
  row_message text;
  v_kind text;
  v_name text;
  v_category text;
  v_subcategory text;
  v_description text;
  v_address text;
  v_postcode text;
  v_insee text;
  v_commune text;
  v_lon double precision;
  v_lat double precision;
  v_location point;
  v_approximate boolean;
  v_location_approximate boolean;
  v_phone text;
  v_email text;
  v_website text;
  v_social text[];
  v_hours text;
  v_hours_note text;
  v_ordering text;
  v_services public.shop_service[];
  bad_value text;
  existing public.shops;
  managed boolean;
  changed_curated text;
  changed_merchant text;
  duplicate record;
  duplicate_line integer;
  v_choice text;
  duplicate_note text;
  has_duplicate boolean;
  v_name_key text;
  v_address_key text;
  v_phone_key text;
  row_attribution text;
  written boolean;
  err_state text;
  err_constraint text;
  err_column text;
  err_message text;
begin
  perform private.check_import_shops_arguments(import_shops.territory_slug, import_shops.source,
    import_shops.rows);
  if (select auth.uid()) is null or not private.is_territory_curator(import_shops.territory_slug) then
    raise exception 'Seuls les curateurs du territoire peuvent importer des lieux.'
      using errcode = '42501';
  end if;
  if import_shops.source is null or import_shops.source not in ('import', 'osm') then
    raise exception 'Source d’import inconnue : « % » (import ou osm).', import_shops.source
      using errcode = '22023';
  end if;
  if import_shops.rows is null or jsonb_typeof(import_shops.rows) <> 'array' then
    raise exception 'Les lignes à importer doivent former une liste (tableau JSON).'
      using errcode = '22023';
  end if;
  if jsonb_array_length(import_shops.rows) > max_rows then
    raise exception 'Trop de lignes : % au plus par import (ce fichier en a %).',
      max_rows, jsonb_array_length(import_shops.rows)
      using errcode = '54000';
  end if;

  select t.bounds into target_bounds from public.territories t where t.slug = import_shops.territory_slug;
  attribution := case import_shops.source when 'osm' then '© OpenStreetMap contributors' end;

  begin
    for item in
      select x.ord, x.data, x.line_no, x.ref,
             first_value(x.line_no) over same_ref as first_line,
             first_value(x.ord) over same_ref as first_ord
      from (
        select e.ord::integer as ord, e.value as data,
               coalesce(case when jsonb_typeof(e.value -> 'line') = 'number' then
                 case when (e.value ->> 'line')::numeric between 1 and 2147483647
                   then floor((e.value ->> 'line')::numeric)::integer end end,
                 e.ord::integer) as line_no,
               case when jsonb_typeof(e.value -> 'sourceRef') in ('string', 'number')
                 then nullif(btrim(e.value ->> 'sourceRef'), '') end as ref
        from jsonb_array_elements(import_shops.rows) with ordinality as e(value, ord)
      ) x
      window same_ref as (partition by x.ref order by x.ord)
      order by x.ord
    loop
      row_action := null;
      row_shop := null;
      row_message := null;
      begin
        r := item.data;
        if jsonb_typeof(r) <> 'object' then
          raise exception 'Ligne illisible : un objet est attendu.' using errcode = 'VR001';
        end if;
        if item.ref is null then
          raise exception 'Clé de la ligne manquante (sourceRef).' using errcode = 'VR001';
        end if;
        if item.first_ord <> item.ord then
          raise exception 'Doublon dans le fichier : même clé que la ligne %', item.first_line
            using errcode = 'VR001';
        end if;

        v_kind := nullif(btrim(r ->> 'kind'), '');
        v_name := nullif(btrim(r ->> 'name'), '');
        v_category := nullif(btrim(r ->> 'categorySlug'), '');
        v_subcategory := nullif(btrim(r ->> 'subcategorySlug'), '');
        v_description := nullif(btrim(r ->> 'description'), '');
        v_address := nullif(btrim(r ->> 'address'), '');
        v_postcode := nullif(btrim(r ->> 'postcode'), '');
        v_insee := nullif(btrim(r ->> 'communeInsee'), '');
        v_commune := nullif(btrim(r ->> 'communeName'), '');
        v_phone := nullif(btrim(r ->> 'phone'), '');
        v_email := nullif(btrim(r ->> 'email'), '');
        v_website := nullif(btrim(r ->> 'website'), '');
        v_hours := nullif(btrim(r ->> 'openingHours'), '');
        v_hours_note := nullif(btrim(r ->> 'openingHoursNote'), '');
        v_ordering := nullif(btrim(r ->> 'orderingInstructions'), '');

        if v_name is null then
          raise exception 'Nom manquant ou trop long (120 caractères au plus)' using errcode = 'VR001';
        end if;
        if v_kind is null then
          raise exception 'Type de lieu manquant' using errcode = 'VR001';
        end if;
        if v_category is null then
          raise exception 'Catégorie manquante' using errcode = 'VR001';
        end if;
        if not exists (select 1 from public.categories c where c.slug = v_category) then
          raise exception 'Catégorie inconnue : « % »', v_category using errcode = 'VR001';
        end if;
        if v_subcategory is not null then
          if not exists (select 1 from public.subcategories c where c.slug = v_subcategory) then
            raise exception 'Sous-catégorie inconnue : « % »', v_subcategory using errcode = 'VR001';
          end if;
          if not exists (select 1 from public.subcategories c
                         where c.slug = v_subcategory and c.category_slug = v_category) then
            raise exception 'La sous-catégorie « % » n’appartient pas à la catégorie « % »',
              v_subcategory, v_category using errcode = 'VR001';
          end if;
        end if;

        if jsonb_typeof(r -> 'lon') is distinct from 'number'
           or jsonb_typeof(r -> 'lat') is distinct from 'number' then
          raise exception 'Coordonnées manquantes ou invalides (lon, lat)' using errcode = 'VR001';
        end if;
        v_lon := (r ->> 'lon')::double precision;
        v_lat := (r ->> 'lat')::double precision;
        v_location := point(v_lon, v_lat);
        v_approximate := coalesce(jsonb_typeof(r -> 'positionApproximate') = 'boolean'
          and (r ->> 'positionApproximate')::boolean, false);
        if target_bounds is null or not (target_bounds @> v_location) then
          raise exception 'Emplacement hors du territoire (lon %, lat %)', v_lon, v_lat
            using errcode = 'VR001';
        end if;

        if jsonb_typeof(r -> 'socialLinks') not in ('array', 'null') then
          raise exception 'Liens : une liste est attendue' using errcode = 'VR001';
        end if;
        v_social := array(
          select btrim(v) from jsonb_array_elements_text(
            case when jsonb_typeof(r -> 'socialLinks') = 'array' then r -> 'socialLinks' else '[]' end
          ) with ordinality as l(v, n)
          where nullif(btrim(v), '') is not null
          order by n);

        if jsonb_typeof(r -> 'services') not in ('array', 'null') then
          raise exception 'Services : une liste est attendue' using errcode = 'VR001';
        end if;
        select string_agg(distinct v, ', ') into bad_value
        from jsonb_array_elements_text(
          case when jsonb_typeof(r -> 'services') = 'array' then r -> 'services' else '[]' end) v
        where v is null or v not in (select unnest(enum_range(null::public.shop_service))::text);
        if bad_value is not null then
          raise exception 'Service inconnu : « % »', bad_value using errcode = 'VR001';
        end if;
        v_services := array(
          select distinct v::public.shop_service
          from jsonb_array_elements_text(
            case when jsonb_typeof(r -> 'services') = 'array' then r -> 'services' else '[]' end) v
          where v is not null
          order by 1);

        -- The key names a place of this territory only: another territory's place with the same
        -- key is another place, neither updated nor reported.
        select s.* into existing from public.shops s
        where s.territory_slug = import_shops.territory_slug
          and s.source = import_shops.source and s.source_ref = item.ref;

        duplicate_note := null;
        if existing.id is null then
          -- A new key. Is it a place the territory already has (any source, published or not)?
          -- The same name and address, the same name within 150 m, or the same phone number.
          v_choice := coalesce(nullif(btrim(r ->> 'onDuplicate'), ''), 'update');
          if v_choice not in ('update', 'create', 'ignore') then
            raise exception 'Choix inconnu pour un doublon : « % » (update, create ou ignore).',
              v_choice using errcode = 'VR001';
          end if;
          -- The keys are computed once per line; each lookup is an index probe.
          v_name_key := private.name_key(v_name);
          v_phone_key := private.phone_key(v_phone);
          v_address_key := private.name_key(v_address);
          select d.* into duplicate
          from private.import_duplicate(import_shops.territory_slug, v_name_key,
            v_address_key, v_postcode, v_phone_key, v_location) as d;
          has_duplicate := found;
          if has_duplicate then
            duplicate_line := created_lines[array_position(created_ids, duplicate.id)];
            if duplicate_line is not null and not duplicate.same_name then
              -- Two places of the file sharing a phone number (a chain's line): not one place.
              has_duplicate := false;
            elsif duplicate_line is not null then
              -- Two lines of the file for one place: the later one is an error.
              raise exception 'Doublon possible de « % » (ligne % du fichier)', duplicate.name, duplicate_line
                using errcode = 'VR001';
            end if;
          end if;
          if has_duplicate then
            -- From a guessed position (the commune's centre) a distance means nothing.
            duplicate_note := case when v_approximate
              then format('Doublon possible de « %s » (%s)', duplicate.name, duplicate.source)
              else format('Doublon possible de « %s » (%s, %s m)', duplicate.name,
                duplicate.source, duplicate.metres) end;
            if v_choice = 'update' then
              -- The line updates the place already on the map, which keeps its source and key.
              select s.* into existing from public.shops s where s.id = duplicate.id;
            elsif v_choice = 'ignore' then
              row_shop := duplicate.id;
              row_action := 'unchanged';
              row_message := duplicate_note || ' : ligne ignorée';
            end if;
          end if;
        end if;

        if row_action is not null then
          null; -- ignored
        elsif existing.id is null then
          insert into public.shops (territory_slug, kind, name, category_slug, subcategory_slug,
            description, address, postcode, commune_insee, commune_name, location,
            location_approximate, phone, email,
            website, social_links, opening_hours, opening_hours_note, ordering_instructions,
            services, published, source, source_ref, source_attribution)
          values (import_shops.territory_slug, v_kind, v_name, v_category, v_subcategory,
            v_description, v_address, v_postcode, v_insee, v_commune, v_location, v_approximate,
            v_phone, v_email,
            v_website, v_social, v_hours, v_hours_note, v_ordering, v_services, true,
            import_shops.source, item.ref, attribution)
          returning id into row_shop;
          row_action := 'create';
          if duplicate_note is not null then
            row_message := duplicate_note || ' : nouvelle fiche créée';
          end if;
          created_ids := array_append(created_ids, row_shop);
          created_lines := array_append(created_lines, item.line_no);
        else
          -- A position placed at the commune's centre never moves a place already on the map.
          -- A place's position and its flag go together: a guess keeps both, an exact position
          -- replaces an approximate one.
          if v_approximate then
            v_location := existing.location;
            v_location_approximate := existing.location_approximate;
          else
            v_location_approximate := false;
          end if;
          -- A place found as a duplicate keeps its own source's credit (La Poste, OSM…).
          row_attribution := case when duplicate_note is null then attribution
            else existing.source_attribution end;
          row_shop := existing.id;
          managed := exists (select 1 from public.shop_members m where m.shop_id = existing.id);

          select string_agg(c.label, ', ' order by c.n) filter (where c.curated),
                 string_agg(c.label, ', ' order by c.n) filter (where not c.curated)
            into changed_curated, changed_merchant
          from (values
            (1, true, 'nom', existing.name is distinct from v_name),
            (2, true, 'type', existing.kind is distinct from v_kind),
            (3, true, 'catégorie', existing.category_slug is distinct from v_category),
            (4, true, 'sous-catégorie', existing.subcategory_slug is distinct from v_subcategory),
            (5, true, 'adresse', existing.address is distinct from v_address),
            (6, true, 'code postal', existing.postcode is distinct from v_postcode),
            (7, true, 'commune', (existing.commune_insee, existing.commune_name)
                                 is distinct from (v_insee, v_commune)),
            (8, true, 'emplacement', private.distance_m(existing.location, v_location) > 1
                                     or existing.location_approximate
                                        is distinct from v_location_approximate),
            (9, true, 'publication', existing.published is distinct from true),
            (10, true, 'crédit', existing.source_attribution is distinct from row_attribution),
            (11, false, 'description', existing.description is distinct from v_description),
            (12, false, 'téléphone', coalesce(private.phone_key(existing.phone), existing.phone)
                                     is distinct from coalesce(private.phone_key(v_phone), v_phone)),
            (13, false, 'e-mail', existing.email is distinct from v_email),
            (14, false, 'site web', private.url_key(existing.website)
                                    is distinct from private.url_key(v_website)),
            (15, false, 'liens', existing.social_links is distinct from v_social),
            (16, false, 'horaires', (existing.opening_hours, existing.opening_hours_note)
                                    is distinct from (v_hours, v_hours_note)),
            (17, false, 'marche à suivre', existing.ordering_instructions is distinct from v_ordering),
            (18, false, 'services', existing.services is distinct from v_services)
          ) as c(n, curated, label, differs)
          where c.differs;

          if managed then
            row_message := concat_ws(' : ', duplicate_note || ' : fiche existante',
              'Fiche gérée par le commerçant : ses informations sont conservées');
            if changed_curated is null then
              row_action := 'unchanged';
            else
              perform private.begin_stale_checked_write(existing.id, existing.updated_at);
              update public.shops s
                 set name = v_name, kind = v_kind, category_slug = v_category,
                     subcategory_slug = v_subcategory, address = v_address, postcode = v_postcode,
                     commune_insee = v_insee, commune_name = v_commune, location = v_location,
                     location_approximate = v_location_approximate,
                     published = true, source_attribution = row_attribution
               where s.id = existing.id and s.updated_at = existing.updated_at;
              written := found;
              perform private.end_stale_checked_write();
              if not written then
                raise exception 'Lieu modifié pendant l’import : relancez l’import' using errcode = 'VR001';
              end if;
              row_action := 'update';
            end if;
          elsif changed_curated is null and changed_merchant is null then
            row_action := 'unchanged';
            if duplicate_note is not null then
              row_message := duplicate_note || ' : fiche existante, inchangée';
            end if;
          else
            perform private.begin_stale_checked_write(existing.id, existing.updated_at);
            update public.shops s
               set name = v_name, kind = v_kind, category_slug = v_category,
                   subcategory_slug = v_subcategory, address = v_address, postcode = v_postcode,
                   commune_insee = v_insee, commune_name = v_commune, location = v_location,
                     location_approximate = v_location_approximate,
                   published = true, source_attribution = row_attribution,
                   description = v_description, phone = v_phone, email = v_email,
                   website = v_website, social_links = v_social, opening_hours = v_hours,
                   opening_hours_note = v_hours_note, ordering_instructions = v_ordering,
                   services = v_services
             where s.id = existing.id and s.updated_at = existing.updated_at;
            written := found;
            perform private.end_stale_checked_write();
            if not written then
              raise exception 'Lieu modifié pendant l’import : relancez l’import' using errcode = 'VR001';
            end if;
            row_action := 'update';
            row_message := concat_ws(' : ', duplicate_note || ' : fiche existante mise à jour',
              'Modifié : ' || concat_ws(', ', changed_curated, changed_merchant));
          end if;
        end if;
      exception when others then
        get stacked diagnostics err_state = returned_sqlstate, err_constraint = constraint_name,
          err_column = column_name, err_message = message_text;
        row_action := 'error';
        row_message := case when err_state = 'VR001' then err_message
          else private.import_error_message(err_state, err_constraint, err_column, err_message) end;
        has_error := true;
      end;
      report_lines := array_append(report_lines, item.line_no);
      report_actions := array_append(report_actions, row_action);
      report_shops := array_append(report_shops, row_shop);
      report_messages := array_append(report_messages, row_message);
    end loop;

    if coalesce(import_shops.dry_run, true) or has_error then
      raise exception 'import rolled back' using errcode = 'VR000';
    end if;
    roll_back := false;
  exception when sqlstate 'VR000' then
    roll_back := true;
  end;

  return query
  select l.line, l.action,
         case when roll_back and l.action = 'create' then null else l.shop_id end,
         l.message
  from unnest(report_lines, report_actions, report_shops, report_messages)
    with ordinality as l(line, action, shop_id, message, n)
  order by l.n;
end
$$;
