import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'
import { ACTOR, ACTORS, SIGNED_IN_ACTORS, TERRITORY, USER, loadFixtures } from './fixtures'
import { expectPermissionDenied } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

/** The whole table as each signed-in actor sees it. */
const READS: Record<string, { territory_slug: string; user_id: string }[]> = {
  stranger: [],
  ownerA: [],
  ownerB: [],
  staffA: [],
  curatorX: [{ territory_slug: TERRITORY.X, user_id: USER.curatorX }],
  curatorY: [{ territory_slug: TERRITORY.Y, user_id: USER.curatorY }],
}

describe('territory_curators: select', () => {
  it('anon cannot read it (42501)', () =>
    expectPermissionDenied(db.as(ACTOR.anon, 'select * from public.territory_curators')))

  it.each(SIGNED_IN_ACTORS)('%s reads only its own rows', async (name, actor) => {
    const rows = await db.as(
      actor,
      'select territory_slug, user_id from public.territory_curators order by territory_slug',
    )
    expect(rows).toEqual(READS[name])
  })

  it('a curator does not see another curator of its own territory', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        'insert into public.territory_curators (territory_slug, user_id) values ($1, $2)',
        [TERRITORY.X, USER.curatorY],
      )
      const rows = await step(
        ACTOR.curatorX,
        'select user_id from public.territory_curators where territory_slug = $1',
        [TERRITORY.X],
      )
      expect(rows).toEqual([{ user_id: USER.curatorX }])
    })
  })
})

describe('territory_curators: no client writes', () => {
  const WRITES = [
    [
      'insert itself as curator of test-x',
      `insert into public.territory_curators (territory_slug, user_id) values ('${TERRITORY.X}', '${USER.stranger}')`,
    ],
    [
      'insert a curator of test-y',
      `insert into public.territory_curators (territory_slug, user_id) values ('${TERRITORY.Y}', '${USER.curatorX}')`,
    ],
    [
      'move a curator to test-y',
      `update public.territory_curators set territory_slug = '${TERRITORY.Y}' where user_id = '${USER.curatorX}'`,
    ],
    [
      'change the user of a curator row',
      `update public.territory_curators set user_id = '${USER.stranger}' where user_id = '${USER.curatorX}'`,
    ],
    [
      'delete a curator row',
      `delete from public.territory_curators where user_id = '${USER.curatorX}'`,
    ],
    ['truncate', 'truncate public.territory_curators'],
  ] as const

  const cases = ACTORS.flatMap(([name]) => WRITES.map(([what, sql]) => ({ name, what, sql })))

  it.each(cases)('$name cannot $what (42501)', ({ name, sql }) =>
    expectPermissionDenied(db.as(ACTOR[name], sql), 'table territory_curators'),
  )
})
