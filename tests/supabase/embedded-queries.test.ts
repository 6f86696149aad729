import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  GET_SHOP_SQL,
  LIST_SHOPS_SQL,
  LIST_TERRITORIES_SQL,
  MY_SHOPS_SQL,
  SET_SHOP_STATUS_SQL,
} from '../../src/backend/embedded/embedded-queries'
import {
  toMyShop,
  toShop,
  toTerritory,
  type MyShopRow,
  type ShopRow,
  type TerritoryRow,
} from '../../src/backend/rows'
import {
  expectRefused,
  openTestDatabase,
  REFUSED,
  type Actor,
  type TestDatabase,
} from './test-database'

// The embedded adapter's SQL, run as the roles it impersonates, parsed by the shared row mappers.

const OWNER = '7e57e57e-0000-4000-8000-000000000001'
const STRANGER = '7e57e57e-0000-4000-8000-000000000002'
const PUBLISHED = '7e57e57e-0000-4000-8000-00000000000a'
const HIDDEN = '7e57e57e-0000-4000-8000-00000000000b'
const owner: Actor = { role: 'authenticated', userId: OWNER, email: 'owner@test.invalid' }
const stranger: Actor = { role: 'authenticated', userId: STRANGER, email: 'stranger@test.invalid' }
const anon: Actor = { role: 'anon' }

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await db.superuser(`
    insert into public.territories (slug, name, centre, bounds)
      values ('queries-test', 'Queries test', point(1, 1), box(point(2, 2), point(0, 0)));
    insert into public.categories (slug, name_fr, name_en) values ('queries-test', 'Test', 'Test');
    insert into auth.users (id, email) values ('${OWNER}', 'owner@test.invalid'), ('${STRANGER}', 'stranger@test.invalid');
    insert into public.shops (id, territory_slug, kind, name, category_slug, location, source, source_ref, published, social_links)
      values ('${PUBLISHED}', 'queries-test', 'commercant', 'Boutique « test »', 'queries-test', point(1.5, 1.25), 'demo', 'q-1', true, '{https://example.org/a}'),
             ('${HIDDEN}', 'queries-test', 'artisan', 'Atelier caché', 'queries-test', point(0.5, 0.5), 'demo', 'q-2', false, '{}');
    insert into public.shop_members (shop_id, user_id, role) values ('${HIDDEN}', '${OWNER}', 'owner');
  `)
})
afterAll(() => db.close())

describe('embedded adapter queries', () => {
  it('lists territories with parsable centre and bounds', async () => {
    const rows = await db.as<TerritoryRow>(anon, LIST_TERRITORIES_SQL)
    const territory = rows.map(toTerritory).find((t) => t.slug === 'queries-test')
    expect(territory).toEqual({
      slug: 'queries-test',
      name: 'Queries test',
      centre: { lon: 1, lat: 1 },
      bounds: [0, 0, 2, 2],
    })
  })

  it('shows a visitor only the published shop, fully parsed', async () => {
    const shops = (await db.as<ShopRow>(anon, LIST_SHOPS_SQL, ['queries-test', null])).map(toShop)
    expect(shops.map((s) => s.name)).toEqual(['Boutique « test »'])
    expect(shops[0]).toMatchObject({
      location: { lon: 1.5, lat: 1.25 },
      socialLinks: ['https://example.org/a'],
      services: [],
      status: 'unknown',
    })
    expect(shops[0]?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+00:00$/)
  })

  it('shows the owner their unpublished shop too', async () => {
    const shops = (await db.as<ShopRow>(owner, LIST_SHOPS_SQL, ['queries-test', null])).map(toShop)
    expect(shops.map((s) => s.name).sort()).toEqual(['Atelier caché', 'Boutique « test »'])
    // With a limit (the shoppers' page telling a territory too large to load whole): by name.
    const first = (await db.as<ShopRow>(owner, LIST_SHOPS_SQL, ['queries-test', 1])).map(toShop)
    expect(first.map((s) => s.name)).toEqual(['Atelier caché'])
    expect((await db.as<ShopRow>(stranger, GET_SHOP_SQL, [HIDDEN])).length).toBe(0)
    expect((await db.as<MyShopRow>(owner, MY_SHOPS_SQL)).map(toMyShop)).toEqual([
      {
        shopId: HIDDEN,
        role: 'owner',
        name: 'Atelier caché',
        territorySlug: 'queries-test',
        published: false,
      },
    ])
  })

  it('sets a status with the exact token it read, and refuses the same token again', async () => {
    await db.session(async (step) => {
      const [before] = (await step<ShopRow>(owner, GET_SHOP_SQL, [HIDDEN])).map(toShop)
      const [after] = (
        await step<ShopRow>(owner, SET_SHOP_STATUS_SQL, [
          HIDDEN,
          'closed',
          'Fermé pour inventaire',
          '2026-12-01',
          ['delivery', 'click_and_collect'],
          before!.updatedAt,
        ])
      ).map(toShop)
      expect(after).toMatchObject({
        status: 'closed',
        statusMessage: 'Fermé pour inventaire',
        closedUntil: '2026-12-01',
        services: ['delivery', 'click_and_collect'],
      })
      expect(after!.updatedAt).not.toBe(before!.updatedAt)
      await expectRefused(
        step(owner, SET_SHOP_STATUS_SQL, [HIDDEN, 'open', null, null, null, before!.updatedAt]),
        REFUSED.stale,
      )
    })
  })

  it('refuses a stranger through the same query', async () => {
    const [shop] = (await db.as<ShopRow>(anon, GET_SHOP_SQL, [PUBLISHED])).map(toShop)
    await expectRefused(
      db.as(stranger, SET_SHOP_STATUS_SQL, [PUBLISHED, 'open', null, null, null, shop!.updatedAt]),
      REFUSED.privilege,
    )
    await expectRefused(
      db.as(anon, SET_SHOP_STATUS_SQL, [PUBLISHED, 'open', null, null, null, shop!.updatedAt]),
      REFUSED.privilege,
    )
  })
})
