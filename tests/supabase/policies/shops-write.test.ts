import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'
import {
  ACTOR,
  ACTOR_NAMES,
  INSIDE,
  SHOP,
  SHOP_NAMES,
  TERRITORY,
  CATEGORY,
  loadFixtures,
  type ActorName,
  type ShopName,
} from './fixtures'
import { expectNoRowChanged, expectPermissionDenied, expectRlsViolation } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

type Outcome = 'allowed' | 'no grant' | 'filtered' | 'policy refuses'

/** Which fixture shops each actor may update (member fields) and delete. */
const UPDATES: Record<ActorName, ShopName[]> = {
  anon: [],
  stranger: [],
  ownerA: ['A'],
  ownerB: ['B'],
  staffA: ['A'],
  curatorX: ['A', 'B', 'U'],
  curatorY: ['Y1', 'YU'],
}
const DELETES: Record<ActorName, ShopName[]> = {
  anon: [],
  stranger: [],
  ownerA: [],
  ownerB: [],
  staffA: [],
  curatorX: ['A', 'B', 'U'],
  curatorY: ['Y1', 'YU'],
}
const INSERTS_INTO: Record<ActorName, string[]> = {
  anon: [],
  stranger: [],
  ownerA: [],
  ownerB: [],
  staffA: [],
  curatorX: [TERRITORY.X],
  curatorY: [TERRITORY.Y],
}

function rowCases(allowed: Record<ActorName, ShopName[]>) {
  return ACTOR_NAMES.flatMap((actor) =>
    SHOP_NAMES.map((shop) => {
      const outcome: Outcome =
        actor === 'anon' ? 'no grant' : allowed[actor].includes(shop) ? 'allowed' : 'filtered'
      return { actor, shop, outcome }
    }),
  )
}

const target = (shop: ShopName) => ({
  table: 'public.shops',
  where: 'id = $1',
  params: [SHOP[shop]],
})

describe('shops: update', () => {
  const sql = `update public.shops set status_message = 'Matrix' where id = $1 returning id, status_message`

  it.each(rowCases(UPDATES))(
    '$actor updates shop $shop: $outcome',
    async ({ actor, shop, outcome }) => {
      const params = [SHOP[shop]]
      if (outcome === 'no grant')
        return expectPermissionDenied(db.as(ACTOR[actor], sql, params), 'table shops')
      if (outcome === 'filtered')
        return expectNoRowChanged(db, ACTOR[actor], sql, params, target(shop))
      const rows = await db.as(ACTOR[actor], sql, params)
      expect(rows).toEqual([{ id: SHOP[shop], status_message: 'Matrix' }])
    },
  )
})

describe('shops: delete', () => {
  const sql = 'delete from public.shops where id = $1 returning id'

  it.each(rowCases(DELETES))(
    '$actor deletes shop $shop: $outcome',
    async ({ actor, shop, outcome }) => {
      const params = [SHOP[shop]]
      if (outcome === 'no grant')
        return expectPermissionDenied(db.as(ACTOR[actor], sql, params), 'table shops')
      if (outcome === 'filtered')
        return expectNoRowChanged(db, ACTOR[actor], sql, params, target(shop))
      await db.session(async (step) => {
        expect(await step(ACTOR[actor], sql, params)).toEqual([{ id: SHOP[shop] }])
        expect(
          await step('superuser', 'select id from public.shops where id = $1', params),
        ).toEqual([])
      })
    },
  )
})

describe('shops: insert', () => {
  // No `returning`: it would also apply the SELECT policy to the new row, and a refusal could
  // then come from there instead of the INSERT policy under test.
  const insertSql = (territory: string, location: string) => `
    insert into public.shops (territory_slug, kind, name, category_slug, location, source, source_ref, published)
    values ('${territory}', 'commercant', 'Inserted shop', '${CATEGORY.food}', ${location}, 'submission', 'matrix', false)`
  const inserted = `select territory_slug from public.shops where source = 'submission' and source_ref = 'matrix'`

  const cases = ACTOR_NAMES.flatMap((actor) =>
    (['X', 'Y'] as const).map((t) => {
      const territory = TERRITORY[t]
      const outcome: Outcome =
        actor === 'anon'
          ? 'no grant'
          : INSERTS_INTO[actor].includes(territory)
            ? 'allowed'
            : 'policy refuses'
      return { actor, territory, location: INSIDE[t], outcome }
    }),
  )

  it.each(cases)('$actor inserts a shop into $territory: $outcome', async (c) => {
    const sql = insertSql(c.territory, c.location)
    if (c.outcome === 'no grant')
      return expectPermissionDenied(db.as(ACTOR[c.actor], sql), 'table shops')
    if (c.outcome === 'policy refuses') return expectRlsViolation(db.as(ACTOR[c.actor], sql))
    await db.session(async (step) => {
      await step(ACTOR[c.actor], sql)
      expect(await step('superuser', inserted)).toEqual([{ territory_slug: c.territory }])
    })
  })

  it('a curator inserts a published shop and it then reaches anon', async () => {
    await db.session(async (step) => {
      const [row] = await step<{ id: string }>(
        ACTOR.curatorX,
        `insert into public.shops (territory_slug, kind, name, category_slug, location, source, published)
         values ($1, 'artisan', 'Published by curator', $2, ${INSIDE.X}, 'submission', true) returning id`,
        [TERRITORY.X, CATEGORY.food],
      )
      const seen = await step(ACTOR.anon, 'select id from public.shops where id = $1', [row?.id])
      expect(seen).toHaveLength(1)
    })
  })
})

describe('shops: truncate', () => {
  it.each(ACTOR_NAMES)('%s cannot truncate shops (TRUNCATE bypasses row-level security)', (actor) =>
    expectPermissionDenied(db.as(ACTOR[actor], 'truncate public.shops'), 'table shops'),
  )
})

describe('shops: upsert', () => {
  it.each(['ownerA', 'staffA', 'stranger'] as const)(
    '%s cannot reach shop A through insert … on conflict do update',
    (actor) =>
      expectRlsViolation(
        db.as(
          ACTOR[actor],
          `insert into public.shops (territory_slug, kind, name, category_slug, location, source, source_ref)
           values ($1, 'commercant', 'Test shop A', $2, ${INSIDE.X}, 'import', 'test-policies/A')
           on conflict (source, source_ref) do update set status_message = 'via upsert'`,
          [TERRITORY.X, CATEGORY.food],
        ),
      ),
  )
})
