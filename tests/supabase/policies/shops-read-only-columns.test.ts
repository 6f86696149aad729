import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
import {
  ACTOR,
  CATEGORY,
  COMMUNE,
  INSIDE,
  SHOP,
  SUBCATEGORY,
  TERRITORY,
  loadFixtures,
} from './fixtures'
import {
  asStaleCheckedWrite,
  declareStaleCheckedWrite,
  expectPermissionDenied,
  rowSnapshotSql,
} from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

/**
 * Each column with a new value that is valid for shop A (test-food, no subcategory, closed,
 * no closed_until), as a SQL expression, and how the value reads back as text.
 */
type Column = { column: string; value: string; readBack: string }

/** Fields shop members edit (the merchant's daily fields). */
const MEMBER_WRITABLE: Column[] = [
  { column: 'status', value: `'open'`, readBack: 'open' },
  { column: 'status_message', value: `'Back on Monday'`, readBack: 'Back on Monday' },
  { column: 'closed_until', value: `'2027-01-31'`, readBack: '2027-01-31' },
  {
    column: 'services',
    value: `'{delivery,click_and_collect}'`,
    readBack: '{delivery,click_and_collect}',
  },
  { column: 'opening_hours', value: `'Tu-Sa 09:00-18:00'`, readBack: 'Tu-Sa 09:00-18:00' },
  { column: 'opening_hours_note', value: `'Closed at lunch'`, readBack: 'Closed at lunch' },
  {
    column: 'ordering_instructions',
    value: `'Call, then collect'`,
    readBack: 'Call, then collect',
  },
  { column: 'description', value: `'New description'`, readBack: 'New description' },
  { column: 'phone', value: `'+33 4 00 00 00 02'`, readBack: '+33 4 00 00 00 02' },
  { column: 'email', value: `'new@example.fr'`, readBack: 'new@example.fr' },
  { column: 'website', value: `'https://new.example.fr/'`, readBack: 'https://new.example.fr/' },
  {
    column: 'social_links',
    value: `'{https://social.example/new}'`,
    readBack: '{https://social.example/new}',
  },
]

/** Curated fields: members may not change them, the territory's curators may. */
const CURATED: Column[] = [
  { column: 'location', value: 'point(1.25, 45.75)', readBack: '(1.25,45.75)' },
  { column: 'location_approximate', value: 'true', readBack: 'true' },
  { column: 'category_slug', value: `'${CATEGORY.craft}'`, readBack: CATEGORY.craft },
  { column: 'subcategory_slug', value: `'${SUBCATEGORY.bakery}'`, readBack: SUBCATEGORY.bakery },
  { column: 'kind', value: `'artisan'`, readBack: 'artisan' },
  { column: 'name', value: `'Renamed shop'`, readBack: 'Renamed shop' },
  { column: 'address', value: `'2 rue Neuve'`, readBack: '2 rue Neuve' },
  { column: 'postcode', value: `'00101'`, readBack: '00101' },
  { column: 'commune_insee', value: `'${COMMUNE.Y}'`, readBack: COMMUNE.Y },
  { column: 'commune_name', value: `'Autreville'`, readBack: 'Autreville' },
  { column: 'published', value: 'false', readBack: 'false' },
  { column: 'source_attribution', value: `'© Someone else'`, readBack: '© Someone else' },
]

/** Never written by a client, curator included (column grants). */
const NEVER_WRITABLE: Column[] = [
  { column: 'id', value: `'00000000-7e57-4000-b000-0000000000ff'`, readBack: '' },
  { column: 'territory_slug', value: `'${TERRITORY.Y}'`, readBack: '' },
  { column: 'source', value: `'osm'`, readBack: '' },
  { column: 'source_ref', value: `'node/1'`, readBack: '' },
  { column: 'created_at', value: `'2020-01-01T00:00:00Z'`, readBack: '' },
  { column: 'updated_at', value: `'2020-01-01T00:00:00Z'`, readBack: '' },
  { column: 'status_updated_at', value: `'2020-01-01T00:00:00Z'`, readBack: '' },
]

const updateSql = (c: Column) =>
  `update public.shops set ${c.column} = ${c.value} where id = $1 returning ${c.column}::text as value`

