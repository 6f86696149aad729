import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectRefused,
  openTestDatabase,
  REFUSED,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import { ACTOR, CATEGORY, INSIDE, SHOP, TERRITORY, USER } from '../policies/fixtures'
import {
  CACTOR,
  SUBMISSION,
  errorOf,
  insertSubmission,
  loadCurationFixtures,
  submissionValues,
  updatedAtOf,
} from '../policies/curation-fixtures'
import { asStaleCheckedWrite } from '../policies/helpers'

/**
 * Every text a user can write, through every door (direct insert and update under the grants,
 * a shop's update inside a declared stale-checked write as its functions run it, and the RPCs),
 * refuses an over-long value and a control character. The value one below the
 * limit is accepted, so that each refusal is proved to come from the limit.
 * Complements tests/supabase/policies/shops-checks.test.ts (a few shops columns) with the full
 * matrix; tests/supabase/shop-rules-parity.test.ts holds the app's copy of the same rules.
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

/** The control characters a form could smuggle in: C0 (but tab, LF, CR), ESC and DEL. */
const CONTROLS = ['\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f']

/** How to build a valid value of a given length and one carrying a control character. */
interface TextRule {
  max: number
  valid(length: number): string
  withControl(c: string): string
}

const plain = (max: number): TextRule => ({
  max,
  valid: (n) => 'x'.repeat(n),
  withControl: (c) => `Avant${c}après`,
})

const RULE = {
  url: {
    max: 500,
    valid: (n: number) => `https://a.fr/${'p'.repeat(n - 13)}`,
    withControl: (c: string) => `https://a.fr/chemin${c}suite`,
  },
  email: {
    max: 254,
    valid: (n: number) => `${'m'.repeat(n - 5)}@a.fr`,
    withControl: (c: string) => `a${c}b@a.fr`,
  },
  phone: {
    // `^\+?[0-9][0-9 .()-]{5,24}$`: 26 characters with the plus sign.
    max: 26,
    valid: (n: number) => `+3${'3'.repeat(n - 2)}`,
    withControl: (c: string) => `05 49${c}00 00 00`,
  },
  postcode: {
    max: 5,
    valid: (n: number) => '0'.repeat(n - 3) + '100',
    withControl: (c: string) => `0010${c}`,
  },
  insee: {
    max: 5,
    valid: (n: number) => '0'.repeat(n - 1) + '1',
    withControl: (c: string) => `0000${c}`,
  },
} satisfies Record<string, TextRule>

/** The writable text columns shared by shops and submissions, with their rules. */
const CONTENT_COLUMNS: Record<string, TextRule> = {
  name: plain(120),
  description: plain(2000),
  address: plain(200),
  commune_name: plain(100),
  opening_hours: plain(500),
  opening_hours_note: plain(1000),
  ordering_instructions: plain(1000),
  website: RULE.url,
  email: RULE.email,
  phone: RULE.phone,
  postcode: RULE.postcode,
  commune_insee: RULE.insee,
}

/** What a curator may also write on a shop. */
const SHOP_ONLY_COLUMNS: Record<string, TextRule> = {
  status_message: plain(280),
  source_attribution: plain(300),
}

type Case = [label: string, column: string, value: string | string[], accepted: boolean]

