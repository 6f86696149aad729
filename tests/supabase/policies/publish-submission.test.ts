import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectRefused,
  openTestDatabase,
  REFUSED,
  type Actor,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import { SHOP, TERRITORY, USER } from './fixtures'
import {
  CACTOR,
  CURATION_USER,
  SUBMISSION,
  errorOf,
  insertSubmission,
  loadCurationFixtures,
  submissionValues,
  updatedAtOf,
  type CActorName,
} from './curation-fixtures'
import { expectPermissionDenied, rowSnapshotSql } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

const PUBLISH = `select id, territory_slug, kind, name, category_slug, subcategory_slug, phone,
  services::text, status, published, source, source_ref, source_attribution
  from public.publish_submission($1::uuid, $2::timestamptz)`
const REFUSE = `select id, status, refusal_reason, reviewed_by, reviewed_at is not null as reviewed
  from public.refuse_submission($1::uuid, $2::text, $3::timestamptz)`

const snapshot = async (step: SessionStep) => {
  const [row] = await step<{ row: string }>(
    'superuser',
    `select jsonb_build_array(
       (${rowSnapshotSql('public.shop_submissions', 'true')}),
       (select count(*) from public.shops),
       (select count(*) from public.shop_members))::text as row`,
  )
  return row!.row
}

/** Runs the call as `actor` with the submission's current token; asserts the refusal and that nothing changed. */
async function expectRefusedAndUnchanged(
  actor: Actor,
  submission: string,
  call: (token: string) => [string, unknown[]],
  code: string,
) {
  await db.session(async (step) => {
    const before = await snapshot(step)
    const token = await updatedAtOf(step, 'shop_submissions', submission)
    const [sql, params] = call(token)
    await expectRefused(step(actor, sql, params), code)
    expect(await snapshot(step)).toBe(before)
  })
}

const NOT_CURATOR_OF_X = [
  'stranger',
  'ownerA',
  'staffA',
  'merchant',
  'merchant2',
  'unconfirmed',
  'curatorY',
] as const satisfies readonly CActorName[]

