import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'
import {
  ACTOR,
  ACTORS,
  SHOP,
  TERRITORY,
  loadFixtures,
  shopNameOf,
  type ActorName,
  type ShopName,
} from './fixtures'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

const fixtureIds = Object.values(SHOP)

/** The fixture shops each actor reads: published ones, plus what they are member or curator of. */
const VISIBLE: Record<ActorName, ShopName[]> = {
  anon: ['A', 'B', 'Y1'],
  stranger: ['A', 'B', 'Y1'],
  ownerA: ['A', 'B', 'Y1'],
  ownerB: ['A', 'B', 'Y1'],
  staffA: ['A', 'B', 'Y1'],
  curatorX: ['A', 'B', 'U', 'Y1'],
  curatorY: ['A', 'B', 'Y1', 'YU'],
}

async function visibleShops(actor: (typeof ACTOR)[ActorName]): Promise<string[]> {
  const rows = await db.as<{ id: string }>(
    actor,
    'select id from public.shops where id = any($1::uuid[]) order by id',
    [fixtureIds],
  )
  return rows.map((r) => shopNameOf(r.id)).sort()
}

describe('shops: select', () => {
  it.each(ACTORS)('%s reads exactly the shops it may see', async (name, actor) => {
    expect(await visibleShops(actor)).toEqual([...VISIBLE[name]].sort())
  })

  it.each(ACTORS)('%s reads every public field of a published shop', async (_name, actor) => {
    const rows = await db.as<Record<string, unknown>>(
      actor,
      'select * from public.shops where id = $1',
      [SHOP.A],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      name: 'Test shop A',
      status: 'closed',
      phone: '+33 1 00 00 00 01',
      email: 'a@example.fr',
      website: 'https://a.example.fr',
      published: true,
    })
  })

  it('no unpublished shop of any territory reaches anon or a stranger', async () => {
    for (const actor of [ACTOR.anon, ACTOR.stranger]) {
      const rows = await db.as(actor, 'select id from public.shops where not published')
      expect(rows).toEqual([])
    }
  })

  it.each([
    ['curatorX', TERRITORY.X, ['A', 'B', 'U']],
    ['curatorY', TERRITORY.Y, ['Y1', 'YU']],
  ] as const)('%s reads every shop of %s, published or not', async (name, territory, shops) => {
    const rows = await db.as<{ id: string }>(
      ACTOR[name],
      'select id from public.shops where territory_slug = $1',
      [territory],
    )
    expect(rows.map((r) => shopNameOf(r.id)).sort()).toEqual([...shops].sort())
  })

  it.each([
    ['ownerA', true],
    ['staffA', true],
    ['curatorX', true],
    ['anon', false],
    ['stranger', false],
    ['ownerB', false],
    ['curatorY', false],
  ] as const)('once shop A is unpublished, %s reads it: %s', async (name, reads) => {
    await db.session(async (step) => {
      await step('superuser', 'update public.shops set published = false where id = $1', [SHOP.A])
      const rows = await step(ACTOR[name], 'select id from public.shops where id = $1', [SHOP.A])
      expect(rows).toHaveLength(reads ? 1 : 0)
    })
  })
})
