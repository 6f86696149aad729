import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINE,
  expectRefused,
  openTestDatabase,
  REFUSED,
  type Actor,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import { ACTOR, CATEGORY, SHOP, TERRITORY } from '../policies/fixtures'
import {
  SUBMISSION,
  errorOf,
  loadCurationFixtures,
  updatedAtOf,
} from '../policies/curation-fixtures'
import { RPC_BOUNDS } from '../../../src/backend/rpc-bounds'

/**
 * Every argument a client can send to the functions granted to anon and authenticated is
 * bounded in the database (supabase/migrations/20261207090000_rpc_argument_bounds.sql): the
 * value at the bound passes the bound (the function, or the column's own CHECK, then decides),
 * one past it is refused with 22023 and a message naming the argument and the bound, before the
 * function reads anything. Huge values are refused at once. tests/supabase/rpc-bounds-parity
 * .test.ts checks the embedded adapter's copy of the bounds.
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

const BOUND = '22023'

/** A refusal by a bound: 22023 and the message of private.check_argument_*. */
async function expectBoundRefusal(promise: Promise<unknown>, message: string | RegExp) {
  const error = await errorOf(promise)
  expect(error, 'expected a refusal by the argument bound').not.toBeNull()
  expect(error?.code, `${error?.code}: ${error?.message}`).toBe(BOUND)
  expect(error?.message).toMatch(message)
}

