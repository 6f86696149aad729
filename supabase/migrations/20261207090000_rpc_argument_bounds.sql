-- RPC argument bounds (issue 13, point 1): no visitor can stall the database.
--
-- shops_in_viewport had no bound on `search` but the UI's 100 characters: one anonymous call
-- with a 64 KiB word took 37 s on PostgreSQL 15 (its regular expression is built per character
-- and matched against every shop of the box), 256 KiB ran for over 300 s, and an 8 KiB word hung
-- PGlite for over 200 s. Every argument a client can send to a function granted to `anon` or
-- `authenticated` is now bounded in the database, and refused BEFORE the function does any
-- work, with SQLSTATE 22023 and a message that names the argument and the bound
-- ("search is too long: at most 100 characters (got 65536)").
--
-- Which bound:
-- - an argument used as it is (a search, a filter list) is bounded where the app stops: the
--   search box's 100 characters, each filter's list of values;
-- - an argument stored in a column whose CHECK already bounds it (a status message, a phone
--   number, a refusal reason, a list of links) is bounded at TWICE the column's limit: a value
--   near the limit still gets the column's own refusal (23514, worded per column by the app
--   and by import_shops), and the bound only refuses what no form sends, before the function
--   trims it, reads the row or locks it;
-- - a slug or a code (a territory, a category, a kind, a status, an import's source) is at most
--   60 characters, the territories' rule.
-- Every bound is in private.rpc_argument_bounds(); src/backend/rpc-bounds.ts holds the same
-- values for the embedded adapter, and tests/supabase/rpc-bounds-parity.test.ts compares them.
--
-- The functions reviewed (every `grant execute` to anon or authenticated in the migrations):
-- - shops_in_viewport (anon): search (100 characters, 10 words), services (7), categories (20),
--   kinds (5), statuses (3), each value 60 characters; row_limit (1 to 1,000) and the viewport's
--   corners were already checked. Replaced below.
-- - published_shops_geojson (anon): territory_slug (60 characters). Replaced below.
-- - set_shop_status: status (60), message (560 = 2 × 280), services (14 = 2 × 7). Replaced.
-- - update_shop_details: opening_hours (1,000), ordering_instructions (2,000), description
--   (4,000), phone (52), email (508), website (1,000), social_links (20 links of 1,000
--   characters at most). Replaced.
-- - refuse_submission: reason (1,000 = 2 × 500). Replaced (security definer).
-- - import_shops: territory_slug and source (60), rows (10,000 rows, as before; each row at most
--   32,768 characters of JSON, its socialLinks at most 20 and its services at most 14
--   elements). Replaced.
-- - confirm_shop_status, publish_submission, possible_duplicates, shop_member_list: uuid and
--   timestamptz arguments only, whose types bound them; unchanged.
-- - my_shops, curator_territories, accept_shop_invitations: no argument; unchanged.
-- - the helpers of schema `private` are granted to the API roles for the policies and these
--   functions to call, but PostgREST does not expose the schema: no client sends them anything.
--
-- The replaced functions keep their signature, security, owner and grants (`create or
-- replace`); their bodies are the earlier ones with the checks in front (published_shops_geojson
-- becomes plpgsql to check first). The statement timeouts of `anon` (3 s) and `authenticated`
-- (8 s) are the other half of the protection on PostgreSQL (supabase/local/00-supabase-stand-in
-- .sql, README): bounded arguments still let a visitor ask for a whole national territory with a
-- search or filter that matches nothing, which reads every shop of it (about 1 s for 400,000
-- shops, bench/db/worst-calls.ts), and the open data export of such a territory takes tens of
-- seconds. PGlite cannot interrupt a statement, so these bounds are its only protection.

-- ---------------------------------------------------------------------------
-- The bounds, and the checks that refuse an argument beyond them
-- ---------------------------------------------------------------------------

-- Every bound, by name: characters for a text (as char_length counts them), elements for a
-- list. One place, so that the functions, the embedded adapter and the tests cannot disagree.
create function private.rpc_argument_bounds() returns jsonb
language sql immutable parallel safe
set search_path = ''
as $$
  select jsonb_build_object(
    -- A slug or a code: territory, category, kind, status, import source.
    'slugLength', 60,
    -- shops_in_viewport
    'searchLength', 100,
    'searchWords', 10,
    'viewportRows', 1000,
    'viewportServices', 7,
    'viewportCategories', 20,
    'viewportKinds', 5,
    'viewportStatuses', 3,
    -- set_shop_status
    'statusMessageLength', 560,
    'statusServices', 14,
    -- update_shop_details
    'openingHoursLength', 1000,
    'orderingInstructionsLength', 2000,
    'descriptionLength', 4000,
    'phoneLength', 52,
    'emailLength', 508,
    'websiteLength', 1000,
    'socialLinks', 20,
    'socialLinkLength', 1000,
    -- refuse_submission
    'refusalReasonLength', 1000,
    -- import_shops
    'importRows', 10000,
    'importRowLength', 32768,
    'importRowSocialLinks', 20,
    'importRowServices', 14)
$$;

-- One bound by name; a name that is not in the list is a mistake in a migration, not a refusal.
create function private.rpc_bound(bound text) returns integer
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  value integer := (private.rpc_argument_bounds() ->> bound)::integer;
begin
  if value is null then
    raise exception 'unknown RPC argument bound %', bound using errcode = 'XX000';
  end if;
  return value;
end
$$;

-- Refuses a text argument longer than its bound. octet_length reads the length word only; the
-- characters are counted only when the bytes could exceed the bound.
create function private.check_argument_length(argument text, value text, bound text)
returns void
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  max_length integer := private.rpc_bound(bound);
begin
  if octet_length(value) > max_length and char_length(value) > max_length then
    raise exception '% is too long: at most % characters (got %)',
      argument, max_length, char_length(value)
      using errcode = '22023';
  end if;
end
$$;

-- Refuses a list argument with more elements than its bound (a null list has none; every
-- dimension of a multidimensional array counts).
create function private.check_argument_count(argument text, elements integer, bound text)
returns void
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  max_elements integer := private.rpc_bound(bound);
begin
  if elements > max_elements then
    raise exception '% has too many elements: at most % (got %)', argument, max_elements, elements
      using errcode = '22023';
  end if;
end
$$;

-- Refuses a text list with more elements than count_bound, or one element longer than
-- length_bound (named by its position from 1). The count is checked first, so the elements
-- read are bounded too.
create function private.check_argument_list(argument text, value text[], count_bound text,
  length_bound text)
returns void
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  max_length integer := private.rpc_bound(length_bound);
  element_number bigint;
  too_long integer;
begin
  perform private.check_argument_count(argument, cardinality(value), count_bound);
  select e.n, char_length(e.v) into element_number, too_long
  from unnest(value) with ordinality as e(v, n)
  where char_length(e.v) > max_length
  order by e.n
  limit 1;
  if element_number is not null then
    raise exception '%[%] is too long: at most % characters (got %)',
      argument, element_number, max_length, too_long
      using errcode = '22023';
  end if;
end
$$;

-- ---------------------------------------------------------------------------
-- The arguments of each function, checked in one call at its start
-- ---------------------------------------------------------------------------

-- shops_in_viewport's search and filters. The words are those private.search_patterns makes
-- (runs of letters and digits once folded): each one is a regular expression matched against
-- every shop of the box. Computed after the length check, so on 100 characters at most.
create function private.check_shops_in_viewport_arguments(services public.shop_service[],
  categories text[], kinds text[], statuses text[], search text)
returns void
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  max_words integer := private.rpc_bound('searchWords');
  words integer;
begin
  perform private.check_argument_length('search', search, 'searchLength');
  words := cardinality(private.search_patterns(search));
  if words > max_words then
    raise exception 'search has too many words: at most % (got %)', max_words, words
      using errcode = '22023';
  end if;
  perform private.check_argument_count('services', cardinality(services), 'viewportServices');
  perform private.check_argument_list('categories', categories, 'viewportCategories', 'slugLength');
  perform private.check_argument_list('kinds', kinds, 'viewportKinds', 'slugLength');
  perform private.check_argument_list('statuses', statuses, 'viewportStatuses', 'slugLength');
end
$$;

-- set_shop_status's status, message and services.
create function private.check_set_shop_status_arguments(status text, message text,
  services public.shop_service[])
returns void
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  perform private.check_argument_length('status', status, 'slugLength');
  perform private.check_argument_length('message', message, 'statusMessageLength');
  perform private.check_argument_count('services', cardinality(services), 'statusServices');
end
$$;

-- update_shop_details's texts and links.
create function private.check_update_shop_details_arguments(opening_hours text,
  ordering_instructions text, description text, phone text, email text, website text,
  social_links text[])
returns void
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  perform private.check_argument_length('opening_hours', opening_hours, 'openingHoursLength');
  perform private.check_argument_length('ordering_instructions', ordering_instructions,
    'orderingInstructionsLength');
  perform private.check_argument_length('description', description, 'descriptionLength');
  perform private.check_argument_length('phone', phone, 'phoneLength');
  perform private.check_argument_length('email', email, 'emailLength');
  perform private.check_argument_length('website', website, 'websiteLength');
  perform private.check_argument_list('social_links', social_links, 'socialLinks',
    'socialLinkLength');
end
$$;

-- import_shops's territory, source and rows. The row count is import_shops' own check (54000,
-- in French); the rows are read only when it passes, so at most 10,000 of them. A row is
-- measured as jsonb prints it (a space after each ':' and ','), and its lists when they are
-- lists (import_shops reports anything else as a line error). Rows are named by their
-- position in the array, from 1.
create function private.check_import_shops_arguments(territory_slug text, source text,
  rows jsonb)
returns void
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  max_length integer := private.rpc_bound('importRowLength');
  max_links integer := private.rpc_bound('importRowSocialLinks');
  max_services integer := private.rpc_bound('importRowServices');
  refused record;
begin
  perform private.check_argument_length('territory_slug', territory_slug, 'slugLength');
  perform private.check_argument_length('source', source, 'slugLength');
  if rows is null or jsonb_typeof(rows) <> 'array'
     or jsonb_array_length(rows) > private.rpc_bound('importRows') then
    return;
  end if;
  select e.n, length(e.value::text) as size,
         case when jsonb_typeof(e.value -> 'socialLinks') = 'array'
           then jsonb_array_length(e.value -> 'socialLinks') end as links,
         case when jsonb_typeof(e.value -> 'services') = 'array'
           then jsonb_array_length(e.value -> 'services') end as services
    into refused
  from jsonb_array_elements(rows) with ordinality as e(value, n)
  where length(e.value::text) > max_length
     or (jsonb_typeof(e.value -> 'socialLinks') = 'array'
         and jsonb_array_length(e.value -> 'socialLinks') > max_links)
     or (jsonb_typeof(e.value -> 'services') = 'array'
         and jsonb_array_length(e.value -> 'services') > max_services)
  order by e.n
  limit 1;
  if refused.n is null then
    return;
  end if;
  if refused.size > max_length then
    raise exception 'rows[%] is too long: at most % characters of JSON (got %)',
      refused.n, max_length, refused.size
      using errcode = '22023';
  end if;
  if refused.links > max_links then
    raise exception 'rows[%].socialLinks has too many elements: at most % (got %)',
      refused.n, max_links, refused.links
      using errcode = '22023';
  end if;
  raise exception 'rows[%].services has too many elements: at most % (got %)',
    refused.n, max_services, refused.services
    using errcode = '22023';
end
$$;

-- Called by the functions below, which run as the caller (anon or authenticated) but for
-- refuse_submission; `private` is not exposed by PostgREST.
revoke all on function private.rpc_argument_bounds(), private.rpc_bound(text),
  private.check_argument_length(text, text, text), private.check_argument_count(text, integer, text),
  private.check_argument_list(text, text[], text, text),
  private.check_shops_in_viewport_arguments(public.shop_service[], text[], text[], text[], text),
  private.check_set_shop_status_arguments(text, text, public.shop_service[]),
  private.check_update_shop_details_arguments(text, text, text, text, text, text, text[]),
  private.check_import_shops_arguments(text, text, jsonb)
  from public;
grant execute on function private.rpc_argument_bounds(), private.rpc_bound(text),
  private.check_argument_length(text, text, text), private.check_argument_count(text, integer, text),
  private.check_argument_list(text, text[], text, text),
  private.check_shops_in_viewport_arguments(public.shop_service[], text[], text[], text[], text),
  private.check_set_shop_status_arguments(text, text, public.shop_service[]),
  private.check_update_shop_details_arguments(text, text, text, text, text, text, text[]),
  private.check_import_shops_arguments(text, text, jsonb)
  to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- shops_in_viewport (anon and authenticated)
-- ---------------------------------------------------------------------------

-- As in 20261201090000_viewport.sql, with the search and the filters bounded first: the search
-- is a regular expression per word matched against every shop of the box, and each filter
-- value is compared with every shop of it. Security invoker: the caller's policies decide.
create or replace function public.shops_in_viewport(
  west double precision,
  south double precision,
  east double precision,
  north double precision,
  services public.shop_service[] default null,
  categories text[] default null,
  kinds text[] default null,
  statuses text[] default null,
  search text default null,
  row_limit integer default 500
) returns setof public.shops
language plpgsql stable
set search_path = ''
as $$
declare
  viewport box;
  centre point;
  patterns text[];
  member_shops uuid[];
  curated_territories text[];
  max_rows integer := private.rpc_bound('viewportRows');
begin
  perform private.check_shops_in_viewport_arguments(shops_in_viewport.services,
    shops_in_viewport.categories, shops_in_viewport.kinds, shops_in_viewport.statuses,
    shops_in_viewport.search);
  if west is null or south is null or east is null or north is null then
    raise exception 'invalid viewport: west, south, east and north are all required'
      using errcode = '22023';
  end if;
  -- NaN sorts above every number in PostgreSQL, so it fails these ranges too.
  if not (west between -180 and 180 and east between -180 and 180) then
    raise exception 'invalid viewport: longitudes must be between -180 and 180 (west %, east %)', west, east
      using errcode = '22023';
  end if;
  if not (south between -90 and 90 and north between -90 and 90) then
    raise exception 'invalid viewport: latitudes must be between -90 and 90 (south %, north %)', south, north
      using errcode = '22023';
  end if;
  if west > east or south > north then
    raise exception 'invalid viewport: west must not exceed east nor south exceed north (west %, south %, east %, north %)',
      west, south, east, north
      using errcode = '22023';
  end if;
  if row_limit is null or row_limit not between 1 and max_rows then
    raise exception 'invalid row_limit %: it must be between 1 and %', row_limit, max_rows
      using errcode = '22023';
  end if;

  viewport := box(point(east, north), point(west, south));
  centre := point((west + east) / 2, (south + north) / 2);
  patterns := private.search_patterns(search);
  -- The caller's own rows of these tables, as their policies let them read; visitors have none
  -- (and no grant to read them).
  if (select auth.uid()) is not null and has_table_privilege('public.shop_members', 'SELECT')
     and has_table_privilege('public.territory_curators', 'SELECT') then
    select array_agg(m.shop_id) into member_shops
      from public.shop_members m where m.user_id = (select auth.uid());
    select array_agg(c.territory_slug) into curated_territories
      from public.territory_curators c where c.user_id = (select auth.uid());
  end if;

  return query
  select v.*
  from (
    select p.*
    from private.published_shops_in_viewport(viewport, centre, shops_in_viewport.services,
      shops_in_viewport.categories, shops_in_viewport.kinds, shops_in_viewport.statuses, patterns,
      shops_in_viewport.row_limit) p
    union all
    -- Read under RLS: the arrays only narrow the search to rows the policies may let through.
    select s.*
    from public.shops s
    where not s.published
      and (s.id = any (member_shops) or s.territory_slug = any (curated_territories))
      and s.location <@ viewport
      and (shops_in_viewport.services is null or s.services @> shops_in_viewport.services)
      and (coalesce(cardinality(shops_in_viewport.categories), 0) = 0
           or s.category_slug = any (shops_in_viewport.categories))
      and (coalesce(cardinality(shops_in_viewport.kinds), 0) = 0
           or s.kind = any (shops_in_viewport.kinds))
      and (coalesce(cardinality(shops_in_viewport.statuses), 0) = 0
           or s.status = any (shops_in_viewport.statuses))
      and (cardinality(patterns) = 0
           or lower(s.name || ' ' || coalesce(s.commune_name, '')) ~ all (patterns))
  ) v
  order by v.location <-> centre, v.id
  limit shops_in_viewport.row_limit;
end
$$;

revoke all on function public.shops_in_viewport(double precision, double precision, double precision,
  double precision, public.shop_service[], text[], text[], text[], text, integer) from public;
grant execute on function public.shops_in_viewport(double precision, double precision, double precision,
  double precision, public.shop_service[], text[], text[], text[], text, integer) to anon, authenticated;

-- ---------------------------------------------------------------------------
-- published_shops_geojson (anon and authenticated)
-- ---------------------------------------------------------------------------

-- As in 20261122090000_curation.sql, with the territory's slug bounded first (plpgsql instead
-- of sql, to check before the query). Security invoker: visitors' policies decide, and only
-- published places are listed. Null for an unknown territory.
create or replace function public.published_shops_geojson(territory_slug text) returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  perform private.check_argument_length('territory_slug', published_shops_geojson.territory_slug,
    'slugLength');
  return (
    select jsonb_build_object(
      'type', 'FeatureCollection',
      'name', t.slug,
      'license', 'ODbL-1.0',
      'attribution', 'Vitrine — ' || t.name
        || ' ; © OpenStreetMap contributors (ODbL 1.0) et les sources indiquées pour chaque lieu',
      'features', coalesce((
        select jsonb_agg(jsonb_build_object(
          'type', 'Feature',
          'id', s.id,
          'geometry', jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(s.location[0], s.location[1])),
          'properties', jsonb_build_object(
            'id', s.id,
            'name', s.name,
            'kind', s.kind,
            'category', s.category_slug,
            'subcategory', s.subcategory_slug,
            'address', s.address,
            'postcode', s.postcode,
            'commune', s.commune_name,
            'phone', s.phone,
            'email', s.email,
            'website', s.website,
            'opening_hours', s.opening_hours,
            'services', to_jsonb(s.services),
            'status', s.status,
            'status_updated_at', s.status_updated_at,
            'source', s.source,
            'source_attribution', s.source_attribution)
        ) order by s.name, s.id)
        from public.shops s
        where s.territory_slug = t.slug and s.published
      ), '[]'::jsonb)
    )
    from public.territories t
    where t.slug = published_shops_geojson.territory_slug
  );
