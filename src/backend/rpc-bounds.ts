import { BackendError } from './errors'
import { MAX_VIEWPORT_ROWS } from './sql-objects'

/**
 * The database's bounds on what a client sends to its functions (private.rpc_argument_bounds()
 * in supabase/migrations/20261207090000_rpc_argument_bounds.sql), for the embedded adapter to
 * refuse the same arguments before they reach PGlite: PGlite runs in one thread and cannot
 * interrupt a statement, so an unbounded search would freeze the tab's database.
 * tests/supabase/rpc-bounds-parity.test.ts checks that both lists are equal.
 *
 * Texts are counted in characters as PostgreSQL's char_length counts them (code points), lists
 * in elements. A text stored in a column is bounded at twice the column's limit (the column's
 * own rule still judges it), a search and the filters where the app stops, a slug at 60.
 */
export const RPC_BOUNDS = {
  slugLength: 60,
  searchLength: 100,
  searchWords: 10,
  viewportRows: MAX_VIEWPORT_ROWS,
  viewportServices: 7,
  viewportCategories: 20,
  viewportKinds: 5,
  viewportStatuses: 3,
  statusMessageLength: 560,
  statusServices: 14,
  openingHoursLength: 1000,
  orderingInstructionsLength: 2000,
  descriptionLength: 4000,
  phoneLength: 52,
  emailLength: 508,
  websiteLength: 1000,
  socialLinks: 20,
  socialLinkLength: 1000,
  refusalReasonLength: 1000,
  importRows: 10000,
  importRowLength: 32768,
  importRowSocialLinks: 20,
  importRowServices: 14,
} as const

export type RpcBound = keyof typeof RPC_BOUNDS

/** The SQLSTATE the database refuses an argument with, and so does the adapter. */
export const ARGUMENT_REFUSED = '22023'

function refuse(message: string, code: string = ARGUMENT_REFUSED): never {
  throw new BackendError('invalid', message, code)
}

/** Characters as PostgreSQL counts them: code points (a surrogate pair is one). */
export function charLength(value: string): number {
  let count = 0
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    count++
  }
  return count
}

/** Refuses a text longer than its bound (null is no text). */
export function checkLength(
  argument: string,
  value: string | null | undefined,
  bound: RpcBound,
): void {
  if (value === null || value === undefined) return
  const max = RPC_BOUNDS[bound]
  // A string has at least as many UTF-16 units as characters: count only when it could exceed.
  if (value.length <= max) return
  const length = charLength(value)
  if (length > max) refuse(`${argument} is too long: at most ${max} characters (got ${length})`)
}

/** Refuses a list with more elements than its bound (null is no list). */
export function checkCount(
  argument: string,
  values: readonly unknown[] | null | undefined,
  bound: RpcBound,
): void {
  if (!values) return
  const max = RPC_BOUNDS[bound]
  if (values.length > max)
    refuse(`${argument} has too many elements: at most ${max} (got ${values.length})`)
}

/** Refuses a list of texts with too many elements, or one too long (named from 1, as in SQL). */
export function checkList(
  argument: string,
  values: readonly (string | null)[] | null | undefined,
  countBound: RpcBound,
  lengthBound: RpcBound,
): void {
  if (!values) return
  checkCount(argument, values, countBound)
  values.forEach((value, index) => checkLength(`${argument}[${index + 1}]`, value, lengthBound))
}

// private.search_fold's table (supabase/migrations/20261201090000_viewport.sql), verbatim.
export const SEARCH_FOLD_FROM =
  'àáâãäåāăąÀÁÂÃÄÅĀĂĄçćĉċčÇĆĈĊČďđĎĐèéêëēĕėęěÈÉÊËĒĔĖĘĚĝğġģĜĞĠĢĥħĤĦìíîïĩīĭįıÌÍÎÏĨĪĬĮİĵĴķĶĺļľŀłĹĻĽĿŁñńņňÑŃŅŇòóôõöøōŏőÒÓÔÕÖØŌŎŐŕŗřŔŖŘśŝşšŚŜŞŠţťŧŢŤŦùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲŵŴýÿŷÝŸŶźżžŹŻŽ'
export const SEARCH_FOLD_TO =
  'aaaaaaaaaAAAAAAAAAcccccCCCCCddDDeeeeeeeeeEEEEEEEEEggggGGGGhhHHiiiiiiiiiIIIIIIIIIjJkKlllllLLLLLnnnnNNNNoooooooooOOOOOOOOOrrrRRRssssSSSStttTTTuuuuuuuuuuUUUUUUUUUUwWyyyYYYzzzZZZ'
const FOLD = new Map([...SEARCH_FOLD_FROM].map((c, i) => [c, SEARCH_FOLD_TO[i] ?? '']))
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' }

