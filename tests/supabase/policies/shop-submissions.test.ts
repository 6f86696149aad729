import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
import { CATEGORY, SHOP, SUBCATEGORY, TERRITORY, USER } from './fixtures'
import {
  CACTOR,
  CURATION_USER,
  SUBMISSION,
  SUBMISSION_CONTENT_COLUMNS,
  errorOf,
  insertSubmission,
  loadCurationFixtures,
  submissionValues,
  updatedAtOf,
  userIdOf,
  type CActorName,
  type SubmissionName,
} from './curation-fixtures'
import { expectNoRowChanged, expectPermissionDenied, expectRlsViolation } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

const submissionName = (id: string) =>
  Object.entries(SUBMISSION).find(([, v]) => v === id)?.[0] ?? id

/** Every submission each signed-in actor reads (the whole table, not only the fixtures). */
const READS: Record<Exclude<CActorName, 'anon'>, SubmissionName[]> = {
  stranger: [],
  ownerA: [],
  ownerB: [],
  staffA: [],
  merchant: ['pendingX', 'refusedX'],
  merchant2: ['pendingY'],
  unconfirmed: [],
  curatorX: ['pendingX', 'refusedX'],
  curatorY: ['pendingY'],
}

/** Submissions whose content each actor may edit (pending ones only). */
const EDITS: Record<CActorName, SubmissionName[]> = {
  anon: [],
  stranger: [],
  ownerA: [],
  ownerB: [],
  staffA: [],
  merchant: ['pendingX'],
  merchant2: ['pendingY'],
  unconfirmed: [],
  curatorX: ['pendingX'],
  curatorY: ['pendingY'],
}

/** Submissions each actor may withdraw (its own, pending). */
const WITHDRAWS: Record<CActorName, SubmissionName[]> = {
  ...EDITS,
  curatorX: [],
  curatorY: [],
}

const ACTOR_NAMES = Object.keys(CACTOR) as CActorName[]
const SUBMISSION_NAMES = Object.keys(SUBMISSION) as SubmissionName[]

function rowCases(allowed: Record<CActorName, SubmissionName[]>) {
  return ACTOR_NAMES.flatMap((actor) =>
    SUBMISSION_NAMES.map((submission) => ({
      actor,
      submission,
      outcome:
        actor === 'anon'
          ? ('no grant' as const)
          : allowed[actor].includes(submission)
            ? ('allowed' as const)
            : ('filtered' as const),
    })),
  )
}

const target = (submission: SubmissionName) => ({
  table: 'public.shop_submissions',
  where: 'id = $1',
  params: [SUBMISSION[submission]],
})

describe('shop_submissions: select', () => {
  it('anon cannot read submissions (42501)', () =>
    expectPermissionDenied(
      db.as(CACTOR.anon, 'select id from public.shop_submissions'),
      'table shop_submissions',
    ))

  it.each(Object.entries(READS))('%s reads exactly its rows', async (actor, expected) => {
    const rows = await db.as<{ id: string }>(
      CACTOR[actor as CActorName],
      'select id from public.shop_submissions',
    )
    expect(rows.map((r) => submissionName(r.id)).sort()).toEqual([...expected].sort())
  })

  it('the submitter reads the refusal reason of its refused submission', async () => {
    const rows = await db.as(
      CACTOR.merchant,
      'select status, refusal_reason from public.shop_submissions where id = $1',
      [SUBMISSION.refusedX],
    )
    expect(rows).toEqual([{ status: 'refused', refusal_reason: 'Hors du périmètre' }])
  })
})

