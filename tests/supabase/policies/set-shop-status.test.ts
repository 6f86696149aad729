import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectRefused,
  openTestDatabase,
  REFUSED,
  type Actor,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import {
  ACTOR,
  ACTOR_NAMES,
  SHOP,
  SHOP_NAMES,
  USER,
  loadFixtures,
  type ActorName,
  type ShopName,
} from './fixtures'
import {
  declareStaleCheckedWrite,
  expectPermissionDenied,
  rowSnapshotSql,
  TOO_LONG_MESSAGE,
} from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

/** Who may set the status of which fixture shop. */
const SETS: Record<ActorName, ShopName[]> = {
  anon: [],
  stranger: [],
  ownerA: ['A'],
  ownerB: ['B'],
  staffA: ['A'],
  curatorX: ['A', 'B', 'U'],
  curatorY: ['Y1', 'YU'],
}

type Call = {
  shop: string
  status: string
  message?: string | null
  closedUntil?: string | null
  services?: string | null
  /** timestamptz as text: keeps the microseconds that a JS Date would drop */
  expected: string | null
}

type ShopRow = {
  id: string
  status: string
  status_message: string | null
  closed_until: string | null
  services: string
  updated_at: string
}

const RPC = `select id, status, status_message, closed_until::text, services::text, updated_at::text
  from public.set_shop_status($1::uuid, $2::text, $3::text, $4::date, $5::text::public.shop_service[], $6::timestamptz)`

const args = (c: Call) => [
  c.shop,
  c.status,
  c.message ?? null,
  c.closedUntil ?? null,
  c.services ?? null,
  c.expected,
]

const updatedAt = async (step: SessionStep, shop: string) => {
  const [row] = await step<{ ts: string }>(
    'superuser',
    'select updated_at::text as ts from public.shops where id = $1',
    [shop],
  )
  return row!.ts
}
const eventCount = async (step: SessionStep, shop: string) => {
  const [row] = await step<{ n: number }>(
    'superuser',
    'select count(*)::int as n from public.shop_status_events where shop_id = $1',
    [shop],
  )
  return row!.n
}
const snapshot = async (step: SessionStep, shop: string) => {
  const [row] = await step<{ row: string }>(
    'superuser',
    rowSnapshotSql('public.shops', 'id = $1'),
    [shop],
  )
  return row!.row
}

/**
 * Runs a call that must be refused with `code` and proves that neither the shop nor its
 * history changed.
 */
async function expectRefusedAndUnchanged(
  actor: Actor,
  call: (expected: string) => Call,
  code: string,
) {
  await db.session(async (step) => {
    const probe = call('')
    const before = await snapshot(step, probe.shop)
    const events = await eventCount(step, probe.shop)
    const ts = await updatedAt(step, probe.shop)
    await expectRefused(step(actor, RPC, args(call(ts))), code)
    expect(await snapshot(step, probe.shop)).toBe(before)
    expect(await eventCount(step, probe.shop)).toBe(events)
  })
}