// A client changes a shop only through the stale-checked functions, whose UPDATE runs inside a
// declared stale-checked write: the column rules below are tested there (a direct update is
// refused whatever the column: tests/supabase/policies/stale-checked-writes.test.ts).

describe('shops: columns members write', () => {
  describe.each(['ownerA', 'staffA', 'curatorX'] as const)('%s', (actor) => {
    it.each(MEMBER_WRITABLE)('writes $column', async (c) => {
      const rows = await asStaleCheckedWrite(db, ACTOR[actor], SHOP.A, updateSql(c), [SHOP.A])
      expect(rows).toEqual([{ value: c.readBack }])
    })
  })
})

describe('shops: curated columns', () => {
  describe.each(['ownerA', 'staffA'] as const)('member %s', (actor) => {
    it.each(CURATED)('cannot change $column (42501) and the row is unchanged', async (c) => {
      await db.session(async (step) => {
        const snapshot = rowSnapshotSql('public.shops', 'id = $1')
        const [before] = await step<{ row: string }>('superuser', snapshot, [SHOP.A])
        await declareStaleCheckedWrite(step, SHOP.A)
        const refusal = step(ACTOR[actor], updateSql(c), [SHOP.A])
        await expectRefused(refusal, REFUSED.privilege)
        await expect(refusal).rejects.toThrow(/only a curator of the territory/)
        const [after] = await step<{ row: string }>('superuser', snapshot, [SHOP.A])
        expect(after?.row).toBe(before?.row)
      })
    })
  })

  it.each(CURATED)('member ownerA cannot change $column even with a daily field', async (c) =>
    expectRefused(
      asStaleCheckedWrite(
        db,
        ACTOR.ownerA,
        SHOP.A,
        `update public.shops set status_message = 'ok', ${c.column} = ${c.value} where id = $1 returning id`,
        [SHOP.A],
      ),
      REFUSED.privilege,
    ),
  )

  it.each(CURATED)('curator of the territory changes $column', async (c) => {
    const rows = await asStaleCheckedWrite(db, ACTOR.curatorX, SHOP.A, updateSql(c), [SHOP.A])
    expect(rows).toEqual([{ value: c.readBack }])
  })

  it('a member setting a curated column to its current value is not refused', async () => {
    const rows = await asStaleCheckedWrite(
      db,
      ACTOR.ownerA,
      SHOP.A,
      `update public.shops set name = 'Test shop A', status_message = 'Same name' where id = $1 returning name`,
      [SHOP.A],
    )
    expect(rows).toEqual([{ name: 'Test shop A' }])
  })
})

describe('shops: columns no client writes', () => {
  describe.each(['ownerA', 'staffA', 'curatorX', 'curatorY', 'stranger', 'anon'] as const)(
    '%s',
    (actor) => {
      it.each(NEVER_WRITABLE)('update of $column: permission denied', (c) =>
        expectPermissionDenied(db.as(ACTOR[actor], updateSql(c), [SHOP.A]), 'table shops'),
      )
    },
  )

  const insertable = NEVER_WRITABLE.filter(
    (c) => !['territory_slug', 'source', 'source_ref'].includes(c.column),
  )
  it.each(insertable)('a curator inserting a shop with $column: permission denied', (c) =>
    expectPermissionDenied(
      db.as(
        ACTOR.curatorX,
        `insert into public.shops (territory_slug, kind, name, category_slug, location, source, ${c.column})
         values ($1, 'commercant', 'With ${c.column}', $2, ${INSIDE.X}, 'submission', ${c.value})
         returning id`,
        [TERRITORY.X, CATEGORY.food],
      ),
    ),
  )

  it('the same insert without those columns succeeds, and the database sets them', async () => {
    const rows = await db.as<{ ok: boolean }>(
      ACTOR.curatorX,
      `insert into public.shops (territory_slug, kind, name, category_slug, location, source, status)
       values ($1, 'commercant', 'Plain insert', $2, ${INSIDE.X}, 'submission', 'open')
       returning id is not null and created_at is not null and updated_at is not null
         and status_updated_at is not null as ok`,
      [TERRITORY.X, CATEGORY.food],
    )
    expect(rows).toEqual([{ ok: true }])
  })
})
