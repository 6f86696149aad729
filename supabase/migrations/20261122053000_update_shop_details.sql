-- A member's own details (hours, how to order, description, contacts), written in one call with
-- the same stale-write refusal as set_shop_status, so that two phones cannot overwrite each other.

-- Why a write touched no row: a stale token (PT409, for those allowed to know) or no right (42501).
create function private.raise_write_refusal(target_shop_id uuid, expected_updated_at timestamptz)
returns void
language plpgsql
set search_path = ''
as $$
declare
  current_updated_at timestamptz;
begin
  select s.updated_at into current_updated_at from public.shops s where s.id = target_shop_id;
  if current_updated_at is not null and current_updated_at <> expected_updated_at
     and (private.is_shop_member(target_shop_id) or private.is_curator_of_shop(target_shop_id)) then
    raise exception 'stale_update: the shop changed since it was loaded'
      using errcode = 'PT409', detail = current_updated_at::text;
  end if;
  raise exception 'not allowed to change this shop' using errcode = '42501';
end
$$;

grant execute on function private.raise_write_refusal(uuid, timestamptz) to authenticated;

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
