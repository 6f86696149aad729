import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
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
import {
  asStaleCheckedWrite,
  declareStaleCheckedWrite,
  expectNoRowChanged,
  expectPermissionDenied,
  expectRlsViolation,
  rowSnapshotSql,
} from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

type Outcome = 'allowed' | 'no grant' | 'filtered' | 'policy refuses'

/**
 * Which fixture shops each actor may update (member fields). An update is allowed
 * through the stale-checked functions only (set_shop_status, update_shop_details, …): the policy
 * lets the row through, and shops_check_stale_token refuses the same UPDATE sent directly.
 */
const UPDATES: Record<ActorName, ShopName[]> = {
  anon: [],
  stranger: [],
  ownerA: ['A'],
  ownerB: ['B'],
  staffA: ['A'],
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
      const rows = await asStaleCheckedWrite(db, ACTOR[actor], SHOP[shop], sql, params)
      expect(rows).toEqual([{ id: SHOP[shop], status_message: 'Matrix' }])
    },
  )

  it.each(rowCases(UPDATES).filter((c) => c.outcome === 'allowed'))(
    '$actor updates shop $shop directly, without the stale-write token: refused (42501)',
    async ({ actor, shop }) => {
      await db.session(async (step) => {
        const snapshot = rowSnapshotSql('public.shops', 'id = $1')
        const [before] = await step<{ row: string }>('superuser', snapshot, [SHOP[shop]])
        await expectRefused(step(ACTOR[actor], sql, [SHOP[shop]]), REFUSED.privilege)
        const [after] = await step<{ row: string }>('superuser', snapshot, [SHOP[shop]])
        expect(after?.row).toBe(before?.row)
      })
    },
  )

  it.each(rowCases(UPDATES).filter((c) => c.outcome === 'filtered' && c.actor !== 'anon'))(
    '$actor updates shop $shop inside a stale-checked write: still filtered',
    ({ actor, shop }) =>
      db.session(async (step) => {
        await declareStaleCheckedWrite(step, SHOP[shop])
        expect(await step(ACTOR[actor], sql, [SHOP[shop]])).toEqual([])
      }),
  )
})

describe('shops: delete', () => {
  // No client deletes a shop (the app has no such action): no DELETE grant, which would also let
  // a client LOCK the table (supabase/migrations/20261207092000_keys_locks_and_limits.sql).
  const sql = 'delete from public.shops where id = $1 returning id'

  it.each(ACTOR_NAMES.flatMap((actor) => SHOP_NAMES.map((shop) => ({ actor, shop }))))(
    '$actor deletes shop $shop: no grant',
    ({ actor, shop }) =>
      expectPermissionDenied(db.as(ACTOR[actor], sql, [SHOP[shop]]), 'table shops'),
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
           on conflict (territory_slug, source, source_ref) do update set status_message = 'via upsert'`,
          [TERRITORY.X, CATEGORY.food],
        ),
      ),
  )
})
