-- Vitrine's directory: territories, reference lists, shops, membership and status history.
-- Uses only core PostgreSQL (built-in `point`/`box`, GiST) so that the same SQL runs in
-- PGlite (the embedded backend) and on Supabase's PostgreSQL 15.

create schema if not exists private;
-- Policies call the helpers in `private`; the API roles may execute them but PostgREST
-- does not expose the schema.
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Reference data
-- ---------------------------------------------------------------------------

create table public.territories (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
  name text not null check (length(name) between 1 and 120),
  centre point not null,
  -- (east, north), (west, south) corners in WGS84 lon/lat
  bounds box not null,
  sort_order integer not null default 0,
  constraint territories_centre_in_bounds check (bounds @> centre)
);

create table public.communes (
  insee_code text primary key check (insee_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
  territory_slug text not null references public.territories (slug) on delete cascade,
  name text not null,
  postcodes text[] not null default '{}',
  population integer check (population >= 0)
);
create index communes_territory_idx on public.communes (territory_slug);

create table public.categories (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_fr text not null,
  name_en text not null,
  sort_order integer not null default 0
);

create table public.subcategories (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  category_slug text not null references public.categories (slug) on delete cascade,
  name_fr text not null,
  name_en text not null,
  -- OpenStreetMap tags that map to this subcategory, as `key=value`
  osm_tags text[] not null default '{}',
  sort_order integer not null default 0
);
create index subcategories_category_idx on public.subcategories (category_slug);

-- The services a place can offer now. The enum is the single list; the table carries labels.
create type public.shop_service as enum (
  'click_and_collect',
  'delivery',
  'shipping',
  'gift_cards',
  'visit_by_appointment',
  'remote_ordering',
  'in_store'
);

create table public.services (
  code public.shop_service primary key,
  name_fr text not null,
  name_en text not null,
  sort_order integer not null default 0
);

-- ---------------------------------------------------------------------------
-- Validation helpers shared by CHECK constraints
-- ---------------------------------------------------------------------------

-- Printable text: no ASCII control characters except tab and newline.
create function private.is_clean_text(value text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select value is null or value !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]'
$$;

create function private.is_http_url(value text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select value is null
    or (value ~* '^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$' and length(value) <= 500)
$$;

create function private.are_http_urls(value text[]) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select value is null
    or (cardinality(value) <= 10
      and coalesce((select bool_and(private.is_http_url(v) and v is not null) from unnest(value) as v), true))
$$;

create function private.is_email(value text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select value is null
    or (value ~ '^[A-Za-z0-9.!#$%&''*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$'
      and length(value) <= 254)
$$;

create function private.is_phone(value text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select value is null or value ~ '^\+?[0-9][0-9 .()-]{5,24}$'
$$;

grant execute on all functions in schema private to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Shops
-- ---------------------------------------------------------------------------

create table public.shops (
  id uuid primary key default gen_random_uuid(),
  territory_slug text not null references public.territories (slug),
  kind text not null
    check (kind in ('commercant', 'artisan', 'producteur', 'marche', 'service_public')),
  name text not null check (length(btrim(name)) between 1 and 120 and private.is_clean_text(name)),
  category_slug text not null references public.categories (slug),
  subcategory_slug text references public.subcategories (slug),
  description text check (length(description) <= 2000 and private.is_clean_text(description)),
  address text check (length(address) <= 200 and private.is_clean_text(address)),
  postcode text check (postcode ~ '^[0-9]{5}$'),
  commune_insee text check (commune_insee ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
  commune_name text check (length(commune_name) <= 100 and private.is_clean_text(commune_name)),
  location point not null,
  phone text check (private.is_phone(phone)),
  email text check (private.is_email(email)),
  website text check (private.is_http_url(website)),
  social_links text[] not null default '{}' check (private.are_http_urls(social_links)),
  -- OpenStreetMap `opening_hours` syntax; validated by the app with the opening_hours library
  opening_hours text check (length(opening_hours) <= 500 and private.is_clean_text(opening_hours)),
  -- Hours we could not express in `opening_hours` syntax, kept as the source wrote them
  opening_hours_note text check (length(opening_hours_note) <= 1000 and private.is_clean_text(opening_hours_note)),
  -- "La marche à suivre": how to order or book
  ordering_instructions text
    check (length(ordering_instructions) <= 1000 and private.is_clean_text(ordering_instructions)),
  services public.shop_service[] not null default '{}'
    check (array_position(services, null) is null and cardinality(services) <= 7),
  status text not null default 'unknown' check (status in ('open', 'closed', 'unknown')),
  status_message text check (length(status_message) <= 280 and private.is_clean_text(status_message)),
  closed_until date,
  status_updated_at timestamptz,
  published boolean not null default false,
  source text not null check (source in ('osm', 'open_data', 'import', 'submission', 'demo')),
  -- The record's id in its source (an OSM id such as `node/123`, a dataset's record id)
  source_ref text check (length(source_ref) <= 200),
  -- Credit line owed to the source, shown on the place's sheet
  source_attribution text check (length(source_attribution) <= 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint shops_source_ref_unique unique (source, source_ref),
  constraint shops_closed_until_only_when_closed check (closed_until is null or status = 'closed')
);

create index shops_location_idx on public.shops using gist (location);
create index shops_territory_published_idx on public.shops (territory_slug, published);
create index shops_category_idx on public.shops (category_slug);

-- Coordinates must fall inside the territory's bounds. A CHECK cannot read another table,
-- so a trigger raises the same SQLSTATE (23514) that a CHECK would.
create function private.check_shop_location() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  territory_bounds box;
begin
  select t.bounds into territory_bounds from public.territories t where t.slug = new.territory_slug;
  if territory_bounds is null or not (territory_bounds @> new.location) then
    raise exception 'shop location % is outside the bounds of territory %', new.location, new.territory_slug
      using errcode = '23514', constraint = 'shops_location_in_territory';
  end if;
  return new;
end
$$;

create trigger shops_location_in_territory
  before insert or update of location, territory_slug on public.shops
  for each row execute function private.check_shop_location();

-- Subcategory must belong to the category.
create function private.check_shop_subcategory() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.subcategory_slug is not null and not exists (
    select 1 from public.subcategories s
    where s.slug = new.subcategory_slug and s.category_slug = new.category_slug
  ) then
    raise exception 'subcategory % does not belong to category %', new.subcategory_slug, new.category_slug
      using errcode = '23514', constraint = 'shops_subcategory_in_category';
  end if;
  return new;
end
$$;

create trigger shops_subcategory_in_category
  before insert or update of category_slug, subcategory_slug on public.shops
  for each row execute function private.check_shop_subcategory();

-- ---------------------------------------------------------------------------
-- Membership and curation. Roles live in these tables, never in user-editable metadata.
-- ---------------------------------------------------------------------------

create table public.shop_members (
  shop_id uuid not null references public.shops (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'owner' check (role in ('owner', 'staff')),
  created_at timestamptz not null default now(),
  primary key (shop_id, user_id)
);
create index shop_members_user_idx on public.shop_members (user_id);

create table public.territory_curators (
  territory_slug text not null references public.territories (slug) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (territory_slug, user_id)
);
create index territory_curators_user_idx on public.territory_curators (user_id);

-- Security definer so that policies can consult membership without recursing into RLS.
create function private.is_shop_member(target_shop_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.shop_members m
    where m.shop_id = target_shop_id and m.user_id = (select auth.uid())
  )
$$;

create function private.is_territory_curator(target_territory text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.territory_curators c
    where c.territory_slug = target_territory and c.user_id = (select auth.uid())
  )
$$;

create function private.is_curator_of_shop(target_shop_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.shops s
    join public.territory_curators c on c.territory_slug = s.territory_slug
    where s.id = target_shop_id and c.user_id = (select auth.uid())
  )
$$;

revoke all on function private.is_shop_member(uuid), private.is_territory_curator(text),
  private.is_curator_of_shop(uuid) from public;
grant execute on function private.is_shop_member(uuid), private.is_territory_curator(text),
  private.is_curator_of_shop(uuid) to anon, authenticated, service_role;

-- Members may edit the shop's day-to-day fields; everything else is curated. Column grants
-- cannot tell a member from a curator (both are `authenticated`), so this trigger does.
create function private.guard_curated_shop_columns() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if private.is_territory_curator(old.territory_slug) then
    return new;
  end if;
  if (new.kind, new.name, new.category_slug, new.subcategory_slug, new.address, new.postcode,
      new.commune_insee, new.commune_name, new.location[0], new.location[1], new.published,
      new.source_attribution)
     is distinct from
     (old.kind, old.name, old.category_slug, old.subcategory_slug, old.address, old.postcode,
      old.commune_insee, old.commune_name, old.location[0], old.location[1], old.published,
      old.source_attribution) then
    raise exception 'only a curator of the territory can change this field of the shop'
      using errcode = '42501';
  end if;
  return new;
end
$$;

create trigger shops_guard_curated_columns
  before update on public.shops
  for each row execute function private.guard_curated_shop_columns();

-- `updated_at` always moves, and strictly forward: it is the concurrency token of
-- set_shop_status, so two writes must never share it (PGlite's clock ticks in milliseconds).
-- `status_updated_at` moves when what shoppers rely on changes.
create function private.touch_shop() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    new.updated_at := greatest(clock_timestamp(), old.updated_at + interval '1 microsecond');
  else
    new.updated_at := clock_timestamp();
  end if;
  if tg_op = 'INSERT' then
    new.created_at := coalesce(new.created_at, new.updated_at);
    if new.status <> 'unknown' and new.status_updated_at is null then
      new.status_updated_at := new.updated_at;
    end if;
  elsif (new.status, new.status_message, new.closed_until, new.services)
        is distinct from (old.status, old.status_message, old.closed_until, old.services) then
    new.status_updated_at := new.updated_at;
  end if;
  return new;
end
$$;

create trigger shops_touch
  before insert or update on public.shops
  for each row execute function private.touch_shop();

-- ---------------------------------------------------------------------------
-- Status history: append-only, written by a trigger only.
-- ---------------------------------------------------------------------------

create table public.shop_status_events (
  id bigint generated always as identity primary key,
  -- Kept when a shop is deleted (set null): the history outlives curation, readable by the
  -- service role only once its shop is gone.
  shop_id uuid references public.shops (id) on delete set null,
  changed_by uuid,
  changed_at timestamptz not null default clock_timestamp(),
  before jsonb,
  after jsonb not null
);
create index shop_status_events_shop_idx on public.shop_status_events (shop_id, changed_at desc);

create function private.record_shop_status_event() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or (new.status, new.status_message, new.closed_until, new.services)
       is distinct from (old.status, old.status_message, old.closed_until, old.services) then
    insert into public.shop_status_events (shop_id, changed_by, changed_at, before, after)
    values (
      new.id,
      (select auth.uid()),
      new.updated_at,
      case when tg_op = 'UPDATE' then jsonb_build_object(
        'status', old.status, 'status_message', old.status_message,
        'closed_until', old.closed_until, 'services', to_jsonb(old.services)) end,
      jsonb_build_object(
        'status', new.status, 'status_message', new.status_message,
        'closed_until', new.closed_until, 'services', to_jsonb(new.services))
    );
  end if;
  return null;
end
$$;

create trigger shops_record_status_event
  after insert or update on public.shops
  for each row execute function private.record_shop_status_event();

-- ---------------------------------------------------------------------------
-- Grants: revoke Supabase's default "all", grant back only what each role needs.
-- ---------------------------------------------------------------------------

revoke all on public.territories, public.communes, public.categories, public.subcategories,
  public.services, public.shops, public.shop_members, public.territory_curators,
  public.shop_status_events
  from anon, authenticated;

grant select on public.territories, public.communes, public.categories, public.subcategories,
  public.services
  to anon, authenticated;

grant select on public.shops to anon, authenticated;
grant insert (territory_slug, kind, name, category_slug, subcategory_slug, description, address,
  postcode, commune_insee, commune_name, location, phone, email, website, social_links,
  opening_hours, opening_hours_note, ordering_instructions, services, status, status_message,
  closed_until, published, source, source_ref, source_attribution)
  on public.shops to authenticated;
-- Never writable by a client: id, territory_slug, source, source_ref, created_at, updated_at,
-- status_updated_at. Curated columns are guarded per row by shops_guard_curated_columns.
grant update (kind, name, category_slug, subcategory_slug, description, address, postcode,
  commune_insee, commune_name, location, phone, email, website, social_links, opening_hours,
  opening_hours_note, ordering_instructions, services, status, status_message, closed_until,
  published, source_attribution)
  on public.shops to authenticated;
grant delete on public.shops to authenticated;

grant select on public.shop_members to authenticated;
grant insert (shop_id, user_id, role), update (role), delete on public.shop_members to authenticated;

grant select on public.territory_curators to authenticated;

grant select on public.shop_status_events to authenticated;

-- The history's identity sequence was granted by Supabase's defaults; only the trigger uses it.
revoke all on all sequences in schema public from anon, authenticated;

-- ---------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------

alter table public.territories enable row level security;
alter table public.communes enable row level security;
alter table public.categories enable row level security;
alter table public.subcategories enable row level security;
alter table public.services enable row level security;
alter table public.shops enable row level security;
alter table public.shop_members enable row level security;
alter table public.territory_curators enable row level security;
alter table public.shop_status_events enable row level security;

-- Everyone reads the territories.
create policy territories_select_all on public.territories
  for select to anon, authenticated using (true);

-- Everyone reads the communes.
create policy communes_select_all on public.communes
  for select to anon, authenticated using (true);

-- Everyone reads the categories.
create policy categories_select_all on public.categories
  for select to anon, authenticated using (true);

-- Everyone reads the subcategories.
create policy subcategories_select_all on public.subcategories
  for select to anon, authenticated using (true);

-- Everyone reads the services.
create policy services_select_all on public.services
  for select to anon, authenticated using (true);

-- Visitors read published shops only.
create policy shops_select_published_anon on public.shops
  for select to anon using (published);

-- Signed-in users read published shops, their own shops, and every shop of a territory they curate.
create policy shops_select_authenticated on public.shops
  for select to authenticated
  using (published or private.is_shop_member(id) or private.is_territory_curator(territory_slug));

-- Curators add shops to their own territory only.
create policy shops_insert_curator on public.shops
  for insert to authenticated
  with check (private.is_territory_curator(territory_slug));

-- Members and the territory's curators update a shop; the guard trigger limits members' columns.
create policy shops_update_member_or_curator on public.shops
  for update to authenticated
  using (private.is_shop_member(id) or private.is_territory_curator(territory_slug))
  with check (private.is_shop_member(id) or private.is_territory_curator(territory_slug));

-- Curators delete shops of their own territory only.
create policy shops_delete_curator on public.shops
  for delete to authenticated
  using (private.is_territory_curator(territory_slug));

-- Users read their own memberships; curators read the memberships of their territory's shops.
create policy shop_members_select_self_or_curator on public.shop_members
  for select to authenticated
  using (user_id = (select auth.uid()) or private.is_curator_of_shop(shop_id));

-- Curators add members to their territory's shops.
create policy shop_members_insert_curator on public.shop_members
  for insert to authenticated
  with check (private.is_curator_of_shop(shop_id));

-- Curators change a member's role in their territory's shops.
create policy shop_members_update_curator on public.shop_members
  for update to authenticated
  using (private.is_curator_of_shop(shop_id))
  with check (private.is_curator_of_shop(shop_id));

-- Curators remove members from their territory's shops.
create policy shop_members_delete_curator on public.shop_members
  for delete to authenticated
  using (private.is_curator_of_shop(shop_id));

-- Users read their own curator assignments.
create policy territory_curators_select_self on public.territory_curators
  for select to authenticated
  using (user_id = (select auth.uid()));

-- A shop's members and its territory's curators read its status history.
create policy shop_status_events_select_member_or_curator on public.shop_status_events
  for select to authenticated
  using (private.is_shop_member(shop_id) or private.is_curator_of_shop(shop_id));

-- ---------------------------------------------------------------------------
-- RPC: set a shop's status, refusing a stale write
-- ---------------------------------------------------------------------------

-- Why a guarded write touched no row: a stale token (PT409, told only to those allowed to
-- write; PostgREST answers 409 and clients show "modifié ailleurs") or no right (42501).
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

revoke all on function private.raise_write_refusal(uuid, timestamptz) from public;
grant execute on function private.raise_write_refusal(uuid, timestamptz) to authenticated;

-- Security invoker: the caller's RLS policies and grants decide, as for a direct update.
create function public.set_shop_status(
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

-- The signed-in user's shops, with their role, for the merchant's space.
create function public.my_shops()
returns table (shop_id uuid, role text, name text, territory_slug text, published boolean)
language sql stable
set search_path = ''
as $$
  select m.shop_id, m.role, s.name, s.territory_slug, s.published
  from public.shop_members m
  join public.shops s on s.id = m.shop_id
  where m.user_id = (select auth.uid())
  order by s.name
$$;

revoke all on function public.my_shops() from public, anon;
grant execute on function public.my_shops() to authenticated;

-- Shoppers' map receives status changes in realtime.
alter publication supabase_realtime add table public.shops;