/** Passes the bound: succeeds, or is refused by something else than a bound. */
async function expectPastTheBound(promise: Promise<unknown>, refusedBy?: string) {
  const error = await errorOf(promise)
  if (refusedBy === undefined) {
    expect(error, `${error?.code}: ${error?.message}`).toBeNull()
    return
  }
  expect(error?.code, `${error?.code}: ${error?.message}`).toBe(refusedBy)
  expect(error?.message ?? '').not.toMatch(/at most \d+ (characters|\(got)|too many elements/)
}

// How fast a refusal comes is measured by `npm run bench` (bench/db/worst-calls.ts), never
// by a timed test: these tests prove the refusal and its SQLSTATE.

const pad = (text: string, length: number) => text + ' '.repeat(length - text.length)
const words = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`).join(' ')

const VISITORS: [string, Actor][] = [
  ['anon', ACTOR.anon],
  ['authenticated', ACTOR.stranger],
]

// ---------------------------------------------------------------------------
// shops_in_viewport
// ---------------------------------------------------------------------------

const VIEWPORT_SQL = `select id from public.shops_in_viewport(0, 44, 5, 49,
  services => $1::public.shop_service[], categories => $2::text[], kinds => $3::text[],
  statuses => $4::text[], search => $5, row_limit => $6)`

interface ViewportFilters {
  services?: string[]
  categories?: string[]
  kinds?: string[]
  statuses?: string[]
  search?: string
  rowLimit?: number
}

const viewport = (actor: Actor, f: ViewportFilters) =>
  db.as(actor, VIEWPORT_SQL, [
    f.services ?? null,
    f.categories ?? null,
    f.kinds ?? null,
    f.statuses ?? null,
    f.search ?? null,
    f.rowLimit ?? 500,
  ])

const SERVICES = [
  'click_and_collect',
  'delivery',
  'shipping',
  'gift_cards',
  'visit_by_appointment',
  'remote_ordering',
  'in_store',
]

describe.each(VISITORS)('shops_in_viewport as %s', (_role, actor) => {
  it(`search: ${RPC_BOUNDS.searchLength} characters pass, one more is refused`, async () => {
    const max = RPC_BOUNDS.searchLength
    await expectPastTheBound(viewport(actor, { search: 'x'.repeat(max) }))
    await expectPastTheBound(viewport(actor, { search: 'é'.repeat(max) }))
    await expectPastTheBound(viewport(actor, { search: '🍞'.repeat(max) }))
    await expectBoundRefusal(
      viewport(actor, { search: 'x'.repeat(max + 1) }),
      `search is too long: at most ${max} characters (got ${max + 1})`,
    )
    await expectBoundRefusal(
      viewport(actor, { search: '🍞'.repeat(max + 1) }),
      `search is too long: at most ${max} characters (got ${max + 1})`,
    )
  })

  it(`search: ${RPC_BOUNDS.searchWords} words pass, one more is refused`, async () => {
    const max = RPC_BOUNDS.searchWords
    await expectPastTheBound(viewport(actor, { search: words(max) }))
    await expectBoundRefusal(
      viewport(actor, { search: words(max + 1) }),
      `search has too many words: at most ${max} (got ${max + 1})`,
    )
    // Words as the search makes them: runs of letters and digits, whatever separates them.
    await expectBoundRefusal(
      viewport(actor, { search: 'a-b.c/d’e_f,g;h:i!j?k' }),
      `search has too many words: at most ${max} (got 11)`,
    )
    await expectPastTheBound(viewport(actor, { search: `${'-'.repeat(80)} œuf Œuf ß` }))
  })

  it('a 64 KiB search and 1 MiB of short words are refused at once', async () => {
    const word = 'x'.repeat(64 * 1024)
    const shortWords = 'ab '.repeat(Math.ceil((1024 * 1024) / 3)).slice(0, 1024 * 1024)
    for (const search of [word, shortWords]) {
      const call = viewport(actor, { search })
      await expectBoundRefusal(
        call,
        `search is too long: at most ${RPC_BOUNDS.searchLength} characters (got ${search.length})`,
      )
    }
  })

  it(`services: ${RPC_BOUNDS.viewportServices} pass, one more is refused`, async () => {
    await expectPastTheBound(viewport(actor, { services: SERVICES }))
    await expectBoundRefusal(
      viewport(actor, { services: [...SERVICES, 'in_store'] }),
      `services has too many elements: at most ${RPC_BOUNDS.viewportServices} (got 8)`,
    )
  })

  it.each([
    ['categories', RPC_BOUNDS.viewportCategories],
    ['kinds', RPC_BOUNDS.viewportKinds],
    ['statuses', RPC_BOUNDS.viewportStatuses],
  ] as const)('%s: %i values pass, one more is refused', async (argument, max) => {
    const values = Array.from({ length: max }, (_, i) => `value-${i}`)
    await expectPastTheBound(viewport(actor, { [argument]: values }))
    await expectBoundRefusal(
      viewport(actor, { [argument]: [...values, 'one-more'] }),
      `${argument} has too many elements: at most ${max} (got ${max + 1})`,
    )
  })

  it.each(['categories', 'kinds', 'statuses'] as const)(
    '%s: a value of 60 characters passes, 61 is refused, naming its position',
    async (argument) => {
      const max = RPC_BOUNDS.slugLength
      await expectPastTheBound(viewport(actor, { [argument]: ['a', 'x'.repeat(max)] }))
      await expectBoundRefusal(
        viewport(actor, { [argument]: ['a', 'x'.repeat(max + 1)] }),
        `${argument}[2] is too long: at most ${max} characters (got ${max + 1})`,
      )
    },
  )

  it(`row_limit: ${RPC_BOUNDS.viewportRows} passes, one more is refused`, async () => {
    await expectPastTheBound(viewport(actor, { rowLimit: RPC_BOUNDS.viewportRows }))
    await expectBoundRefusal(
      viewport(actor, { rowLimit: RPC_BOUNDS.viewportRows + 1 }),
      `invalid row_limit ${RPC_BOUNDS.viewportRows + 1}: it must be between 1 and ${RPC_BOUNDS.viewportRows}`,
    )
  })

  it('huge filter lists are refused at once', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `category-${i}`)
    const call = viewport(actor, { categories: many })
    await expectBoundRefusal(call, 'categories has too many elements: at most 20 (got 10000)')
    await expectBoundRefusal(
      viewport(actor, { kinds: ['x'.repeat(1024 * 1024)] }),
      `kinds[1] is too long: at most 60 characters (got ${1024 * 1024})`,
    )
  })
})

// ---------------------------------------------------------------------------
// published_shops_geojson
// ---------------------------------------------------------------------------

describe.each(VISITORS)('published_shops_geojson as %s', (_role, actor) => {
  const geojson = (slug: string) =>
    db.as<{ g: unknown }>(actor, 'select public.published_shops_geojson($1) as g', [slug])

  it('territory_slug: 60 characters pass, 61 are refused, 1 MiB at once', async () => {
    const max = RPC_BOUNDS.slugLength
    expect(await geojson('x'.repeat(max))).toEqual([{ g: null }])
    await expectBoundRefusal(
      geojson('x'.repeat(max + 1)),
      `territory_slug is too long: at most ${max} characters (got ${max + 1})`,
    )
    const call = geojson('x'.repeat(1024 * 1024))
    await expectBoundRefusal(call, 'territory_slug is too long')
  })

  it('still answers for a territory', async () => {
    const [row] = await geojson(TERRITORY.X)
    expect(row?.g).toMatchObject({ type: 'FeatureCollection', name: TERRITORY.X })
  })
})

// ---------------------------------------------------------------------------
// The signed-in functions: bounded at twice the column's limit
// ---------------------------------------------------------------------------

/** Runs `call` in a rolled-back session with the row's current token. */
const withToken = <T>(
  table: 'shops' | 'shop_submissions',
  id: string,
  call: (step: SessionStep, token: string) => Promise<T>,
) => db.session(async (step) => call(step, await updatedAtOf(step, table, id)))

describe('set_shop_status', () => {
  const setStatus = (status: string, message: string | null, services: string[] | null) =>
    withToken('shops', SHOP.A, (step, token) =>
      step(
        ACTOR.ownerA,
        `select id from public.set_shop_status($1, $2, $3, null, $4::public.shop_service[], $5)`,
        [SHOP.A, status, message, services, token],
      ),
    )

  it('status: 60 characters pass the bound (the CHECK refuses them), 61 are refused', async () => {
    await expectPastTheBound(setStatus('x'.repeat(60), null, null), REFUSED.check)
    await expectBoundRefusal(
      setStatus('x'.repeat(61), null, null),
      'status is too long: at most 60 characters (got 61)',
    )
  })

  it('message: 560 characters pass (trimmed to 280 here), 561 are refused', async () => {
    const max = RPC_BOUNDS.statusMessageLength
    await expectPastTheBound(setStatus('closed', pad('x'.repeat(280), max), null))
    await expectBoundRefusal(
      setStatus('closed', pad('x'.repeat(280), max + 1), null),
      `message is too long: at most ${max} characters (got ${max + 1})`,
    )
  })

  it('services: 14 pass the bound (the CHECK refuses more than 7), 15 are refused', async () => {
    const fourteen = [...SERVICES, ...SERVICES]
    await expectPastTheBound(setStatus('open', null, fourteen), REFUSED.check)
    await expectBoundRefusal(
      setStatus('open', null, [...fourteen, 'in_store']),
      'services has too many elements: at most 14 (got 15)',
    )
  })

  it('anon is refused by the grant, whatever the size', () =>
    expectRefused(
      db.as(
        ACTOR.anon,
        `select id from public.set_shop_status($1, 'closed', $2, null, null, now())`,
        [SHOP.A, 'x'.repeat(1024 * 1024)],
      ),
      REFUSED.privilege,
    ))
})

describe('update_shop_details', () => {
  const DETAILS = [
    ['opening_hours', 'Mo-Fr 09:00-18:00', RPC_BOUNDS.openingHoursLength],
    ['ordering_instructions', 'Commande la veille', RPC_BOUNDS.orderingInstructionsLength],
    ['description', 'Pain au levain', RPC_BOUNDS.descriptionLength],
    ['phone', '+33 5 49 00 00 00', RPC_BOUNDS.phoneLength],
    ['email', 'a@example.fr', RPC_BOUNDS.emailLength],
    ['website', 'https://a.example.fr', RPC_BOUNDS.websiteLength],
  ] as const
  const names = DETAILS.map(([name]) => name)

  const update = (values: Record<string, unknown>, links: string[] = []) =>
    withToken('shops', SHOP.A, (step, token) =>
      step(
        ACTOR.ownerA,
        `select id from public.update_shop_details($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [SHOP.A, ...names.map((n) => values[n] ?? null), links, token],
      ),
    )

  it.each(DETAILS)(
    '%s: a value padded to the bound passes (trimmed), one more is refused',
    async (name, value, max) => {
      await expectPastTheBound(update({ [name]: pad(value, max) }))
      await expectBoundRefusal(
        update({ [name]: pad(value, max + 1) }),
        `${name} is too long: at most ${max} characters (got ${max + 1})`,
      )
    },
  )

  it('social_links: 20 links pass the bound (the CHECK refuses more than 10), 21 are refused', async () => {
    const links = Array.from({ length: RPC_BOUNDS.socialLinks }, (_, i) => `https://s${i}.fr`)
    await expectPastTheBound(update({}, links), REFUSED.check)
    await expectBoundRefusal(
      update({}, [...links, 'https://one-more.fr']),
      'social_links has too many elements: at most 20 (got 21)',
    )
  })

  it('social_links: a link of 1,000 characters passes the bound (the CHECK refuses it), 1,001 are refused', async () => {
    const link = (n: number) => `https://a.fr/${'p'.repeat(n - 13)}`
    await expectPastTheBound(update({}, ['https://ok.fr', link(1000)]), REFUSED.check)
    await expectBoundRefusal(
      update({}, ['https://ok.fr', link(1001)]),
      'social_links[2] is too long: at most 1000 characters (got 1001)',
    )
  })
})