/** Over-long, each control character, NUL, and the longest accepted value. */
function cases(columns: Record<string, TextRule>): Case[] {
  return Object.entries(columns).flatMap(([column, rule]) => [
    [`${column}: ${rule.max} characters`, column, rule.valid(rule.max), true] as Case,
    [`${column}: ${rule.max + 1} characters`, column, rule.valid(rule.max + 1), false] as Case,
    ...CONTROLS.map(
      (c) =>
        [
          `${column}: U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          column,
          rule.withControl(c),
          false,
        ] as Case,
    ),
    [`${column}: NUL`, column, rule.withControl('\u0000'), false] as Case,
  ])
}

const SOCIAL_CASES: Case[] = [
  ['social_links: 10 links', 'social_links', Array(10).fill('https://s.example.fr'), true],
  ['social_links: 11 links', 'social_links', Array(11).fill('https://s.example.fr'), false],
  ['social_links: one of 501 characters', 'social_links', [RULE.url.valid(501)], false],
  ...CONTROLS.map(
    (c) =>
      [
        `social_links: U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        'social_links',
        ['https://ok.example.fr', RULE.url.withControl(c)],
        false,
      ] as Case,
  ),
]

/**
 * Refused: a CHECK (23514); NUL never reaches a CHECK, PostgreSQL cannot store it in `text`
 * (22021 on the wire, 22P05 from a JSON escape). Accepted: exactly one row written.
 */
async function expectVerdict(
  promise: Promise<unknown[]>,
  value: string | string[],
  accepted: boolean,
) {
  if (accepted) {
    expect(await promise).toHaveLength(1)
    return
  }
  const hasNul = [value].flat().some((v) => v.includes('\u0000'))
  if (!hasNul) return expectRefused(promise, REFUSED.check)
  const error = await errorOf(promise)
  expect(error, 'a NUL character must be refused').not.toBeNull()
  expect(['22021', '22P05', REFUSED.check]).toContain(error?.code)
}

describe('shops: every text column a curator or member writes', () => {
  it.each([...cases({ ...CONTENT_COLUMNS, ...SHOP_ONLY_COLUMNS }), ...SOCIAL_CASES])(
    'update %s',
    (_label, column, value, accepted) =>
      expectVerdict(
        asStaleCheckedWrite(
          db,
          ACTOR.curatorX,
          SHOP.U,
          `update public.shops set ${column} = $2 where id = $1 returning id`,
          [SHOP.U, value],
        ),
        value,
        accepted,
      ),
  )

  const insertShop = (column: string, value: unknown) => {
    const row: Record<string, unknown> = {
      territory_slug: TERRITORY.X,
      kind: 'commercant',
      name: 'Insertion',
      category_slug: CATEGORY.food,
      source: 'import',
      source_ref: 'security/insert',
      [column]: value,
    }
    const columns = Object.keys(row)
    return db.as(
      ACTOR.curatorX,
      `insert into public.shops (location, ${columns.join(', ')})
       values (${INSIDE.X}, ${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
      Object.values(row),
    )
  }

  it.each([
    ...cases({ source_ref: plain(200) }),
    // A sample of the content columns through the insert door too.
    ...cases({ name: plain(120), website: RULE.url, status_message: plain(280) }),
  ])('insert %s', (_label, column, value, accepted) =>
    expectVerdict(insertShop(column, value), value, accepted),
  )
})

describe('shop_submissions: every text column a merchant writes', () => {
  it.each([...cases(CONTENT_COLUMNS), ...SOCIAL_CASES])(
    'insert %s',
    (_label, column, value, accepted) => {
      const { sql, params } = insertSubmission(
        { submitted_by: CACTOR.merchant2.userId, ...submissionValues({ [column]: value }) },
        'id',
      )
      return expectVerdict(db.as(CACTOR.merchant2, sql, params), value, accepted)
    },
  )

  it.each([...cases(CONTENT_COLUMNS), ...SOCIAL_CASES])(
    'update %s',
    (_label, column, value, accepted) =>
      expectVerdict(
        db.as(
          CACTOR.merchant,
          `update public.shop_submissions set ${column} = $2 where id = $1 returning id`,
          [SUBMISSION.pendingX, value],
        ),
        value,
        accepted,
      ),
  )
})

describe('shop_invitations: the invited address', () => {
  it.each(cases({ email: RULE.email }))('insert %s', (_label, _column, value, accepted) =>
    expectVerdict(
      db.as(
        ACTOR.curatorX,
        `insert into public.shop_invitations (shop_id, email, invited_by) values ($1, $2, $3)
         returning id`,
        [SHOP.B, value, USER.curatorX],
      ),
      value,
      accepted,
    ),
  )
})

describe('RPCs: every text argument', () => {
  /** Runs `call` in a rolled-back session, with shop A's current token. */
  const withToken = <T>(
    table: 'shops' | 'shop_submissions',
    id: string,
    call: (step: SessionStep, token: string) => Promise<T>,
  ) => db.session(async (step) => call(step, await updatedAtOf(step, table, id)))

  it.each(cases({ message: plain(280) }))(
    'set_shop_status %s',
    (_label, _column, value, accepted) =>
      expectVerdict(
        withToken('shops', SHOP.A, (step, token) =>
          step(
            ACTOR.ownerA,
            `select id from public.set_shop_status($1, 'closed', $2, null, null, $3)`,
            [SHOP.A, value, token],
          ),
        ),
        value,
        accepted,
      ),
  )

  const DETAILS = [
    'opening_hours',
    'ordering_instructions',
    'description',
    'phone',
    'email',
    'website',
  ] as const
  const detailsRules = Object.fromEntries(DETAILS.map((name) => [name, CONTENT_COLUMNS[name]!]))

  it.each([...cases(detailsRules), ...SOCIAL_CASES])(
    'update_shop_details %s',
    (_label, column, value, accepted) =>
      expectVerdict(
        withToken('shops', SHOP.A, (step, token) => {
          const args: Record<string, unknown> = Object.fromEntries(DETAILS.map((d) => [d, null]))
          args[column] = value
          return step(
            ACTOR.ownerA,
            `select id from public.update_shop_details($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [SHOP.A, ...DETAILS.map((d) => args[d]), args.social_links ?? [], token],
          )
        }),
        value,
        accepted,
      ),
  )

  it.each(cases({ reason: plain(500) }))(
    'refuse_submission %s',
    (_label, _column, value, accepted) =>
      expectVerdict(
        withToken('shop_submissions', SUBMISSION.pendingX, (step, token) =>
          step(ACTOR.curatorX, `select id from public.refuse_submission($1, $2, $3)`, [
            SUBMISSION.pendingX,
            value,
            token,
          ]),
        ),
        value,
        accepted,
      ),
  )

  /** import_shops reports a refused line instead of raising: the line must be an error. */
  const IMPORT_FIELDS: Record<string, TextRule> = {
    name: plain(120),
    description: plain(2000),
    address: plain(200),
    communeName: plain(100),
    openingHours: plain(500),
    openingHoursNote: plain(1000),
    orderingInstructions: plain(1000),
    website: RULE.url,
    email: RULE.email,
    phone: RULE.phone,
    postcode: RULE.postcode,
    communeInsee: RULE.insee,
    sourceRef: plain(200),
  }

  it.each(cases(IMPORT_FIELDS).filter(([, , value]) => !String(value).includes('\u0000')))(
    'import_shops %s',
    async (_label, field, value, accepted) => {
      const line = {
        line: 1,
        sourceRef: 'security/import',
        kind: 'commercant',
        name: 'Import',
        categorySlug: CATEGORY.food,
        lon: 1.5,
        lat: 45.5,
        [field]: value,
      }
      const rows = await db.as<{ action: string; message: string | null }>(
        ACTOR.curatorX,
        `select action, message from public.import_shops($1, 'import', $2::jsonb, false)`,
        [TERRITORY.X, JSON.stringify([line])],
      )
      expect(rows).toHaveLength(1)
      if (accepted) expect(rows[0]).toEqual({ action: 'create', message: null })
      else {
        expect(rows[0]?.action).toBe('error')
        // Said in French, not the database's English.
        expect(rows[0]?.message).not.toMatch(/violates|constraint/)
      }
    },
  )

  it('import_shops: a NUL in a line refuses the whole call (no line is written)', async () => {
    const error = await errorOf(
      db.as(
        ACTOR.curatorX,
        `select action from public.import_shops($1, 'import', $2::jsonb, false)`,
        [
          TERRITORY.X,
          JSON.stringify([
            { sourceRef: 'nul', kind: 'commercant', name: 'a\u0000b', categorySlug: CATEGORY.food },
          ]),
        ],
      ),
    )
    expect(error?.code).toBe('22P05')
  })
})

describe('import messages for the control-character constraints', () => {
  const message = async (constraint: string) =>
    (
      await db.superuser<{ m: string }>(
        `select private.import_error_message('23514', $1, null, 'raw') as m`,
        [constraint],
      )
    )[0]!.m

  it('words each new constraint in French', async () => {
    expect(await message('shops_website_clean')).toBe(
      'Site web invalide : caractères de contrôle interdits',
    )
    expect(await message('shops_social_links_clean')).toBe(
      'Liens invalides : caractères de contrôle interdits',
    )
    expect(await message('shops_source_ref_clean')).toBe(
      'Clé de la ligne invalide : caractères de contrôle interdits',
    )
    expect(await message('shops_source_attribution_clean')).toBe(
      'Crédit de la source invalide : caractères de contrôle interdits',
    )
  })

  it('keeps the earlier messages', async () => {
    expect(await message('shops_postcode_check')).toBe('Code postal invalide (5 chiffres)')
    expect(await message('some_other_check')).toBe('Valeur refusée : raw')
  })
})
