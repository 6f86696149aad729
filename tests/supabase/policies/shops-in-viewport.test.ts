import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOPS_IN_VIEWPORT_SQL } from '../../../src/backend/embedded/embedded-queries'
import { toShop, type ShopRow } from '../../../src/backend/rows'
import { SQL_FUNCTIONS, viewportArgs } from '../../../src/backend/sql-objects'
import type { ViewportQuery } from '../../../src/backend/port'
import { expectRefused, openTestDatabase, type Actor, type TestDatabase } from '../test-database'
import {
  ACTOR,
  ACTORS,
  CATEGORY,
  SHOP,
  USER,
  loadFixtures,
  shopNameOf,
  type ActorName,
  type ShopName,
} from './fixtures'

// public.shops_in_viewport: the map's viewport query for national directories. The fixtures'
// shops: A (1.5, 45.5), B (1.4, 45.4), U (1.6, 45.6, unpublished) in test-x; Y1 (3.5, 47.5),
// YU (3.6, 47.6, unpublished) in test-y. The seed's territories lie west of lon 0.8.

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

const INVALID = '22023'

/** Both test territories and nothing of the seed. */
const BOTH: ViewportQuery['bounds'] = [1, 45, 4, 48]

/** The embedded adapter's own statement, so its casts and argument order are covered too. */
async function viewport(actor: Actor, query: ViewportQuery): Promise<ShopName[]> {
  const args = viewportArgs(query)
  const values = SQL_FUNCTIONS.shopsInViewport.args.map((name) => args[name])
  const rows = await db.as<ShopRow>(actor, SHOPS_IN_VIEWPORT_SQL, values)
  return rows.map((row) => shopNameOf(row.id) as ShopName)
}

/** A direct call with raw arguments, for what the adapters would never send. */
function rawCall(args: string): Promise<unknown> {
  return db.as(ACTOR.anon, `select id from public.shops_in_viewport(${args})`)
}

describe('shops_in_viewport: who sees what', () => {
  const visible: Record<ActorName, ShopName[]> = {
    anon: ['A', 'B', 'Y1'],
    stranger: ['A', 'B', 'Y1'],
    ownerA: ['A', 'B', 'Y1'],
    ownerB: ['A', 'B', 'Y1'],
    staffA: ['A', 'B', 'Y1'],
    curatorX: ['A', 'B', 'U', 'Y1'],
    curatorY: ['A', 'B', 'Y1', 'YU'],
  }

  it.each(ACTORS)('%s gets the shops its policies let it read', async (name, actor) => {
    expect((await viewport(actor, { bounds: BOTH })).sort()).toEqual(visible[name])
  })

  it('a member of an unpublished shop gets it, and only that one', async () => {
    const names = await db.session(async (step) => {
      await step(
        'superuser',
        `insert into public.shop_members (shop_id, user_id, role) values ($1, $2, 'owner')`,
        [SHOP.U, USER.stranger],
      )
      const args = viewportArgs({ bounds: BOTH })
      const rows = await step<{ id: string }>(
        ACTOR.stranger,
        SHOPS_IN_VIEWPORT_SQL,
        SQL_FUNCTIONS.shopsInViewport.args.map((arg) => args[arg]),
      )
      return rows.map((row) => shopNameOf(row.id)).sort()
    })
    expect(names).toEqual(['A', 'B', 'U', 'Y1'])
  })

  it('anon never gets an unpublished shop, even in a viewport around it alone', async () => {
    expect(await viewport(ACTOR.anon, { bounds: [1.55, 45.55, 1.65, 45.65] })).toEqual([])
    expect(await viewport(ACTOR.anon, { bounds: [3.55, 47.55, 3.65, 47.65] })).toEqual([])
  })

  it('a curator never gets the unpublished shops of another territory', async () => {
    expect(await viewport(ACTOR.curatorX, { bounds: [3.55, 47.55, 3.65, 47.65] })).toEqual([])
    expect(await viewport(ACTOR.curatorY, { bounds: [1.55, 45.55, 1.65, 45.65] })).toEqual([])
  })
})

describe('shops_in_viewport: the box', () => {
  it('includes shops on its edges and corners', async () => {
    // A is the north-east corner, B the south-west one.
    expect((await viewport(ACTOR.anon, { bounds: [1.4, 45.4, 1.5, 45.5] })).sort()).toEqual([
      'A',
      'B',
    ])
    // A on the west edge, B on the south edge of boxes that hold nothing else.
    expect(await viewport(ACTOR.anon, { bounds: [1.5, 45.45, 1.55, 45.55] })).toEqual(['A'])
    expect(await viewport(ACTOR.anon, { bounds: [1.35, 45.4, 1.45, 45.45] })).toEqual(['B'])
  })

  it('excludes a shop just outside, and takes a point as a box', async () => {
    expect(await viewport(ACTOR.anon, { bounds: [1.4000001, 45.4, 1.5, 45.5] })).toEqual(['A'])
    expect(await viewport(ACTOR.anon, { bounds: [1.4, 45.4, 1.5, 45.4999999] })).toEqual(['B'])
    expect(await viewport(ACTOR.anon, { bounds: [1.5, 45.5, 1.5, 45.5] })).toEqual(['A'])
    expect(await viewport(ACTOR.anon, { bounds: [1.45, 45.41, 1.49, 45.49] })).toEqual([])
  })

  it('lists the nearest to the centre first', async () => {
    // Centre (1.48, 45.48): A is 0.028 away, B 0.113.
    expect(await viewport(ACTOR.anon, { bounds: [1.38, 45.38, 1.58, 45.58] })).toEqual(['A', 'B'])
    // Centre (1.42, 45.42): B first.
    expect(await viewport(ACTOR.anon, { bounds: [1.32, 45.32, 1.52, 45.52] })).toEqual(['B', 'A'])
  })

  it('returns every column the adapters read, mapped by the shared row mapper', async () => {
    const args = viewportArgs({ bounds: [1.45, 45.45, 1.55, 45.55] })
    const rows = await db.as<ShopRow>(
      ACTOR.anon,
      SHOPS_IN_VIEWPORT_SQL,
      SQL_FUNCTIONS.shopsInViewport.args.map((name) => args[name]),
    )
    const shop = toShop(rows[0]!)
    expect(shop).toMatchObject({
      id: SHOP.A,
      name: 'Test shop A',
      location: { lon: 1.5, lat: 45.5 },
      services: ['in_store'],
      status: 'closed',
      published: true,
    })
    expect(shop.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+/)
  })
})

