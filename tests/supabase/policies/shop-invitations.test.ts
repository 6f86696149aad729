import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectRefused,
  openTestDatabase,
  REFUSED,
  type Actor,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import { SHOP, USER, type ShopName } from './fixtures'
import {
  CACTOR,
  CURATION_USER,
  EMAIL,
  errorOf,
  loadCurationFixtures,
  userIdOf,
  type CActorName,
} from './curation-fixtures'
import { expectNoRowChanged, expectPermissionDenied, expectRlsViolation } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

const ACTOR_NAMES = Object.keys(CACTOR) as CActorName[]

/** Shops each actor may invite to, read and withdraw invitations of. */
const MANAGES: Record<CActorName, ShopName[]> = {
  anon: [],
  stranger: [],
  ownerA: [],
  ownerB: [],
  staffA: [],
  merchant: [],
  merchant2: [],
  unconfirmed: [],
  curatorX: ['A', 'B', 'U'],
  curatorY: ['Y1', 'YU'],
}

const INVITE = `insert into public.shop_invitations (shop_id, email, role) values ($1, $2, $3)`
const ACCEPT = 'select public.accept_shop_invitations() as shop_id'

/** Invites `email` to `shop` as the shop's curator, inside the session. */
async function invite(step: SessionStep, shop: ShopName, email: string, role = 'owner') {
  const curator = ['Y1', 'YU'].includes(shop) ? CACTOR.curatorY : CACTOR.curatorX
  await step(curator, INVITE, [SHOP[shop], email, role])
}

const membersOf = (step: SessionStep, shop: string) =>
  step<{ user_id: string; role: string }>(
    'superuser',
    'select user_id, role from public.shop_members where shop_id = $1 order by user_id',
    [shop],
  )

const pendingInvitations = async (step: SessionStep) =>
  (
    await step<{ n: number }>(
      'superuser',
      'select count(*)::int as n from public.shop_invitations where accepted_at is null',
    )
  )[0]!.n

describe('shop_invitations: insert', () => {
  const cases = ACTOR_NAMES.flatMap((actor) =>
    (['A', 'U', 'Y1'] as const).map((shop) => ({
      actor,
      shop,
      outcome:
        actor === 'anon'
          ? 'no grant'
          : MANAGES[actor].includes(shop)
            ? 'allowed'
            : 'policy refuses',
    })),
  )

  it.each(cases)('$actor invites to shop $shop: $outcome', async ({ actor, shop, outcome }) => {
    const params = [SHOP[shop], EMAIL.merchant, 'owner']
    if (outcome === 'no grant')
      return expectPermissionDenied(db.as(CACTOR[actor], INVITE, params), 'table shop_invitations')
    if (outcome === 'policy refuses')
      return expectRlsViolation(db.as(CACTOR[actor], INVITE, params))
    await db.session(async (step) => {
      await step(CACTOR[actor], INVITE, params)
      const rows = await step(
        'superuser',
        `select email, role, invited_by, accepted_at, accepted_by
           from public.shop_invitations where shop_id = $1`,
        [SHOP[shop]],
      )
      expect(rows).toEqual([
        {
          email: EMAIL.merchant,
          role: 'owner',
          invited_by: userIdOf(CACTOR[actor]),
          accepted_at: null,
          accepted_by: null,
        },
      ])
    })
  })

  it('the address is stored trimmed and in lower case', async () => {
    await db.session(async (step) => {
      await step(CACTOR.curatorX, INVITE, [SHOP.U, '  Marchande@TEST.Invalid ', 'staff'])
      expect(await step('superuser', 'select email, role from public.shop_invitations')).toEqual([
        { email: EMAIL.merchant, role: 'staff' },
      ])
    })
  })

  it.each(['pas-un-email', '', 'a@b', 'marchande@test.invalid\u0007'])(
    'a malformed address %j is refused (23514, French message)',
    async (email) => {
      const error = await errorOf(db.as(CACTOR.curatorX, INVITE, [SHOP.U, email, 'owner']))
      expect(error).toMatchObject({ code: REFUSED.check, message: 'Adresse e-mail invalide.' })
    },
  )

  it('a role outside owner/staff is refused (23514)', () =>
    expectRefused(db.as(CACTOR.curatorX, INVITE, [SHOP.U, EMAIL.merchant, 'admin']), REFUSED.check))

  it('a second pending invitation of the same address to the same shop is refused (23505)', async () => {
    await db.session(async (step) => {
      await step(CACTOR.curatorX, INVITE, [SHOP.U, EMAIL.merchant, 'owner'])
      const error = await errorOf(
        step(CACTOR.curatorX, INVITE, [SHOP.U, 'MARCHANDE@test.invalid', 'staff']),
      )
      expect(error).toMatchObject({
        code: REFUSED.unique,
        message: 'Une invitation est déjà en attente pour cette adresse.',
      })
      // The same address for another shop is fine.
      await step(CACTOR.curatorX, INVITE, [SHOP.B, EMAIL.merchant, 'owner'])
    })
  })

  it('once accepted, the same address may be invited to the same shop again', async () => {
    await db.session(async (step) => {
      await invite(step, 'U', EMAIL.merchant)
      await step(CACTOR.merchant, ACCEPT)
      await step(CACTOR.curatorX, INVITE, [SHOP.U, EMAIL.merchant, 'staff'])
    })
  })

  it('inviting in the name of another curator is refused by the policy', () =>
    expectRlsViolation(
      db.as(
        CACTOR.curatorX,
        `insert into public.shop_invitations (shop_id, email, invited_by) values ($1, $2, $3)`,
        [SHOP.U, EMAIL.merchant, USER.curatorY],
      ),
    ))

  it.each([
    ['accepted_at', '2026-01-01T00:00:00Z'],
    ['accepted_by', CURATION_USER.merchant],
    ['created_at', '2020-01-01T00:00:00Z'],
    ['id', '00000000-7e57-4000-d000-0000000000ff'],
  ])('%s cannot be chosen at insert (no column grant)', (column, value) =>
    expectPermissionDenied(
      db.as(
        CACTOR.curatorX,
        `insert into public.shop_invitations (shop_id, email, ${column}) values ($1, $2, $3)`,
        [SHOP.U, EMAIL.merchant, value],
      ),
      'table shop_invitations',
    ),
  )
})

