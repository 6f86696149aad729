import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
import { ACTOR, ACTORS, CATEGORY, COMMUNE, SUBCATEGORY, TERRITORY, loadFixtures } from './fixtures'
import { expectPermissionDenied } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

type Table = {
  table: string
  key: string
  /** the fixture rows every actor must read */
  fixtures: string[]
  insert: string
  update: string
}

const TABLES: Table[] = [
  {
    table: 'territories',
    key: 'slug',
    fixtures: [TERRITORY.X, TERRITORY.Y],
    insert: `insert into public.territories (slug, name, centre, bounds)
             values ('test-z', 'Z', point(5.5, 45.5), box(point(6, 46), point(5, 45)))`,
    update: `update public.territories set bounds = box(point(180, 90), point(-180, -90)) where slug = '${TERRITORY.X}'`,
  },
  {
    table: 'communes',
    key: 'insee_code',
    fixtures: [COMMUNE.X, COMMUNE.Y],
    insert: `insert into public.communes (insee_code, territory_slug, name) values ('00003', '${TERRITORY.X}', 'Z')`,
    update: `update public.communes set territory_slug = '${TERRITORY.Y}' where insee_code = '${COMMUNE.X}'`,
  },
  {
    table: 'categories',
    key: 'slug',
    fixtures: [CATEGORY.craft, CATEGORY.food],
    insert: `insert into public.categories (slug, name_fr, name_en) values ('test-z', 'Z', 'Z')`,
    update: `update public.categories set name_fr = 'Z' where slug = '${CATEGORY.food}'`,
  },
  {
    table: 'subcategories',
    key: 'slug',
    fixtures: [SUBCATEGORY.bakery, SUBCATEGORY.pottery],
    insert: `insert into public.subcategories (slug, category_slug, name_fr, name_en) values ('test-z', '${CATEGORY.food}', 'Z', 'Z')`,
    update: `update public.subcategories set category_slug = '${CATEGORY.craft}' where slug = '${SUBCATEGORY.bakery}'`,
  },
  {
    table: 'services',
    key: 'code::text',
    fixtures: ['click_and_collect', 'delivery'],
    insert: `insert into public.services (code, name_fr, name_en) values ('gift_cards', 'Z', 'Z') on conflict do nothing`,
    update: `update public.services set name_fr = 'Z' where code = 'delivery'`,
  },
]

describe.each(TABLES)('$table', (t) => {
  it.each(ACTORS)('%s reads it', async (_name, actor) => {
    const rows = await db.as<{ key: string }>(
      actor,
      `select ${t.key} as key from public.${t.table} where ${t.key} = any($1::text[]) order by 1`,
      [t.fixtures],
    )
    expect(rows.map((r) => r.key)).toEqual([...t.fixtures].sort())
  })

  const writes = [
    ['insert', t.insert],
    ['update', t.update],
    ['delete', `delete from public.${t.table} where ${t.key} = '${t.fixtures[0]}'`],
    ['truncate', `truncate public.${t.table}`],
  ] as const
  const cases = ACTORS.flatMap(([name]) => writes.map(([op, sql]) => ({ name, op, sql })))

  it.each(cases)('$name cannot $op (42501)', ({ name, sql }) =>
    expectPermissionDenied(db.as(ACTOR[name], sql), `table ${t.table}`),
  )
})

describe('communes: INSEE codes', () => {
  it('accepts a mainland code', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        `insert into public.communes (insee_code, territory_slug, name) values ('01004', $1, 'Ambérieu-en-Bugey')`,
        [TERRITORY.X],
      )
    })
  })

  // Corsica's INSEE codes put the letter second: Ajaccio is 2A004, Bastia 2B033.
  it('accepts a Corsican code (2A004)', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        `insert into public.communes (insee_code, territory_slug, name) values ('2A004', $1, 'Ajaccio')`,
        [TERRITORY.X],
      )
    })
  })

  it('refuses a malformed code (23514)', () =>
    expectRefused(
      db.session((step) =>
        step(
          'superuser',
          `insert into public.communes (insee_code, territory_slug, name) values ('1004', $1, 'Z')`,
          [TERRITORY.X],
        ),
      ),
      REFUSED.check,
    ))
})
