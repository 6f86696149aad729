-- "Confirmer que mes informations sont à jour": moves status_updated_at without changing
-- anything else, so that a place does not turn "à confirmer" after 7 days.

-- Security definer because status_updated_at is granted to no client; the function checks
-- membership (or curation) and the concurrency token itself.
create function public.confirm_shop_status(shop_id uuid, expected_updated_at timestamptz)
returns public.shops
language plpgsql security definer
set search_path = ''
as $$
declare
  confirmed public.shops;
  current_updated_at timestamptz;
begin
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;
  if (select auth.uid()) is null
     or not (private.is_shop_member(confirm_shop_status.shop_id)
             or private.is_curator_of_shop(confirm_shop_status.shop_id)) then
    raise exception 'not allowed to confirm this shop' using errcode = '42501';
  end if;

  select s.updated_at into current_updated_at from public.shops s where s.id = confirm_shop_status.shop_id;
  if current_updated_at is distinct from expected_updated_at then
    raise exception 'stale_update: the shop changed since it was loaded'
      using errcode = 'PT409', detail = current_updated_at::text;
  end if;

  update public.shops s
     set status_updated_at = clock_timestamp()
   where s.id = confirm_shop_status.shop_id
  returning s.* into confirmed;
  return confirmed;
end
$$;

revoke all on function public.confirm_shop_status(uuid, timestamptz) from public, anon;
grant execute on function public.confirm_shop_status(uuid, timestamptz) to authenticated;
