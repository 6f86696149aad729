-- Keys, locks and limits (issue 13, points 6, 8 and 9).
--
-- Point 6, keys collided across territories. shops_source_ref_unique was unique (source,
-- source_ref) over ALL territories, so a curator of one territory could take another
-- territory's keys first (the OSM id `node/123`, the id of a pending submission): that
-- territory's next import rolled back whole ("Cette clé désigne déjà un lieu d'un autre
-- territoire"), the submission could no longer be published, and the unique violation itself
-- told the curator which keys another territory's unpublished places held. A key now identifies
-- a place within its territory: unique (territory_slug, source, source_ref), and import_shops
-- looks a key up in the territory it imports into only. publish_submission needs no change: it
-- inserts the key (source 'submission', the submission's id) into the submission's own
-- territory, which only that territory's curators write to. The seed generator derives a seed
-- shop's id from (source, source_ref) and now refuses two seed places sharing both
-- (supabase/seed-generator/seed-builder.ts), since they would share an id.
--
-- Point 8, direct SQL. (a) LOCK TABLE in any mode stronger than ACCESS SHARE needs a TABLE-level
-- UPDATE, DELETE or TRUNCATE privilege (column-level grants do not count). `authenticated` held
-- table-level DELETE on four tables: shops, shop_members, shop_submissions and shop_invitations
-- (the delete policies' grants), so a signed-in user with an SQL session could take an ACCESS
-- EXCLUSIVE lock on them and stall every reader until the end of their transaction. The app
-- deletes only three things, each now through a security definer function that checks what the
-- delete policy checked (withdraw_submission, remove_shop_member, revoke_shop_invitation); shops
-- are deleted by no client (the app has no such action), and the DELETE grants and their dead
-- policies are dropped. ACCESS SHARE (what every SELECT takes) stays possible on readable tables.
-- (b) The limit of 3 pending submissions per user counted them in a trigger, serialised by an
-- advisory lock; under REPEATABLE READ each transaction counts in its own snapshot, taken
-- before the others commit, and 20 of 20 concurrent inserts were accepted. Each pending
-- submission now holds one of its submitter's 3 slots, a row of private.pending_submission_slots
-- unique on (submitted_by, slot): two transactions taking the same slot collide on that index
-- whatever their snapshots, and the loser tries the next free slot, then is refused with the
-- same French message, SQLSTATE and constraint name as before.
--
-- Point 9, no regular expression from a client. The engines do not always agree on a pattern
-- (the review met one that PostgreSQL 15 rejects and PGlite answered with no rows and no error),
-- so a client's text never reaches `~`, `~*`, `similar to`, `regexp_*` or `like` as a pattern:
-- - shops_in_viewport's `search` becomes patterns through private.search_patterns only, which
--   keeps runs of [a-z0-9] of the folded text and writes every regular-expression character
--   itself (verified: tests/supabase/security/keys-locks-limits.test.ts);
-- - but its security definer half, private.published_shops_in_viewport, took the patterns as an
--   argument and is executable by anon and authenticated for shops_in_viewport to call it: from
--   an SQL session, any text could be matched as a regular expression. It now refuses (22023)
--   patterns that private.search_patterns could not have made;
-- - every other `~`, `regexp_replace` and `regexp_split_to_table` of the migrations has a
--   constant pattern, with the client's value as the subject only (CHECKs, name_key and
--   phone_key in possible_duplicates and import_shops); there is no `like`, `ilike` or
--   `similar to`; shop_member_list takes a shop id only;
-- - the app's PostgREST requests (src/backend/supabase) filter with `eq` on ids, slugs and
--   timestamps only: no `like`, `ilike`, `match`, `imatch` nor full-text filter.

-- ---------------------------------------------------------------------------
-- Point 6: a shop's key is unique within its territory
-- ---------------------------------------------------------------------------

alter table public.shops drop constraint shops_source_ref_unique;

-- The same source record may be a place of two territories (an OSM id near a border, a
-- dataset both use): each territory has its own place for it, and one territory's keys say
-- nothing about, and never block, another's. Leads with territory_slug: import_shops looks keys
-- up per territory through this index.
alter table public.shops add constraint shops_source_ref_unique_per_territory
  unique (territory_slug, source, source_ref);

-- The import's French messages stay as they were; the new key constraint gets its own in front.
alter function private.import_error_message(text, text, text, text)
  rename to import_error_message_before_keys_per_territory;

-- The French message for a database error on an import line, the per-territory key included.
-- import_shops finds an existing key of its territory before it inserts (its curator reads all
-- of the territory's places), so this violation means that a concurrent import of the same
-- territory inserted the key first.
create function private.import_error_message(state text, constraint_name text, column_name text,
  message text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when state = '23505' and constraint_name = 'shops_source_ref_unique_per_territory'
      then 'Clé ajoutée au territoire par un autre import en cours : relancez l’import'
    else private.import_error_message_before_keys_per_territory(state, constraint_name,
      column_name, message)
  end
$$;

revoke all on function private.import_error_message(text, text, text, text) from public;
grant execute on function private.import_error_message(text, text, text, text) to authenticated;

-- As in 20261122090000_curation.sql, restated once here with what this round adds: the argument
-- bounds of 20261207090000_rpc_argument_bounds.sql (private.check_import_shops_arguments first,
-- the row count from private.rpc_bound), each update of an existing shop declared and compared
-- with the updated_at read for its line (20261207091000_stale_checked_writes.sql), and an
-- existing place looked up in the imported territory only: the "Cette clé désigne déjà un lieu
-- d'un autre territoire" refusal is gone, another territory's key is simply not this
-- territory's place.
-- Imports a file's rows into the territory, keyed by (source, sourceRef) within it, and reports
-- each line: create, update, unchanged (nothing written) or error (a French message). All or
-- nothing: a dry run, or any error, rolls every change back and still returns the report.
-- Security invoker: the shops policies decide (curators write their own territory's shops).
-- Inside, a line is refused with SQLSTATE VR001 and the import rolled back with VR000; both
-- are caught here and never reach the client.
create or replace function public.import_shops(territory_slug text, source text, rows jsonb, dry_run boolean)
returns table (line integer, action text, shop_id uuid, message text)
language plpgsql
set search_path = ''
as $$
declare
  max_rows constant integer := private.rpc_bound('importRows');
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
  written boolean;
  err_state text;
  err_constraint text;
  err_column text;
  err_message text;
begin
  perform private.check_import_shops_arguments(import_shops.territory_slug, import_shops.source,
    import_shops.rows);
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

        -- The key names a place of this territory only: another territory's place with the same
        -- key is another place, neither updated nor reported.
        select s.* into existing from public.shops s
        where s.territory_slug = import_shops.territory_slug
          and s.source = import_shops.source and s.source_ref = item.ref;

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
              perform private.begin_stale_checked_write(existing.id, existing.updated_at);
              update public.shops s
                 set name = v_name, kind = v_kind, category_slug = v_category,
                     subcategory_slug = v_subcategory, address = v_address, postcode = v_postcode,
                     commune_insee = v_insee, commune_name = v_commune, location = v_location,
                     published = true, source_attribution = attribution
               where s.id = existing.id and s.updated_at = existing.updated_at;
              written := found;
              perform private.end_stale_checked_write();
              if not written then
                raise exception 'Lieu modifié pendant l’import : relancez l’import' using errcode = 'VR001';
              end if;
              row_action := 'update';
            end if;
          elsif changed_curated is null and changed_merchant is null then
            row_action := 'unchanged';
          else
            perform private.begin_stale_checked_write(existing.id, existing.updated_at);
            update public.shops s
               set name = v_name, kind = v_kind, category_slug = v_category,
                   subcategory_slug = v_subcategory, address = v_address, postcode = v_postcode,
                   commune_insee = v_insee, commune_name = v_commune, location = v_location,
                   published = true, source_attribution = attribution,
                   description = v_description, phone = v_phone, email = v_email,
                   website = v_website, social_links = v_social, opening_hours = v_hours,
                   opening_hours_note = v_hours_note, ordering_instructions = v_ordering,
                   services = v_services
             where s.id = existing.id and s.updated_at = existing.updated_at;
            written := found;
            perform private.end_stale_checked_write();
            if not written then
              raise exception 'Lieu modifié pendant l’import : relancez l’import' using errcode = 'VR001';
            end if;
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
revoke all on function public.import_shops(text, text, jsonb, boolean) from public, anon;
grant execute on function public.import_shops(text, text, jsonb, boolean) to authenticated;

-- ---------------------------------------------------------------------------
-- Point 8a: no table-level DELETE for clients, so no LOCK TABLE either
-- ---------------------------------------------------------------------------

-- LOCK TABLE … IN ACCESS EXCLUSIVE MODE (or any mode above ACCESS SHARE) needs a table-level
-- UPDATE, DELETE or TRUNCATE privilege; these four DELETE grants were the only ones a client
-- held. Column-level INSERT and UPDATE grants stay: they do not allow LOCK.
revoke delete on public.shops, public.shop_members, public.shop_submissions,
  public.shop_invitations from anon, authenticated;

-- Without the grant these policies can never apply; the functions below carry their rules.
drop policy shops_delete_curator on public.shops;
drop policy shop_members_delete_curator on public.shop_members;
drop policy shop_submissions_delete_own_pending on public.shop_submissions;
drop policy shop_invitations_delete_curator on public.shop_invitations;

-- The submitter withdraws their own submission while it is pending (the rule of the former
-- shop_submissions_delete_own_pending policy). Returns its id, or no row when the caller may not
-- withdraw it (another user's, already reviewed, gone), as the filtered DELETE did, so that the
-- app tells "not allowed" from "changed" by reading the submission as before. Security definer:
-- clients hold no DELETE grant (LOCK TABLE, above); the WHERE is the whole check.
create function public.withdraw_submission(submission_id uuid) returns setof uuid
language sql security definer
set search_path = pg_catalog, pg_temp
as $$
  delete from public.shop_submissions s
  where s.id = withdraw_submission.submission_id
    and s.submitted_by = (select auth.uid())
    and s.status = 'pending'
  returning s.id
$$;

revoke all on function public.withdraw_submission(uuid) from public, anon;
grant execute on function public.withdraw_submission(uuid) to authenticated;

-- A curator of the shop's territory removes one of its members (the rule of the former
-- shop_members_delete_curator policy). Returns the removed member's user id, or no row when
-- the caller may not (or there is no such member). Security definer, as withdraw_submission.
create function public.remove_shop_member(shop_id uuid, user_id uuid) returns setof uuid
language sql security definer
set search_path = pg_catalog, pg_temp
as $$
  delete from public.shop_members m
  where m.shop_id = remove_shop_member.shop_id
    and m.user_id = remove_shop_member.user_id
    and private.is_curator_of_shop(m.shop_id)
  returning m.user_id
$$;

revoke all on function public.remove_shop_member(uuid, uuid) from public, anon;
grant execute on function public.remove_shop_member(uuid, uuid) to authenticated;

-- A curator of the shop's territory withdraws an invitation to it (the rule of the former
-- shop_invitations_delete_curator policy). Returns its id, or no row when the caller may not
-- (or it is gone). Security definer, as withdraw_submission.
create function public.revoke_shop_invitation(invitation_id uuid) returns setof uuid
language sql security definer
set search_path = pg_catalog, pg_temp
as $$
  delete from public.shop_invitations i
  where i.id = revoke_shop_invitation.invitation_id
    and private.is_curator_of_shop(i.shop_id)
  returning i.id
$$;

revoke all on function public.revoke_shop_invitation(uuid) from public, anon;
grant execute on function public.revoke_shop_invitation(uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- Point 8b: at most 3 pending submissions per user, under any isolation level
-- ---------------------------------------------------------------------------

-- One row per pending submission: the slot (1 to 3) it holds among its submitter's. The unique
-- index on (submitted_by, slot) is what bounds the count: an insert conflicting with another
-- transaction's slot waits for it and fails once it commits, whatever either snapshot saw.
-- Written by the triggers below only (security definer); no client privilege.
create table private.pending_submission_slots (
  submission_id uuid primary key references public.shop_submissions (id) on delete cascade,
  submitted_by uuid not null,
  slot smallint not null check (slot between 1 and 3),
  constraint pending_submission_slots_one_per_slot unique (submitted_by, slot)
);

revoke all on private.pending_submission_slots from public, anon, authenticated;

-- The submissions pending today take their slots, oldest first. More than 3 could only come
-- from the race this replaces: the extra ones get no slot, and the count in the trigger below
-- still refuses a new submission while they are pending.
insert into private.pending_submission_slots (submission_id, submitted_by, slot)
select p.id, p.submitted_by, p.slot
from (
  select s.id, s.submitted_by,
         row_number() over (partition by s.submitted_by order by s.created_at, s.id) as slot
  from public.shop_submissions s
  where s.status = 'pending'
) p
where p.slot <= 3;

-- Gives a new pending submission a free slot of its submitter, or refuses it. After insert: the
-- slot row references the submission. The slots free in this transaction's snapshot are tried
-- in order; one taken meanwhile by a concurrent transaction fails on the unique index (23505,
-- after that transaction commits) and the next is tried. The count first refuses, with the same
-- message, when this snapshot already shows 3 pending (including any without a slot).
-- Security definer: the slots are no client's to read or write.
create function private.claim_pending_submission_slot() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  free_slot integer;
begin
  if new.status <> 'pending' then
    return null;
  end if;
  if (select count(*) from public.shop_submissions s
      where s.submitted_by = new.submitted_by and s.status = 'pending' and s.id <> new.id) < 3 then
    for free_slot in
      select g.slot from pg_catalog.generate_series(1, 3) as g(slot)
      where not exists (select 1 from private.pending_submission_slots c
                        where c.submitted_by = new.submitted_by and c.slot = g.slot)
      order by g.slot
    loop
      begin
        insert into private.pending_submission_slots (submission_id, submitted_by, slot)
        values (new.id, new.submitted_by, free_slot);
        return null;
      exception when unique_violation then
        -- Taken by a concurrent submission of the same user: try the next one.
        null;
      end;
    end loop;
  end if;
  raise exception 'Vous avez déjà 3 demandes en attente : attendez la réponse des curateurs.'
    using errcode = '23514', constraint = 'shop_submissions_pending_limit';
end
$$;

revoke all on function private.claim_pending_submission_slot() from public;

-- A reviewed submission (published or refused) gives its slot back; a withdrawn one gives it
-- back through the foreign key's cascade. Security definer, as above.
create function private.release_pending_submission_slot() returns trigger
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  delete from private.pending_submission_slots c where c.submission_id = new.id;
  return null;
end
$$;

revoke all on function private.release_pending_submission_slot() from public;

-- The former check: a count under an advisory lock, right only when each transaction sees the
-- others' commits (READ COMMITTED); replaced by the slots.
drop trigger shop_submissions_pending_limit on public.shop_submissions;
drop function private.check_pending_submission_limit();

-- Same name as before: the refusal names the constraint shop_submissions_pending_limit.
create trigger shop_submissions_pending_limit
  after insert on public.shop_submissions
  for each row execute function private.claim_pending_submission_slot();

-- Frees the slot once the submission is no longer pending.
create trigger shop_submissions_release_pending_slot
  after update of status on public.shop_submissions
  for each row when (old.status = 'pending' and new.status <> 'pending')
  execute function private.release_pending_submission_slot();

-- ---------------------------------------------------------------------------
-- Point 9: the viewport's definer half matches only patterns search_patterns made
-- ---------------------------------------------------------------------------

-- Whether every pattern is one private.search_patterns makes. Each pattern is turned back into
-- the word it was made from, replacing each letter's (and ligature's) pattern by the letter
-- (ligatures first: their patterns contain the letters'); the words, made into patterns again,
-- must give the same list. Literal replace(), no regular expression: any text may come in. A
-- null list matches no shop and passes.
create function private.are_search_patterns(patterns text[]) returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  letters constant text[] := array['oe', 'ae', 'ss', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i',
    'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z'];
  fragments text[];
  words text[] := '{}';
  word text;
begin
  if coalesce(cardinality(patterns), 0) = 0 then
    return true;
  end if;
  fragments := private.search_patterns(array_to_string(letters, ' '));
  foreach word in array patterns loop
    for i in 1 .. cardinality(letters) loop
      word := replace(word, fragments[i], letters[i]);
    end loop;
    words := words || word;
  end loop;
  return patterns = private.search_patterns(array_to_string(words, ' '));
end
$$;

grant execute on function private.are_search_patterns(text[]) to anon, authenticated, service_role;

-- As in 20261201090000_viewport.sql (published shops in the box, nearest the centre first), for
-- shops_in_viewport to call with private.search_patterns(search); plpgsql instead of sql, to
-- check the patterns first. Anyone may call it from an SQL session (it is granted to the API
-- roles so that shops_in_viewport, security invoker, can), so it refuses (22023) patterns that
-- private.search_patterns could not have made: a caller's text is never matched as a regular
-- expression. Security definer for the reason given there (the spatial index under RLS).
create or replace function private.published_shops_in_viewport(
  viewport box,
  centre point,
  services public.shop_service[],
  categories text[],
  kinds text[],
  statuses text[],
  patterns text[],
  row_limit integer
) returns setof public.shops
language plpgsql stable security definer
-- The planner cannot estimate how many points a box holds and picks a bitmap scan and a sort of
-- the whole box; the nearest-first index scan stops after row_limit rows instead.
set search_path = pg_catalog, pg_temp
set enable_bitmapscan = off
as $$
begin
  if not private.are_search_patterns(published_shops_in_viewport.patterns) then
    raise exception 'patterns must be made by private.search_patterns: a search is never a regular expression'
      using errcode = '22023';
  end if;
  return query
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
  order by h.distance, s.id;
end
$$;

revoke all on function private.published_shops_in_viewport(box, point, public.shop_service[], text[],
  text[], text[], text[], integer) from public;
grant execute on function private.published_shops_in_viewport(box, point, public.shop_service[], text[],
  text[], text[], text[], integer) to anon, authenticated, service_role;
