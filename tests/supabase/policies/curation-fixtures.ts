/**
 * The curation tests' data, on top of `fixtures.ts` (territories test-x and test-y, shops A, B,
 * U, Y1, YU, their members and curators):
 *
 *   merchant (e-mail confirmed) submitted pendingX (pending, test-x) and refusedX (refused by
 *   curatorX); merchant2 (confirmed) submitted pendingY (pending, test-y); unconfirmed has an
 *   e-mail address that was never confirmed. The other fixture users' addresses are unconfirmed.
 */
import type { Actor, SessionStep, TestDatabase } from '../test-database'
import { ACTOR, CATEGORY, SUBCATEGORY, TERRITORY, USER, loadFixtures } from './fixtures'

export const CURATION_USER = {
  merchant: '00000000-7e57-4000-a000-000000000011',
  merchant2: '00000000-7e57-4000-a000-000000000012',
  unconfirmed: '00000000-7e57-4000-a000-000000000013',
} as const

export const EMAIL = {
  merchant: 'marchande@test.invalid',
  merchant2: 'marchand2@test.invalid',
  unconfirmed: 'pas-confirme@test.invalid',
} as const

export const CURATION_ACTOR = {
  merchant: { role: 'authenticated', userId: CURATION_USER.merchant, email: EMAIL.merchant },
  merchant2: { role: 'authenticated', userId: CURATION_USER.merchant2, email: EMAIL.merchant2 },
  unconfirmed: {
    role: 'authenticated',
    userId: CURATION_USER.unconfirmed,
    email: EMAIL.unconfirmed,
  },
} as const satisfies Record<string, Actor>

/** Every actor of the curation tests. */
export const CACTOR = { ...ACTOR, ...CURATION_ACTOR } as const
export type CActorName = keyof typeof CACTOR

export const SUBMISSION = {
  pendingX: '00000000-7e57-4000-c000-000000000001',
  refusedX: '00000000-7e57-4000-c000-000000000002',
  pendingY: '00000000-7e57-4000-c000-000000000003',
} as const
export type SubmissionName = keyof typeof SUBMISSION

export const SUBMISSION_TERRITORY: Record<SubmissionName, string> = {
  pendingX: TERRITORY.X,
  refusedX: TERRITORY.X,
  pendingY: TERRITORY.Y,
}

/** The content columns a submission shares with shops: what its submitter and curators edit. */
export const SUBMISSION_CONTENT_COLUMNS = [
  'kind',
  'name',
  'category_slug',
  'subcategory_slug',
  'description',
  'address',
  'postcode',
  'commune_insee',
  'commune_name',
  'location',
  'phone',
  'email',
  'website',
  'social_links',
  'opening_hours',
  'opening_hours_note',
  'ordering_instructions',
  'services',
] as const

/** A valid submission for test-x, as column → value (a point as text, arrays as literals). */
export function submissionValues(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    territory_slug: TERRITORY.X,
    kind: 'artisan',
    name: 'Fournil de la Demande',
    category_slug: CATEGORY.food,
    subcategory_slug: SUBCATEGORY.bakery,
    description: 'Pain au levain',
    address: '3 rue du Four',
    postcode: '00100',
    commune_insee: '00001',
    commune_name: 'Testville X',
    location: '(1.52,45.52)',
    phone: '05 49 00 00 42',
    email: 'fournil@example.org',
    website: 'https://fournil.example.org',
    social_links: '{https://social.example/fournil}',
    opening_hours: 'Tu-Sa 07:00-13:00',
    opening_hours_note: null,
    ordering_instructions: 'Commande la veille',
    services: '{click_and_collect,delivery}',
    ...overrides,
  }
}

/** `insert into public.shop_submissions (…) values ($1…)` with its parameters. */
export function insertSubmission(
  values: Record<string, unknown>,
  returning = '',
): { sql: string; params: unknown[] } {
  const columns = Object.keys(values)
  const placeholders = columns.map((_, i) => `$${i + 1}`)
  return {
    sql: `insert into public.shop_submissions (${columns.join(', ')}) values (${placeholders.join(', ')})${returning ? ` returning ${returning}` : ''}`,
    params: Object.values(values),
  }
}

/** Inserts the base fixtures, then the curation ones. Call once per file. */
export async function loadCurationFixtures(db: TestDatabase): Promise<void> {
  await loadFixtures(db)
  await db.superuser(`insert into auth.users (id, email, email_confirmed_at) values
    ('${CURATION_USER.merchant}', '${EMAIL.merchant}', now()),
    ('${CURATION_USER.merchant2}', '${EMAIL.merchant2}', now()),
    ('${CURATION_USER.unconfirmed}', '${EMAIL.unconfirmed}', null)`)

  const rows: [SubmissionName, string, Record<string, unknown>][] = [
    ['pendingX', CURATION_USER.merchant, { name: 'Fournil X' }],
    ['refusedX', CURATION_USER.merchant, { name: 'Refusée X', location: '(1.53,45.53)' }],
    [
      'pendingY',
      CURATION_USER.merchant2,
      {
        territory_slug: TERRITORY.Y,
        name: 'Poterie Y',
        category_slug: CATEGORY.craft,
        subcategory_slug: SUBCATEGORY.pottery,
        postcode: '00200',
        commune_insee: '00002',
        commune_name: 'Testville Y',
        location: '(3.52,47.52)',
      },
    ],
  ]
  for (const [name, user, overrides] of rows) {
    const { sql, params } = insertSubmission({
      id: SUBMISSION[name],
      submitted_by: user,
      ...submissionValues(overrides),
    })
    await db.superuser(sql, params)
  }
  await db.superuser(
    `update public.shop_submissions
        set status = 'refused', refusal_reason = 'Hors du périmètre', reviewed_by = $2,
            reviewed_at = now()
      where id = $1`,
    [SUBMISSION.refusedX, USER.curatorX],
  )
}

/** The user id an actor signs in with (null for anon). */
export function userIdOf(actor: Actor): string | null {
  return actor.role === 'authenticated' ? actor.userId : null
}

/** A row's updated_at as text (a JS Date would drop the microseconds). */
export async function updatedAtOf(
  step: SessionStep,
  table: 'shops' | 'shop_submissions',
  id: string,
): Promise<string> {
  const [row] = await step<{ t: string }>(
    'superuser',
    `select updated_at::text as t from public.${table} where id = $1`,
    [id],
  )
  if (!row) throw new Error(`no row ${id} in ${table}`)
  return row.t
}

/** The error a promise is rejected with (null when it succeeds). */
export async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code?: string; message?: string; detail?: string; constraint?: string } | null> {
  return promise.then(
    () => null,
    (e: unknown) => e as { code?: string; message?: string; detail?: string; constraint?: string },
  )
}
