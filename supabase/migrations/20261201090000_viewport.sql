-- The shops of a map viewport, for maps too large to load a whole territory at once (a national
-- directory). Core PostgreSQL only (built-in `point`/`box`, GiST): runs in PGlite and PostgreSQL 15.
--
-- Why two halves: under row-level security PostgreSQL only lets a leakproof condition reach an
-- index before the policy's own condition, and no geometric operator (`<@`, `<->`) is leakproof
-- (marking one so needs a superuser, which Supabase does not give). A plain security-invoker
-- query on `shops` therefore reads the whole table. Published shops are readable by every role
-- under the existing policies, so a security-definer helper that returns published shops only
-- reveals nothing the policies hide, and it may use the spatial index; the unpublished shops a
-- caller may see (their own, their territory's as a curator) are read under RLS as usual.

-- ---------------------------------------------------------------------------
-- Index
-- ---------------------------------------------------------------------------

-- Published shops only, carrying every column a filter reads: the nearest-first scan then filters
-- on the index alone (an index-only scan) and reads the table for the rows it returns only.
create index shops_published_location_idx on public.shops using gist (location)
  include (id, services, category_slug, kind, status, name, commune_name) where published;

-- ---------------------------------------------------------------------------
-- Text search, as the shopper page folds it (case, accents, ligatures)
-- ---------------------------------------------------------------------------

-- Lower case without accents or ligatures (the letters of French and its neighbours).
create function private.search_fold(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select lower(replace(replace(replace(replace(replace(
    translate(value,
      'àáâãäåāăąÀÁÂÃÄÅĀĂĄçćĉċčÇĆĈĊČďđĎĐèéêëēĕėęěÈÉÊËĒĔĖĘĚĝğġģĜĞĠĢĥħĤĦìíîïĩīĭįıÌÍÎÏĨĪĬĮİĵĴķĶĺļľŀłĹĻĽĿŁñńņňÑŃŅŇòóôõöøōŏőÒÓÔÕÖØŌŎŐŕŗřŔŖŘśŝşšŚŜŞŠţťŧŢŤŦùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲŵŴýÿŷÝŸŶźżžŹŻŽ',
      'aaaaaaaaaAAAAAAAAAcccccCCCCCddDDeeeeeeeeeEEEEEEEEEggggGGGGhhHHiiiiiiiiiIIIIIIIIIjJkKlllllLLLLLnnnnNNNNoooooooooOOOOOOOOOrrrRRRssssSSSStttTTTuuuuuuuuuuUUUUUUUUUUwWyyyYYYzzzZZZ'),
    'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'))
$$;

-- A query as one regular expression per folded word, each letter matching its accented forms in
-- either case (lower() leaves non-ASCII capitals alone under the C collation) and "oe", "ae",
-- "ss" their ligatures. Matching a name against these costs a tenth of folding every name.
-- Words keep letters and digits only, so they never inject regular-expression syntax.
create function private.search_patterns(query text) returns text[]
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(array_agg(p.pattern order by p.n), '{}')
  from (
    select w.n, string_agg(coalesce(classes.map ->> c.ch, c.ch), '' order by c.i) as pattern
    from regexp_split_to_table(private.search_fold(coalesce(query, '')), '[^a-z0-9]+')
      with ordinality as w(word, n)
    cross join lateral regexp_split_to_table(
      replace(replace(replace(w.word, 'oe', 'O'), 'ae', 'A'), 'ss', 'S'), '')
      with ordinality as c(ch, i)
    cross join (select jsonb_build_object(
      'a', '[aàáâãäåāăąÀÁÂÃÄÅĀĂĄ]',
      'c', '[cçćĉċčÇĆĈĊČ]',
      'd', '[dďđĎĐ]',
      'e', '[eèéêëēĕėęěÈÉÊËĒĔĖĘĚ]',
      'g', '[gĝğġģĜĞĠĢ]',
      'h', '[hĥħĤĦ]',
      'i', '[iìíîïĩīĭįıÌÍÎÏĨĪĬĮİ]',
      'j', '[jĵĴ]',
      'k', '[kķĶ]',
      'l', '[lĺļľŀłĹĻĽĿŁ]',
      'n', '[nñńņňÑŃŅŇ]',
      'o', '[oòóôõöøōŏőÒÓÔÕÖØŌŎŐ]',
      'r', '[rŕŗřŔŖŘ]',
      's', '[sśŝşšŚŜŞŠ]',
      't', '[tţťŧŢŤŦ]',
      'u', '[uùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ]',
      'w', '[wŵŴ]',
      'y', '[yýÿŷÝŸŶ]',
      'z', '[zźżžŹŻŽ]',
      'O', '(?:[oòóôõöøōŏőÒÓÔÕÖØŌŎŐ][eèéêëēĕėęěÈÉÊËĒĔĖĘĚ]|œ|Œ)',
      'A', '(?:[aàáâãäåāăąÀÁÂÃÄÅĀĂĄ][eèéêëēĕėęěÈÉÊËĒĔĖĘĚ]|æ|Æ)',
      'S', '(?:[sśŝşšŚŜŞŠ][sśŝşšŚŜŞŠ]|ß)') as map) classes
    where w.word <> ''
    group by w.n
  ) p
$$;

grant execute on function private.search_fold(text), private.search_patterns(text)
  to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- The published half (security definer, published rows only)
-- ---------------------------------------------------------------------------

-- Published shops in the box, nearest the centre first; callers validate the arguments. The ids
-- come from the index alone, then only those rows are read.
create function private.published_shops_in_viewport(
  viewport box,
  centre point,
  services public.shop_service[],
  categories text[],
  kinds text[],
  statuses text[],
  patterns text[],
  row_limit integer
) returns setof public.shops
language sql stable security definer
-- The planner cannot estimate how many points a box holds and picks a bitmap scan and a sort of
-- the whole box; the nearest-first index scan stops after row_limit rows instead.
set search_path = ''
set enable_bitmapscan = off
as $$
  with hits as (
    select s.id, s.location <-> published_shops_in_viewport.centre as distance
    from public.shops s
    where s.published
      and s.location <@ published_shops_in_viewport.viewport
      and (published_shops_in_viewport.services is null
           or s.services @> published_shops_in_viewport.services)
      and (coalesce(cardinality(published_shops_in_viewport.categories), 0) = 0
           or s.category_slug = any (published_shops_in_viewport.categories))
      and (coalesce(cardinality(published_shops_in_viewport.kinds), 0) = 0
           or s.kind = any (published_shops_in_viewport.kinds))
      and (coalesce(cardinality(published_shops_in_viewport.statuses), 0) = 0
           or s.status = any (published_shops_in_viewport.statuses))
      and (cardinality(published_shops_in_viewport.patterns) = 0
           or lower(s.name || ' ' || coalesce(s.commune_name, '')) ~ all (published_shops_in_viewport.patterns))
    order by s.location <-> published_shops_in_viewport.centre
    limit published_shops_in_viewport.row_limit
  )
  select s.*
  from hits h
  join public.shops s on s.id = h.id and s.published
  order by h.distance, s.id
$$;

revoke all on function private.published_shops_in_viewport(box, point, public.shop_service[], text[],
  text[], text[], text[], integer) from public;
grant execute on function private.published_shops_in_viewport(box, point, public.shop_service[], text[],
  text[], text[], text[], integer) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- RPC
-- ---------------------------------------------------------------------------

-- Security invoker: the shops of a (west, south, east, north) viewport that the caller may read,
-- nearest the centre first, at most row_limit (1 to 1000: Supabase's API caps responses at
-- 1,000 rows). Filters as on the shopper page: every service, any category, any kind, any
-- status, every word of `search` in the name or commune. "Open now" needs the opening hours and
-- the clock, so the app applies it. A viewport across the antimeridian is refused.
create function public.shops_in_viewport(
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
begin
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
  if row_limit is null or row_limit not between 1 and 1000 then
    raise exception 'invalid row_limit %: it must be between 1 and 1000', row_limit
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
