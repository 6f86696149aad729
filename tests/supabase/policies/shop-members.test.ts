import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
import {
  ACTOR,
  ACTOR_NAMES,
  SHOP,
  USER,
  loadFixtures,
  shopNameOf,
  type ActorName,
  type ShopName,
  type UserName,
} from './fixtures'
import { expectNoRowChanged, expectPermissionDenied, expectRlsViolation } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

type Outcome = 'allowed' | 'no grant' | 'filtered' | 'policy refuses'

const userName = (id: string) => Object.entries(USER).find(([, v]) => v === id)?.[0] ?? id

/** Every membership row each actor reads (the whole table, not only the fixtures). */
const READS: Record<Exclude<ActorName, 'anon'>, string[]> = {
  stranger: [],
  ownerA: ['A:ownerA:owner'],
  ownerB: ['B:ownerB:owner'],
  staffA: ['A:staffA:staff'],
  curatorX: ['A:ownerA:owner', 'A:staffA:staff', 'B:ownerB:owner'],
  curatorY: [],
}

/** Shops whose members each actor manages (insert, update, delete). */
const MANAGES: Record<ActorName, ShopName[]> = {
  anon: [],
  stranger: [],
  ownerA: [],
  ownerB: [],
  staffA: [],
  curatorX: ['A', 'B', 'U'],
  curatorY: ['Y1', 'YU'],
}

describe('shop_members: select', () => {
  it('anon cannot read memberships (42501)', () =>
    expectPermissionDenied(db.as(ACTOR.anon, 'select * from public.shop_members')))

  it.each(Object.entries(READS))('%s reads exactly its rows', async (actor, expected) => {
    const rows = await db.as<{ shop_id: string; user_id: string; role: string }>(
      ACTOR[actor as ActorName],
      'select shop_id, user_id, role from public.shop_members',
    )
    const seen = rows.map((r) => `${shopNameOf(r.shop_id)}:${userName(r.user_id)}:${r.role}`).sort()
    expect(seen).toEqual(expected)
  })

  it('curatorY reads the members of its territory and curatorX does not', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        `insert into public.shop_members (shop_id, user_id, role) values ($1, $2, 'owner')`,
        [SHOP.Y1, USER.stranger],
      )
      const query = 'select user_id from public.shop_members where shop_id = $1'
      expect(await step(ACTOR.curatorY, query, [SHOP.Y1])).toEqual([{ user_id: USER.stranger }])
      expect(await step(ACTOR.curatorX, query, [SHOP.Y1])).toEqual([])
      expect(await step(ACTOR.ownerA, query, [SHOP.Y1])).toEqual([])
    })
  })
})

describe('shop_members: insert', () => {
  const cases = ACTOR_NAMES.flatMap((actor) =>
    (['A', 'U', 'Y1'] as const).map((shop) => {
      const outcome: Outcome =
        actor === 'anon' ? 'no grant' : MANAGES[actor].includes(shop) ? 'allowed' : 'policy refuses'
      return { actor, shop, outcome }
    }),
  )
  // No `returning`: it would also apply the SELECT policy to the new row, and a refusal could
  // then come from there instead of the INSERT policy under test.
  const sql = `insert into public.shop_members (shop_id, user_id, role) values ($1, $2, 'staff')`

  it.each(cases)(
    '$actor adds a member to shop $shop: $outcome',
    async ({ actor, shop, outcome }) => {
      // ownerB as the new member: a member of another shop, never of A, U or Y1.
      const params = [SHOP[shop], USER.ownerB]
      if (outcome === 'no grant')
        return expectPermissionDenied(db.as(ACTOR[actor], sql, params), 'table shop_members')
      if (outcome === 'policy refuses') return expectRlsViolation(db.as(ACTOR[actor], sql, params))
      await db.session(async (step) => {
        await step(ACTOR[actor], sql, params)
        const rows = await step(
          'superuser',
          'select role from public.shop_members where shop_id = $1 and user_id = $2',
          params,
        )
        expect(rows).toEqual([{ role: 'staff' }])
      })
    },
  )

  it.each(['ownerA', 'staffA'] as const)(
    'member %s cannot add itself or anyone to its own shop',
    (actor) =>
      expectRlsViolation(
        db.as(
          ACTOR[actor],
          `insert into public.shop_members (shop_id, user_id, role) values ($1, $2, 'owner')`,
          [SHOP.A, USER.stranger],
        ),
      ),
  )

  it('a stranger cannot make itself owner of a shop', () =>
    expectRlsViolation(
      db.as(
        ACTOR.stranger,
        `insert into public.shop_members (shop_id, user_id, role) values ($1, $2, 'owner')`,
        [SHOP.A, USER.stranger],
      ),
    ))

  it('a curator cannot choose created_at (no grant)', () =>
    expectPermissionDenied(
      db.as(
        ACTOR.curatorX,
        `insert into public.shop_members (shop_id, user_id, role, created_at) values ($1, $2, 'staff', now())`,
        [SHOP.A, USER.stranger],
      ),
    ))

  it('a role outside owner/staff is refused (23514)', () =>
    expectRefused(
      db.as(
        ACTOR.curatorX,
        `insert into public.shop_members (shop_id, user_id, role) values ($1, $2, 'admin')`,
        [SHOP.A, USER.stranger],
      ),
      REFUSED.check,
    ))
})

