import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINE, openTestDatabase, type TestDatabase } from '../test-database'
import { ACTOR } from '../policies/fixtures'
import { errorOf } from '../policies/curation-fixtures'
import { ROLE_STATEMENT_TIMEOUT } from '../../../src/backend/embedded/impersonation'

/**
 * Supabase's default statement timeouts for its API roles (anon 3 s, authenticated 8 s), set by
 * supabase/local's stand-in as Supabase sets them (`alter role … set statement_timeout`), and
 * applied per transaction by `impersonate`, since a role's settings apply at login and never on
 * `set role`. PostgreSQL cancels a longer statement (57014); PGlite keeps the setting but runs
 * every statement to its end (one WebAssembly thread, no timer to interrupt it): there the
 * functions' argument bounds (rpc-bounds.test.ts) are the protection.
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db?.close())

describe('statement timeouts of the API roles', () => {
  it('the stand-in sets them on the roles, as Supabase does, equal to impersonate’s', async () => {
    const rows = await db.superuser<{ role: string; config: string[] | null }>(
      `select r.rolname as role, s.setconfig as config
         from pg_roles r
         left join pg_db_role_setting s on s.setrole = r.oid and s.setdatabase = 0
        where r.rolname in ('anon', 'authenticated')
        order by 1`,
      [],
    )
    expect(rows).toEqual([
      { role: 'anon', config: [`statement_timeout=${ROLE_STATEMENT_TIMEOUT.anon}`] },
      {
        role: 'authenticated',
        config: [`statement_timeout=${ROLE_STATEMENT_TIMEOUT.authenticated}`],
      },
    ])
    expect(ROLE_STATEMENT_TIMEOUT).toEqual({ anon: '3s', authenticated: '8s' })
  })

  it.each([
    ['anon', ACTOR.anon, '3s'],
    ['authenticated', ACTOR.stranger, '8s'],
  ] as const)('a request as %s runs with its role’s timeout', async (_role, actor, timeout) => {
    expect(await db.as(actor, 'show statement_timeout')).toEqual([{ statement_timeout: timeout }])
  })

  it.runIf(ENGINE === 'postgresql')(
    'PostgreSQL cancels a visitor’s statement after 3 s (57014)',
    async () => {
      // 57014 is the statement timeout's own SQLSTATE: the cancellation, not its clock.
      const error = await errorOf(db.as(ACTOR.anon, 'select pg_sleep(3.5)'))
      expect(error?.code).toBe('57014')
    },
  )

  it.runIf(ENGINE === 'pglite')(
    'PGlite keeps the setting but does not interrupt a statement',
    async () => {
      // Documents the engine: a statement longer than its timeout still completes.
      const rows = await db.session(async (step) => {
        await step('superuser', `select set_config('statement_timeout', '50ms', true)`)
        return step<{ done: boolean }>('superuser', 'select true as done from pg_sleep(0.3)')
      })
      expect(rows).toEqual([{ done: true }])
    },
  )
})
