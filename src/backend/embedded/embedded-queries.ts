import {
  CATEGORY_COLUMNS,
  IMPORT_REPORT_COLUMNS,
  INVITATION_COLUMNS,
  MY_SHOPS_COLUMNS,
  POSSIBLE_DUPLICATE_COLUMNS,
  SHOP_COLUMNS,
  SHOP_MEMBER_LIST_COLUMNS,
  SQL_FUNCTIONS,
  SUBCATEGORY_COLUMNS,
  SUBMISSION_COLUMNS,
  SHOP_DRAFT_COLUMNS,
  TERRITORY_COLUMNS,
} from '../sql-objects.ts'

const TIMESTAMP_COLUMNS = new Set(['status_updated_at', 'created_at', 'updated_at'])
const TEXT_COLUMNS = new Set(['location', 'closed_until'])

/**
 * Selects shop columns as PostgREST would serialise them: timestamps as ISO strings with their
 * microseconds (the concurrency token must round-trip exactly), geometric types as text.
 */
export function shopSelectList(alias: string): string {
  return SHOP_COLUMNS.map((column) => {
    const ref = `${alias}.${column}`
    if (TIMESTAMP_COLUMNS.has(column)) return `to_json(${ref}) #>> '{}' as ${column}`
    if (TEXT_COLUMNS.has(column)) return `${ref}::text as ${column}`
    return ref
  }).join(', ')
}

export const LIST_TERRITORIES_SQL = `select ${TERRITORY_COLUMNS.filter((c) => c !== 'sort_order')
  .map((c) => (c === 'centre' || c === 'bounds' ? `${c}::text as ${c}` : c))
  .join(', ')} from public.territories order by sort_order, name`

export const LIST_CATEGORIES_SQL = `select ${CATEGORY_COLUMNS.join(', ')} from public.categories order by sort_order, slug`

export const LIST_SHOPS_SQL = `select ${shopSelectList('s')} from public.shops s
  where s.territory_slug = $1 order by s.name, s.id limit $2`

export const GET_SHOP_SQL = `select ${shopSelectList('s')} from public.shops s where s.id = $1`

const setStatus = SQL_FUNCTIONS.setShopStatus
export const SET_SHOP_STATUS_SQL = `select ${shopSelectList('s')} from public.${setStatus.name}(${setStatus.args
  .map((arg, i) => `${arg} => $${i + 1}${arg === 'services' ? '::public.shop_service[]' : ''}`)
  .join(', ')}) s`

const confirm = SQL_FUNCTIONS.confirmShopStatus
export const CONFIRM_SHOP_STATUS_SQL = `select ${shopSelectList('s')} from public.${confirm.name}(${confirm.args
  .map((arg, i) => `${arg} => $${i + 1}`)
  .join(', ')}) s`

export const TERRITORY_CREDITS_SQL = `select credit from public.${SQL_FUNCTIONS.territoryCredits.name}(territory_slug => $1)`

const move = SQL_FUNCTIONS.moveShop
export const MOVE_SHOP_SQL = `select ${shopSelectList('s')} from public.${move.name}(${move.args
  .map((arg, i) => `${arg} => $${i + 1}`)
  .join(', ')}) s`

const details = SQL_FUNCTIONS.updateShopDetails
export const UPDATE_SHOP_DETAILS_SQL = `select ${shopSelectList('s')} from public.${details.name}(${details.args
  .map((arg, i) => `${arg} => $${i + 1}`)
  .join(', ')}) s`

export const LIST_STATUS_EVENTS_SQL = `select id, changed_by, to_json(changed_at) #>> '{}' as changed_at, before, after
  from public.shop_status_events where shop_id = $1 order by changed_at desc, id desc limit 50`

export const MY_SHOPS_SQL = `select ${MY_SHOPS_COLUMNS.join(', ')} from public.${SQL_FUNCTIONS.myShops.name}()`

/**
 * Restores the demonstration data: empties every table the seed fills, then replays the seed.
 * The list comes from the catalog so that tables added by later migrations are included.
 */
export const RESET_TRUNCATE_SQL = `do $$
declare tables text;
begin
  select string_agg(format('%I.%I', schemaname, tablename), ', ') into tables
  from pg_tables where schemaname = 'public';
  execute format('truncate %s, auth.users restart identity cascade', tables);
end $$`

// --- Curation ------------------------------------------------------------------------------

/**
 * Wraps a query so that its rows come back as PostgREST would send them: one JSON array, with
 * timestamps to the microsecond and geometric types as text. `query` may be a data-modifying
 * statement with RETURNING.
 */
export function asJsonRows(query: string): string {
  return `with r as (${query}) select coalesce(json_agg(r), '[]'::json) as rows from r`
}

const draftCasts: Partial<Record<(typeof SHOP_DRAFT_COLUMNS)[number], (p: string) => string>> = {
  location: (p) => `${p}::point`,
  social_links: (p) => `array(select jsonb_array_elements_text(${p}::jsonb))`,
  services: (p) => `array(select jsonb_array_elements_text(${p}::jsonb))::public.shop_service[]`,
}

/** Placeholders for the questionnaire columns, from `$first` on; arrays travel as JSON. */
export function draftPlaceholders(first: number): string[] {
  return SHOP_DRAFT_COLUMNS.map((column, index) => {
    const placeholder = `$${first + index}`
    return draftCasts[column]?.(placeholder) ?? placeholder
  })
}

