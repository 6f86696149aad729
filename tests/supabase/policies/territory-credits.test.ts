/**
 * public.territory_credits: a territory's map and pages credit its own sources, those its places
 * carry, and only places the caller may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'
import { ACTOR, SHOP, TERRITORY, loadFixtures } from './fixtures'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

const CREDITS = 'select credit, places from public.territory_credits($1)'

describe('territory_credits', () => {
  it("lists each source of a territory's places once, most used first", async () => {
    await db.session(async (step) => {
      await step('superuser', `update public.shops set source_attribution = $2 where id = $1`, [
        SHOP.B,
        '  Another source  ',
      ])
      expect(await step(ACTOR.anon, CREDITS, [TERRITORY.X])).toEqual([
        { credit: 'Another source', places: 1 },
        { credit: 'Test data', places: 1 },
      ])
    })
    expect(await db.as(ACTOR.anon, CREDITS, [TERRITORY.X])).toEqual([
      { credit: 'Test data', places: 2 },
    ])
  })

  it("never credits another territory's sources", async () => {
    expect(await db.as(ACTOR.anon, CREDITS, [TERRITORY.Y])).toEqual([])
  })

  it('credits an unpublished place’s source only to those who may see the place', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        `update public.shops set source_attribution = 'Hidden source' where id = $1`,
        [SHOP.U],
      )
      const credits = async (actor: keyof typeof ACTOR) =>
        (await step<{ credit: string }>(ACTOR[actor], CREDITS, [TERRITORY.X])).map((r) => r.credit)
      expect(await credits('anon')).not.toContain('Hidden source')
      expect(await credits('stranger')).not.toContain('Hidden source')
      expect(await credits('curatorY')).not.toContain('Hidden source')
      expect(await credits('curatorX')).toContain('Hidden source')
    })
  })
})
