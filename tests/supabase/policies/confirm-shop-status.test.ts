import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
import { ACTOR, ANON, SHOP, loadFixtures } from './fixtures'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db.close())

const CONFIRM =
  'select status, status_updated_at::text as confirmed_at from public.confirm_shop_status($1, $2)'

async function token(step: Parameters<Parameters<TestDatabase['session']>[0]>[0], shop: string) {
  const [row] = await step<{
    updated_at: string
    status: string
    status_updated_at: string | null
  }>(
    'superuser',
    'select updated_at::text, status, status_updated_at::text from public.shops where id = $1',
    [shop],
  )
  return row!
}

describe('confirm_shop_status', () => {
  it.each(['ownerA', 'staffA', 'curatorX'] as const)(
    'lets %s confirm shop A without changing it',
    async (name) => {
      await db.session(async (step) => {
        const before = await token(step, SHOP.A)
        const [row] = await step<{ status: string; confirmed_at: string }>(ACTOR[name], CONFIRM, [
          SHOP.A,
          before.updated_at,
        ])
        expect(row?.status).toBe(before.status)
        expect(row?.confirmed_at).not.toBe(before.status_updated_at)
        const events = await step(
          'superuser',
          'select count(*)::int as n from public.shop_status_events where shop_id = $1 and changed_at > $2::timestamptz',
          [SHOP.A, before.updated_at],
        )
        expect(events).toEqual([{ n: 0 }])
      })
    },
  )

  it.each(['stranger', 'ownerB', 'curatorY'] as const)('refuses %s', async (name) => {
    await db.session(async (step) => {
      const before = await token(step, SHOP.A)
      await expectRefused(
        step(ACTOR[name], CONFIRM, [SHOP.A, before.updated_at]),
        REFUSED.privilege,
      )
      expect((await token(step, SHOP.A)).status_updated_at).toBe(before.status_updated_at)
    })
  })

  it('refuses anon', async () => {
    await db.session(async (step) => {
      const before = await token(step, SHOP.A)
      await expectRefused(step(ANON, CONFIRM, [SHOP.A, before.updated_at]), REFUSED.privilege)
    })
  })

  it('refuses a stale token with the distinct stale error', async () => {
    await db.session(async (step) => {
      await expectRefused(
        step(ACTOR.ownerA, CONFIRM, [SHOP.A, '2000-01-01T00:00:00Z']),
        REFUSED.stale,
      )
    })
  })
})