export const LIST_SUBCATEGORIES_SQL = asJsonRows(
  `select ${SUBCATEGORY_COLUMNS.join(', ')} from public.subcategories order by sort_order, slug`,
)

export const CURATOR_TERRITORIES_SQL = asJsonRows(
  `select slug, name, centre, bounds from public.${SQL_FUNCTIONS.curatorTerritories.name}() order by sort_order, name`,
)

const submissionColumns = SUBMISSION_COLUMNS.join(', ')

export const INSERT_SUBMISSION_SQL = asJsonRows(
  `insert into public.shop_submissions (territory_slug, ${SHOP_DRAFT_COLUMNS.join(', ')})
   values ($1, ${draftPlaceholders(2).join(', ')}) returning ${submissionColumns}`,
)

export const LIST_MY_SUBMISSIONS_SQL = asJsonRows(
  `select ${submissionColumns} from public.shop_submissions
    where submitted_by = (select auth.uid()) order by created_at desc, id`,
)

export const LIST_SUBMISSIONS_SQL = asJsonRows(
  `select ${submissionColumns} from public.shop_submissions where territory_slug = $1
    order by (status = 'pending') desc, created_at desc, id`,
)

export const GET_SUBMISSION_SQL = asJsonRows(
  `select ${submissionColumns} from public.shop_submissions where id = $1`,
)

export const UPDATE_SUBMISSION_SQL = asJsonRows(
  `update public.shop_submissions set (${SHOP_DRAFT_COLUMNS.join(', ')}) =
     (select ${draftPlaceholders(3).join(', ')})
    where id = $1 and updated_at = $2::timestamptz returning ${submissionColumns}`,
)

/** The deletes call functions (no client holds a DELETE grant): one row per deleted row. */
export const DELETE_SUBMISSION_SQL = asJsonRows(
  `select w.id from public.${SQL_FUNCTIONS.withdrawSubmission.name}(submission_id => $1) as w(id)`,
)

const publish = SQL_FUNCTIONS.publishSubmission
export const PUBLISH_SUBMISSION_SQL = `select ${shopSelectList('s')} from public.${publish.name}(${publish.args
  .map((arg, i) => `${arg} => $${i + 1}`)
  .join(', ')}) s`

const refuse = SQL_FUNCTIONS.refuseSubmission
export const REFUSE_SUBMISSION_SQL = asJsonRows(
  `select ${submissionColumns} from public.${refuse.name}(${refuse.args
    .map((arg, i) => `${arg} => $${i + 1}`)
    .join(', ')})`,
)

export const POSSIBLE_DUPLICATES_SQL = asJsonRows(
  `select ${POSSIBLE_DUPLICATE_COLUMNS.join(', ')} from public.${SQL_FUNCTIONS.possibleDuplicates.name}(submission_id => $1)`,
)

export const SHOP_MEMBER_LIST_SQL = asJsonRows(
  `select ${SHOP_MEMBER_LIST_COLUMNS.join(', ')} from public.${SQL_FUNCTIONS.shopMemberList.name}(shop_id => $1)`,
)

export const DELETE_SHOP_MEMBER_SQL = asJsonRows(
  `select m.user_id from public.${SQL_FUNCTIONS.removeShopMember.name}(shop_id => $1, user_id => $2) as m(user_id)`,
)

const invitationColumns = INVITATION_COLUMNS.join(', ')

export const LIST_INVITATIONS_SQL = asJsonRows(
  `select ${invitationColumns} from public.shop_invitations where shop_id = $1
    order by created_at desc, id`,
)

export const INSERT_INVITATION_SQL = asJsonRows(
  `insert into public.shop_invitations (shop_id, email, role) values ($1, $2, $3)
   returning ${invitationColumns}`,
)

export const DELETE_INVITATION_SQL = asJsonRows(
  `select i.id from public.${SQL_FUNCTIONS.revokeShopInvitation.name}(invitation_id => $1) as i(id)`,
)

export const ACCEPT_INVITATIONS_SQL = `select coalesce(json_agg(x), '[]'::json) as rows
  from public.${SQL_FUNCTIONS.acceptShopInvitations.name}() x`

const importShops = SQL_FUNCTIONS.importShops
export const IMPORT_SHOPS_SQL = asJsonRows(
  `select ${IMPORT_REPORT_COLUMNS.join(', ')} from public.${importShops.name}(territory_slug => $1, source => $2, rows => $3::jsonb, dry_run => $4)`,
)

const viewport = SQL_FUNCTIONS.shopsInViewport
const VIEWPORT_CASTS: Partial<Record<(typeof viewport.args)[number], string>> = {
  west: 'float8',
  south: 'float8',
  east: 'float8',
  north: 'float8',
  services: 'public.shop_service[]',
  categories: 'text[]',
  kinds: 'text[]',
  statuses: 'text[]',
  row_limit: 'integer',
}
/** In the function's order: nearest the viewport's centre first. */
export const SHOPS_IN_VIEWPORT_SQL = `select ${shopSelectList('s')} from public.${viewport.name}(${viewport.args
  .map((arg, i) => `${arg} => $${i + 1}${VIEWPORT_CASTS[arg] ? `::${VIEWPORT_CASTS[arg]}` : ''}`)
  .join(', ')}) s`