describe('shop_invitations: select, update, delete', () => {
  /** An invitation to A and one to Y1, made for the test. */
  async function withInvitations<R>(fn: (step: SessionStep) => Promise<R>): Promise<R> {
    return db.session(async (step) => {
      await invite(step, 'A', EMAIL.merchant)
      await invite(step, 'Y1', EMAIL.merchant2)
      return fn(step)
    })
  }

  it('anon cannot read invitations (42501)', () =>
    expectPermissionDenied(
      db.as(CACTOR.anon, 'select id from public.shop_invitations'),
      'table shop_invitations',
    ))

  it.each(ACTOR_NAMES.filter((a) => a !== 'anon'))(
    '%s reads only the invitations of the shops it curates',
    async (actor) => {
      await withInvitations(async (step) => {
        const rows = await step<{ shop_id: string }>(
          CACTOR[actor],
          'select shop_id from public.shop_invitations order by shop_id',
        )
        const expected = (['A', 'Y1'] as const)
          .filter((s) => MANAGES[actor].includes(s))
          .map((s) => SHOP[s])
        expect(rows.map((r) => r.shop_id)).toEqual(expected)
      })
    },
  )

  it.each(ACTOR_NAMES)('%s cannot update an invitation (no grant)', async (actor) => {
    await withInvitations((step) =>
      expectPermissionDenied(
        step(
          CACTOR[actor],
          `update public.shop_invitations set accepted_at = now(), accepted_by = $1`,
          [CURATION_USER.merchant],
        ),
        'table shop_invitations',
      ),
    )
  })

  // Through revoke_shop_invitation only: a table-level DELETE grant would also let a client
  // LOCK the table (supabase/migrations/20261207092000_keys_locks_and_limits.sql).
  it.each(ACTOR_NAMES)(
    '%s withdraws only the invitations of the shops it curates',
    async (actor) => {
      const sql = 'select r.id from public.revoke_shop_invitation($1) as r(id)'
      await withInvitations(async (step) => {
        for (const shop of ['A', 'Y1'] as const) {
          const [invitation] = await step<{ id: string }>(
            'superuser',
            'select id from public.shop_invitations where shop_id = $1',
            [SHOP[shop]],
          )
          if (actor === 'anon') {
            await expectPermissionDenied(
              step(CACTOR[actor], sql, [invitation!.id]),
              'function revoke_shop_invitation',
            )
            continue
          }
          const rows = await step(CACTOR[actor], sql, [invitation!.id])
          expect(rows).toEqual(MANAGES[actor].includes(shop) ? [{ id: invitation!.id }] : [])
        }
      })
    },
  )

  it.each(ACTOR_NAMES)('%s cannot delete an invitation directly (no grant)', async (actor) => {
    await withInvitations((step) =>
      expectPermissionDenied(
        step(CACTOR[actor], 'delete from public.shop_invitations'),
        'table shop_invitations',
      ),
    )
  })
})

