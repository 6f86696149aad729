import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, expectRefused, REFUSED, type TestDatabase } from './test-database'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db.close())

describe('harness', () => {
  it('runs as anon with claims', async () => {
    const rows = await db.as<{ r: string; u: string | null }>(
      { role: 'anon' },
      'select current_user as r, auth.uid() as u',
    )
    expect(rows[0]).toEqual({ r: 'anon', u: null })
  })
  it('refuses anon writes', async () => {
    await expectRefused(
      db.as({ role: 'anon' }, `insert into categories values ('x','x','x',0)`),
      REFUSED.privilege,
    )
  })
})
