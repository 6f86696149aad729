-- Stale-checked writes (issue 13, points 4 and 5): every write that carries a concurrency token
-- (`expected_updated_at`) has exactly one winner, and no write of a shop by a client skips it.
--
-- Point 4, confirm_shop_status: it read updated_at, compared it with the token, then updated
-- without a lock, so concurrent callers holding the same token all passed the check and all
-- wrote (1 to 16 winners out of 20 on PostgreSQL 15 in the review, 20 of 20 when the calls leave
-- together as in tests/supabase/races.test.ts). It now does what set_shop_status does: one
-- compare-and-set (`update … where id = … and updated_at = expected returning …`). The row lock
-- the UPDATE takes serialises the callers, PostgreSQL re-checks the WHERE on the row the winner
-- committed, its updated_at has moved (private.touch_shop moves it strictly forward), so every
-- other caller matches nothing and gets private.raise_write_refusal's PT409.
--
-- Point 5, direct updates: a member (or a curator) could PATCH a shop through PostgREST with a
-- plain UPDATE, which checks no token and silently overwrites a write made elsewhere. Decision:
-- a client (`anon`, `authenticated`) changes a shop only through the stale-checked functions:
-- set_shop_status, update_shop_details, confirm_shop_status and import_shops. Curators too: the
-- app has no direct edit of a shop (its curated fields change through import_shops only); a
-- curator's editor, when one comes, gets its own stale-checked function.
--
-- How: the UPDATE column grants stay, because set_shop_status, update_shop_details and
-- import_shops are security invoker and write under the caller's grants and policies (revoking
-- the grants would break them). Instead a new trigger, shops_check_stale_token, refuses (42501)
-- every UPDATE of a shop by `anon`/`authenticated` unless the statement declared the row's
-- CURRENT token beforehand: the functions call private.begin_stale_checked_write(id, expected)
-- right before their guarded UPDATE and private.end_stale_checked_write() right after. The
-- declaration is a transaction-local setting (`vitrine.stale_checked` = shop id and token) and
-- the trigger compares it with the row it is about to change (OLD, the version the UPDATE
-- locked), so:
-- - it is not a bypass: a declaration names one shop and its current updated_at, which is the
--   compare-and-set itself; one that does not name the row's current updated_at (stale, made
--   up, or for another shop) is refused like a direct update;
-- - it is single-use: the UPDATE moves updated_at, so the same declaration never matches the row
--   again, even if a function failed to clear it;
-- - it lasts one statement: set just before, cleared just after; when the UPDATE fails, the
--   (sub)transaction's rollback undoes the setting with it;
-- - a client cannot set it through the API: PostgREST runs each request in its own transaction,
--   runs no SQL from the client, and does not expose set_config nor schema `private`.
-- The functions' own WHERE (`and updated_at = expected`) is still what makes the write a
-- compare-and-set and what tells a stale write (PT409) from a refused one (42501); the trigger
-- only makes sure that no other path writes a shop. The owner and service_role (seeding,
-- maintenance) are not clients and are not checked, as in shops_guard_curated_columns; security
-- definer functions (confirm_shop_status, publish_submission) write as their owner and do their
-- own checks.
--
-- import_shops has no token from the client: it writes each existing shop with the updated_at
-- it read a moment before, so a shop changed in between (a merchant's status, another import)
-- turns the line into an error and the import is rolled back, instead of being overwritten.
--
-- Submissions: the app's updateSubmission is a direct UPDATE of shop_submissions with
-- `where id = … and updated_at = expected` (PostgREST `.eq('updated_at', …)`, and the embedded
-- UPDATE_SUBMISSION_SQL): that WHERE is the compare-and-set, with one winner for the same
-- reason as above. publish_submission and refuse_submission lock the submission (`for update`)
-- before they compare its token. Both stay as they are; tests/supabase/races.test.ts checks all
-- of these with 20 concurrent callers on PostgreSQL 15.
--
-- The app never updates `shops` directly (src/backend: RPCs only). Signatures are unchanged;
-- set_shop_status, update_shop_details and import_shops keep the argument bounds of
-- 20261207090000_rpc_argument_bounds.sql. A later `create or replace` of a function that updates
-- shops as the caller must keep the begin/end calls around its UPDATE, or its writes are refused
-- (tests/supabase/policies/stale-checked-writes.test.ts and the function's own tests fail).
-- Tested in tests/supabase/policies/stale-checked-writes.test.ts and tests/supabase/races.test.ts.

-- ---------------------------------------------------------------------------
-- The declaration a stale-checked write makes for the trigger
-- ---------------------------------------------------------------------------

-- The shop and the updated_at a write expects, as text: the epoch in microseconds does not
-- depend on the session's TimeZone or DateStyle, so the functions and the trigger always agree.
create function private.stale_check_token(target_shop_id uuid, expected_updated_at timestamptz)
returns text
language sql stable parallel safe
set search_path = ''
as $$
  select target_shop_id::text || '@' || extract(epoch from expected_updated_at)::text
$$;

-- Declares, for the next statement only, the stale-checked write of one shop with the token
-- its WHERE compares; the caller clears it with private.end_stale_checked_write.
create function private.begin_stale_checked_write(target_shop_id uuid, expected_updated_at timestamptz)
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform pg_catalog.set_config('vitrine.stale_checked',
    coalesce(private.stale_check_token(target_shop_id, expected_updated_at), ''), true);
end
$$;

-- Clears the declaration right after the guarded statement.
create function private.end_stale_checked_write() returns void
language plpgsql
set search_path = ''
as $$
begin
  perform pg_catalog.set_config('vitrine.stale_checked', '', true);
end
$$;

-- Security invoker functions running as `authenticated` call these; `private` is not exposed
-- by PostgREST, and a declaration is only ever worth the current token (see above).
revoke all on function private.stale_check_token(uuid, timestamptz),
  private.begin_stale_checked_write(uuid, timestamptz), private.end_stale_checked_write()
  from public;
grant execute on function private.stale_check_token(uuid, timestamptz),
  private.begin_stale_checked_write(uuid, timestamptz), private.end_stale_checked_write()
  to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- The trigger: no client writes a shop without its current token
-- ---------------------------------------------------------------------------

-- Refuses an UPDATE of a shop by a client unless a stale-checked function declared this row and
-- its current updated_at for the statement. Column grants cannot say "only through a function"
-- for security invoker functions, so this trigger does (as shops_guard_curated_columns does for
-- the curated columns).
create function private.check_shop_stale_token() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if coalesce(pg_catalog.current_setting('vitrine.stale_checked', true), '')
     is distinct from private.stale_check_token(old.id, old.updated_at) then
    raise exception 'a shop is changed only through set_shop_status, update_shop_details, confirm_shop_status or import_shops, which check its updated_at; a direct update is refused'
      using errcode = '42501',
            hint = 'Call the function with expected_updated_at, the updated_at the shop was loaded with.';
  end if;
  return new;
end
$$;

-- Named to fire first (a table's triggers fire in name order): a direct update gets this
-- refusal, whichever column it touches.
create trigger shops_check_stale_token
  before update on public.shops
  for each row execute function private.check_shop_stale_token();

-- ---------------------------------------------------------------------------
-- The stale-checked functions declare their write
-- ---------------------------------------------------------------------------

-- As in 20261207090000_rpc_argument_bounds.sql (its argument bounds first), plus the
-- declaration around the compare-and-set. Security invoker: the caller's RLS policies and grants
-- decide, as for a direct update.
create or replace function public.set_shop_status(
  shop_id uuid,
  status text,
  message text default null,
  closed_until date default null,
  services public.shop_service[] default null,
  expected_updated_at timestamptz default null
) returns public.shops
language plpgsql
set search_path = ''
as $$
declare
  updated public.shops;
  written boolean;
begin
  perform private.check_set_shop_status_arguments(set_shop_status.status, set_shop_status.message,
    set_shop_status.services);
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;

  perform private.begin_stale_checked_write(set_shop_status.shop_id, set_shop_status.expected_updated_at);
  update public.shops s
     set status = set_shop_status.status,
         status_message = nullif(btrim(set_shop_status.message), ''),
         closed_until = set_shop_status.closed_until,
         services = coalesce(set_shop_status.services, s.services)
   where s.id = set_shop_status.shop_id
     and s.updated_at = set_shop_status.expected_updated_at
  returning s.* into updated;
  written := found;
  perform private.end_stale_checked_write();

  if written then
    return updated;
  end if;
  perform private.raise_write_refusal(set_shop_status.shop_id, set_shop_status.expected_updated_at);
  return null;
end
$$;

revoke all on function public.set_shop_status(uuid, text, text, date, public.shop_service[], timestamptz)
  from public, anon;
grant execute on function public.set_shop_status(uuid, text, text, date, public.shop_service[], timestamptz)
  to authenticated;

-- As in 20261207090000_rpc_argument_bounds.sql (its argument bounds first), plus the
-- declaration around the compare-and-set. Security invoker: the caller's grants, row-level
-- security and CHECK constraints decide.
create or replace function public.update_shop_details(
  shop_id uuid,
  opening_hours text,
  ordering_instructions text,
  description text,
  phone text,
  email text,
  website text,
  social_links text[],
  expected_updated_at timestamptz
) returns public.shops
language plpgsql
set search_path = ''
as $$
declare
  updated public.shops;
  written boolean;
begin
  perform private.check_update_shop_details_arguments(update_shop_details.opening_hours,
    update_shop_details.ordering_instructions, update_shop_details.description,
    update_shop_details.phone, update_shop_details.email, update_shop_details.website,
    update_shop_details.social_links);
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;
  perform private.begin_stale_checked_write(update_shop_details.shop_id,
    update_shop_details.expected_updated_at);
  update public.shops s
     set opening_hours = nullif(btrim(update_shop_details.opening_hours), ''),
         ordering_instructions = nullif(btrim(update_shop_details.ordering_instructions), ''),
         description = nullif(btrim(update_shop_details.description), ''),
         phone = nullif(btrim(update_shop_details.phone), ''),
         email = nullif(btrim(update_shop_details.email), ''),
         website = nullif(btrim(update_shop_details.website), ''),
         social_links = coalesce(update_shop_details.social_links, '{}')
   where s.id = update_shop_details.shop_id
     and s.updated_at = update_shop_details.expected_updated_at
  returning s.* into updated;
  written := found;
  perform private.end_stale_checked_write();
  if written then
    return updated;
  end if;
  perform private.raise_write_refusal(update_shop_details.shop_id, update_shop_details.expected_updated_at);
  return null;
end
$$;

revoke all on function public.update_shop_details(uuid, text, text, text, text, text, text, text[], timestamptz)
  from public, anon;
grant execute on function public.update_shop_details(uuid, text, text, text, text, text, text, text[], timestamptz)
  to authenticated;

-- "Confirmer que mes informations sont à jour": moves status_updated_at and nothing else, in one
-- compare-and-set (point 4 above). Security definer because status_updated_at is granted to no
-- client: it checks membership (or curation) itself, then lets the WHERE check the token; it
-- writes as its owner, so shops_check_stale_token does not apply and the WHERE is the check.
create or replace function public.confirm_shop_status(shop_id uuid, expected_updated_at timestamptz)
returns public.shops
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  confirmed public.shops;
begin
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;
  if (select auth.uid()) is null
     or not (private.is_shop_member(confirm_shop_status.shop_id)
             or private.is_curator_of_shop(confirm_shop_status.shop_id)) then
    raise exception 'not allowed to confirm this shop' using errcode = '42501';
  end if;

  update public.shops s
     set status_updated_at = pg_catalog.clock_timestamp()
   where s.id = confirm_shop_status.shop_id
     and s.updated_at = confirm_shop_status.expected_updated_at
  returning s.* into confirmed;
  if found then
    return confirmed;
  end if;
  -- PT409 with the current updated_at when the shop changed; 42501 if it is gone.
  perform private.raise_write_refusal(confirm_shop_status.shop_id, confirm_shop_status.expected_updated_at);
  return null;
end
$$;

revoke all on function public.confirm_shop_status(uuid, timestamptz) from public, anon;
grant execute on function public.confirm_shop_status(uuid, timestamptz) to authenticated;

-- ---------------------------------------------------------------------------
-- import_shops writes each existing shop with the token it read
-- ---------------------------------------------------------------------------

-- As in 20261207090000_rpc_argument_bounds.sql (the curation migration's, with its argument
-- bounds), except that each UPDATE of an existing shop declares and compares the updated_at read
-- for that line: a shop changed meanwhile makes the line an error
-- ("Lieu modifié pendant l’import") and the import rolls back, as for any other error.
-- Imports a file's rows into the territory, keyed by (source, sourceRef), and reports each
-- line: create, update, unchanged (nothing written) or error (a French message). All or
-- nothing: a dry run, or any error, rolls every change back and still returns the report.
-- Security invoker: the shops policies decide (curators write their own territory's shops).
-- Inside, a line is refused with SQLSTATE VR001 and the import rolled back with VR000; both
-- are caught here and never reach the client.
create or replace function public.import_shops(territory_slug text, source text, rows jsonb, dry_run boolean)
returns table (line integer, action text, shop_id uuid, message text)
language plpgsql
set search_path = ''
as $$
declare
  max_rows constant integer := private.rpc_bound('importRows');
  -- 150 m in degrees of latitude, with a margin; longitude is scaled by the latitude
  margin constant double precision := 150 / 111000.0 * 1.1;
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

        select s.* into existing from public.shops s
        where s.source = import_shops.source and s.source_ref = item.ref;

        if existing.id is not null and existing.territory_slug <> import_shops.territory_slug then
          raise exception 'Cette clé désigne déjà un lieu d’un autre territoire' using errcode = 'VR001';
        end if;

        if existing.id is null then
          -- A new place: refuse a likely duplicate of a place already on the map.
          select s.id, s.name into duplicate from public.shops s
          where s.territory_slug = import_shops.territory_slug
            and s.location <@ box(
              point(v_lon - margin / greatest(cos(radians(v_lat)), 0.01), v_lat - margin),
              point(v_lon + margin / greatest(cos(radians(v_lat)), 0.01), v_lat + margin))
            and private.name_key(s.name) = private.name_key(v_name)
            and private.name_key(v_name) <> ''
            and private.distance_m(s.location, v_location) <= 150
          order by private.distance_m(s.location, v_location), s.id
          limit 1;
          if duplicate.id is not null then
            duplicate_line := created_lines[array_position(created_ids, duplicate.id)];
            if duplicate_line is not null then
              raise exception 'Doublon possible de « % » (ligne % du fichier)', duplicate.name, duplicate_line
                using errcode = 'VR001';
            end if;
            row_shop := duplicate.id;
            raise exception 'Doublon possible de « % » (déjà sur la carte)', duplicate.name
              using errcode = 'VR001';
          end if;

          insert into public.shops (territory_slug, kind, name, category_slug, subcategory_slug,
            description, address, postcode, commune_insee, commune_name, location, phone, email,
            website, social_links, opening_hours, opening_hours_note, ordering_instructions,
            services, published, source, source_ref, source_attribution)
          values (import_shops.territory_slug, v_kind, v_name, v_category, v_subcategory,
            v_description, v_address, v_postcode, v_insee, v_commune, v_location, v_phone, v_email,
            v_website, v_social, v_hours, v_hours_note, v_ordering, v_services, true,
            import_shops.source, item.ref, attribution)
          returning id into row_shop;
          row_action := 'create';
          created_ids := array_append(created_ids, row_shop);
          created_lines := array_append(created_lines, item.line_no);
        else
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
            (8, true, 'emplacement', (existing.location[0], existing.location[1])
                                     is distinct from (v_lon, v_lat)),
            (9, true, 'publication', existing.published is distinct from true),
            (10, true, 'crédit', existing.source_attribution is distinct from attribution),
            (11, false, 'description', existing.description is distinct from v_description),
            (12, false, 'téléphone', existing.phone is distinct from v_phone),
            (13, false, 'e-mail', existing.email is distinct from v_email),
            (14, false, 'site web', existing.website is distinct from v_website),
            (15, false, 'liens', existing.social_links is distinct from v_social),
            (16, false, 'horaires', (existing.opening_hours, existing.opening_hours_note)
                                    is distinct from (v_hours, v_hours_note)),
            (17, false, 'marche à suivre', existing.ordering_instructions is distinct from v_ordering),
            (18, false, 'services', existing.services is distinct from v_services)
          ) as c(n, curated, label, differs)
          where c.differs;

          if managed then
            row_message := 'Fiche gérée par le commerçant : ses informations sont conservées';
            if changed_curated is null then
              row_action := 'unchanged';
            else
              perform private.begin_stale_checked_write(existing.id, existing.updated_at);
              update public.shops s
                 set name = v_name, kind = v_kind, category_slug = v_category,
                     subcategory_slug = v_subcategory, address = v_address, postcode = v_postcode,
                     commune_insee = v_insee, commune_name = v_commune, location = v_location,
                     published = true, source_attribution = attribution
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
          else
            perform private.begin_stale_checked_write(existing.id, existing.updated_at);
            update public.shops s
               set name = v_name, kind = v_kind, category_slug = v_category,
                   subcategory_slug = v_subcategory, address = v_address, postcode = v_postcode,
                   commune_insee = v_insee, commune_name = v_commune, location = v_location,
                   published = true, source_attribution = attribution,
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
            row_message := 'Modifié : ' || concat_ws(', ', changed_curated, changed_merchant);
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

revoke all on function public.import_shops(text, text, jsonb, boolean) from public, anon;
grant execute on function public.import_shops(text, text, jsonb, boolean) to authenticated;
