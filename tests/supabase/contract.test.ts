import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  IMPORT_REPORT_COLUMNS,
  MY_SHOPS_COLUMNS,
  POSSIBLE_DUPLICATE_COLUMNS,
  SHOP_MEMBER_LIST_COLUMNS,
  SQL_FUNCTIONS,
  SQL_TABLES,
} from '../../src/backend/sql-objects'
import { openTestDatabase, type TestDatabase } from './test-database'

// Both adapters build every request from src/backend/sql-objects.ts; this checks each name
// against the migrated catalog, so a renamed column or argument fails here, not in production.

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db.close())

describe.each(Object.values(SQL_TABLES))('table public.$name', ({ name, columns, readers }) => {
  it('has every column the adapters select', async () => {
    const rows = await db.superuser<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1`,
      [name],
    )
    const actual = new Set(rows.map((r) => r.column_name))
    expect(actual.size, `table public.${name} exists`).toBeGreaterThan(0)
    expect(columns.filter((c) => !actual.has(c))).toEqual([])
  })

  it.each([...readers])('lets %s select every column the adapters select', async (role) => {
    const rows = await db.superuser<{ column: string; allowed: boolean }>(
      `select c as column, has_column_privilege($1, format('public.%I', $2::text), c, 'SELECT') as allowed
         from unnest($3::text[]) c`,
      [role, name, [...columns]],
    )
    expect(rows.filter((r) => !r.allowed).map((r) => r.column)).toEqual([])
  })
})

describe.each(Object.values(SQL_FUNCTIONS))('function public.$name', (spec) => {
  const { name, args } = spec
  const anonCallable = 'anonCallable' in spec && spec.anonCallable
  it('exists once, with the argument names in the order the adapters pass them', async () => {
    const rows = await db.superuser<{ args: string[] | null }>(
      `select coalesce(p.proargnames[1:p.pronargs], '{}') as args from pg_proc p
         join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.proname = $1`,
      [name],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.args ?? []).toEqual([...args])
  })

  it(`is executable by authenticated${anonCallable ? ' and anon' : ' and not by anon'}`, async () => {
    const [row] = await db.superuser<{ authenticated: boolean; anon: boolean }>(
      `select has_function_privilege('authenticated', p.oid, 'EXECUTE') as authenticated,
              has_function_privilege('anon', p.oid, 'EXECUTE') as anon
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.proname = $1`,
      [name],
    )
    expect(row).toEqual({ authenticated: true, anon: anonCallable })
  })
})

it.each([
  [SQL_FUNCTIONS.myShops.name, MY_SHOPS_COLUMNS],
  [SQL_FUNCTIONS.possibleDuplicates.name, POSSIBLE_DUPLICATE_COLUMNS],
  [SQL_FUNCTIONS.shopMemberList.name, SHOP_MEMBER_LIST_COLUMNS],
  [SQL_FUNCTIONS.importShops.name, IMPORT_REPORT_COLUMNS],
])('%s returns the columns the adapters read', async (name, columns) => {
  const rows = await db.superuser<{ name: string }>(
    `select unnest(p.proargnames[p.pronargs + 1:]) as name from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname = $1`,
    [name],
  )
  expect(rows.map((r) => r.name)).toEqual([...columns])
})

it.each([
  [SQL_FUNCTIONS.setShopStatus.name, 'shops'],
  [SQL_FUNCTIONS.publishSubmission.name, 'shops'],
  [SQL_FUNCTIONS.refuseSubmission.name, 'shop_submissions'],
  [SQL_FUNCTIONS.curatorTerritories.name, 'territories'],
  [SQL_FUNCTIONS.shopsInViewport.name, 'shops'],
])('%s returns a %s row, so both adapters can read it as one', async (name, type) => {
  const [row] = await db.superuser<{ result: string }>(
    `select format_type(p.prorettype, null) as result from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname = $1`,
    [name],
  )
  expect(row?.result).toBe(type)
})
