-- Stale-checked writes (issue 13, points 4 and 5): every write that carries a concurrency token
-- (`expected_updated_at`) has exactly one winner, and no write of a shop by a client skips it.
--
-- Point 4, confirm_shop_status: it read updated_at, compared it with the token, then updated
-- without a lock, so concurrent callers holding the same token all passed the check and all
-- wrote (1 to 16 winners out of 20 on PostgreSQL 15 in the review, 20 of 20 when the calls leave
-- together as in tests/supabase/races.test.ts). It now does what set_shop_status does: one
-- compare-and-set (`update … where id = … and updated_at = expected returning …`). The row lock
-- the UPDATE takes serialises the callers, PostgreSQL re-checks the WHERE on the row the winner
-- committed, its updated_at has moved (private.touch_shop moves it strictly forward), so every
-- other caller matches nothing and gets private.raise_write_refusal's PT409.
--
-- Point 5, direct updates: a member (or a curator) could PATCH a shop through PostgREST with a
-- plain UPDATE, which checks no token and silently overwrites a write made elsewhere. Decision:
-- a client (`anon`, `authenticated`) changes a shop only through the stale-checked functions:
-- set_shop_status, update_shop_details, confirm_shop_status and import_shops. Curators too: the
-- app has no direct edit of a shop (its curated fields change through import_shops only); a
-- curator's editor, when one comes, gets its own stale-checked function.
--
-- How: the UPDATE column grants stay, because set_shop_status, update_shop_details and
-- import_shops are security invoker and write under the caller's grants and policies (revoking
-- the grants would break them). Instead a new trigger, shops_check_stale_token, refuses (42501)
-- every UPDATE of a shop by `anon`/`authenticated` unless the statement declared the row's
-- CURRENT token beforehand: the functions call private.begin_stale_checked_write(id, expected)
-- right before their guarded UPDATE and private.end_stale_checked_write() right after. The
-- declaration is a transaction-local setting (`vitrine.stale_checked` = shop id and token) and
-- the trigger compares it with the row it is about to change (OLD, the version the UPDATE
-- locked), so:
-- - it is not a bypass: a declaration names one shop and its current updated_at, which is the
--   compare-and-set itself; one that does not name the row's current updated_at (stale, made
--   up, or for another shop) is refused like a direct update;
-- - it is single-use: the UPDATE moves updated_at, so the same declaration never matches the row
--   again, even if a function failed to clear it;
-- - it lasts one statement: set just before, cleared just after; when the UPDATE fails, the
--   (sub)transaction's rollback undoes the setting with it;
-- - a client cannot set it through the API: PostgREST runs each request in its own transaction,
--   runs no SQL from the client, and does not expose set_config nor schema `private`.
-- The functions' own WHERE (`and updated_at = expected`) is still what makes the write a
-- compare-and-set and what tells a stale write (PT409) from a refused one (42501); the trigger
-- only makes sure that no other path writes a shop. The owner and service_role (seeding,
-- maintenance) are not clients and are not checked, as in shops_guard_curated_columns; security
-- definer functions (confirm_shop_status, publish_submission) write as their owner and do their
-- own checks.
--
-- import_shops has no token from the client: it writes each existing shop with the updated_at
-- it read a moment before, so a shop changed in between (a merchant's status, another import)
-- turns the line into an error and the import is rolled back, instead of being overwritten.
--
-- Submissions: the app's updateSubmission is a direct UPDATE of shop_submissions with
-- `where id = … and updated_at = expected` (PostgREST `.eq('updated_at', …)`, and the embedded
-- UPDATE_SUBMISSION_SQL): that WHERE is the compare-and-set, with one winner for the same
-- reason as above. publish_submission and refuse_submission lock the submission (`for update`)
-- before they compare its token. Both stay as they are; tests/supabase/races.test.ts checks all
-- of these with 20 concurrent callers on PostgreSQL 15.
--
-- The app never updates `shops` directly (src/backend: RPCs only). Signatures are unchanged;
-- set_shop_status, update_shop_details and import_shops keep the argument bounds of
-- 20261207090000_rpc_argument_bounds.sql. A later `create or replace` of a function that updates
-- shops as the caller must keep the begin/end calls around its UPDATE, or its writes are refused
-- (tests/supabase/policies/stale-checked-writes.test.ts and the function's own tests fail).
-- Tested in tests/supabase/policies/stale-checked-writes.test.ts and tests/supabase/races.test.ts.

-- ---------------------------------------------------------------------------
-- The declaration a stale-checked write makes for the trigger
-- ---------------------------------------------------------------------------

-- The shop and the updated_at a write expects, as text: the epoch in microseconds does not
-- depend on the session's TimeZone or DateStyle, so the functions and the trigger always agree.
create function private.stale_check_token(target_shop_id uuid, expected_updated_at timestamptz)
returns text
language sql stable parallel safe
set search_path = ''
as $$
  select target_shop_id::text || '@' || extract(epoch from expected_updated_at)::text
$$;

-- Declares, for the next statement only, the stale-checked write of one shop with the token
-- its WHERE compares; the caller clears it with private.end_stale_checked_write.
create function private.begin_stale_checked_write(target_shop_id uuid, expected_updated_at timestamptz)
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform pg_catalog.set_config('vitrine.stale_checked',
    coalesce(private.stale_check_token(target_shop_id, expected_updated_at), ''), true);
end
$$;

-- Clears the declaration right after the guarded statement.
create function private.end_stale_checked_write() returns void
language plpgsql
set search_path = ''
as $$
begin
  perform pg_catalog.set_config('vitrine.stale_checked', '', true);
end
$$;

-- Security invoker functions running as `authenticated` call these; `private` is not exposed
-- by PostgREST, and a declaration is only ever worth the current token (see above).
revoke all on function private.stale_check_token(uuid, timestamptz),
  private.begin_stale_checked_write(uuid, timestamptz), private.end_stale_checked_write()
  from public;
grant execute on function private.stale_check_token(uuid, timestamptz),
  private.begin_stale_checked_write(uuid, timestamptz), private.end_stale_checked_write()
  to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- The trigger: no client writes a shop without its current token
-- ---------------------------------------------------------------------------

-- Refuses an UPDATE of a shop by a client unless a stale-checked function declared this row and
-- its current updated_at for the statement. Column grants cannot say "only through a function"
-- for security invoker functions, so this trigger does (as shops_guard_curated_columns does for
-- the curated columns).
create function private.check_shop_stale_token() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if coalesce(pg_catalog.current_setting('vitrine.stale_checked', true), '')
     is distinct from private.stale_check_token(old.id, old.updated_at) then
    raise exception 'a shop is changed only through set_shop_status, update_shop_details, confirm_shop_status or import_shops, which check its updated_at; a direct update is refused'
      using errcode = '42501',
            hint = 'Call the function with expected_updated_at, the updated_at the shop was loaded with.';
  end if;
  return new;
end
$$;

-- Named to fire first (a table's triggers fire in name order): a direct update gets this
-- refusal, whichever column it touches.
create trigger shops_check_stale_token
  before update on public.shops
  for each row execute function private.check_shop_stale_token();

-- ---------------------------------------------------------------------------
-- The stale-checked functions declare their write
-- ---------------------------------------------------------------------------

-- As in 20261207090000_rpc_argument_bounds.sql (its argument bounds first), plus the
-- declaration around the compare-and-set. Security invoker: the caller's RLS policies and grants
-- decide, as for a direct update.
create or replace function public.set_shop_status(
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
  written boolean;
begin
  perform private.check_set_shop_status_arguments(set_shop_status.status, set_shop_status.message,
    set_shop_status.services);
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;

  perform private.begin_stale_checked_write(set_shop_status.shop_id, set_shop_status.expected_updated_at);
  update public.shops s
     set status = set_shop_status.status,
         status_message = nullif(btrim(set_shop_status.message), ''),
         closed_until = set_shop_status.closed_until,
         services = coalesce(set_shop_status.services, s.services)
   where s.id = set_shop_status.shop_id
     and s.updated_at = set_shop_status.expected_updated_at
  returning s.* into updated;
  written := found;
  perform private.end_stale_checked_write();

  if written then
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

-- As in 20261207090000_rpc_argument_bounds.sql (its argument bounds first), plus the
-- declaration around the compare-and-set. Security invoker: the caller's grants, row-level
-- security and CHECK constraints decide.
create or replace function public.update_shop_details(
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
  written boolean;
begin
  perform private.check_update_shop_details_arguments(update_shop_details.opening_hours,
    update_shop_details.ordering_instructions, update_shop_details.description,
    update_shop_details.phone, update_shop_details.email, update_shop_details.website,
    update_shop_details.social_links);
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;
  perform private.begin_stale_checked_write(update_shop_details.shop_id,
    update_shop_details.expected_updated_at);
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
  written := found;
  perform private.end_stale_checked_write();
  if written then
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

-- "Confirmer que mes informations sont à jour": moves status_updated_at and nothing else, in one
-- compare-and-set (point 4 above). Security definer because status_updated_at is granted to no
-- client: it checks membership (or curation) itself, then lets the WHERE check the token; it
-- writes as its owner, so shops_check_stale_token does not apply and the WHERE is the check.
create or replace function public.confirm_shop_status(shop_id uuid, expected_updated_at timestamptz)
returns public.shops
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  confirmed public.shops;
begin
  if expected_updated_at is null then
    raise exception 'expected_updated_at is required' using errcode = '22004';
  end if;
  if (select auth.uid()) is null
     or not (private.is_shop_member(confirm_shop_status.shop_id)
             or private.is_curator_of_shop(confirm_shop_status.shop_id)) then
    raise exception 'not allowed to confirm this shop' using errcode = '42501';
  end if;

  update public.shops s
     set status_updated_at = pg_catalog.clock_timestamp()
   where s.id = confirm_shop_status.shop_id
     and s.updated_at = confirm_shop_status.expected_updated_at
  returning s.* into confirmed;
  if found then
    return confirmed;
  end if;
  -- PT409 with the current updated_at when the shop changed; 42501 if it is gone.
  perform private.raise_write_refusal(confirm_shop_status.shop_id, confirm_shop_status.expected_updated_at);
  return null;
end
$$;

revoke all on function public.confirm_shop_status(uuid, timestamptz) from public, anon;
grant execute on function public.confirm_shop_status(uuid, timestamptz) to authenticated;

-- ---------------------------------------------------------------------------
-- import_shops writes each existing shop with the token it read
-- ---------------------------------------------------------------------------

-- Each UPDATE of an existing shop declares and compares the updated_at read for that line: a
-- shop changed meanwhile makes the line an error ("Lieu modifié pendant l’import") and the
-- import rolls back. The function is restated once, with these declarations, its argument bounds
-- and its territory-scoped keys, in 20261207092000_keys_locks_and_limits.sql.
