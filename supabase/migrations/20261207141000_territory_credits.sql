-- Issue 17, item 3: each territory credits its own sources. The map's and the page's credits
-- were one line written in the code ("Grand Poitiers Open Data, La Poste"), shown for Niort too.
-- A territory's sources are the credits its places carry (shops.source_attribution, which every
-- seeded real place and every import has): this function lists them, most used first.

-- The credits of a territory's places that the caller may read (visitors: the published ones),
-- each once, with how many places carry it. Security invoker: the shops policies decide, so an
-- unpublished place's source is credited only to those who may see that place.
create function public.territory_credits(territory_slug text)
returns table (credit text, places integer)
language sql stable
set search_path = ''
as $$
  select btrim(s.source_attribution), count(*)::integer
  from public.shops s
  where s.territory_slug = territory_credits.territory_slug
    and nullif(btrim(s.source_attribution), '') is not null
  group by btrim(s.source_attribution)
  order by count(*) desc, btrim(s.source_attribution)
$$;

revoke all on function public.territory_credits(text) from public;
grant execute on function public.territory_credits(text) to anon, authenticated;