describe('refuse_submission', () => {
  const refuse = (reason: string) =>
    withToken('shop_submissions', SUBMISSION.pendingX, (step, token) =>
      step(ACTOR.curatorX, `select id from public.refuse_submission($1, $2, $3)`, [
        SUBMISSION.pendingX,
        reason,
        token,
      ]),
    )

  it('reason: 1,000 characters pass (trimmed to 500 here), 1,001 are refused', async () => {
    const max = RPC_BOUNDS.refusalReasonLength
    await expectPastTheBound(refuse(pad('x'.repeat(500), max)))
    await expectBoundRefusal(
      refuse(pad('x'.repeat(500), max + 1)),
      `reason is too long: at most ${max} characters (got ${max + 1})`,
    )
  })

  it('a stranger with a huge reason is refused by the bound, before the submission is read', async () => {
    await expectBoundRefusal(
      db.as(ACTOR.stranger, `select id from public.refuse_submission($1, $2, now())`, [
        SUBMISSION.pendingX,
        'x'.repeat(1024 * 1024),
      ]),
      'reason is too long',
    )
  })
})

describe('import_shops', () => {
  const IMPORT = `select line, action, message from public.import_shops($1, $2, $3::jsonb, true)`
  const importAs = (
    actor: Actor,
    rows: unknown[],
    territory: string = TERRITORY.X,
    source = 'import',
  ) =>
    db.as<{ line: number; action: string; message: string | null }>(actor, IMPORT, [
      territory,
      source,
      JSON.stringify(rows),
    ])
  const line = (overrides: Record<string, unknown> = {}) => ({
    line: 2,
    sourceRef: 'bounds/1',
    kind: 'commercant',
    name: 'Boutique bornée',
    categorySlug: CATEGORY.food,
    lon: 1.5,
    lat: 45.5,
    ...overrides,
  })

  it('territory_slug and source: 60 characters pass the bound, 61 are refused', async () => {
    await expectPastTheBound(importAs(ACTOR.curatorX, [line()], 'x'.repeat(60)), REFUSED.privilege)
    await expectBoundRefusal(
      importAs(ACTOR.curatorX, [line()], 'x'.repeat(61)),
      'territory_slug is too long: at most 60 characters (got 61)',
    )
    // 60 characters reach import_shops' own check of the source (22023, in French).
    const error = await errorOf(importAs(ACTOR.curatorX, [line()], TERRITORY.X, 'x'.repeat(60)))
    expect(error).toMatchObject({
      code: '22023',
      message: expect.stringMatching(/^Source d’import inconnue/),
    })
    await expectBoundRefusal(
      importAs(ACTOR.curatorX, [line()], TERRITORY.X, 'x'.repeat(61)),
      'source is too long: at most 60 characters (got 61)',
    )
  })

  it('a row of 32,768 characters of JSON passes the bound, 32,769 are refused', async () => {
    const max = RPC_BOUNDS.importRowLength
    // The row as jsonb prints it, padded through its description.
    const [{ n }] = (await db.superuser<{ n: number }>(`select length($1::jsonb::text) as n`, [
      JSON.stringify(line({ description: '' })),
    ])) as [{ n: number }]
    const sized = (length: number) => line({ description: 'd'.repeat(length - n) })
    const report = await importAs(ACTOR.curatorX, [line({ sourceRef: 'bounds/0' }), sized(max)])
    // Reported line by line (the description is then too long for the column).
    expect(report.map((r) => r.action)).toEqual(['create', 'error'])
    await expectBoundRefusal(
      importAs(ACTOR.curatorX, [line({ sourceRef: 'bounds/0' }), sized(max + 1)]),
      `rows[2] is too long: at most ${max} characters of JSON (got ${max + 1})`,
    )
  })

  it('socialLinks: 20 pass the bound (a line error), 21 are refused', async () => {
    const links = Array.from(
      { length: RPC_BOUNDS.importRowSocialLinks },
      (_, i) => `https://s${i}.fr`,
    )
    const [row] = await importAs(ACTOR.curatorX, [line({ socialLinks: links })])
    expect(row?.action).toBe('error')
    await expectBoundRefusal(
      importAs(ACTOR.curatorX, [line({ socialLinks: [...links, 'https://s.fr'] })]),
      'rows[1].socialLinks has too many elements: at most 20 (got 21)',
    )
  })

  it('services: 14 pass the bound (duplicates are merged), 15 are refused', async () => {
    const fourteen = [...SERVICES, ...SERVICES]
    const [row] = await importAs(ACTOR.curatorX, [line({ services: fourteen })])
    expect(row).toMatchObject({ action: 'create', message: null })
    await expectBoundRefusal(
      importAs(ACTOR.curatorX, [line({ services: [...fourteen, 'in_store'] })]),
      'rows[1].services has too many elements: at most 14 (got 15)',
    )
  })

  it('a row that is not an object is measured too, and reported as before when it is small', async () => {
    const [row] = await importAs(ACTOR.curatorX, [['not', 'an', 'object']])
    expect(row?.action).toBe('error')
    await expectBoundRefusal(
      importAs(ACTOR.curatorX, ['x'.repeat(RPC_BOUNDS.importRowLength)]),
      'rows[1] is too long',
    )
  })

  it('a file with one huge row is refused at once, before any line is imported', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => line({ sourceRef: `bounds/${i}` }))
    rows.push(line({ description: 'd'.repeat(1024 * 1024) }))
    const call = importAs(ACTOR.curatorX, rows)
    await expectBoundRefusal(call, `rows[1001] is too long: at most ${RPC_BOUNDS.importRowLength}`)
  })

  it('anon is refused by the grant, whatever the size', () =>
    expectRefused(
      importAs(ACTOR.anon, [line({ name: 'x'.repeat(1024 * 1024) })]),
      REFUSED.privilege,
    ))
})

