/**
 * public.move_shop: a curator drags a place's pin in the curators' space. Only the territory's
 * curators move a place; the position becomes exact; the write is stale-checked like the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectRefused,
  openTestDatabase,
  REFUSED,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import { ACTOR, SHOP, loadFixtures } from './fixtures'
import { rowSnapshotSql } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

const MOVE = `select location::text as location, location_approximate, updated_at::text as t
  from public.move_shop($1, $2, $3, $4::timestamptz)`

const tokenOf = async (step: SessionStep, shop: string) => {
  const [row] = await step<{ t: string }>(
    'superuser',
    'select updated_at::text as t from public.shops where id = $1',
    [shop],
  )
  return row!.t
}

/** Shop A as the importer would leave it: at its commune's centre, flagged approximate. */
const flagApproximate = (step: SessionStep, shop: string) =>
  step('superuser', 'update public.shops set location_approximate = true where id = $1', [shop])

describe('move_shop', () => {
  it("the territory's curator moves a place: the new position is exact", async () => {
    await db.session(async (step) => {
      await flagApproximate(step, SHOP.A)
      const token = await tokenOf(step, SHOP.A)
      const [moved] = await step<{ location: string; location_approximate: boolean; t: string }>(
        ACTOR.curatorX,
        MOVE,
        [SHOP.A, 1.25, 45.75, token],
      )
      expect(moved).toMatchObject({ location: '(1.25,45.75)', location_approximate: false })
      expect(moved!.t).not.toBe(token)
      // The token it read is stale now.
      await expectRefused(step(ACTOR.curatorX, MOVE, [SHOP.A, 1.3, 45.8, token]), REFUSED.stale)
    })
  })

  it('an unpublished place is moved too (before publishing)', async () => {
    await db.session(async (step) => {
      const token = await tokenOf(step, SHOP.U)
      const [moved] = await step<{ location: string }>(ACTOR.curatorX, MOVE, [
        SHOP.U,
        1.75,
        45.25,
        token,
      ])
      expect(moved?.location).toBe('(1.75,45.25)')
    })
  })

  it.each([
    ['anon', REFUSED.privilege],
    ['stranger', REFUSED.privilege],
    ['ownerA', REFUSED.privilege],
    ['staffA', REFUSED.privilege],
    ['ownerB', REFUSED.privilege],
    ['curatorY', REFUSED.privilege],
  ] as const)('%s may not move shop A (%s), and the row is unchanged', async (actor, code) => {
    await db.session(async (step) => {
      await flagApproximate(step, SHOP.A)
      const snapshot = rowSnapshotSql('public.shops', 'id = $1')
      const [before] = await step<{ row: string }>('superuser', snapshot, [SHOP.A])
      const token = await tokenOf(step, SHOP.A)
      await expectRefused(step(ACTOR[actor], MOVE, [SHOP.A, 1.25, 45.75, token]), code)
      const [after] = await step<{ row: string }>('superuser', snapshot, [SHOP.A])
      expect(after?.row).toBe(before?.row)
    })
  })

  it("another territory's curator may not move its place either", async () => {
    await db.session(async (step) => {
      const token = await tokenOf(step, SHOP.Y1)
      await expectRefused(
        step(ACTOR.curatorX, MOVE, [SHOP.Y1, 3.25, 47.25, token]),
        REFUSED.privilege,
      )
    })
  })

  it("a position outside the territory's bounds is refused (23514)", async () => {
    await db.session(async (step) => {
      const token = await tokenOf(step, SHOP.A)
      await expectRefused(step(ACTOR.curatorX, MOVE, [SHOP.A, 3.5, 47.5, token]), REFUSED.check)
    })
  })

  it.each([
    ['no longitude', null, 45.5],
    ['a latitude past the pole', 1.5, 91],
    ['a longitude past the antimeridian', 181, 45.5],
  ])('%s is refused (22023)', async (_, lon, lat) => {
    await db.session(async (step) => {
      const token = await tokenOf(step, SHOP.A)
      await expectRefused(step(ACTOR.curatorX, MOVE, [SHOP.A, lon, lat, token]), '22023')
    })
  })

  it('without a token it is refused (22004)', async () => {
    await expectRefused(db.as(ACTOR.curatorX, MOVE, [SHOP.A, 1.5, 45.5, null]), '22004')
  })
})
