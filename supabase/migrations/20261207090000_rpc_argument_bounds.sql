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
-- - set_shop_status: status (60), message (560 = 2 × 280), services (14 = 2 × 7).
-- - update_shop_details: opening_hours (1,000), ordering_instructions (2,000), description
--   (4,000), phone (52), email (508), website (1,000), social_links (20 links of 1,000
--   characters at most).
-- - refuse_submission: reason (1,000 = 2 × 500). Replaced (security definer).
-- - import_shops: territory_slug and source (60), rows (10,000 rows, as before; each row at most
--   32,768 characters of JSON, its socialLinks at most 20 and its services at most 14
--   elements). These three are restated with their checks in the migrations that follow
--   (20261207091000 for the first two, 20261207092000 for import_shops), once each.
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
-- set_shop_status, update_shop_details, import_shops (authenticated)
-- ---------------------------------------------------------------------------

-- Their checks (private.check_set_shop_status_arguments, check_update_shop_details_arguments,
-- check_import_shops_arguments, above) are called first thing by the versions that
-- 20261207091000_stale_checked_writes.sql (set_shop_status, update_shop_details) and
-- 20261207092000_keys_locks_and_limits.sql (import_shops) write: each function is restated once,
-- in the last migration that changes it, rather than once per migration.

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