describe('set_shop_status: who may call it', () => {
  const cases = ACTOR_NAMES.filter((a) => a !== 'anon').flatMap((actor) =>
    SHOP_NAMES.map((shop) => ({ actor, shop, allowed: SETS[actor].includes(shop) })),
  )

  it.each(cases)(
    '$actor with the current updated_at on shop $shop: allowed=$allowed',
    async ({ actor, shop, allowed }) => {
      if (!allowed) {
        return expectRefusedAndUnchanged(
          ACTOR[actor],
          (expected) => ({ shop: SHOP[shop], status: 'open', expected }),
          REFUSED.privilege,
        )
      }
      await db.session(async (step) => {
        const ts = await updatedAt(step, SHOP[shop])
        const events = await eventCount(step, SHOP[shop])
        const [row] = await step<ShopRow>(
          ACTOR[actor],
          RPC,
          args({ shop: SHOP[shop], status: 'closed', message: ' Inventory ', expected: ts }),
        )
        expect(row).toMatchObject({ id: SHOP[shop], status: 'closed', status_message: 'Inventory' })
        expect(row!.updated_at).not.toBe(ts)
        expect(await eventCount(step, SHOP[shop])).toBe(events + 1)
      })
    },
  )

  it.each(ACTOR_NAMES.filter((a) => a !== 'anon'))(
    '%s with a stale updated_at on a shop it may not change gets 42501, not PT409',
    async (actor) => {
      const shop = SHOP_NAMES.find((s) => !SETS[actor].includes(s))!
      await expectRefusedAndUnchanged(
        ACTOR[actor],
        () => ({ shop: SHOP[shop], status: 'open', expected: '2020-01-01 00:00:00+00' }),
        REFUSED.privilege,
      )
    },
  )

  it('anon cannot execute it (42501)', async () => {
    const [row] = await db.superuser<{ ts: string }>(
      'select updated_at::text as ts from public.shops where id = $1',
      [SHOP.A],
    )
    await expectPermissionDenied(
      db.as(ACTOR.anon, RPC, args({ shop: SHOP.A, status: 'open', expected: row!.ts })),
      'function set_shop_status',
    )
  })

  it('a shop that does not exist: 42501', () =>
    expectRefused(
      db.as(
        ACTOR.curatorX,
        RPC,
        args({
          shop: '00000000-7e57-4000-b000-0000000000ff',
          status: 'open',
          expected: '2020-01-01 00:00:00+00',
        }),
      ),
      REFUSED.privilege,
    ))
})

describe('set_shop_status: what it writes', () => {
  it('a member with the current updated_at succeeds and an event records before and after', async () => {
    await db.session(async (step) => {
      const ts = await updatedAt(step, SHOP.A)
      const [row] = await step<ShopRow>(
        ACTOR.ownerA,
        RPC,
        args({
          shop: SHOP.A,
          status: 'open',
          message: 'Open again',
          services: '{delivery}',
          expected: ts,
        }),
      )
      expect(row).toEqual({
        id: SHOP.A,
        status: 'open',
        status_message: 'Open again',
        closed_until: null,
        services: '{delivery}',
        updated_at: expect.any(String),
      })
      const [event] = await step<{
        changed_by: string
        before: Record<string, unknown>
        after: Record<string, unknown>
        same_time: boolean
      }>(
        'superuser',
        `select e.changed_by, e.before, e.after, e.changed_at = s.updated_at as same_time
         from public.shop_status_events e join public.shops s on s.id = e.shop_id
         where e.shop_id = $1 order by e.id desc limit 1`,
        [SHOP.A],
      )
      expect(event).toEqual({
        changed_by: USER.ownerA,
        before: {
          status: 'closed',
          status_message: 'Closed for works until spring',
          closed_until: null,
          services: ['in_store'],
        },
        after: {
          status: 'open',
          status_message: 'Open again',
          closed_until: null,
          services: ['delivery'],
        },
        same_time: true,
      })
    })
  })

  it('services omitted (null) keeps the current services; closed_until is set with closed', async () => {
    await db.session(async (step) => {
      const ts = await updatedAt(step, SHOP.A)
      const [row] = await step<ShopRow>(
        ACTOR.staffA,
        RPC,
        args({ shop: SHOP.A, status: 'closed', closedUntil: '2027-02-01', expected: ts }),
      )
      expect(row).toMatchObject({ closed_until: '2027-02-01', services: '{in_store}' })
    })
  })

  it('status_updated_at moves with the status', async () => {
    await db.session(async (step) => {
      const ts = await updatedAt(step, SHOP.A)
      await step(ACTOR.ownerA, RPC, args({ shop: SHOP.A, status: 'open', expected: ts }))
      const [row] = await step<{ same: boolean }>(
        'superuser',
        'select status_updated_at = updated_at as same from public.shops where id = $1',
        [SHOP.A],
      )
      expect(row).toEqual({ same: true })
    })
  })
})

