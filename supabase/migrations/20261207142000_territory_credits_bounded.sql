-- As in 20261207141000_territory_credits.sql, with its argument bounded first, as every client
-- function (20261207090000_rpc_argument_bounds.sql): plpgsql instead of sql, to check before
-- the query. What it returns is unchanged.
create or replace function public.territory_credits(territory_slug text)
returns table (credit text, places integer)
language plpgsql stable
set search_path = ''
as $$
begin
  perform private.check_argument_length('territory_slug', territory_credits.territory_slug,
    'slugLength');
  return query
    select btrim(s.source_attribution), count(*)::integer
    from public.shops s
    where s.territory_slug = territory_credits.territory_slug
      and nullif(btrim(s.source_attribution), '') is not null
    group by btrim(s.source_attribution)
    order by count(*) desc, btrim(s.source_attribution);
end
$$;