describe('publish_submission: who may call it', () => {
  it('curatorX publishes a pending submission of its territory', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      const [shop] = await step<{ id: string }>(CACTOR.curatorX, PUBLISH, [
        SUBMISSION.pendingX,
        token,
      ])
      expect(shop).toEqual({
        id: expect.any(String),
        territory_slug: TERRITORY.X,
        kind: 'artisan',
        name: 'Fournil X',
        category_slug: 'test-food',
        subcategory_slug: 'test-bakery',
        phone: '05 49 00 00 42',
        services: '{click_and_collect,delivery}',
        status: 'unknown',
        published: true,
        source: 'submission',
        source_ref: SUBMISSION.pendingX,
        source_attribution: null,
      })
      const [submission] = await step(
        'superuser',
        `select status, shop_id, reviewed_by, reviewed_at is not null as reviewed, refusal_reason
           from public.shop_submissions where id = $1`,
        [SUBMISSION.pendingX],
      )
      expect(submission).toEqual({
        status: 'published',
        shop_id: shop!.id,
        reviewed_by: USER.curatorX,
        reviewed: true,
        refusal_reason: null,
      })
      // The submitter owns the new shop, and visitors see it.
      expect(
        await step(
          'superuser',
          'select user_id, role from public.shop_members where shop_id = $1',
          [shop!.id],
        ),
      ).toEqual([{ user_id: CURATION_USER.merchant, role: 'owner' }])
      expect(await step(CACTOR.merchant, 'select shop_id, role from public.my_shops()')).toEqual([
        { shop_id: shop!.id, role: 'owner' },
      ])
      expect(
        await step(CACTOR.anon, 'select id from public.shops where id = $1', [shop!.id]),
      ).toEqual([{ id: shop!.id }])
      // Its contacts, hours and description come from the submission too.
      const [copied] = await step(
        'superuser',
        `select s.description = b.description and s.address = b.address and s.postcode = b.postcode
                and s.commune_insee = b.commune_insee and s.commune_name = b.commune_name
                and s.location ~= b.location and s.email = b.email and s.website = b.website
                and s.social_links = b.social_links and s.opening_hours = b.opening_hours
                and s.ordering_instructions = b.ordering_instructions as same
           from public.shops s join public.shop_submissions b on b.shop_id = s.id
          where s.id = $1`,
        [shop!.id],
      )
      expect(copied).toEqual({ same: true })
    })
  })

  it('curatorY publishes a pending submission of its own territory', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingY)
      const [shop] = await step(CACTOR.curatorY, PUBLISH, [SUBMISSION.pendingY, token])
      expect(shop).toMatchObject({ territory_slug: TERRITORY.Y, source: 'submission' })
    })
  })

  it.each(NOT_CURATOR_OF_X)(
    '%s cannot publish a submission of test-x (42501), nothing changes',
    (actor) =>
      expectRefusedAndUnchanged(
        CACTOR[actor],
        SUBMISSION.pendingX,
        (token) => [PUBLISH, [SUBMISSION.pendingX, token]],
        REFUSED.privilege,
      ),
  )

  it('the merchant cannot publish its own submission (42501)', async () => {
    const error = await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      return errorOf(step(CACTOR.merchant, PUBLISH, [SUBMISSION.pendingX, token]))
    })
    expect(error?.code).toBe(REFUSED.privilege)
    expect(error?.message).toMatch(/curateurs du territoire/)
  })

  it('curatorX cannot publish a submission of test-y (42501)', () =>
    expectRefusedAndUnchanged(
      CACTOR.curatorX,
      SUBMISSION.pendingY,
      (token) => [PUBLISH, [SUBMISSION.pendingY, token]],
      REFUSED.privilege,
    ))

  it('a merchant who also curates the territory may publish its own submission', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        'insert into public.territory_curators (territory_slug, user_id) values ($1, $2)',
        [TERRITORY.X, CURATION_USER.merchant],
      )
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      const [shop] = await step(CACTOR.merchant, PUBLISH, [SUBMISSION.pendingX, token])
      expect(shop).toMatchObject({ source_ref: SUBMISSION.pendingX })
    })
  })

  it('anon cannot execute it (42501)', () =>
    expectPermissionDenied(
      db.as(CACTOR.anon, PUBLISH, [SUBMISSION.pendingX, '2020-01-01T00:00:00Z']),
      'function publish_submission',
    ))

  it('a submission that does not exist: 42501', () =>
    expectRefused(
      db.as(CACTOR.curatorX, PUBLISH, [
        '00000000-7e57-4000-c000-0000000000ff',
        '2020-01-01T00:00:00Z',
      ]),
      REFUSED.privilege,
    ))

  it('a missing expected_updated_at is refused (22004)', () =>
    expectRefusedAndUnchanged(
      CACTOR.curatorX,
      SUBMISSION.pendingX,
      () => [PUBLISH, [SUBMISSION.pendingX, null]],
      '22004',
    ))
})

describe('publish_submission: stale or already reviewed', () => {
  it('a stale token is refused with PT409 carrying the current updated_at', async () => {
    await db.session(async (step) => {
      const before = await snapshot(step)
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      const error = await errorOf(
        step(CACTOR.curatorX, PUBLISH, [SUBMISSION.pendingX, '2020-01-01T00:00:00Z']),
      )
      expect(error).toMatchObject({ code: REFUSED.stale, detail: token })
      expect(await snapshot(step)).toBe(before)
    })
  })

  it('an edit by the submitter after the curator loaded it makes the token stale', async () => {
    await db.session(async (step) => {
      const loaded = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      await step(
        CACTOR.merchant,
        `update public.shop_submissions set name = 'Fournil X (corrigé)' where id = $1`,
        [SUBMISSION.pendingX],
      )
      await expectRefused(
        step(CACTOR.curatorX, PUBLISH, [SUBMISSION.pendingX, loaded]),
        REFUSED.stale,
      )
      const [shop] = await step(CACTOR.curatorX, PUBLISH, [
        SUBMISSION.pendingX,
        await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX),
      ])
      expect(shop).toMatchObject({ name: 'Fournil X (corrigé)' })
    })
  })

  it('publishing twice: the second call gets PT409 and no second shop is made', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      await step(CACTOR.curatorX, PUBLISH, [SUBMISSION.pendingX, token])
      const current = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      await expectRefused(
        step(CACTOR.curatorX, PUBLISH, [SUBMISSION.pendingX, current]),
        REFUSED.stale,
      )
      const [count] = await step<{ n: number }>(
        'superuser',
        `select count(*)::int as n from public.shops where source = 'submission' and source_ref = $1`,
        [SUBMISSION.pendingX],
      )
      expect(count).toEqual({ n: 1 })
    })
  })

  it('a refused submission cannot be published (PT409, even with its current token)', () =>
    expectRefusedAndUnchanged(
      CACTOR.curatorX,
      SUBMISSION.refusedX,
      (token) => [PUBLISH, [SUBMISSION.refusedX, token]],
      REFUSED.stale,
    ))

  it.each(NOT_CURATOR_OF_X)(
    '%s with a stale token on a submission it may not publish gets 42501, not PT409',
    (actor) =>
      expectRefusedAndUnchanged(
        CACTOR[actor],
        SUBMISSION.pendingX,
        () => [PUBLISH, [SUBMISSION.pendingX, '2020-01-01T00:00:00Z']],
        REFUSED.privilege,
      ),
  )

  it('once published, the submitter can no longer edit or withdraw it', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      await step(CACTOR.curatorX, PUBLISH, [SUBMISSION.pendingX, token])
      expect(
        await step(
          CACTOR.merchant,
          `update public.shop_submissions set name = 'Changed' where id = $1 returning id`,
          [SUBMISSION.pendingX],
        ),
      ).toEqual([])
      expect(
        await step(CACTOR.merchant, 'select w.id from public.withdraw_submission($1) as w(id)', [
          SUBMISSION.pendingX,
        ]),
      ).toEqual([])
    })
  })
})

