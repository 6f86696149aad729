import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'

/**
 * Every security definer function of the app's schemas searches pg_temp last: a caller's
 * temporary type or cast can never shadow a built-in one inside a function that runs with its
 * owner's rights (supabase/migrations/20261207099000_definer_search_path.sql).
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db?.close())

interface DefinerRow {
  signature: string
  config: string[] | null
}

describe('security definer functions', () => {
  it('exist (the check below is not vacuous)', async () => {
    const rows = await db.superuser<{ count: number }>(
      `select count(*)::int as count from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where p.prosecdef and n.nspname in ('public', 'private')`,
      [],
    )
    expect(rows[0]!.count).toBeGreaterThan(5)
  })

  it('every one sets search_path = pg_catalog, pg_temp (pg_temp last)', async () => {
    const rows = await db.superuser<DefinerRow>(
      `select p.oid::regprocedure::text as signature, p.proconfig as config
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where p.prosecdef and n.nspname in ('public', 'private')
        order by 1`,
      [],
    )
    const unsafe = rows.filter(
      (row) => !(row.config ?? []).includes('search_path=pg_catalog, pg_temp'),
    )
    expect(unsafe.map((row) => `${row.signature} ${JSON.stringify(row.config)}`)).toEqual([])
  })
})