describe('accept_shop_invitations', () => {
  it('binds a confirmed address to every shop it was invited to, with the invited role', async () => {
    await db.session(async (step) => {
      await invite(step, 'U', EMAIL.merchant, 'owner')
      await invite(step, 'Y1', EMAIL.merchant, 'staff')
      const rows = await step<{ shop_id: string }>(CACTOR.merchant, ACCEPT)
      expect(rows.map((r) => r.shop_id).sort()).toEqual([SHOP.U, SHOP.Y1].sort())
      expect(await membersOf(step, SHOP.U)).toEqual([
        { user_id: CURATION_USER.merchant, role: 'owner' },
      ])
      expect(await membersOf(step, SHOP.Y1)).toEqual([
        { user_id: CURATION_USER.merchant, role: 'staff' },
      ])
      const invitations = await step(
        'superuser',
        `select accepted_by, accepted_at is not null as accepted from public.shop_invitations`,
      )
      expect(invitations).toEqual([
        { accepted_by: CURATION_USER.merchant, accepted: true },
        { accepted_by: CURATION_USER.merchant, accepted: true },
      ])
      // The merchant now manages the shop; a second call binds nothing more.
      expect(
        (await step<{ shop_id: string }>(CACTOR.merchant, 'select shop_id from public.my_shops()'))
          .map((r) => r.shop_id)
          .sort(),
      ).toEqual([SHOP.U, SHOP.Y1].sort())
      expect(await step(CACTOR.merchant, ACCEPT)).toEqual([])
    })
  })

  it('an unconfirmed address binds nothing, even when it matches', async () => {
    await db.session(async (step) => {
      await invite(step, 'U', EMAIL.unconfirmed)
      expect(await step(CACTOR.unconfirmed, ACCEPT)).toEqual([])
      expect(await membersOf(step, SHOP.U)).toEqual([])
      expect(await pendingInvitations(step)).toBe(1)
    })
  })

  it('the fixture users, whose addresses are unconfirmed, bind nothing', async () => {
    await db.session(async (step) => {
      await invite(step, 'U', 'stranger@test.invalid')
      expect(await step(CACTOR.stranger, ACCEPT)).toEqual([])
      expect(await membersOf(step, SHOP.U)).toEqual([])
    })
  })

  it('another confirmed address binds nothing', async () => {
    await db.session(async (step) => {
      await invite(step, 'U', EMAIL.merchant)
      expect(await step(CACTOR.merchant2, ACCEPT)).toEqual([])
      expect(await membersOf(step, SHOP.U)).toEqual([])
      expect(await pendingInvitations(step)).toBe(1)
    })
  })

  it('a forged e-mail claim in the JWT binds nothing: the address comes from auth.users', async () => {
    const forged: Actor = {
      role: 'authenticated',
      userId: CURATION_USER.merchant2,
      email: EMAIL.merchant,
    }
    await db.session(async (step) => {
      await invite(step, 'U', EMAIL.merchant)
      const [claim] = await step<{ email: string }>(forged, 'select auth.email() as email')
      expect(claim).toEqual({ email: EMAIL.merchant })
      expect(await step(forged, ACCEPT)).toEqual([])
      expect(await membersOf(step, SHOP.U)).toEqual([])
      expect(await pendingInvitations(step)).toBe(1)
    })
  })

  it('a user id that is not in auth.users binds nothing', async () => {
    const ghost: Actor = {
      role: 'authenticated',
      userId: '00000000-7e57-4000-a000-0000000000ff',
      email: EMAIL.merchant,
    }
    await db.session(async (step) => {
      await invite(step, 'U', EMAIL.merchant)
      expect(await step(ghost, ACCEPT)).toEqual([])
      expect(await pendingInvitations(step)).toBe(1)
    })
  })

  it('an address that only resembles the invited one binds nothing', async () => {
    await db.session(async (step) => {
      await invite(step, 'U', `x${EMAIL.merchant}`)
      await invite(step, 'B', `${EMAIL.merchant}.fr`)
      expect(await step(CACTOR.merchant, ACCEPT)).toEqual([])
      expect(await pendingInvitations(step)).toBe(2)
    })
  })

  it('an address stored with capitals in auth.users still matches the lower-case invitation', async () => {
    await db.session(async (step) => {
      await step('superuser', 'update auth.users set email = $2 where id = $1', [
        CURATION_USER.merchant,
        'Marchande@Test.Invalid',
      ])
      await invite(step, 'U', EMAIL.merchant)
      expect(await step(CACTOR.merchant, ACCEPT)).toEqual([{ shop_id: SHOP.U }])
    })
  })

  it('an existing member keeps its role; the invitation is still marked accepted', async () => {
    await db.session(async (step) => {
      await step('superuser', `update auth.users set email_confirmed_at = now() where id = $1`, [
        USER.staffA,
      ])
      await invite(step, 'A', 'staffa@test.invalid', 'owner')
      expect(await step(CACTOR.staffA, ACCEPT)).toEqual([{ shop_id: SHOP.A }])
      expect(
        await step(
          'superuser',
          'select role from public.shop_members where shop_id = $1 and user_id = $2',
          [SHOP.A, USER.staffA],
        ),
      ).toEqual([{ role: 'staff' }])
      expect(await pendingInvitations(step)).toBe(0)
    })
  })

  it('an invitation withdrawn before the merchant signs in binds nothing', async () => {
    await db.session(async (step) => {
      await invite(step, 'U', EMAIL.merchant)
      await step(
        CACTOR.curatorX,
        `select public.revoke_shop_invitation(i.id)
           from (select id from public.shop_invitations where shop_id = $1) i`,
        [SHOP.U],
      )
      expect(await step(CACTOR.merchant, ACCEPT)).toEqual([])
    })
  })

  it('anon cannot execute it (42501)', () =>
    expectPermissionDenied(db.as(CACTOR.anon, ACCEPT), 'function accept_shop_invitations'))
})