/**
 * How many words private.search_patterns makes of a search: the runs of letters and digits once
 * folded as private.search_fold folds (accents, ligatures, case). Each is one regular
 * expression matched against every shop of the viewport.
 */
export function searchWordCount(search: string): number {
  const folded = [...search]
    .map((c) => FOLD.get(c) ?? c)
    .join('')
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .toLowerCase()
  return folded.match(/[a-z0-9]+/g)?.length ?? 0
}

/** The named arguments of shops_in_viewport (see viewportArgs in sql-objects.ts). */
export interface ShopsInViewportArgs {
  services: unknown
  categories: unknown
  kinds: unknown
  statuses: unknown
  search: unknown
  row_limit: unknown
}

const list = (value: unknown) => (Array.isArray(value) ? (value as (string | null)[]) : null)
const text = (value: unknown) => (typeof value === 'string' ? value : null)

/** private.check_shops_in_viewport_arguments, and the row_limit shops_in_viewport accepts. */
export function checkShopsInViewportArgs(args: ShopsInViewportArgs): void {
  const search = text(args.search)
  checkLength('search', search, 'searchLength')
  if (search !== null) {
    const words = searchWordCount(search)
    const max = RPC_BOUNDS.searchWords
    if (words > max) refuse(`search has too many words: at most ${max} (got ${words})`)
  }
  checkCount('services', list(args.services), 'viewportServices')
  checkList('categories', list(args.categories), 'viewportCategories', 'slugLength')
  checkList('kinds', list(args.kinds), 'viewportKinds', 'slugLength')
  checkList('statuses', list(args.statuses), 'viewportStatuses', 'slugLength')
  const rows = args.row_limit
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 1 || rows > MAX_VIEWPORT_ROWS)
    refuse(`invalid row_limit ${String(rows)}: it must be between 1 and ${MAX_VIEWPORT_ROWS}`)
}

/** private.check_set_shop_status_arguments. */
export function checkSetShopStatusArgs(
  status: string,
  message: string | null,
  services: readonly string[] | null,
): void {
  checkLength('status', status, 'slugLength')
  checkLength('message', message, 'statusMessageLength')
  checkCount('services', services, 'statusServices')
}

/** The named arguments of update_shop_details (see shopDetailsArgs in sql-objects.ts). */
export interface ShopDetailsArgs {
  opening_hours: unknown
  ordering_instructions: unknown
  description: unknown
  phone: unknown
  email: unknown
  website: unknown
  social_links: unknown
}

/** private.check_update_shop_details_arguments. */
export function checkShopDetailsArgs(args: ShopDetailsArgs): void {
  checkLength('opening_hours', text(args.opening_hours), 'openingHoursLength')
  checkLength(
    'ordering_instructions',
    text(args.ordering_instructions),
    'orderingInstructionsLength',
  )
  checkLength('description', text(args.description), 'descriptionLength')
  checkLength('phone', text(args.phone), 'phoneLength')
  checkLength('email', text(args.email), 'emailLength')
  checkLength('website', text(args.website), 'websiteLength')
  checkList('social_links', list(args.social_links), 'socialLinks', 'socialLinkLength')
}

/** refuse_submission's reason. */
export function checkRefusalReason(reason: string | null): void {
  checkLength('reason', reason, 'refusalReasonLength')
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * private.check_import_shops_arguments, and import_shops' row count (54000, as the database).
 * A row is measured as JSON.stringify writes it, which is never longer than the database's
 * measure (jsonb prints a space after each ':' and ','): the adapter never refuses a row the
 * database would accept, and refuses the huge ones before they are sent.
 */
export function checkImportShopsArgs(
  territorySlug: string,
  source: string,
  rows: readonly unknown[],
): void {
  checkLength('territory_slug', territorySlug, 'slugLength')
  checkLength('source', source, 'slugLength')
  if (rows.length > RPC_BOUNDS.importRows)
    refuse(
      `rows has too many elements: at most ${RPC_BOUNDS.importRows} (got ${rows.length})`,
      '54000',
    )
  rows.forEach((row, index) => {
    const at = `rows[${index + 1}]`
    const json = JSON.stringify(row) ?? 'null'
    const max = RPC_BOUNDS.importRowLength
    if (json.length > max) {
      const length = charLength(json)
      if (length > max)
        refuse(`${at} is too long: at most ${max} characters of JSON (got ${length})`)
    }
    if (!isObject(row)) return
    checkCount(`${at}.socialLinks`, list(row.socialLinks), 'importRowSocialLinks')
    checkCount(`${at}.services`, list(row.services), 'importRowServices')
  })
}