// ---------------------------------------------------------------------------
// A net for later migrations
// ---------------------------------------------------------------------------

describe('every client function with an unbounded argument type checks it first', () => {
  /** Types whose values have a fixed size: nothing to bound. */
  const FIXED = new Set([
    'uuid',
    'boolean',
    'integer',
    'bigint',
    'double precision',
    'date',
    'timestamp with time zone',
  ])

  it('calls private.check_* before anything else', async () => {
    const rows = await db.superuser<{ name: string; types: string[]; body: string }>(
      `select p.proname as name,
              array(select format_type(t, null) from unnest(p.proargtypes) t) as types,
              p.prosrc as body
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prokind = 'f'
          and (has_function_privilege('anon', p.oid, 'EXECUTE')
               or has_function_privilege('authenticated', p.oid, 'EXECUTE'))
        order by 1`,
      [],
    )
    expect(rows.length, 'client functions found').toBeGreaterThan(10)
    const unchecked = rows
      .filter((r) => r.types.some((t) => !FIXED.has(t)))
      .filter((r) => {
        // The first statement of the body is `perform private.check_…(…)`.
        const first = r.body.replace(/--[^\n]*/g, '').split(/\bbegin\b/i)[1] ?? ''
        return !/^\s*perform\s+private\.check_\w+\(/i.test(first)
      })
      .map((r) => `${r.name}(${r.types.join(', ')})`)
    // A later migration that replaces one of these must keep its first line.
    expect(unchecked).toEqual([])
  })
})

afterAll(() => {
  console.info(`rpc bounds checked on ${ENGINE}`)
})
