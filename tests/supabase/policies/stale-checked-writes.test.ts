/**
 * A client changes a shop only through the functions that check its concurrency token
 * (supabase/migrations/20261207091000_stale_checked_writes.sql): a direct UPDATE, the PATCH a
 * PostgREST client could send, is refused (42501) for members and curators alike, whatever the
 * column, while set_shop_status, update_shop_details, confirm_shop_status and import_shops
 * still write. The races between callers holding the same token are in
 * tests/supabase/races.test.ts (PostgreSQL only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UPDATE_SUBMISSION_SQL } from '../../../src/backend/embedded/embedded-queries'
import {
  expectRefused,
  openTestDatabase,
  REFUSED,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import { ACTOR, CATEGORY, COMMUNE, SHOP, SUBCATEGORY } from './fixtures'
import { CACTOR, CURATION_USER, SUBMISSION, loadCurationFixtures } from './curation-fixtures'
import { declareStaleCheckedWrite, rowSnapshotSql } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

/** Each column a member or a curator could write under the UPDATE grants, with a valid value for shop A. */
const MEMBER_COLUMNS: [string, string][] = [
  ['status', `'open'`],
  ['status_message', `'Back on Monday'`],
  ['closed_until', `null`],
  ['services', `'{delivery}'`],
  ['opening_hours', `'Tu-Sa 09:00-18:00'`],
  ['opening_hours_note', `'Closed at lunch'`],
  ['ordering_instructions', `'Call, then collect'`],
  ['description', `'New description'`],
  ['phone', `'+33 4 00 00 00 02'`],
  ['email', `'new@example.fr'`],
  ['website', `'https://new.example.fr/'`],
  ['social_links', `'{https://social.example/new}'`],
]
const CURATED_COLUMNS: [string, string][] = [
  ['location', 'point(1.25, 45.75)'],
  ['category_slug', `'${CATEGORY.craft}'`],
  ['subcategory_slug', `'${SUBCATEGORY.bakery}'`],
  ['kind', `'artisan'`],
  ['name', `'Renamed shop'`],
  ['address', `'2 rue Neuve'`],
  ['postcode', `'00101'`],
  ['commune_insee', `'${COMMUNE.Y}'`],
  ['commune_name', `'Autreville'`],
  ['published', 'false'],
  ['source_attribution', `'© Someone else'`],
]

const REFUSAL = /changed only through set_shop_status, update_shop_details/

const tokenOf = async (step: SessionStep, shop: string) => {
  const [row] = await step<{ t: string }>(
    'superuser',
    'select updated_at::text as t from public.shops where id = $1',
    [shop],
  )
  return row!.t
}

/** Runs `sql` as the actor and asserts the stale-write refusal and that shop A is unchanged. */
async function expectDirectUpdateRefused(actor: keyof typeof ACTOR, sql: string) {
  await db.session(async (step) => {
    const snapshot = rowSnapshotSql('public.shops', 'id = $1')
    const [before] = await step<{ row: string }>('superuser', snapshot, [SHOP.A])
    const refusal = step(ACTOR[actor], sql, [SHOP.A])
    await expectRefused(refusal, REFUSED.privilege)
    await expect(refusal).rejects.toThrow(REFUSAL)
    const [after] = await step<{ row: string }>('superuser', snapshot, [SHOP.A])
    expect(after?.row).toBe(before?.row)
  })
}

describe('a direct UPDATE of a shop by a client is refused (42501)', () => {
  describe.each(['ownerA', 'staffA'] as const)('member %s', (actor) => {
    it.each(MEMBER_COLUMNS)('%s', (column, value) =>
      expectDirectUpdateRefused(
        actor,
        `update public.shops set ${column} = ${value} where id = $1 returning id`,
      ),
    )
  })

  describe('curator curatorX of the territory', () => {
    it.each([...MEMBER_COLUMNS, ...CURATED_COLUMNS])('%s', (column, value) =>
      expectDirectUpdateRefused(
        'curatorX',
        `update public.shops set ${column} = ${value} where id = $1 returning id`,
      ),
    )
  })

  it.each(['ownerA', 'curatorX'] as const)(
    '%s: even with the current token in its own WHERE (only the functions declare it)',
    async (actor) => {
      await db.session(async (step) => {
        const token = await tokenOf(step, SHOP.A)
        await expectRefused(
          step(
            ACTOR[actor],
            `update public.shops set status_message = 'Via PATCH'
              where id = $1 and updated_at = $2::timestamptz returning id`,
            [SHOP.A, token],
          ),
          REFUSED.privilege,
        )
      })
    },
  )

  it('the owner (migrations, seed, maintenance) is not a client and is not checked', async () => {
    await db.session(async (step) => {
      const rows = await step(
        'superuser',
        `update public.shops set status_message = 'Maintenance' where id = $1 returning id`,
        [SHOP.A],
      )
      expect(rows).toEqual([{ id: SHOP.A }])
    })
  })
})