describe('refuse_submission', () => {
  it('curatorX refuses with a reason; the submitter reads it', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      const [row] = await step(CACTOR.curatorX, REFUSE, [
        SUBMISSION.pendingX,
        '  Commerce hors du territoire  ',
        token,
      ])
      expect(row).toEqual({
        id: SUBMISSION.pendingX,
        status: 'refused',
        refusal_reason: 'Commerce hors du territoire',
        reviewed_by: USER.curatorX,
        reviewed: true,
      })
      expect(
        await step(
          CACTOR.merchant,
          'select status, refusal_reason, shop_id from public.shop_submissions where id = $1',
          [SUBMISSION.pendingX],
        ),
      ).toEqual([
        { status: 'refused', refusal_reason: 'Commerce hors du territoire', shop_id: null },
      ])
      // No shop was made.
      expect(
        await step('superuser', `select id from public.shops where source_ref = $1`, [
          SUBMISSION.pendingX,
        ]),
      ).toEqual([])
    })
  })

  it.each(NOT_CURATOR_OF_X)('%s cannot refuse a submission of test-x (42501)', (actor) =>
    expectRefusedAndUnchanged(
      CACTOR[actor],
      SUBMISSION.pendingX,
      (token) => [REFUSE, [SUBMISSION.pendingX, 'Non', token]],
      REFUSED.privilege,
    ),
  )

  it('curatorX cannot refuse a submission of test-y (42501)', () =>
    expectRefusedAndUnchanged(
      CACTOR.curatorX,
      SUBMISSION.pendingY,
      (token) => [REFUSE, [SUBMISSION.pendingY, 'Non', token]],
      REFUSED.privilege,
    ))

  it('anon cannot execute it (42501)', () =>
    expectPermissionDenied(
      db.as(CACTOR.anon, REFUSE, [SUBMISSION.pendingX, 'Non', '2020-01-01T00:00:00Z']),
      'function refuse_submission',
    ))

  it.each([
    ['missing', null],
    ['empty', ''],
    ['blank', '   '],
    ['over 500 characters', 'x'.repeat(501)],
    ['with a control character', 'non\u0007'],
  ])('a reason %s is refused with 23514 and a French message', async (_label, reason) => {
    await expectRefusedAndUnchanged(
      CACTOR.curatorX,
      SUBMISSION.pendingX,
      (token) => [REFUSE, [SUBMISSION.pendingX, reason, token]],
      REFUSED.check,
    )
    const error = await db.session(async (step) =>
      errorOf(
        step(CACTOR.curatorX, REFUSE, [
          SUBMISSION.pendingX,
          reason,
          await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX),
        ]),
      ),
    )
    expect(error?.message).toBe('Indiquez le motif du refus (500 caractères au plus).')
  })

  it('a reason of exactly 500 characters is accepted', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      const [row] = await step(CACTOR.curatorX, REFUSE, [
        SUBMISSION.pendingX,
        'x'.repeat(500),
        token,
      ])
      expect(row).toMatchObject({ status: 'refused' })
    })
  })

  it('a stale token is refused with PT409', () =>
    expectRefusedAndUnchanged(
      CACTOR.curatorX,
      SUBMISSION.pendingX,
      () => [REFUSE, [SUBMISSION.pendingX, 'Non', '2020-01-01T00:00:00Z']],
      REFUSED.stale,
    ))

  it('an already refused submission: PT409', () =>
    expectRefusedAndUnchanged(
      CACTOR.curatorX,
      SUBMISSION.refusedX,
      (token) => [REFUSE, [SUBMISSION.refusedX, 'Encore non', token]],
      REFUSED.stale,
    ))

  it('an already published submission cannot be refused (PT409)', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      await step(CACTOR.curatorX, PUBLISH, [SUBMISSION.pendingX, token])
      await expectRefused(
        step(CACTOR.curatorX, REFUSE, [
          SUBMISSION.pendingX,
          'Finalement non',
          await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX),
        ]),
        REFUSED.stale,
      )
    })
  })
})