/** Update and delete target staffA's membership of A, or a Y1 membership made for the test. */
async function withY1Member<R>(fn: () => Promise<R>): Promise<R> {
  await db.superuser(
    `insert into public.shop_members (shop_id, user_id, role) values ($1, $2, 'staff')`,
    [SHOP.Y1, USER.stranger],
  )
  try {
    return await fn()
  } finally {
    await db.superuser('delete from public.shop_members where shop_id = $1 and user_id = $2', [
      SHOP.Y1,
      USER.stranger,
    ])
  }
}

const MEMBERSHIPS: { shop: ShopName; user: UserName }[] = [
  { shop: 'A', user: 'staffA' },
  { shop: 'Y1', user: 'stranger' },
]

function rowCases() {
  return ACTOR_NAMES.flatMap((actor) =>
    MEMBERSHIPS.map(({ shop, user }) => {
      const outcome: Outcome =
        actor === 'anon' ? 'no grant' : MANAGES[actor].includes(shop) ? 'allowed' : 'filtered'
      return { actor, shop, user, outcome }
    }),
  )
}

const membership = (shop: ShopName, user: UserName) => ({
  table: 'public.shop_members',
  where: 'shop_id = $1 and user_id = $2',
  params: [SHOP[shop], USER[user]],
})

describe('shop_members: update (role)', () => {
  const sql = `update public.shop_members set role = 'owner'
               where shop_id = $1 and user_id = $2 returning role`

  it.each(rowCases())(
    "$actor changes the role of $shop's member $user: $outcome",
    ({ actor, shop, user, outcome }) =>
      withY1Member(async () => {
        const params = [SHOP[shop], USER[user]]
        if (outcome === 'no grant')
          return expectPermissionDenied(db.as(ACTOR[actor], sql, params), 'table shop_members')
        if (outcome === 'filtered') {
          return expectNoRowChanged(db, ACTOR[actor], sql, params, membership(shop, user))
        }
        expect(await db.as(ACTOR[actor], sql, params)).toEqual([{ role: 'owner' }])
      }),
  )

  it.each([
    ['user_id', `'${USER.stranger}'`],
    ['shop_id', `'${SHOP.B}'`],
    ['created_at', 'now()'],
  ])('even a curator cannot change %s (no grant)', (column, value) =>
    expectPermissionDenied(
      db.as(
        ACTOR.curatorX,
        `update public.shop_members set ${column} = ${value} where shop_id = $1 and user_id = $2`,
        [SHOP.A, USER.staffA],
      ),
    ),
  )
})

describe('shop_members: delete', () => {
  // Through remove_shop_member only: a table-level DELETE grant would also let a client LOCK
  // the table (supabase/migrations/20261207092000_keys_locks_and_limits.sql).
  const sql = `select m.user_id from public.remove_shop_member($1, $2) as m(user_id)`

  it.each(rowCases())(
    "$actor removes $shop's member $user: $outcome",
    ({ actor, shop, user, outcome }) =>
      withY1Member(async () => {
        const params = [SHOP[shop], USER[user]]
        if (outcome === 'no grant')
          return expectPermissionDenied(
            db.as(ACTOR[actor], sql, params),
            'function remove_shop_member',
          )
        if (outcome === 'filtered') {
          return expectNoRowChanged(db, ACTOR[actor], sql, params, membership(shop, user))
        }
        expect(await db.as(ACTOR[actor], sql, params)).toEqual([{ user_id: USER[user] }])
      }),
  )

  it('an owner cannot remove itself either', () =>
    expectNoRowChanged(db, ACTOR.ownerA, sql, [SHOP.A, USER.ownerA], membership('A', 'ownerA')))

  it.each(ACTOR_NAMES)('%s cannot delete from shop_members directly (no grant)', (actor) =>
    expectPermissionDenied(
      db.as(ACTOR[actor], 'delete from public.shop_members where shop_id = $1', [SHOP.A]),
      'table shop_members',
    ),
  )

  it.each(ACTOR_NAMES)('%s cannot truncate shop_members', (actor) =>
    expectPermissionDenied(
      db.as(ACTOR[actor], 'truncate public.shop_members'),
      'table shop_members',
    ),
  )
})
