import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
import { ACTOR, SHOP, loadFixtures } from './fixtures'

// The concurrency token and the history must survive what a clock or a curator can do.

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db.close())

describe('updated_at, the concurrency token', () => {
  it('moves strictly forward even for writes within the same clock tick', async () => {
    await db.session(async (step) => {
      const tokens: string[] = []
      const [first] = await step<{ updated_at: string }>(
        'superuser',
        'select updated_at::text from public.shops where id = $1',
        [SHOP.A],
      )
      let token = first!.updated_at
      for (let i = 0; i < 20; i += 1) {
        const [row] = await step<{ updated_at: string }>(
          ACTOR.ownerA,
          `select updated_at::text from public.set_shop_status($2, 'closed', $1, null, null, $3)`,
          [`message ${i}`, SHOP.A, token],
        )
        token = row!.updated_at
        tokens.push(token)
      }
      expect(new Set(tokens).size).toBe(tokens.length)
      const [verdict] = await step<{ increasing: boolean }>(
        'superuser',
        `select bool_and(t > lag) as increasing from (
           select t::timestamptz as t, lag(t::timestamptz) over (order by n) as lag
             from unnest($1::text[]) with ordinality as u(t, n)) s where lag is not null`,
        [tokens],
      )
      expect(verdict?.increasing).toBe(true)
    })
  })

  it('refuses the second of two writes that read the same version, however fast', async () => {
    await db.session(async (step) => {
      const [current] = await step<{ token: string }>(
        'superuser',
        'select updated_at::text as token from public.shops where id = $1',
        [SHOP.A],
      )
      await step(
        ACTOR.ownerA,
        'select 1 from public.set_shop_status($1, $2, null, null, null, $3)',
        [SHOP.A, 'open', current?.token],
      )
      await expectRefused(
        step(ACTOR.staffA, 'select 1 from public.set_shop_status($1, $2, null, null, null, $3)', [
          SHOP.A,
          'closed',
          current?.token,
        ]),
        REFUSED.stale,
      )
    })
  })
})

describe('status history when a shop is deleted', () => {
  it('keeps the events, detached from the shop and out of clients’ reach', async () => {
    await db.session(async (step) => {
      const [history] = await step<{ before: number }>(
        'superuser',
        'select count(*)::int as before from public.shop_status_events where shop_id = $1',
        [SHOP.A],
      )
      const before = history?.before ?? 0
      expect(before).toBeGreaterThan(0)
      // No client deletes a shop (20261207092000_keys_locks_and_limits.sql): the owner does.
      await step('superuser', 'delete from public.shops where id = $1', [SHOP.A])
      const [kept] = await step<{ orphans: number }>(
        'superuser',
        'select count(*)::int as orphans from public.shop_status_events where shop_id is null',
      )
      expect(kept?.orphans).toBe(before)
      for (const actor of [ACTOR.ownerA, ACTOR.curatorX, ACTOR.curatorY, ACTOR.stranger]) {
        const rows = await step(
          actor,
          'select id from public.shop_status_events where shop_id is null',
        )
        expect(rows).toEqual([])
      }
    })
  })
})