describe('shop_submissions: insert', () => {
  it.each(['merchant', 'stranger', 'ownerA', 'unconfirmed', 'curatorY'] as const)(
    '%s submits in its own name; status, submitter and review take their defaults',
    async (actor) => {
      await db.session(async (step) => {
        const { sql, params } = insertSubmission(
          submissionValues({ name: `Submitted by ${actor}` }),
          'id',
        )
        const [row] = await step<{ id: string }>(CACTOR[actor], sql, params)
        const [saved] = await step(
          'superuser',
          `select submitted_by, status, refusal_reason, shop_id, reviewed_by, reviewed_at,
                  created_at <= updated_at as ordered
             from public.shop_submissions where id = $1`,
          [row!.id],
        )
        expect(saved).toEqual({
          submitted_by: userIdOf(CACTOR[actor]),
          status: 'pending',
          refusal_reason: null,
          shop_id: null,
          reviewed_by: null,
          reviewed_at: null,
          ordered: true,
        })
      })
    },
  )

  it('anon cannot submit (42501, no grant)', () => {
    const { sql, params } = insertSubmission(submissionValues())
    return expectPermissionDenied(db.as(CACTOR.anon, sql, params), 'table shop_submissions')
  })

  it('naming itself as submitter explicitly is accepted', async () => {
    await db.session(async (step) => {
      const { sql, params } = insertSubmission(
        submissionValues({ submitted_by: CURATION_USER.merchant2 }),
      )
      await step(CACTOR.merchant2, sql, params)
    })
  })

  it.each([
    ['another user', USER.ownerA],
    ['a curator', USER.curatorX],
  ])('submitting in the name of %s is refused by the policy', (_label, user) => {
    const { sql, params } = insertSubmission(submissionValues({ submitted_by: user }))
    return expectRlsViolation(db.as(CACTOR.merchant2, sql, params))
  })

  it.each([
    ['status', 'published'],
    ['status', 'pending'],
    ['refusal_reason', 'x'],
    ['shop_id', SHOP.A],
    ['reviewed_by', USER.curatorX],
    ['reviewed_at', '2026-01-01T00:00:00Z'],
    ['created_at', '2020-01-01T00:00:00Z'],
    ['updated_at', '2020-01-01T00:00:00Z'],
    ['id', '00000000-7e57-4000-c000-0000000000ff'],
  ])('%s cannot be chosen at insert (no column grant)', (column, value) => {
    const { sql, params } = insertSubmission(submissionValues({ [column]: value }))
    return expectPermissionDenied(db.as(CACTOR.merchant2, sql, params), 'table shop_submissions')
  })

  it.each([
    ['a name of 121 characters', { name: 'x'.repeat(121) }],
    ['a blank name', { name: '   ' }],
    ['a kind outside the list', { kind: 'boutique' }],
    ['a malformed phone', { phone: 'call me' }],
    ['a malformed e-mail', { email: 'pas-un-email' }],
    ['a javascript: website', { website: 'javascript:alert(1)' }],
    ['a data: social link', { social_links: '{data:text/html;base64,xx}' }],
    ['a postcode of 4 digits', { postcode: '8600' }],
    ['a malformed INSEE code', { commune_insee: 'ABCDE' }],
    ['a control character in the description', { description: 'bell\u0007' }],
    ['a description over 2000 characters', { description: 'x'.repeat(2001) }],
    ['opening hours over 500 characters', { opening_hours: 'x'.repeat(501) }],
    ['ordering instructions over 1000 characters', { ordering_instructions: 'x'.repeat(1001) }],
  ])('%s is refused with 23514, as on shops', (_label, overrides) => {
    const { sql, params } = insertSubmission(submissionValues(overrides))
    return expectRefused(db.as(CACTOR.merchant2, sql, params), REFUSED.check)
  })

  it('a location outside the territory is refused with 23514 and a French message', async () => {
    const { sql, params } = insertSubmission(submissionValues({ location: '(3.5,47.5)' }))
    const error = await errorOf(db.as(CACTOR.merchant2, sql, params))
    expect(error).toMatchObject({
      code: REFUSED.check,
      constraint: 'shop_submissions_location_in_territory',
    })
    expect(error?.message).toMatch(/hors du territoire/)
  })

  it('a subcategory of another category is refused with 23514 and a French message', async () => {
    const { sql, params } = insertSubmission(
      submissionValues({ category_slug: CATEGORY.food, subcategory_slug: SUBCATEGORY.pottery }),
    )
    const error = await errorOf(db.as(CACTOR.merchant2, sql, params))
    expect(error).toMatchObject({
      code: REFUSED.check,
      constraint: 'shop_submissions_subcategory_in_category',
    })
    expect(error?.message).toMatch(/n’appartient pas à la catégorie/)
  })

  it('an unknown category is refused (23503)', () => {
    const { sql, params } = insertSubmission(
      submissionValues({ category_slug: 'test-nope', subcategory_slug: null }),
    )
    return expectRefused(db.as(CACTOR.merchant2, sql, params), REFUSED.foreignKey)
  })

  it('a service outside the enum is refused (22P02)', () => {
    const { sql, params } = insertSubmission(submissionValues({ services: '{teleportation}' }))
    return expectRefused(db.as(CACTOR.merchant2, sql, params), REFUSED.enum)
  })

  it('a missing location is refused (23502)', () => {
    const { sql, params } = insertSubmission(submissionValues({ location: null }))
    return expectRefused(db.as(CACTOR.merchant2, sql, params), REFUSED.notNull)
  })
})