describe('the stale-checked functions still write', () => {
  const SET_STATUS = `select status, status_message, updated_at::text as t
    from public.set_shop_status($1, 'open', 'Ouvert', null, null, $2::timestamptz)`
  const DETAILS = `select description, updated_at::text as t
    from public.update_shop_details($1, 'Mo-Fr 09:00-18:00', 'Par téléphone', 'Nouvelle description',
      '+33 4 00 00 00 03', 'details@example.fr', 'https://details.example.fr/',
      '{https://social.example/details}', $2::timestamptz)`
  const CONFIRM = `select status_updated_at::text as confirmed, updated_at::text as t
    from public.confirm_shop_status($1, $2::timestamptz)`

  it.each(['ownerA', 'staffA', 'curatorX'] as const)(
    '%s: set_shop_status, update_shop_details and confirm_shop_status, each with the token the last returned',
    async (actor) => {
      await db.session(async (step) => {
        const loaded = await tokenOf(step, SHOP.A)
        const [status] = await step<{ status: string; status_message: string; t: string }>(
          ACTOR[actor],
          SET_STATUS,
          [SHOP.A, loaded],
        )
        expect(status).toMatchObject({ status: 'open', status_message: 'Ouvert' })
        const [details] = await step<{ description: string; t: string }>(ACTOR[actor], DETAILS, [
          SHOP.A,
          status!.t,
        ])
        expect(details?.description).toBe('Nouvelle description')
        const [confirmed] = await step<{ confirmed: string; t: string }>(ACTOR[actor], CONFIRM, [
          SHOP.A,
          details!.t,
        ])
        expect(confirmed?.t).not.toBe(details!.t)
        // The first token is stale now, for each of them.
        for (const sql of [SET_STATUS, DETAILS, CONFIRM])
          await expectRefused(step(ACTOR[actor], sql, [SHOP.A, loaded]), REFUSED.stale)
      })
    },
  )

  it('leave no declaration behind: a direct update after a call is refused', async () => {
    await db.session(async (step) => {
      const token = await tokenOf(step, SHOP.A)
      await step(ACTOR.ownerA, SET_STATUS, [SHOP.A, token])
      await expectRefused(step(ACTOR.ownerA, SET_STATUS, [SHOP.A, token]), REFUSED.stale)
      const [setting] = await step<{ value: string | null }>(
        ACTOR.ownerA,
        `select current_setting('vitrine.stale_checked', true) as value`,
      )
      expect(setting?.value ?? '').toBe('')
      await expectRefused(
        step(
          ACTOR.ownerA,
          `update public.shops set status_message = 'After' where id = $1 returning id`,
          [SHOP.A],
        ),
        REFUSED.privilege,
      )
    })
  })
})

describe('the declaration is the token, for one row and one write', () => {
  const direct = `update public.shops set status_message = 'Declared' where id = $1 returning id`

  it('names the current updated_at: declared with a stale one, the update is refused', async () => {
    await db.session(async (step) => {
      const stale = await tokenOf(step, SHOP.A)
      await step(
        'superuser',
        `update public.shops set status_message = 'Elsewhere' where id = $1`,
        [SHOP.A],
      )
      await step('superuser', `select private.begin_stale_checked_write($1, $2::timestamptz)`, [
        SHOP.A,
        stale,
      ])
      await expectRefused(step(ACTOR.ownerA, direct, [SHOP.A]), REFUSED.privilege)
    })
  })

  it('is single-use: the write moves updated_at, so a second update is refused', async () => {
    await db.session(async (step) => {
      await declareStaleCheckedWrite(step, SHOP.A)
      expect(await step(ACTOR.ownerA, direct, [SHOP.A])).toEqual([{ id: SHOP.A }])
      await expectRefused(step(ACTOR.ownerA, direct, [SHOP.A]), REFUSED.privilege)
    })
  })

  it('names one shop: another row in the same statement is refused', async () => {
    await db.session(async (step) => {
      await declareStaleCheckedWrite(step, SHOP.A)
      await expectRefused(
        step(
          ACTOR.curatorX,
          `update public.shops set status_message = 'Both' where id in ($1, $2) returning id`,
          [SHOP.A, SHOP.B],
        ),
        REFUSED.privilege,
      )
    })
  })

  it('does not widen the policies: a stranger declared for shop A still changes nothing', async () => {
    await db.session(async (step) => {
      await declareStaleCheckedWrite(step, SHOP.A)
      expect(await step(ACTOR.stranger, direct, [SHOP.A])).toEqual([])
    })
  })
})

