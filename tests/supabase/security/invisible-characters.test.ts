import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, REFUSED, type SessionStep, type TestDatabase } from '../test-database'
import { ACTOR, CATEGORY, INSIDE, SHOP, TERRITORY } from '../policies/fixtures'
import {
  CACTOR,
  SUBMISSION,
  errorOf,
  insertSubmission,
  loadCurationFixtures,
  submissionValues,
  updatedAtOf,
} from '../policies/curation-fixtures'
import { declareStaleCheckedWrite } from '../policies/helpers'

/**
 * Names, addresses, communes and links refuse, through every door (a shop's direct insert
 * under the grants and its update inside a declared stale-checked write, as its functions run
 * it; update_shop_details; import_shops; a submission's insert and update), every character
 * private.is_visible_text refuses: C0 controls (tab, line feed and carriage return included),
 * DEL, C1 controls, bidirectional formatting and zero-width characters
 * (supabase/migrations/20261207093000_invisible_characters.sql). Ordinary text (accents, emoji,
 * other scripts) goes through the same doors, so that each refusal is proved to come from the
 * rule. Multi-line text (description, status message) keeps its own rule: line breaks and emoji
 * sequences stay allowed there.
 * Modelled on tests/supabase/security/input-limits.test.ts; tests/supabase/shop-rules-parity.test.ts
 * holds the app's copy of the rule (src/shop/shop-rules.ts).
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

const CODE_POINTS = [
  ...Array.from({ length: 0x1f }, (_, i) => i + 1), // C0, tab, line feed and carriage return included
  0x7f, // DEL
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), // C1
  0x061c, // Arabic letter mark
  0x200b, // zero-width space
  0x200c, // zero-width non-joiner
  0x200d, // zero-width joiner
  0x200e, // left-to-right mark
  0x200f, // right-to-left mark
  0x202a, // left-to-right embedding
  0x202b, // right-to-left embedding
  0x202c, // pop directional formatting
  0x202d, // left-to-right override
  0x202e, // right-to-left override
  0x2060, // word joiner
  0x2066, // left-to-right isolate
  0x2067, // right-to-left isolate
  0x2068, // first strong isolate
  0x2069, // pop directional isolate
  0xfeff, // zero-width no-break space (byte order mark)
]
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`

type Value = string | string[]

/** How a column's values are written: one with the code point inside, and ordinary ones. */
interface Kind {
  with(ch: string): Value
  ordinary: Value[]
}

const NAME: Kind = {
  with: (ch) => `Chez${ch}Zoé`,
  ordinary: ['Chez Zoé « L’Épi d’Or »', 'Pains 🥖🍞', 'مخبز الحي', 'Пекарня', '面包店'],
}
const LINK: Kind = {
  with: (ch) => `https://zoe.example.fr/pa${ch}in`,
  ordinary: ['https://café.example.fr/pâtisserie', 'https://🍞.example.fr', 'https://пекарня.рф/'],
}
const LINKS: Kind = {
  with: (ch) => ['https://ok.example.fr', `https://zoe.example.fr/pa${ch}in`],
  ordinary: [['https://café.example.fr/pâtisserie', 'https://🍞.example.fr']],
}

/** The columns under the new rule that shops and submissions share. */
const SHARED: Record<string, Kind> = {
  name: NAME,
  address: NAME,
  commune_name: NAME,
  website: LINK,
  social_links: LINKS,
}

interface Outcome {
  value: Value
  code: string | null
  constraint: string | null
}

/** What a door does once per session before its writes. */
type Prepare = (step: SessionStep) => Promise<void>

/**
 * Runs `write` once per value in one rolled-back session (each write in its own savepoint) and
 * reports each outcome: null code when the write went through (exactly one row).
 */
async function outcomes(
  values: Value[],
  write: (step: SessionStep, value: Value) => Promise<unknown[]>,
  prepare?: Prepare,
): Promise<Outcome[]> {
  return db.session(async (step) => {
    await prepare?.(step)
    const results: Outcome[] = []
    for (const value of values) {
      const error = await errorOf(
        write(step, value).then((rows) => {
          if (rows.length !== 1) throw new Error(`${rows.length} rows written`)
        }),
      )
      results.push({ value, code: error?.code ?? null, constraint: error?.constraint ?? null })
    }
    return results
  })
}

/**
 * Every code point refused by a CHECK (23514); U+200B, which nothing but the new rule refuses,
 * by the column's *_visible constraint; every ordinary value accepted.
 */
async function expectRule(
  constraint: string,
  kind: Kind,
  write: (step: SessionStep, value: Value) => Promise<unknown[]>,
  prepare?: Prepare,
) {
  const refused = await outcomes(
    CODE_POINTS.map((c) => kind.with(String.fromCodePoint(c))),
    write,
    prepare,
  )
  const accepted = refused
    .map((o, i) => ({ ...o, point: hex(CODE_POINTS[i]!) }))
    .filter((o) => o.code !== REFUSED.check)
  expect(accepted.map((o) => `${o.point}: ${o.code ?? 'accepted'}`)).toEqual([])
  expect(refused[CODE_POINTS.indexOf(0x200b)]?.constraint).toBe(constraint)
  // Each in its own session: a merchant may not have more than 3 pending submissions.
  const ordinary: Outcome[] = []
  for (const value of kind.ordinary) ordinary.push(...(await outcomes([value], write, prepare)))
  expect(ordinary.filter((o) => o.code !== null)).toEqual([])
}

