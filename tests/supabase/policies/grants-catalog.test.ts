/**
 * Catalog-wide nets for what the per-table matrix cannot foresee: a table, view or sequence
 * added to `public` later inherits Supabase's default "grant all" unless its migration revokes
 * it. These read the catalog as the owner; the behaviour itself is tested per actor elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db?.close())

describe('grants and RLS across schema public', () => {
  it('every table in public has row-level security enabled', async () => {
    const rows = await db.superuser(
      `select c.relname from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
         and not c.relrowsecurity
       order by 1`,
    )
    expect(rows).toEqual([])
  })

  it('anon may not write to any table or view in public, at table or column level', async () => {
    const rows = await db.superuser(
      `select c.relname, p.privilege from pg_class c
       cross join unnest(array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) as p(privilege)
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
         and (has_table_privilege('anon', c.oid, p.privilege)
           or (p.privilege in ('INSERT', 'UPDATE') and has_any_column_privilege('anon', c.oid, p.privilege)))
       order by 1, 2`,
    )
    expect(rows).toEqual([])
  })

  it('no client may truncate a table in public (TRUNCATE bypasses row-level security)', async () => {
    const rows = await db.superuser(
      `select c.relname, r.role from pg_class c
       cross join unnest(array['anon', 'authenticated']) as r(role)
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
         and has_table_privilege(r.role, c.oid, 'TRUNCATE')
       order by 1, 2`,
    )
    expect(rows).toEqual([])
  })

  it('no sequence in public is usable by anon or authenticated', async () => {
    const rows = await db.superuser(
      `select c.relname, r.role from pg_class c
       cross join unnest(array['anon', 'authenticated']) as r(role)
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
         and has_sequence_privilege(r.role, c.oid, 'USAGE, SELECT, UPDATE')
       order by 1, 2`,
    )
    expect(rows).toEqual([])
  })
})