describe('shop_submissions: at most 3 pending per user', () => {
  const submit = (name: string) => insertSubmission(submissionValues({ name }))

  it('the 4th pending submission is refused (23514, French message); refused ones do not count', async () => {
    await db.session(async (step) => {
      // merchant already has pendingX (pending) and refusedX (refused).
      for (const name of ['Deuxième', 'Troisième']) {
        const { sql, params } = submit(name)
        await step(CACTOR.merchant, sql, params)
      }
      const { sql, params } = submit('Quatrième')
      const error = await errorOf(step(CACTOR.merchant, sql, params))
      expect(error).toMatchObject({
        code: REFUSED.check,
        constraint: 'shop_submissions_pending_limit',
      })
      expect(error?.message).toBe(
        'Vous avez déjà 3 demandes en attente : attendez la réponse des curateurs.',
      )
      const [count] = await step<{ n: number }>(
        'superuser',
        `select count(*)::int as n from public.shop_submissions
          where submitted_by = $1 and status = 'pending'`,
        [CURATION_USER.merchant],
      )
      expect(count).toEqual({ n: 3 })
    })
  })

  it('after withdrawing one, the user may submit again', async () => {
    await db.session(async (step) => {
      for (const name of ['Deuxième', 'Troisième']) {
        const { sql, params } = submit(name)
        await step(CACTOR.merchant, sql, params)
      }
      await step(CACTOR.merchant, 'select public.withdraw_submission($1)', [SUBMISSION.pendingX])
      const { sql, params } = submit('Quatrième')
      await step(CACTOR.merchant, sql, params)
    })
  })

  it('the limit is per user: another user still submits', async () => {
    await db.session(async (step) => {
      for (const name of ['Deuxième', 'Troisième']) {
        const { sql, params } = submit(name)
        await step(CACTOR.merchant, sql, params)
      }
      const { sql, params } = submit('Autre')
      await step(CACTOR.merchant2, sql, params)
    })
  })
})

