-- A member's own details (hours, how to order, description, contacts), written in one call with
-- the same stale-write refusal as set_shop_status, so that two phones cannot overwrite each other.

-- Security invoker: the caller's grants, row-level security and CHECK constraints decide.
create function public.update_shop_details(
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