describe('import_shops still writes the shops of its territory', () => {
  const IMPORT = `select line, action, shop_id, message
    from public.import_shops($1::text, 'import', $2::jsonb, false)`
  const line = (ref: string, name: string) => ({
    line: 1,
    sourceRef: ref,
    kind: 'producteur',
    name,
    categorySlug: CATEGORY.food,
    subcategorySlug: null,
    description: 'Importée',
    address: null,
    postcode: null,
    communeInsee: null,
    communeName: null,
    lon: 1.6,
    lat: 45.6,
    phone: null,
    email: null,
    website: null,
    socialLinks: [],
    openingHours: null,
    openingHoursNote: null,
    orderingInstructions: null,
    services: [],
  })

  it('updates a shop without members (every field) and one with members (curated fields)', async () => {
    await db.session(async (step) => {
      const unmanaged = await step(ACTOR.curatorX, IMPORT, [
        'test-x',
        JSON.stringify([line('test-policies/U', 'Test shop U, imported')]),
      ])
      expect(unmanaged).toEqual([
        expect.objectContaining({ line: 1, action: 'update', shop_id: SHOP.U }),
      ])
      const managed = await step(ACTOR.curatorX, IMPORT, [
        'test-x',
        JSON.stringify([
          { ...line('test-policies/A', 'Test shop A, imported'), lon: 1.5, lat: 45.5 },
        ]),
      ])
      expect(managed).toEqual([
        expect.objectContaining({ line: 1, action: 'update', shop_id: SHOP.A }),
      ])
      const names = await step(
        'superuser',
        'select name, description from public.shops where id in ($1, $2) order by name',
        [SHOP.A, SHOP.U],
      )
      expect(names).toEqual([
        // A's merchant keeps its own fields; U has no merchant.
        { name: 'Test shop A, imported', description: 'Shop A' },
        { name: 'Test shop U, imported', description: 'Importée' },
      ])
      const [setting] = await step<{ value: string | null }>(
        ACTOR.curatorX,
        `select current_setting('vitrine.stale_checked', true) as value`,
      )
      expect(setting?.value ?? '').toBe('')
    })
  })
})

describe('shop_submissions: the direct update is itself a compare-and-set', () => {
  // The embedded adapter's query (and the Supabase adapter's `.eq('updated_at', expected)`).
  const draft = [
    'artisan',
    'Fournil X, modifié',
    CATEGORY.food,
    SUBCATEGORY.bakery,
    'Pain au levain',
    '3 rue du Four',
    '00100',
    '00001',
    'Testville X',
    '(1.52,45.52)',
    '05 49 00 00 42',
    'fournil@example.org',
    'https://fournil.example.org',
    '[]',
    null,
    null,
    null,
    '[]',
  ]

  it('writes with the current token and matches nothing with a stale one', async () => {
    await db.session(async (step) => {
      const [current] = await step<{ t: string }>(
        'superuser',
        'select updated_at::text as t from public.shop_submissions where id = $1',
        [SUBMISSION.pendingX],
      )
      const [first] = await step<{ rows: { name: string; updated_at: string }[] }>(
        CACTOR.merchant,
        UPDATE_SUBMISSION_SQL,
        [SUBMISSION.pendingX, current!.t, ...draft],
      )
      expect(first?.rows.map((r) => r.name)).toEqual(['Fournil X, modifié'])
      const [second] = await step<{ rows: unknown[] }>(CACTOR.merchant, UPDATE_SUBMISSION_SQL, [
        SUBMISSION.pendingX,
        current!.t,
        ...draft,
      ])
      expect(second?.rows).toEqual([])
      const [owner] = await step<{ submitted_by: string }>(
        'superuser',
        'select submitted_by from public.shop_submissions where id = $1',
        [SUBMISSION.pendingX],
      )
      expect(owner?.submitted_by).toBe(CURATION_USER.merchant)
    })
  })
})