describe('possible_duplicates', () => {
  const DUPLICATES = `select name, reason, round(distance_m)::int as metres
    from public.possible_duplicates($1) order by name`

  /** Shops near pendingX (1.52, 45.52): 0.001° of latitude is about 111 m. */
  async function addNeighbours(step: SessionStep) {
    await step(
      'superuser',
      `insert into public.shops (territory_slug, kind, name, category_slug, location, phone, published, source, source_ref)
       values
         ($1, 'artisan', 'FOURNIL  x', 'test-food', point(1.52, 45.522), null, true, 'import', 'dup/near'),
         ($1, 'artisan', 'Fournil X', 'test-food', point(1.52, 45.53), null, true, 'import', 'dup/far'),
         ($1, 'artisan', 'Autre nom', 'test-food', point(1.55, 45.55), '+33 5 49 00 00 42', false, 'import', 'dup/phone'),
         ($1, 'artisan', 'Sans rapport', 'test-food', point(1.52, 45.5201), '05 49 99 99 99', true, 'import', 'dup/none')`,
      [TERRITORY.X],
    )
  }

  it('curatorX sees same-name shops within 300 m and same-phone shops of its territory', async () => {
    await db.session(async (step) => {
      await addNeighbours(step)
      expect(await step(CACTOR.curatorX, DUPLICATES, [SUBMISSION.pendingX])).toEqual([
        { name: 'Autre nom', reason: 'same_phone', metres: 4073 },
        { name: 'FOURNIL  x', reason: 'same_name_nearby', metres: 222 },
      ])
    })
  })

  it('accents, case and punctuation are ignored in names', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        `update public.shop_submissions set name = 'Boulangerie L''Épi d''Or', phone = null where id = $1`,
        [SUBMISSION.pendingX],
      )
      await step(
        'superuser',
        `insert into public.shops (territory_slug, kind, name, category_slug, location, published, source, source_ref)
         values ($1, 'artisan', 'BOULANGERIE l’epi-d’or', 'test-food', point(1.5201, 45.5201), true, 'import', 'dup/accents')`,
        [TERRITORY.X],
      )
      expect(await step(CACTOR.curatorX, DUPLICATES, [SUBMISSION.pendingX])).toEqual([
        { name: 'BOULANGERIE l’epi-d’or', reason: 'same_name_nearby', metres: 14 },
      ])
    })
  })

  it('shops of the other territory are never listed', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        `insert into public.shops (territory_slug, kind, name, category_slug, location, phone, published, source, source_ref)
         values ($1, 'artisan', 'Fournil X', 'test-craft', point(3.5, 47.5), '05 49 00 00 42', true, 'import', 'dup/y')`,
        [TERRITORY.Y],
      )
      expect(await step(CACTOR.curatorX, DUPLICATES, [SUBMISSION.pendingX])).toEqual([])
    })
  })

  it('once published, the shop made from the submission is not its own duplicate', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      await step(CACTOR.curatorX, PUBLISH, [SUBMISSION.pendingX, token])
      expect(await step(CACTOR.curatorX, DUPLICATES, [SUBMISSION.pendingX])).toEqual([])
    })
  })

  it.each(NOT_CURATOR_OF_X)('%s gets 42501 for a submission of test-x', (actor) =>
    expectRefused(db.as(CACTOR[actor], DUPLICATES, [SUBMISSION.pendingX]), REFUSED.privilege),
  )

  it('curatorX gets 42501 for a submission of test-y', () =>
    expectRefused(db.as(CACTOR.curatorX, DUPLICATES, [SUBMISSION.pendingY]), REFUSED.privilege))

  it('anon cannot execute it (42501)', () =>
    expectPermissionDenied(
      db.as(CACTOR.anon, DUPLICATES, [SUBMISSION.pendingX]),
      'function possible_duplicates',
    ))
})

