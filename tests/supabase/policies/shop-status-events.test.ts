import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'
import {
  ACTOR,
  ACTORS,
  CATEGORY,
  INSIDE,
  SHOP,
  SIGNED_IN_ACTORS,
  TERRITORY,
  USER,
  loadFixtures,
  shopNameOf,
  type ShopName,
} from './fixtures'
import { declareStaleCheckedWrite, expectPermissionDenied } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

/** Whose history each signed-in actor reads, over the whole table. */
const READS: Record<string, ShopName[]> = {
  stranger: [],
  ownerA: ['A'],
  ownerB: ['B'],
  staffA: ['A'],
  curatorX: ['A', 'B', 'U'],
  curatorY: ['Y1', 'YU'],
}

describe('shop_status_events: select', () => {
  it('anon cannot read it (42501)', () =>
    expectPermissionDenied(db.as(ACTOR.anon, 'select * from public.shop_status_events')))

  it.each(SIGNED_IN_ACTORS)('%s reads the history of exactly its shops', async (name, actor) => {
    const rows = await db.as<{ shop_id: string }>(
      actor,
      'select distinct shop_id from public.shop_status_events',
    )
    expect(rows.map((r) => shopNameOf(r.shop_id)).sort()).toEqual(READS[name])
  })

  it.each(['stranger', 'ownerB', 'curatorY'] as const)(
    "%s reads 0 rows of shop A's history although A is published",
    async (name) => {
      const rows = await db.as(
        ACTOR[name],
        'select id from public.shop_status_events where shop_id = $1',
        [SHOP.A],
      )
      expect(rows).toEqual([])
    },
  )

  it("ownerA reads A's history in order, with before and after", async () => {
    const rows = await db.as<{
      before: { status: string } | null
      after: { status_message: string }
    }>(
      ACTOR.ownerA,
      'select before, after from public.shop_status_events where shop_id = $1 order by id',
      [SHOP.A],
    )
    expect(rows).toHaveLength(2)
    expect(rows[0]?.before).toBeNull()
    expect(rows[1]?.before?.status).toBe('closed')
    expect(rows[1]?.after.status_message).toBe('Closed for works until spring')
  })
})

describe('shop_status_events: append-only, no client writes', () => {
  const WRITES = [
    [
      'insert an event',
      `insert into public.shop_status_events (shop_id, after) values ('${SHOP.A}', '{"status":"open"}')`,
    ],
    [
      'insert an event with an explicit id',
      `insert into public.shop_status_events (id, shop_id, after) overriding system value
       values (999999, '${SHOP.A}', '{"status":"open"}')`,
    ],
    [
      'rewrite an event',
      `update public.shop_status_events set after = '{"status":"open"}' where shop_id = '${SHOP.A}'`,
    ],
    [
      'forge who made a change',
      `update public.shop_status_events set changed_by = null where shop_id = '${SHOP.A}'`,
    ],
    ['delete the history', `delete from public.shop_status_events where shop_id = '${SHOP.A}'`],
    ['truncate the history', 'truncate public.shop_status_events'],
  ] as const

  const cases = ACTORS.flatMap(([name]) => WRITES.map(([what, sql]) => ({ name, what, sql })))

  it.each(cases)('$name cannot $what (42501)', ({ name, sql }) =>
    expectPermissionDenied(db.as(ACTOR[name], sql), 'table shop_status_events'),
  )

  // An identity column's sequence is created in `public`, so Supabase's default privileges
  // ("grant all on sequences") reach it unless the migration revokes them. With UPDATE on it,
  // a client can setval() the sequence back so that every later status change collides with
  // an existing event id (23505) and fails.
  // Privileges are per role, so anon and one signed-in user cover every actor.
  const ROLES = [
    ['anon', ACTOR.anon],
    ['authenticated (stranger)', ACTOR.stranger],
  ] as const

  it.each(ROLES)('%s cannot advance the event id sequence (nextval)', (_name, actor) =>
    expectPermissionDenied(
      db.as(actor, `select nextval('public.shop_status_events_id_seq')`),
      'sequence shop_status_events_id_seq',
    ),
  )

  it.each(ROLES)('%s cannot reset the event id sequence (setval)', (_name, actor) =>
    // Sets the sequence to where it already is, so a success here does no harm to other tests.
    expectPermissionDenied(
      db.as(
        actor,
        `select setval('public.shop_status_events_id_seq', last_value, is_called)
         from public.shop_status_events_id_seq`,
      ),
      'sequence shop_status_events_id_seq',
    ),
  )
})

describe('shop_status_events: written by the trigger', () => {
  const history = 'select count(*)::int as n from public.shop_status_events where shop_id = $1'

  it("a member's status change (set_shop_status) appends one event naming the member", async () => {
    await db.session(async (step) => {
      const [before] = await step<{ n: number }>('superuser', history, [SHOP.A])
      await step(
        ACTOR.staffA,
        `select 1 from public.set_shop_status($1, 'open', 'Open', null, null,
           (select updated_at from public.shops where id = $1))`,
        [SHOP.A],
      )
      const [after] = await step<{ n: number }>('superuser', history, [SHOP.A])
      expect(after!.n).toBe(before!.n + 1)
      const [event] = await step(
        'superuser',
        `select changed_by, before->>'status' as was, after->>'status' as now
         from public.shop_status_events where shop_id = $1 order by id desc limit 1`,
        [SHOP.A],
      )
      expect(event).toEqual({ changed_by: USER.staffA, was: 'closed', now: 'open' })
    })
  })

  it('a change that is not about status appends nothing', async () => {
    await db.session(async (step) => {
      const [before] = await step<{ n: number }>('superuser', history, [SHOP.A])
      await declareStaleCheckedWrite(step, SHOP.A)
      await step(ACTOR.ownerA, `update public.shops set description = 'New' where id = $1`, [
        SHOP.A,
      ])
      const [after] = await step<{ n: number }>('superuser', history, [SHOP.A])
      expect(after!.n).toBe(before!.n)
    })
  })

  it('a shop inserted by a curator starts its history, readable by that curator', async () => {
    await db.session(async (step) => {
      const [shop] = await step<{ id: string }>(
        ACTOR.curatorX,
        `insert into public.shops (territory_slug, kind, name, category_slug, location, source, status)
         values ($1, 'commercant', 'New', $2, ${INSIDE.X}, 'submission', 'open') returning id`,
        [TERRITORY.X, CATEGORY.food],
      )
      const rows = await step(
        ACTOR.curatorX,
        `select changed_by, before, after->>'status' as now from public.shop_status_events where shop_id = $1`,
        [shop!.id],
      )
      expect(rows).toEqual([{ changed_by: USER.curatorX, before: null, now: 'open' }])
      expect(
        await step(ACTOR.curatorY, 'select id from public.shop_status_events where shop_id = $1', [
          shop!.id,
        ]),
      ).toEqual([])
    })
  })

  it('a removed member no longer reads the history', async () => {
    await db.session(async (step) => {
      await step('superuser', 'delete from public.shop_members where user_id = $1', [USER.staffA])
      expect(await step(ACTOR.staffA, 'select id from public.shop_status_events')).toEqual([])
    })
  })
})
