import {
  CATEGORY_COLUMNS,
  SHOP_COLUMNS,
  SQL_FUNCTIONS,
  MY_SHOPS_COLUMNS,
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
  where s.territory_slug = $1 order by s.name, s.id`

export const GET_SHOP_SQL = `select ${shopSelectList('s')} from public.shops s where s.id = $1`

const setStatus = SQL_FUNCTIONS.setShopStatus
export const SET_SHOP_STATUS_SQL = `select ${shopSelectList('s')} from public.${setStatus.name}(${setStatus.args
  .map((arg, i) => `${arg} => $${i + 1}${arg === 'services' ? '::public.shop_service[]' : ''}`)
  .join(', ')}) s`

const confirm = SQL_FUNCTIONS.confirmShopStatus
export const CONFIRM_SHOP_STATUS_SQL = `select ${shopSelectList('s')} from public.${confirm.name}(${confirm.args
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
