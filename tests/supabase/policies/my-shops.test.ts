import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'
import { ACTOR, SHOP, SIGNED_IN_ACTORS, TERRITORY, USER, loadFixtures } from './fixtures'
import { expectPermissionDenied } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

const MINE: Record<string, { shop_id: string; role: string; name: string }[]> = {
  stranger: [],
  ownerA: [{ shop_id: SHOP.A, role: 'owner', name: 'Test shop A' }],
  ownerB: [{ shop_id: SHOP.B, role: 'owner', name: 'Test shop B' }],
  staffA: [{ shop_id: SHOP.A, role: 'staff', name: 'Test shop A' }],
  // Curating a territory does not make its shops "mine".
  curatorX: [],
  curatorY: [],
}

describe('my_shops()', () => {
  it('anon cannot execute it (42501)', () =>
    expectPermissionDenied(
      db.as(ACTOR.anon, 'select * from public.my_shops()'),
      'function my_shops',
    ))

  it.each(SIGNED_IN_ACTORS)('%s gets only its own shops', async (name, actor) => {
    const rows = await db.as(actor, 'select shop_id, role, name from public.my_shops()')
    expect(rows).toEqual(MINE[name])
  })

  it('includes an unpublished shop of the caller, with its territory and published flag', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        `insert into public.shop_members (shop_id, user_id, role) values ($1, $2, 'owner')`,
        [SHOP.U, USER.ownerA],
      )
      const rows = await step(
        ACTOR.ownerA,
        'select shop_id, role, territory_slug, published from public.my_shops()',
      )
      expect(rows).toEqual([
        { shop_id: SHOP.A, role: 'owner', territory_slug: TERRITORY.X, published: true },
        { shop_id: SHOP.U, role: 'owner', territory_slug: TERRITORY.X, published: false },
      ])
      expect(await step(ACTOR.ownerB, 'select shop_id from public.my_shops()')).toEqual([
        { shop_id: SHOP.B },
      ])
    })
  })
})