describe('shop_submissions: update', () => {
  const sql = `update public.shop_submissions set description = 'Matrix' where id = $1 returning id, description`

  it.each(rowCases(EDITS))(
    '$actor edits submission $submission: $outcome',
    async ({ actor, submission, outcome }) => {
      const params = [SUBMISSION[submission]]
      if (outcome === 'no grant')
        return expectPermissionDenied(db.as(CACTOR[actor], sql, params), 'table shop_submissions')
      if (outcome === 'filtered')
        return expectNoRowChanged(db, CACTOR[actor], sql, params, target(submission))
      const rows = await db.as(CACTOR[actor], sql, params)
      expect(rows).toEqual([{ id: SUBMISSION[submission], description: 'Matrix' }])
    },
  )

  it.each(SUBMISSION_CONTENT_COLUMNS)('the submitter may edit %s while pending', async (column) => {
    const value = {
      kind: 'producteur',
      name: 'Nouveau nom',
      category_slug: CATEGORY.food,
      subcategory_slug: null,
      description: 'Nouvelle description',
      address: '4 rue du Four',
      postcode: '00101',
      commune_insee: '00001',
      commune_name: 'Testville X bis',
      location: '(1.6,45.6)',
      phone: '05 49 00 00 43',
      email: 'autre@example.org',
      website: 'https://autre.example.org',
      social_links: '{}',
      opening_hours: 'Mo-Fr 08:00-12:00',
      opening_hours_note: 'Fermé en août',
      ordering_instructions: 'Par téléphone',
      services: '{in_store}',
    }[column]
    const rows = await db.as(
      CACTOR.merchant,
      `update public.shop_submissions set ${column} = $2 where id = $1 returning id`,
      [SUBMISSION.pendingX, value],
    )
    expect(rows).toEqual([{ id: SUBMISSION.pendingX }])
  })

  it.each([
    ['territory_slug', TERRITORY.Y],
    ['submitted_by', USER.stranger],
    ['status', 'published'],
    ['refusal_reason', 'x'],
    ['shop_id', SHOP.A],
    ['reviewed_by', USER.curatorX],
    ['reviewed_at', '2026-01-01T00:00:00Z'],
    ['created_at', '2020-01-01T00:00:00Z'],
    ['updated_at', '2020-01-01T00:00:00Z'],
    ['id', '00000000-7e57-4000-c000-0000000000ff'],
  ])(
    '%s is read-only for the submitter and the curator (no column grant)',
    async (column, value) => {
      for (const actor of [CACTOR.merchant, CACTOR.curatorX]) {
        await expectPermissionDenied(
          db.as(actor, `update public.shop_submissions set ${column} = $2 where id = $1`, [
            SUBMISSION.pendingX,
            value,
          ]),
          'table shop_submissions',
        )
      }
    },
  )

  it.each([
    ['status', `'published'`],
    ['territory_slug', `'${TERRITORY.Y}'`],
    ['submitted_by', `'${USER.stranger}'`],
    ['reviewed_at', 'now()'],
  ])(
    'with a widened grant on %s, the guard trigger still refuses the change (42501)',
    async (column, value) => {
      await db.session(async (step) => {
        await step(
          'superuser',
          `grant update (${column}) on public.shop_submissions to authenticated`,
        )
        for (const actor of [CACTOR.merchant, CACTOR.curatorX]) {
          const error = await errorOf(
            step(actor, `update public.shop_submissions set ${column} = ${value} where id = $1`, [
              SUBMISSION.pendingX,
            ]),
          )
          expect(error?.code).toBe(REFUSED.privilege)
          expect(error?.message).toMatch(/en publiant ou en refusant/)
        }
      })
    },
  )

  it('a curator of both territories still cannot move a submission to the other one', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        'insert into public.territory_curators (territory_slug, user_id) values ($1, $2)',
        [TERRITORY.Y, USER.curatorX],
      )
      await expectPermissionDenied(
        step(
          CACTOR.curatorX,
          'update public.shop_submissions set territory_slug = $2 where id = $1',
          [SUBMISSION.pendingX, TERRITORY.Y],
        ),
        'table shop_submissions',
      )
    })
  })

  it('an edit keeps the rules: a location outside the territory is refused (23514)', () =>
    expectRefused(
      db.as(
        CACTOR.merchant,
        `update public.shop_submissions set location = '(3.5,47.5)' where id = $1`,
        [SUBMISSION.pendingX],
      ),
      REFUSED.check,
    ))

  it('updated_at moves strictly forward on every update, even within one transaction', async () => {
    await db.session(async (step) => {
      const first = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      const seen = [first]
      for (const description of ['un', 'deux', 'trois']) {
        await step(
          CACTOR.merchant,
          'update public.shop_submissions set description = $2 where id = $1',
          [SUBMISSION.pendingX, description],
        )
        seen.push(await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX))
      }
      const [ordered] = await step<{ ok: boolean }>(
        'superuser',
        `select bool_and(a < b) as ok from unnest($1::timestamptz[], $2::timestamptz[]) as t(a, b)`,
        [seen.slice(0, -1), seen.slice(1)],
      )
      expect(ordered).toEqual({ ok: true })
    })
  })
})

