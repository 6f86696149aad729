-- Security definer functions run as their owner. With `search_path = ''`, PostgreSQL still looks
-- in the caller's temporary schema FIRST for types and tables (pg_temp is implicitly searched
-- before pg_catalog unless it is named): a caller with a direct SQL session could create a
-- temporary type or cast that shadows a built-in one and have it run with the owner's rights.
-- Naming pg_temp last (`pg_catalog, pg_temp`) closes that, as PostgreSQL's documentation on
-- writing security definer functions safely advises. Every definer function of the app's
-- schemas gets it here; later migrations set it in each new definer function, and
-- tests/supabase/security/definer-search-path.test.ts fails for any that does not.
do $$
declare
  definer record;
begin
  for definer in
    select p.oid::regprocedure as signature
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where p.prosecdef and n.nspname in ('public', 'private')
  loop
    execute pg_catalog.format('alter function %s set search_path = pg_catalog, pg_temp',
      definer.signature);
  end loop;
end
$$;
