-- The curators' space: merchants' submissions ("Référencer mon commerce") and their review,
-- invitations that bind a merchant to a shop, members listed for curators, imports (the
-- questionnaire's CSV or OpenStreetMap) and the territory's open data export (GeoJSON).
-- Core PostgreSQL only, as the first migration: the same SQL runs in PGlite and PostgreSQL 15.

-- ---------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------

-- Great-circle distance in metres between two (lon, lat) points (haversine, mean Earth radius).
create function private.distance_m(a point, b point) returns double precision
language sql immutable parallel safe
set search_path = ''
as $$
  select 2 * 6371008.8 * asin(least(1, sqrt(
    power(sin(radians(b[1] - a[1]) / 2), 2)
    + cos(radians(a[1])) * cos(radians(b[1])) * power(sin(radians(b[0] - a[0]) / 2), 2)
  )))
$$;

-- A name reduced for comparison: accents removed (translate: PGlite has no unaccent), lower
-- case, every character other than a-z and 0-9 dropped. "Boulangerie L'Épi d'Or" and
-- "boulangerie l epi d or" share the key "boulangerielepidor".
create function private.name_key(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select regexp_replace(
    lower(replace(replace(replace(replace(replace(
      translate(value,
        'àáâãäåāăąÀÁÂÃÄÅĀĂĄçćĉċčÇĆĈĊČďđĎĐèéêëēĕėęěÈÉÊËĒĔĖĘĚĝğġģĜĞĠĢĥħĤĦìíîïĩīĭįıÌÍÎÏĨĪĬĮİĵĴķĶĺļľŀłĹĻĽĿŁñńņňÑŃŅŇòóôõöøōŏőÒÓÔÕÖØŌŎŐŕŗřŔŖŘśŝşšŚŜŞŠţťŧŢŤŦùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲŵŴýÿŷÝŸŶźżžŹŻŽ',
        'aaaaaaaaaAAAAAAAAAcccccCCCCCddDDeeeeeeeeeEEEEEEEEEggggGGGGhhHHiiiiiiiiiIIIIIIIIIjJkKlllllLLLLLnnnnNNNNoooooooooOOOOOOOOOrrrRRRssssSSSStttTTTuuuuuuuuuuUUUUUUUUUUwWyyyYYYzzzZZZ'),
      'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss')),
    '[^a-z0-9]+', '', 'g')
$$;

-- A phone number's last 9 digits (the French national number without its leading 0 or +33),
-- or null when it has fewer than 9 digits.
create function private.phone_key(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select case when length(regexp_replace(value, '[^0-9]', '', 'g')) >= 9
    then right(regexp_replace(value, '[^0-9]', '', 'g'), 9) end
$$;

grant execute on function private.distance_m(point, point), private.name_key(text),
  private.phone_key(text) to anon, authenticated, service_role;

-- `updated_at` moves strictly forward on every update: it is the submission's concurrency token.
create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    new.created_at := old.created_at;
    new.updated_at := greatest(clock_timestamp(), old.updated_at + interval '1 microsecond');
  else
    new.updated_at := clock_timestamp();
    new.created_at := coalesce(new.created_at, new.updated_at);
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- Submissions: "Référencer mon commerce", pending until a curator publishes or refuses it.
-- ---------------------------------------------------------------------------

create table public.shop_submissions (
  id uuid primary key default gen_random_uuid(),
  territory_slug text not null references public.territories (slug),
  submitted_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'published', 'refused')),
  refusal_reason text
    check (length(btrim(refusal_reason)) between 1 and 500 and private.is_clean_text(refusal_reason)),
  -- The shop made from it, once published
  shop_id uuid references public.shops (id) on delete set null,
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  -- The shop's content, with the same rules as public.shops
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
  opening_hours text check (length(opening_hours) <= 500 and private.is_clean_text(opening_hours)),
  opening_hours_note text check (length(opening_hours_note) <= 1000 and private.is_clean_text(opening_hours_note)),
  ordering_instructions text
    check (length(ordering_instructions) <= 1000 and private.is_clean_text(ordering_instructions)),
  services public.shop_service[] not null default '{}'
    check (array_position(services, null) is null and cardinality(services) <= 7),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint shop_submissions_refusal_reason_when_refused
    check ((refusal_reason is not null) = (status = 'refused')),
  constraint shop_submissions_reviewed_when_decided check ((reviewed_at is null) = (status = 'pending')),
  constraint shop_submissions_shop_only_when_published check (shop_id is null or status = 'published')
);
create index shop_submissions_territory_status_idx on public.shop_submissions (territory_slug, status);
create index shop_submissions_submitted_by_idx on public.shop_submissions (submitted_by, status);
create index shop_submissions_shop_idx on public.shop_submissions (shop_id);

-- Coordinates inside the territory's bounds (the same rule as shops, said in French).
create function private.check_submission_location() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  territory_bounds box;
begin
  select t.bounds into territory_bounds from public.territories t where t.slug = new.territory_slug;
  if territory_bounds is null or not (territory_bounds @> new.location) then
    raise exception 'L’emplacement indiqué est hors du territoire « % ».', new.territory_slug
      using errcode = '23514', constraint = 'shop_submissions_location_in_territory';
  end if;
  return new;
end
$$;

create trigger shop_submissions_location_in_territory
  before insert or update of location, territory_slug on public.shop_submissions
  for each row execute function private.check_submission_location();

-- The subcategory belongs to the category (the same rule as shops, said in French).
create function private.check_submission_subcategory() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.subcategory_slug is not null and not exists (
    select 1 from public.subcategories s
    where s.slug = new.subcategory_slug and s.category_slug = new.category_slug
  ) then
    raise exception 'La sous-catégorie « % » n’appartient pas à la catégorie « % ».',
      new.subcategory_slug, new.category_slug
      using errcode = '23514', constraint = 'shop_submissions_subcategory_in_category';
  end if;
  return new;
end
$$;

create trigger shop_submissions_subcategory_in_category
  before insert or update of category_slug, subcategory_slug on public.shop_submissions
  for each row execute function private.check_submission_subcategory();

-- At most 3 pending submissions per user. Security definer so that the count sees every
-- submission of the user whoever inserts; the advisory lock serialises one user's inserts.
create function private.check_pending_submission_limit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.status <> 'pending' then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('shop_submissions:' || new.submitted_by::text, 0));
  if (select count(*) from public.shop_submissions s
      where s.submitted_by = new.submitted_by and s.status = 'pending') >= 3 then
    raise exception 'Vous avez déjà 3 demandes en attente : attendez la réponse des curateurs.'
      using errcode = '23514', constraint = 'shop_submissions_pending_limit';
  end if;
  return new;
end
$$;

revoke all on function private.check_pending_submission_limit() from public;

create trigger shop_submissions_pending_limit
  before insert on public.shop_submissions
  for each row execute function private.check_pending_submission_limit();

-- The review (status, reason, shop, reviewer), the territory and the submitter change only
-- through publish_submission and refuse_submission. Column grants already say so; this trigger
-- makes it hold even if a grant is widened by mistake.
create function private.guard_submission_review_columns() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if (new.territory_slug, new.submitted_by, new.status, new.refusal_reason, new.shop_id,
      new.reviewed_by, new.reviewed_at)
     is distinct from
     (old.territory_slug, old.submitted_by, old.status, old.refusal_reason, old.shop_id,
      old.reviewed_by, old.reviewed_at) then
    raise exception 'Seuls les curateurs, en publiant ou en refusant la demande, peuvent changer ce champ.'
      using errcode = '42501';
  end if;
  return new;
end
$$;

create trigger shop_submissions_guard_review_columns
  before update on public.shop_submissions
  for each row execute function private.guard_submission_review_columns();

create trigger shop_submissions_touch
  before insert or update on public.shop_submissions
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- Invitations: a curator invites an e-mail address to a shop; the merchant who signs in with
-- that confirmed address becomes a member (accept_shop_invitations).
-- ---------------------------------------------------------------------------

create table public.shop_invitations (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  -- Stored in lower case (shop_invitations_normalise_email)
  email text not null check (email = lower(email) and private.is_email(email)),
  role text not null default 'owner' check (role in ('owner', 'staff')),
  invited_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  constraint shop_invitations_accepted_by_when_accepted check (accepted_by is null or accepted_at is not null)
);
create unique index shop_invitations_pending_unique on public.shop_invitations (shop_id, email)
  where accepted_at is null;
create index shop_invitations_pending_email_idx on public.shop_invitations (email)
  where accepted_at is null;

-- Lower-cases the address and says in French what is wrong with it.
create function private.normalise_invitation_email() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.email := lower(btrim(new.email));
  if new.email is null or new.email = '' or not private.is_email(new.email) then
    raise exception 'Adresse e-mail invalide.'
      using errcode = '23514', constraint = 'shop_invitations_email_check';
  end if;
  if new.accepted_at is null and exists (
    select 1 from public.shop_invitations i
    where i.shop_id = new.shop_id and i.email = new.email and i.accepted_at is null and i.id <> new.id
  ) then
    raise exception 'Une invitation est déjà en attente pour cette adresse.'
      using errcode = '23505', constraint = 'shop_invitations_pending_unique';
  end if;
  return new;
end
$$;

create trigger shop_invitations_normalise_email
  before insert or update of email on public.shop_invitations
  for each row execute function private.normalise_invitation_email();

-- ---------------------------------------------------------------------------
-- Grants: revoke Supabase's default "all", grant back only what each role needs.
-- ---------------------------------------------------------------------------

revoke all on public.shop_submissions, public.shop_invitations from anon, authenticated;

grant select on public.shop_submissions to authenticated;
-- Never writable by a client: id, status, refusal_reason, shop_id, reviewed_by, reviewed_at,
-- created_at, updated_at; territory_slug and submitted_by at insert only.
grant insert (territory_slug, submitted_by, kind, name, category_slug, subcategory_slug,
  description, address, postcode, commune_insee, commune_name, location, phone, email, website,
  social_links, opening_hours, opening_hours_note, ordering_instructions, services)
  on public.shop_submissions to authenticated;
grant update (kind, name, category_slug, subcategory_slug, description, address, postcode,
  commune_insee, commune_name, location, phone, email, website, social_links, opening_hours,
  opening_hours_note, ordering_instructions, services)
  on public.shop_submissions to authenticated;
grant delete on public.shop_submissions to authenticated;

grant select on public.shop_invitations to authenticated;
grant insert (shop_id, email, role, invited_by) on public.shop_invitations to authenticated;
grant delete on public.shop_invitations to authenticated;

-- ---------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------

alter table public.shop_submissions enable row level security;
alter table public.shop_invitations enable row level security;

-- Submitters read their own submissions; curators read their territory's.
create policy shop_submissions_select_own_or_curator on public.shop_submissions
  for select to authenticated
  using (submitted_by = (select auth.uid()) or private.is_territory_curator(territory_slug));

-- Signed-in users submit in their own name, pending and not yet reviewed.
create policy shop_submissions_insert_own_pending on public.shop_submissions
  for insert to authenticated
  with check (
    submitted_by = (select auth.uid()) and status = 'pending' and refusal_reason is null
    and shop_id is null and reviewed_by is null and reviewed_at is null
  );

-- While pending, the submitter and the territory's curators edit the content.
create policy shop_submissions_update_pending_own_or_curator on public.shop_submissions
  for update to authenticated
  using (status = 'pending'
    and (submitted_by = (select auth.uid()) or private.is_territory_curator(territory_slug)))
  with check (status = 'pending'
    and (submitted_by = (select auth.uid()) or private.is_territory_curator(territory_slug)));

-- The submitter withdraws a submission while it is pending.
create policy shop_submissions_delete_own_pending on public.shop_submissions
  for delete to authenticated
  using (submitted_by = (select auth.uid()) and status = 'pending');

-- Curators read the invitations of their territory's shops.
create policy shop_invitations_select_curator on public.shop_invitations
  for select to authenticated
  using (private.is_curator_of_shop(shop_id));

-- Curators invite to their territory's shops, in their own name.
create policy shop_invitations_insert_curator on public.shop_invitations
  for insert to authenticated
  with check (
    private.is_curator_of_shop(shop_id) and invited_by = (select auth.uid())
    and accepted_at is null and accepted_by is null
  );

-- Curators withdraw invitations of their territory's shops.
create policy shop_invitations_delete_curator on public.shop_invitations
  for delete to authenticated
  using (private.is_curator_of_shop(shop_id));

-- ---------------------------------------------------------------------------
-- RPC: review a submission
-- ---------------------------------------------------------------------------

-- Finds the submission for a review and refuses: 42501 unless the caller curates its
-- territory (a missing submission looks the same), PT409 when it is no longer pending or
-- changed since it was loaded (detail: its current updated_at). Locks the row.
create function private.submission_for_review(target_id uuid, expected_updated_at timestamptz)
returns public.shop_submissions
language plpgsql security definer
set search_path = ''
as $$
declare
  target public.shop_submissions;
begin
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;
  select s.* into target from public.shop_submissions s where s.id = target_id;
  if target.id is null or (select auth.uid()) is null
     or not private.is_territory_curator(target.territory_slug) then
    raise exception 'Seuls les curateurs du territoire peuvent examiner cette demande.'
      using errcode = '42501';
  end if;
  select s.* into target from public.shop_submissions s where s.id = target_id for update;
  if target.status <> 'pending' then
    raise exception 'stale_update: cette demande a déjà été traitée.'
      using errcode = 'PT409', detail = target.updated_at::text;
  end if;
  if target.updated_at <> expected_updated_at then
    raise exception 'stale_update: cette demande a changé depuis son chargement.'
      using errcode = 'PT409', detail = target.updated_at::text;
  end if;
  return target;
end
$$;

-- Called by the two security definer functions below only.
revoke all on function private.submission_for_review(uuid, timestamptz) from public;

-- Publishes a pending submission: the shop is created (published, status unknown), the
-- submitter becomes its owner. Security definer: the curator check is explicit above, and the
-- review columns are granted to no client.
create function public.publish_submission(submission_id uuid, expected_updated_at timestamptz)
returns public.shops
language plpgsql security definer
set search_path = ''
as $$
declare
  submission public.shop_submissions;
  created public.shops;
begin
  submission := private.submission_for_review(publish_submission.submission_id,
    publish_submission.expected_updated_at);

  insert into public.shops (territory_slug, kind, name, category_slug, subcategory_slug,
    description, address, postcode, commune_insee, commune_name, location, phone, email, website,
    social_links, opening_hours, opening_hours_note, ordering_instructions, services, status,
    published, source, source_ref, source_attribution)
  values (submission.territory_slug, submission.kind, btrim(submission.name),
    submission.category_slug, submission.subcategory_slug, submission.description,
    submission.address, submission.postcode, submission.commune_insee, submission.commune_name,
    submission.location, submission.phone, submission.email, submission.website,
    submission.social_links, submission.opening_hours, submission.opening_hours_note,
    submission.ordering_instructions, submission.services, 'unknown', true, 'submission',
    submission.id::text, null)
  returning * into created;

  insert into public.shop_members (shop_id, user_id, role)
  values (created.id, submission.submitted_by, 'owner')
  on conflict do nothing;

  update public.shop_submissions s
     set status = 'published',
         shop_id = created.id,
         reviewed_by = (select auth.uid()),
         reviewed_at = now()
   where s.id = submission.id;

  return created;
end
$$;

revoke all on function public.publish_submission(uuid, timestamptz) from public, anon;
grant execute on function public.publish_submission(uuid, timestamptz) to authenticated;

-- Refuses a pending submission with a reason the submitter reads.
create function public.refuse_submission(submission_id uuid, reason text, expected_updated_at timestamptz)
returns public.shop_submissions
language plpgsql security definer
set search_path = ''
as $$
declare
  submission public.shop_submissions;
  refused public.shop_submissions;
  clean_reason text := btrim(refuse_submission.reason);
begin
  submission := private.submission_for_review(refuse_submission.submission_id,
    refuse_submission.expected_updated_at);
  if clean_reason is null or length(clean_reason) not between 1 and 500
     or not private.is_clean_text(clean_reason) then
    raise exception 'Indiquez le motif du refus (500 caractères au plus).'
      using errcode = '23514', constraint = 'shop_submissions_refusal_reason_check';
  end if;

  update public.shop_submissions s
     set status = 'refused',
         refusal_reason = clean_reason,
         reviewed_by = (select auth.uid()),
         reviewed_at = now()
   where s.id = submission.id
  returning s.* into refused;
  return refused;
end
$$;

revoke all on function public.refuse_submission(uuid, text, timestamptz) from public, anon;
grant execute on function public.refuse_submission(uuid, text, timestamptz) to authenticated;

-- Shops of the submission's territory it may duplicate: the same name key within 300 m, or
-- the same phone number (last 9 digits). Curators of the territory only (others: 42501).
-- Security invoker: the shops policies let a curator read every shop of their territory.
create function public.possible_duplicates(submission_id uuid)
returns table (shop_id uuid, name text, address text, commune_name text, distance_m double precision,
  reason text)
language plpgsql stable
set search_path = ''
as $$
declare
  submission public.shop_submissions;
  submission_name_key text;
  submission_phone_key text;
  near box;
  margin double precision := 300 / 111000.0 * 1.1;
begin
  select s.* into submission from public.shop_submissions s where s.id = possible_duplicates.submission_id;
  if submission.id is null or not private.is_territory_curator(submission.territory_slug) then
    raise exception 'Seuls les curateurs du territoire peuvent chercher des doublons.'
      using errcode = '42501';
  end if;
  submission_name_key := nullif(private.name_key(submission.name), '');
  submission_phone_key := private.phone_key(submission.phone);
  near := box(
    point(submission.location[0] - margin / greatest(cos(radians(submission.location[1])), 0.01),
          submission.location[1] - margin),
    point(submission.location[0] + margin / greatest(cos(radians(submission.location[1])), 0.01),
          submission.location[1] + margin));

  return query
  select c.id, c.name, c.address, c.commune_name, c.distance, c.reason
  from (
    select s.id, s.name, s.address, s.commune_name,
           private.distance_m(s.location, submission.location) as distance,
           case when submission_name_key is not null and s.location <@ near
                     and private.name_key(s.name) = submission_name_key
                     and private.distance_m(s.location, submission.location) <= 300
                  then 'same_name_nearby'
                when submission_phone_key is not null and private.phone_key(s.phone) = submission_phone_key
                  then 'same_phone' end as reason
    from public.shops s
    where s.territory_slug = submission.territory_slug
      and s.id is distinct from submission.shop_id
  ) c
  where c.reason is not null
  order by c.distance, c.id;
end
$$;

revoke all on function public.possible_duplicates(uuid) from public, anon;
grant execute on function public.possible_duplicates(uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- RPC: invitations and members
-- ---------------------------------------------------------------------------

-- Binds the caller to every shop a pending invitation names their e-mail address for. The
-- address comes from auth.users and must be confirmed: never from the JWT claims, which a
-- client could forge in some setups. Returns the shops bound.
create function public.accept_shop_invitations() returns setof uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  caller_email text;
  invitation record;
begin
  if caller is null then
    return;
  end if;
  select lower(btrim(u.email)) into caller_email
  from auth.users u
  where u.id = caller and u.email_confirmed_at is not null;
  if caller_email is null or caller_email = '' then
    return;
  end if;

  for invitation in
    select i.id, i.shop_id, i.role from public.shop_invitations i
    where i.email = caller_email and i.accepted_at is null
    order by i.created_at, i.id
    for update
  loop
    insert into public.shop_members (shop_id, user_id, role)
    values (invitation.shop_id, caller, invitation.role)
    on conflict do nothing;
    update public.shop_invitations i
       set accepted_at = now(), accepted_by = caller
     where i.id = invitation.id;
    return next invitation.shop_id;
  end loop;
end
$$;

revoke all on function public.accept_shop_invitations() from public, anon;
grant execute on function public.accept_shop_invitations() to authenticated;

-- A shop's members with their e-mail address, for the curators of its territory (others:
-- 42501). Security definer to read auth.users.
create function public.shop_member_list(shop_id uuid)
returns table (user_id uuid, email text, role text, created_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not private.is_curator_of_shop(shop_member_list.shop_id) then
    raise exception 'Seuls les curateurs du territoire peuvent voir les membres de ce lieu.'
      using errcode = '42501';
  end if;
  return query
  select m.user_id, u.email::text, m.role, m.created_at
  from public.shop_members m
  left join auth.users u on u.id = m.user_id
  where m.shop_id = shop_member_list.shop_id
  order by m.created_at, u.email, m.user_id;
end
$$;

revoke all on function public.shop_member_list(uuid) from public, anon;
grant execute on function public.shop_member_list(uuid) to authenticated;

-- The territories the caller curates (none for everyone else).
create function public.curator_territories() returns setof public.territories
language sql stable
set search_path = ''
as $$
  select t.* from public.territories t
  where exists (
    select 1 from public.territory_curators c
    where c.territory_slug = t.slug and c.user_id = (select auth.uid())
  )
  order by t.sort_order, t.slug
$$;

revoke all on function public.curator_territories() from public, anon;
grant execute on function public.curator_territories() to authenticated;

-- ---------------------------------------------------------------------------
-- RPC: import shops (questionnaire CSV or OpenStreetMap), all or nothing
-- ---------------------------------------------------------------------------

-- The French message for a database error on an import line.
create function private.import_error_message(state text, constraint_name text, column_name text,
  message text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when state = '23514' then case constraint_name
      when 'shops_kind_check' then 'Type de lieu inconnu (commercant, artisan, producteur, marche ou service_public)'
      when 'shops_name_check' then 'Nom manquant ou trop long (120 caractères au plus)'
      when 'shops_description_check' then 'Description trop longue (2 000 caractères au plus) ou caractères invalides'
      when 'shops_address_check' then 'Adresse trop longue (200 caractères au plus) ou caractères invalides'
      when 'shops_postcode_check' then 'Code postal invalide (5 chiffres)'
      when 'shops_commune_insee_check' then 'Code INSEE de la commune invalide'
      when 'shops_commune_name_check' then 'Nom de commune trop long (100 caractères au plus) ou caractères invalides'
      when 'shops_phone_check' then 'Téléphone invalide'
      when 'shops_email_check' then 'E-mail invalide'
      when 'shops_website_check' then 'Site web invalide (http ou https)'
      when 'shops_social_links_check' then 'Liens invalides (http ou https, 10 au plus)'
      when 'shops_opening_hours_check' then 'Horaires trop longs (500 caractères au plus) ou caractères invalides'
      when 'shops_opening_hours_note_check' then 'Note sur les horaires trop longue (1 000 caractères au plus) ou caractères invalides'
      when 'shops_ordering_instructions_check' then 'Marche à suivre trop longue (1 000 caractères au plus) ou caractères invalides'
      when 'shops_services_check' then 'Services invalides (7 au plus)'
      when 'shops_source_ref_check' then 'Clé de la ligne trop longue (200 caractères au plus)'
      when 'shops_location_in_territory' then 'Emplacement hors du territoire'
      when 'shops_subcategory_in_category' then 'La sous-catégorie n’appartient pas à la catégorie'
      else 'Valeur refusée : ' || message end
    when state = '23502' then case column_name
      when 'name' then 'Nom manquant ou trop long (120 caractères au plus)'
      when 'kind' then 'Type de lieu manquant'
      when 'category_slug' then 'Catégorie manquante'
      when 'location' then 'Coordonnées manquantes (lon, lat)'
      else 'Valeur manquante : ' || coalesce(column_name, message) end
    when state = '23505' and constraint_name = 'shops_source_ref_unique'
      then 'Cette clé désigne déjà un lieu d’un autre territoire'
    when state = '23503' then 'Référence inconnue : ' || message
    when state = '42501' then 'Refusé : ' || message
    else message
  end
$$;

-- Imports a file's rows into the territory, keyed by (source, sourceRef), and reports each
-- line: create, update, unchanged (nothing written) or error (a French message). All or
-- nothing: a dry run, or any error, rolls every change back and still returns the report.
-- Security invoker: the shops policies decide (curators write their own territory's shops).
-- Inside, a line is refused with SQLSTATE VR001 and the import rolled back with VR000; both
-- are caught here and never reach the client.
create function public.import_shops(territory_slug text, source text, rows jsonb, dry_run boolean)
returns table (line integer, action text, shop_id uuid, message text)
language plpgsql
set search_path = ''
as $$
declare
  max_rows constant integer := 10000;
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

revoke all on function private.import_error_message(text, text, text, text) from public;
grant execute on function private.import_error_message(text, text, text, text) to authenticated;
revoke all on function public.import_shops(text, text, jsonb, boolean) from public, anon;
grant execute on function public.import_shops(text, text, jsonb, boolean) to authenticated;

-- ---------------------------------------------------------------------------
-- Open data: the territory's published places as GeoJSON
-- ---------------------------------------------------------------------------

-- Security invoker: visitors' policies decide, and only published places are listed. Null for
-- an unknown territory.
create function public.published_shops_geojson(territory_slug text) returns jsonb
language sql stable
set search_path = ''
as $$
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
$$;

revoke all on function public.published_shops_geojson(text) from public;
grant execute on function public.published_shops_geojson(text) to anon, authenticated;