end
$$;

revoke all on function public.published_shops_geojson(text) from public;
grant execute on function public.published_shops_geojson(text) to anon, authenticated;

-- ---------------------------------------------------------------------------
-- set_shop_status, update_shop_details (authenticated)
-- ---------------------------------------------------------------------------

-- As in 20261122040000_create_directory_schema.sql, with the status, the message and the
-- services bounded before the row is read. Security invoker: the caller's RLS policies and
-- grants decide, as for a direct update.
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
begin
  perform private.check_set_shop_status_arguments(set_shop_status.status, set_shop_status.message,
    set_shop_status.services);
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;

  update public.shops s
     set status = set_shop_status.status,
         status_message = nullif(btrim(set_shop_status.message), ''),
         closed_until = set_shop_status.closed_until,
         services = coalesce(set_shop_status.services, s.services)
   where s.id = set_shop_status.shop_id
     and s.updated_at = set_shop_status.expected_updated_at
  returning s.* into updated;

  if found then
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

-- As in 20261122053000_update_shop_details.sql, with the texts and the links bounded before the
-- row is read. Security invoker: the caller's grants, row-level security and CHECK constraints
-- decide.
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
begin
  perform private.check_update_shop_details_arguments(update_shop_details.opening_hours,
    update_shop_details.ordering_instructions, update_shop_details.description,
    update_shop_details.phone, update_shop_details.email, update_shop_details.website,
    update_shop_details.social_links);
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;
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
  if found then
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