describe('helpers', () => {
  it('distance_m is the haversine distance in metres between (lon, lat) points', async () => {
    // Poitiers–Niort centres: 67,584.7 m by an independent haversine (mean radius 6,371,008.8 m).
    const [row] = await db.superuser<Record<string, number>>(
      `select round(private.distance_m(point(0.3404, 46.5802), point(-0.4594, 46.3237)))::int as poitiers_niort,
              round(private.distance_m(point(1.5, 45.5), point(1.5, 45.501)))::int as north_111,
              private.distance_m(point(1.5, 45.5), point(1.5, 45.5)) as same`,
    )
    expect(row).toEqual({ poitiers_niort: 67585, north_111: 111, same: 0 })
  })

  it('name_key drops accents, case and everything but letters and digits, in any word order', async () => {
    const [row] = await db.superuser(
      `select private.name_key('Cœur de Boulangère — N°1 !') as a,
              private.name_key('COEUR DE BOULANGERE N 1') as b,
              private.name_key('!!!') as c,
              private.name_key('N°1, boulangère Cœur de') as d,
              private.name_key(null) as e`,
    )
    expect(row).toEqual({
      a: '1boulangerecoeurden',
      b: '1boulangerecoeurden',
      c: '',
      d: '1boulangerecoeurden',
      e: null,
    })
  })

  it("name_key writes out La Poste's abbreviations: RP is relais poste, BP bureau de poste", async () => {
    const [row] = await db.superuser(
      `select private.name_key('TERCE RP') = private.name_key('Relais poste Tercé') as rp,
              private.name_key('BEAUMONT RPC') = private.name_key('Relais poste commerçant Beaumont') as rpc,
              private.name_key('JAUNAY CLAN BP') = private.name_key('Bureau de poste Jaunay-Clan') as bp,
              private.name_key('LAVOUX AP') = private.name_key('Agence postale communale Lavoux') as ap,
              private.name_key('Tercé RP') = private.name_key('Tercé') as not_the_commune,
              private.name_key('Le Grip') = private.name_key('Le Gr') as not_inside_a_word`,
    )
    expect(row).toEqual({
      rp: true,
      rpc: true,
      bp: true,
      ap: true,
      not_the_commune: false,
      not_inside_a_word: false,
    })
  })
})

describe('curator_territories', () => {
  it.each([
    ['curatorX', [TERRITORY.X]],
    ['curatorY', [TERRITORY.Y]],
    ['merchant', []],
    ['ownerA', []],
    ['stranger', []],
  ] as const)('%s curates %j', async (actor, expected) => {
    const rows = await db.as<{ slug: string }>(
      CACTOR[actor],
      'select slug from public.curator_territories()',
    )
    expect(rows.map((r) => r.slug)).toEqual(expected)
  })

  it('returns whole territory rows, ordered', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        'insert into public.territory_curators (territory_slug, user_id) values ($1, $2)',
        [TERRITORY.Y, USER.curatorX],
      )
      const rows = await step(
        CACTOR.curatorX,
        'select slug, name from public.curator_territories()',
      )
      expect(rows).toEqual([
        { slug: TERRITORY.X, name: 'Test territory X' },
        { slug: TERRITORY.Y, name: 'Test territory Y' },
      ])
    })
  })

  it('anon cannot execute it (42501)', () =>
    expectPermissionDenied(
      db.as(CACTOR.anon, 'select * from public.curator_territories()'),
      'function curator_territories',
    ))
})

describe('review after a new submission', () => {
  it('a submission made by a merchant is published by the curator in one flow', async () => {
    await db.session(async (step) => {
      const { sql, params } = insertSubmission(
        submissionValues({ name: 'Nouvelle boutique', location: '(1.7,45.7)' }),
        'id, updated_at::text as token',
      )
      const [created] = await step<{ id: string; token: string }>(CACTOR.ownerA, sql, params)
      const [shop] = await step<{ id: string }>(CACTOR.curatorX, PUBLISH, [
        created!.id,
        created!.token,
      ])
      const shops = await step<{ shop_id: string }>(
        CACTOR.ownerA,
        'select shop_id from public.my_shops() order by name',
      )
      expect(shops.map((s) => s.shop_id).sort()).toEqual([SHOP.A, shop!.id].sort())
    })
  })
})