describe('shops', () => {
  // A client updates a shop only through the stale-checked functions
  // (20261207091000_stale_checked_writes.sql); the update they run, one column at a time. A
  // refused update leaves updated_at as it was, so one declaration serves every attempt.
  it.each(Object.entries({ ...SHARED, source_attribution: NAME }))(
    'a curator updates %s (stale-checked write)',
    (column, kind) =>
      expectRule(
        `shops_${column}_visible`,
        kind,
        (step, value) =>
          step(
            ACTOR.curatorX,
            `update public.shops set ${column} = $2 where id = $1 returning id`,
            [SHOP.U, value],
          ),
        (step) => declareStaleCheckedWrite(step, SHOP.U),
      ),
  )

  it.each(['website', 'social_links'] as const)(
    'a member updates %s (stale-checked write)',
    (column) =>
      expectRule(
        `shops_${column}_visible`,
        SHARED[column]!,
        (step, value) =>
          step(ACTOR.ownerA, `update public.shops set ${column} = $2 where id = $1 returning id`, [
            SHOP.A,
            value,
          ]),
        (step) => declareStaleCheckedWrite(step, SHOP.A),
      ),
  )

  let inserted = 0
  it.each(Object.entries({ ...SHARED, source_ref: NAME, source_attribution: NAME }))(
    'a curator inserts %s',
    (column, kind) =>
      expectRule(`shops_${column}_visible`, kind, (step, value) => {
        const row: Record<string, unknown> = {
          territory_slug: TERRITORY.X,
          kind: 'commercant',
          name: `Insertion ${++inserted}`,
          category_slug: CATEGORY.food,
          source: 'import',
          source_ref: `invisible/${inserted}`,
          [column]: value,
        }
        const columns = Object.keys(row)
        return step(
          ACTOR.curatorX,
          `insert into public.shops (location, ${columns.join(', ')})
           values (${INSIDE.X}, ${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
          Object.values(row),
        )
      }),
  )
})

describe('shop_submissions', () => {
  it.each(Object.entries(SHARED))('a merchant submits %s', (column, kind) =>
    expectRule(`shop_submissions_${column}_visible`, kind, (step, value) => {
      const { sql, params } = insertSubmission(
        { submitted_by: CACTOR.merchant2.userId, ...submissionValues({ [column]: value }) },
        'id',
      )
      return step(CACTOR.merchant2, sql, params)
    }),
  )

  it.each(Object.entries(SHARED))('the submitter updates %s', (column, kind) =>
    expectRule(`shop_submissions_${column}_visible`, kind, (step, value) =>
      step(
        CACTOR.merchant,
        `update public.shop_submissions set ${column} = $2 where id = $1 returning id`,
        [SUBMISSION.pendingX, value],
      ),
    ),
  )

  it.each(Object.entries(SHARED))('a curator updates %s', (column, kind) =>
    expectRule(`shop_submissions_${column}_visible`, kind, (step, value) =>
      step(
        ACTOR.curatorX,
        `update public.shop_submissions set ${column} = $2 where id = $1 returning id`,
        [SUBMISSION.pendingX, value],
      ),
    ),
  )
})

describe('RPCs', () => {
  const DETAILS = [
    'opening_hours',
    'ordering_instructions',
    'description',
    'phone',
    'email',
    'website',
  ] as const

  /** update_shop_details on shop A as its owner, with its current token. */
  const updateDetails = (step: SessionStep, args: Record<string, unknown>) =>
    updatedAtOf(step, 'shops', SHOP.A).then((token) =>
      step(
        ACTOR.ownerA,
        `select id from public.update_shop_details($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [SHOP.A, ...DETAILS.map((d) => args[d] ?? null), args.social_links ?? [], token],
      ),
    )

  it.each(['website', 'social_links'] as const)('update_shop_details %s', (column) =>
    expectRule(`shops_${column}_visible`, SHARED[column]!, (step, value) =>
      updateDetails(step, { [column]: value }),
    ),
  )

  it('update_shop_details: the description stays multi-line text (line breaks, emoji sequences)', async () => {
    const result = await outcomes(['Pain au levain.\nBrioche\tle dimanche 👩‍🍳'], (step, value) =>
      updateDetails(step, { description: value }),
    )
    expect(result.map((o) => o.code)).toEqual([null])
  })

  it('set_shop_status: the message stays multi-line text (line breaks, emoji sequences)', async () => {
    const result = await outcomes(['Fermé ce midi.\nRéouverture à 15 h 👩‍🍳'], (step, value) =>
      updatedAtOf(step, 'shops', SHOP.A).then((token) =>
        step(
          ACTOR.ownerA,
          `select id from public.set_shop_status($1, 'closed', $2, null, null, $3)`,
          [SHOP.A, value, token],
        ),
      ),
    )
    expect(result.map((o) => o.code)).toEqual([null])
  })

  /** import_shops reports each refused line: one line per code point and position. */
  const IMPORT_FIELDS = {
    name: ['Nom invalide', NAME],
    address: ['Adresse invalide', NAME],
    communeName: ['Nom de commune invalide', NAME],
    website: ['Site web invalide', LINK],
    socialLinks: ['Liens invalides', LINKS],
    sourceRef: ['Clé de la ligne invalide', NAME],
  } as const

  it.each(Object.entries(IMPORT_FIELDS))('import_shops %s', async (field, [subject, kind]) => {
    const line = (n: number, value: Value) => ({
      line: n,
      sourceRef: `invisible/${field}/${n}`,
      kind: 'commercant',
      name: `Import ${n}`,
      categorySlug: CATEGORY.food,
      lon: 1.5,
      lat: 45.5 + n / 100000,
      [field]: value,
    })
    // At the start, in the middle and at the end (JSON cannot carry NUL; the rest it can).
    const values = CODE_POINTS.flatMap((c) => {
      const ch = String.fromCodePoint(c)
      const middle = kind.with(ch)
      const text = [middle].flat().at(-1)!
      const [start, end] = text.startsWith('https://')
        ? [`${ch}${text.replace(ch, '')}`, `${text.replace(ch, '')}${ch}`]
        : [`${ch}Chez Zoé`, `Chez Zoé${ch}`]
      const wrap = (v: string) => (Array.isArray(middle) ? ['https://ok.example.fr', v] : v)
      return [wrap(start), middle, wrap(end)]
    })
    const rows = await db.as<{ line: number; action: string; message: string | null }>(
      ACTOR.curatorX,
      `select line, action, message from public.import_shops($1, 'import', $2::jsonb, true)`,
      [TERRITORY.X, JSON.stringify(values.map((v, i) => line(i + 1, v)))],
    )
    expect(rows).toHaveLength(values.length)
    expect(
      rows.filter((r) => r.action !== 'error').map((r) => JSON.stringify(values[r.line - 1])),
    ).toEqual([])
    // In French, never the database's English.
    expect(rows.filter((r) => /violates|constraint/.test(r.message ?? ''))).toEqual([])
    // Where only the new rule refuses (U+200B in the middle), its own message.
    const zeroWidth = CODE_POINTS.indexOf(0x200b) * 3 + 2
    expect(rows.find((r) => r.line === zeroWidth)?.message).toBe(
      `${subject} : caractères invisibles ou de contrôle interdits`,
    )

    const ordinary = await db.as<{ action: string; message: string | null }>(
      ACTOR.curatorX,
      `select action, message from public.import_shops($1, 'import', $2::jsonb, true)`,
      [TERRITORY.X, JSON.stringify(kind.ordinary.map((v, i) => line(i + 1, v)))],
    )
    expect(ordinary.map((r) => r.action)).toEqual(kind.ordinary.map(() => 'create'))
  })
})

describe('import messages for the invisible-characters constraints', () => {
  const message = async (constraint: string) =>
    (
      await db.superuser<{ m: string }>(
        `select private.import_error_message('23514', $1, null, 'raw') as m`,
        [constraint],
      )
    )[0]!.m

  it('words each new constraint in French', async () => {
    for (const [constraint, subject] of [
      ['shops_name_visible', 'Nom invalide'],
      ['shops_address_visible', 'Adresse invalide'],
      ['shops_commune_name_visible', 'Nom de commune invalide'],
      ['shops_website_visible', 'Site web invalide'],
      ['shops_social_links_visible', 'Liens invalides'],
      ['shops_source_ref_visible', 'Clé de la ligne invalide'],
      ['shops_source_attribution_visible', 'Crédit de la source invalide'],
    ])
      expect(await message(constraint!)).toBe(
        `${subject} : caractères invisibles ou de contrôle interdits`,
      )
  })

  it('keeps the earlier messages, input limits included', async () => {
    expect(await message('shops_website_clean')).toBe(
      'Site web invalide : caractères de contrôle interdits',
    )
    expect(await message('shops_postcode_check')).toBe('Code postal invalide (5 chiffres)')
    expect(await message('some_other_check')).toBe('Valeur refusée : raw')
  })

  it('names every *_visible constraint of both tables', async () => {
    const rows = await db.superuser<{ name: string }>(
      `select conname as name from pg_constraint
        where conrelid in ('public.shops'::regclass, 'public.shop_submissions'::regclass)
          and conname like '%\\_visible' order by conname`,
    )
    expect(rows.map((r) => r.name)).toEqual([
      'shop_submissions_address_visible',
      'shop_submissions_commune_name_visible',
      'shop_submissions_name_visible',
      'shop_submissions_social_links_visible',
      'shop_submissions_website_visible',
      'shops_address_visible',
      'shops_commune_name_visible',
      'shops_name_visible',
      'shops_social_links_visible',
      'shops_source_attribution_visible',
      'shops_source_ref_visible',
      'shops_website_visible',
    ])
  })
})