-- ---------------------------------------------------------------------------
-- refuse_submission (authenticated)
-- ---------------------------------------------------------------------------

-- Refuses a pending submission with a reason the submitter reads. As in
-- 20261122090000_curation.sql, with the reason bounded before the submission is read and
-- locked. Security definer (the review columns are granted to no client; the curator check is
-- private.submission_for_review's), so its search_path names pg_temp last.
create or replace function public.refuse_submission(submission_id uuid, reason text,
  expected_updated_at timestamptz)
returns public.shop_submissions
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  submission public.shop_submissions;
  refused public.shop_submissions;
  clean_reason text;
begin
  perform private.check_argument_length('reason', refuse_submission.reason, 'refusalReasonLength');
  clean_reason := pg_catalog.btrim(refuse_submission.reason);
  submission := private.submission_for_review(refuse_submission.submission_id,
    refuse_submission.expected_updated_at);
  if clean_reason is null or pg_catalog.length(clean_reason) not between 1 and 500
     or not private.is_clean_text(clean_reason) then
    raise exception 'Indiquez le motif du refus (500 caractères au plus).'
      using errcode = '23514', constraint = 'shop_submissions_refusal_reason_check';
  end if;

  update public.shop_submissions s
     set status = 'refused',
         refusal_reason = clean_reason,
         reviewed_by = (select auth.uid()),
         reviewed_at = pg_catalog.now()
   where s.id = submission.id
  returning s.* into refused;
  return refused;
end
$$;

revoke all on function public.refuse_submission(uuid, text, timestamptz) from public, anon;
grant execute on function public.refuse_submission(uuid, text, timestamptz) to authenticated;

-- ---------------------------------------------------------------------------
-- import_shops (authenticated)
-- ---------------------------------------------------------------------------

-- As in 20261122090000_curation.sql, with the territory, the source and the rows bounded first
-- (private.check_import_shops_arguments) and the row count read from the same list of bounds.
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
              update public.shops s
                 set name = v_name, kind = v_kind, category_slug = v_category,
                     subcategory_slug = v_subcategory, address = v_address, postcode = v_postcode,
                     commune_insee = v_insee, commune_name = v_commune, location = v_location,
                     published = true, source_attribution = attribution
               where s.id = existing.id;
              row_action := 'update';
            end if;
          elsif changed_curated is null and changed_merchant is null then
            row_action := 'unchanged';
          else
            update public.shops s
               set name = v_name, kind = v_kind, category_slug = v_category,
                   subcategory_slug = v_subcategory, address = v_address, postcode = v_postcode,
                   commune_insee = v_insee, commune_name = v_commune, location = v_location,
                   published = true, source_attribution = attribution,
                   description = v_description, phone = v_phone, email = v_email,
                   website = v_website, social_links = v_social, opening_hours = v_hours,
                   opening_hours_note = v_hours_note, ordering_instructions = v_ordering,
                   services = v_services
             where s.id = existing.id;
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