describe('shops_in_viewport: filters', () => {
  it.each<[string, Omit<ViewportQuery, 'bounds'>, ShopName[]]>([
    ['every service ticked', { services: ['in_store'] }, ['A']],
    ['a service nobody offers', { services: ['in_store', 'delivery'] }, []],
    ['any of the categories', { categories: [CATEGORY.craft] }, ['Y1']],
    ['several categories', { categories: [CATEGORY.craft, CATEGORY.food] }, ['A', 'B', 'Y1']],
    ['any of the kinds', { kinds: ['artisan', 'marche'] }, ['B']],
    ['any of the statuses', { statuses: ['open'] }, ['B', 'Y1']],
    ['every word of the name, any case or accent', { query: 'SHÔP   test b' }, ['B']],
    ['a word of the commune', { query: 'testville-y' }, ['Y1']],
    ['a word found nowhere', { query: 'shop zzz' }, []],
    ['a blank query is no filter', { query: '  ' }, ['A', 'B', 'Y1']],
    [
      'all of them together',
      { statuses: ['open'], categories: [CATEGORY.food], kinds: ['artisan'], query: 'shop' },
      ['B'],
    ],
  ])('%s', async (_label, filters, expected) => {
    expect((await viewport(ACTOR.anon, { bounds: BOTH, ...filters })).sort()).toEqual(expected)
  })

  it('filters the unpublished shops a curator sees the same way', async () => {
    expect(
      (await viewport(ACTOR.curatorX, { bounds: BOTH, statuses: ['unknown'] })).sort(),
    ).toEqual(['U'])
    expect(await viewport(ACTOR.curatorX, { bounds: BOTH, kinds: ['marche'] })).toEqual([])
  })
})

describe('shops_in_viewport: limits and refusals', () => {
  it('returns at most row_limit shops, the nearest to the centre', async () => {
    // Centre (1.48, 45.48): A is nearer than B.
    expect(await viewport(ACTOR.anon, { bounds: [1.38, 45.38, 1.58, 45.58], limit: 1 })).toEqual([
      'A',
    ])
    expect(await viewport(ACTOR.anon, { bounds: BOTH, limit: 2 })).toHaveLength(2)
    expect(await viewport(ACTOR.anon, { bounds: BOTH, limit: 1000 })).toHaveLength(3)
  })

  it.each([0, -1, 1001, 100000])('refuses row_limit %s', async (limit) => {
    await expectRefused(viewport(ACTOR.anon, { bounds: BOTH, limit }), INVALID)
  })

  it('refuses a null row_limit', async () => {
    await expectRefused(rawCall('1, 45, 4, 48, row_limit => null'), INVALID)
  })

  it.each<[string, string]>([
    ['west east of east', '4, 45, 1, 48'],
    ['south north of north', '1, 48, 4, 45'],
    ['a latitude beyond the pole', '1, 45, 4, 91'],
    ['a longitude beyond 180', '1, 45, 181, 48'],
    ['NaN', `'NaN', 45, 4, 48`],
    ['infinity', `1, 45, 'Infinity', 48`],
    ['a missing corner', '1, null, 4, 48'],
  ])('refuses a viewport with %s, saying why', async (_label, args) => {
    await expectRefused(rawCall(args), INVALID)
    await expect(rawCall(args)).rejects.toThrow(/invalid viewport/)
  })

  it('is callable by anon and authenticated, and returns shops rows', async () => {
    const [row] = await db.superuser<{ anon: boolean; authenticated: boolean; retset: boolean }>(
      `select has_function_privilege('anon', p.oid, 'EXECUTE') as anon,
              has_function_privilege('authenticated', p.oid, 'EXECUTE') as authenticated,
              p.proretset as retset
         from pg_proc p where p.oid = 'public.shops_in_viewport'::regproc`,
    )
    expect(row).toEqual({ anon: true, authenticated: true, retset: true })
  })

  it('is security invoker, so that the row-level security of shops decides', async () => {
    const [row] = await db.superuser<{ definer: boolean }>(
      `select p.prosecdef as definer from pg_proc p where p.oid = 'public.shops_in_viewport'::regproc`,
    )
    expect(row?.definer).toBe(false)
  })
})