describe('shop_submissions: delete (withdraw)', () => {
  // Through withdraw_submission only: a table-level DELETE grant would also let a client LOCK
  // the table (supabase/migrations/20261207092000_keys_locks_and_limits.sql).
  const sql = 'select w.id from public.withdraw_submission($1) as w(id)'

  it.each(rowCases(WITHDRAWS))(
    '$actor withdraws submission $submission: $outcome',
    async ({ actor, submission, outcome }) => {
      const params = [SUBMISSION[submission]]
      if (outcome === 'no grant')
        return expectPermissionDenied(
          db.as(CACTOR[actor], sql, params),
          'function withdraw_submission',
        )
      if (outcome === 'filtered')
        return expectNoRowChanged(db, CACTOR[actor], sql, params, target(submission))
      await db.session(async (step) => {
        expect(await step(CACTOR[actor], sql, params)).toEqual([{ id: SUBMISSION[submission] }])
        expect(
          await step('superuser', 'select id from public.shop_submissions where id = $1', params),
        ).toEqual([])
      })
    },
  )

  it.each(ACTOR_NAMES)('%s cannot delete a submission directly (no grant)', (actor) =>
    expectPermissionDenied(
      db.as(CACTOR[actor], 'delete from public.shop_submissions where id = $1', [
        SUBMISSION.pendingX,
      ]),
      'table shop_submissions',
    ),
  )
})

describe('shop_submissions: truncate', () => {
  it.each(ACTOR_NAMES)('%s cannot truncate submissions', (actor) =>
    expectPermissionDenied(
      db.as(CACTOR[actor], 'truncate public.shop_submissions'),
      'table shop_submissions',
    ),
  )
})

describe('shop_submissions: table rules', () => {
  it.each([
    ['refused without a reason', `status = 'refused', reviewed_at = now()`],
    ['a reason while pending', `refusal_reason = 'x'`],
    ['published without a review date', `status = 'published'`],
    ['a shop while pending', `shop_id = '${SHOP.U}'`],
    ['a blank reason', `status = 'refused', refusal_reason = '  ', reviewed_at = now()`],
  ])('%s violates a CHECK even for the owner (23514)', (_label, set) =>
    expectRefused(
      db.session((step) =>
        step('superuser', `update public.shop_submissions set ${set} where id = $1`, [
          SUBMISSION.pendingX,
        ]),
      ),
      REFUSED.check,
    ),
  )

  it('deleting the published shop keeps the submission and clears its shop_id', async () => {
    await db.session(async (step) => {
      const token = await updatedAtOf(step, 'shop_submissions', SUBMISSION.pendingX)
      const [shop] = await step<{ id: string }>(
        CACTOR.curatorX,
        'select id from public.publish_submission($1, $2)',
        [SUBMISSION.pendingX, token],
      )
      // No client deletes a shop (20261207092000_keys_locks_and_limits.sql): the owner does.
      const deleted = await step(
        'superuser',
        'delete from public.shops where id = $1 returning id',
        [shop!.id],
      )
      expect(deleted).toEqual([{ id: shop!.id }])
      const rows = await step(
        'superuser',
        'select status, shop_id from public.shop_submissions where id = $1',
        [SUBMISSION.pendingX],
      )
      expect(rows).toEqual([{ status: 'published', shop_id: null }])
    })
  })

  it('deleting the submitter deletes its submissions', async () => {
    await db.session(async (step) => {
      await step('superuser', 'delete from auth.users where id = $1', [CURATION_USER.merchant2])
      expect(
        await step('superuser', 'select id from public.shop_submissions where id = $1', [
          SUBMISSION.pendingY,
        ]),
      ).toEqual([])
    })
  })
})
