/**
 * The small part of PostgREST's URL grammar that supabase-js emits for the shopper page
 * (`select`, `col=eq.value`, `in.(…)`, `order`, `limit`, `offset`, RPC calls with named
 * arguments), translated to SQL over the same tables and functions. Rows are serialised the
 * way PostgREST does it, with `json_agg` over the subquery, so timestamps keep their
 * microseconds and geometric types come back as text, exactly as the app's parsers expect.
 */

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/

export class StubRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export interface SqlRequest {
  sql: string
  params: unknown[]
}

const OPERATORS: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
}

/** Query parameters that are not column filters. */
const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'columns', 'on_conflict'])

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new StubRequestError(400, 'PGRST100', `unsupported identifier "${name}"`)
  }
  return `"${name}"`
}

function selectList(select: string | null): string {
  if (!select || select === '*') return '*'
  return select
    .split(',')
    .map((column) => identifier(column.trim()))
    .join(', ')
}

function whereClause(search: URLSearchParams, params: unknown[]): string {
  const conditions: string[] = []
  for (const [key, value] of search) {
    if (RESERVED.has(key)) continue
    const column = identifier(key)
    const dot = value.indexOf('.')
    const operator = dot < 0 ? value : value.slice(0, dot)
    const operand = dot < 0 ? '' : value.slice(dot + 1)
    if (operator === 'is') {
      if (!['null', 'true', 'false'].includes(operand)) {
        throw new StubRequestError(400, 'PGRST100', `unsupported is.${operand}`)
      }
      conditions.push(`${column} is ${operand}`)
    } else if (operator === 'in') {
      const list = /^\((.*)\)$/.exec(operand)?.[1]
      if (list === undefined) throw new StubRequestError(400, 'PGRST100', `bad in filter ${value}`)
      const items = list === '' ? [] : list.split(',').map((item) => item.replace(/^"|"$/g, ''))
      params.push(items)
      conditions.push(`${column}::text = any($${params.length}::text[])`)
    } else if (OPERATORS[operator]) {
      params.push(operator.endsWith('like') ? operand.replaceAll('*', '%') : operand)
      conditions.push(`${column} ${OPERATORS[operator]} $${params.length}`)
    } else {
      throw new StubRequestError(400, 'PGRST100', `unsupported filter operator "${operator}"`)
    }
  }
  return conditions.length ? ` where ${conditions.join(' and ')}` : ''
}

function orderClause(order: string | null): string {
  if (!order) return ''
  const terms = order.split(',').map((term) => {
    const [column = '', direction = 'asc', nulls] = term.split('.')
    if (direction !== 'asc' && direction !== 'desc') {
      throw new StubRequestError(400, 'PGRST100', `bad order direction in "${term}"`)
    }
    const nullsSql =
      nulls === 'nullsfirst' ? ' nulls first' : nulls === 'nullslast' ? ' nulls last' : ''
    return `${identifier(column)} ${direction}${nullsSql}`
  })
  return ` order by ${terms.join(', ')}`
}

function pagingClause(search: URLSearchParams): string {
  let sql = ''
  for (const key of ['limit', 'offset'] as const) {
    const value = search.get(key)
    if (value === null) continue
    if (!/^\d+$/.test(value)) throw new StubRequestError(400, 'PGRST100', `bad ${key} ${value}`)
    sql += ` ${key} ${value}`
  }
  return sql
}

/** As PostgREST does: the whole result is one JSON array built by the database. */
function asJsonArray(inner: string): string {
  return `select coalesce(json_agg(_postgrest_t), '[]'::json) as body from (${inner}) _postgrest_t`
}

/** `GET /rest/v1/<table>?…` on a table or view of the `public` schema. */
export function readTableSql(table: string, search: URLSearchParams): SqlRequest {
  const params: unknown[] = []
  const inner =
    `select ${selectList(search.get('select'))} from public.${identifier(table)}` +
    whereClause(search, params) +
    orderClause(search.get('order')) +
    pagingClause(search)
  return { sql: asJsonArray(inner), params }
}

/** A PostgreSQL array literal for a JSON array argument (e.g. `services`). */
function argumentValue(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) {
    const items = value.map(
      (item) => `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
    )
    return `{${items.join(',')}}`
  }
  if (typeof value === 'object') return JSON.stringify(value)
  return value
}

/**
 * `POST /rest/v1/rpc/<fn>` with named arguments. `returnsSet` says whether the function
 * returns rows (an array body) or one value (sent as that JSON value, as PostgREST does).
 */
export function callFunctionSql(
  name: string,
  args: Record<string, unknown>,
  search: URLSearchParams,
  returnsSet: boolean,
): SqlRequest {
  const params: unknown[] = []
  const named = Object.entries(args).map(([arg, value]) => {
    params.push(argumentValue(value))
    return `${identifier(arg)} => $${params.length}`
  })
  const call = `public.${identifier(name)}(${named.join(', ')})`
  if (!returnsSet) return { sql: `select to_json(${call}) as body`, params }
  const inner =
    `select ${selectList(search.get('select'))} from ${call} _postgrest_f` +
    whereClause(search, params) +
    orderClause(search.get('order')) +
    pagingClause(search)
  return { sql: asJsonArray(inner), params }
}

/** PostgREST's HTTP status for a database error's SQLSTATE (the subset the app relies on). */
export function statusForSqlState(code: string | undefined, anonymous: boolean): number {
  if (!code) return 500
  // PTxyz: a function asks for HTTP status xyz (set_shop_status's PT409).
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2))
  if (code === '42501') return anonymous ? 401 : 403
  if (code === '23505' || code === '23503') return 409
  if (code === '42P01' || code === '42883') return 404
  if (code.startsWith('23') || code.startsWith('22') || code === 'P0001') return 400
  return 500
}