describe('set_shop_status: stale writes', () => {
  it('a stale expected_updated_at is refused with PT409 and nothing changes', () =>
    expectRefusedAndUnchanged(
      ACTOR.ownerA,
      () => ({ shop: SHOP.A, status: 'open', expected: '2020-01-01 00:00:00+00' }),
      REFUSED.stale,
    ))

  it('PT409 carries the current updated_at in its detail', async () => {
    await db.session(async (step) => {
      const ts = await updatedAt(step, SHOP.A)
      const error = await step(
        ACTOR.ownerA,
        RPC,
        args({ shop: SHOP.A, status: 'open', expected: '2020-01-01 00:00:00+00' }),
      ).then(
        () => null,
        (e: { code?: string; detail?: string }) => e,
      )
      expect(error?.code).toBe(REFUSED.stale)
      expect(error?.detail).toBe(ts)
    })
  })

  it('two phones: the second call with the same (now stale) timestamp gets PT409', async () => {
    await db.session(async (step) => {
      const loaded = await updatedAt(step, SHOP.A)
      const events = await eventCount(step, SHOP.A)
      const [first] = await step<ShopRow>(
        ACTOR.ownerA,
        RPC,
        args({ shop: SHOP.A, status: 'open', message: 'Phone 1', expected: loaded }),
      )
      expect(first?.status_message).toBe('Phone 1')
      await expectRefused(
        step(
          ACTOR.staffA,
          RPC,
          args({ shop: SHOP.A, status: 'closed', message: 'Phone 2', expected: loaded }),
        ),
        REFUSED.stale,
      )
      await expectRefused(
        step(
          ACTOR.ownerA,
          RPC,
          args({ shop: SHOP.A, status: 'closed', message: 'Phone 1 again', expected: loaded }),
        ),
        REFUSED.stale,
      )
      const [now] = await step<{ status: string; status_message: string }>(
        'superuser',
        'select status, status_message from public.shops where id = $1',
        [SHOP.A],
      )
      expect(now).toEqual({ status: 'open', status_message: 'Phone 1' })
      expect(await eventCount(step, SHOP.A)).toBe(events + 1)
      // With the timestamp the first call returned, the second phone succeeds.
      const [second] = await step<ShopRow>(
        ACTOR.staffA,
        RPC,
        args({ shop: SHOP.A, status: 'closed', message: 'Phone 2', expected: first!.updated_at }),
      )
      expect(second?.status_message).toBe('Phone 2')
    })
  })

  it("another function's write in between makes the loaded timestamp stale too", async () => {
    await db.session(async (step) => {
      const loaded = await updatedAt(step, SHOP.A)
      await declareStaleCheckedWrite(step, SHOP.A)
      await step(ACTOR.ownerA, `update public.shops set description = 'edited' where id = $1`, [
        SHOP.A,
      ])
      await expectRefused(
        step(ACTOR.ownerA, RPC, args({ shop: SHOP.A, status: 'open', expected: loaded })),
        REFUSED.stale,
      )
    })
  })

  it('a missing expected_updated_at is refused (22004) and nothing changes', () =>
    expectRefusedAndUnchanged(
      ACTOR.ownerA,
      () => ({ shop: SHOP.A, status: 'open', expected: null }),
      '22004',
    ))

  it('an omitted expected_updated_at (the default) is refused too', () =>
    expectRefused(
      db.as(ACTOR.ownerA, `select public.set_shop_status($1::uuid, 'open')`, [SHOP.A]),
      '22004',
    ))
})

describe('set_shop_status: constraints still apply', () => {
  it.each([
    ['a status outside the list', { status: 'maybe' }, REFUSED.check],
    ['a message over 280 characters', { status: 'open', message: TOO_LONG_MESSAGE }, REFUSED.check],
    ['closed_until while open', { status: 'open', closedUntil: '2027-01-31' }, REFUSED.check],
    ['a service outside the enum', { status: 'open', services: '{teleportation}' }, REFUSED.enum],
  ] as const)('%s is refused', async (_label, call, code) => {
    await expectRefusedAndUnchanged(
      ACTOR.ownerA,
      (expected) => ({ shop: SHOP.A, ...call, expected }),
      code,
    )
  })
})