describe('shop_member_list', () => {
  const LIST = 'select user_id, email, role from public.shop_member_list($1)'

  it('curatorX lists the members of A with their addresses', async () => {
    const rows = await db.as(CACTOR.curatorX, LIST, [SHOP.A])
    expect(rows).toEqual([
      { user_id: USER.ownerA, email: 'ownera@test.invalid', role: 'owner' },
      { user_id: USER.staffA, email: 'staffa@test.invalid', role: 'staff' },
    ])
  })

  it('curatorX lists an empty shop of its territory', async () => {
    expect(await db.as(CACTOR.curatorX, LIST, [SHOP.U])).toEqual([])
  })

  it.each(['stranger', 'ownerA', 'staffA', 'ownerB', 'merchant', 'curatorY'] as const)(
    '%s cannot list the members of A (42501)',
    (actor) => expectRefused(db.as(CACTOR[actor], LIST, [SHOP.A]), REFUSED.privilege),
  )

  it('curatorX cannot list the members of a shop of test-y (42501)', () =>
    expectRefused(db.as(CACTOR.curatorX, LIST, [SHOP.Y1]), REFUSED.privilege))

  it('a shop that does not exist: 42501', () =>
    expectRefused(
      db.as(CACTOR.curatorX, LIST, ['00000000-7e57-4000-b000-0000000000ff']),
      REFUSED.privilege,
    ))

  it('anon cannot execute it (42501)', () =>
    expectPermissionDenied(db.as(CACTOR.anon, LIST, [SHOP.A]), 'function shop_member_list'))
})

describe('removing a member (remove_shop_member)', () => {
  const REMOVE = `select m.user_id from public.remove_shop_member($1, $2) as m(user_id)`
  const target = {
    table: 'public.shop_members',
    where: 'shop_id = $1 and user_id = $2',
    params: [SHOP.A, USER.staffA],
  }

  it('curatorX removes staffA from A', async () => {
    await db.session(async (step) => {
      expect(await step(CACTOR.curatorX, REMOVE, [SHOP.A, USER.staffA])).toEqual([
        { user_id: USER.staffA },
      ])
      expect(await membersOf(step, SHOP.A)).toEqual([{ user_id: USER.ownerA, role: 'owner' }])
    })
  })

  it.each(['curatorY', 'ownerA', 'ownerB', 'stranger', 'merchant'] as const)(
    '%s cannot remove staffA from A (no row changed)',
    (actor) => expectNoRowChanged(db, CACTOR[actor], REMOVE, [SHOP.A, USER.staffA], target),
  )

  it('a member bound by an invitation is removed the same way by its curator', async () => {
    await db.session(async (step) => {
      await invite(step, 'Y1', EMAIL.merchant)
      await step(CACTOR.merchant, ACCEPT)
      expect(await step(CACTOR.curatorX, REMOVE, [SHOP.Y1, CURATION_USER.merchant])).toEqual([])
      expect(await step(CACTOR.curatorY, REMOVE, [SHOP.Y1, CURATION_USER.merchant])).toEqual([
        { user_id: CURATION_USER.merchant },
      ])
    })
  })
})
