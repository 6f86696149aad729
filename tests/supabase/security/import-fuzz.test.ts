import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type SessionStep, type TestDatabase } from '../test-database'
import { ACTOR, CATEGORY, SUBCATEGORY, TERRITORY } from '../policies/fixtures'
import { loadCurationFixtures } from '../policies/curation-fixtures'

/**
 * import_shops under random and malformed lines: it never raises (every refusal is a line of
 * the report), reports every line once, and is all or nothing: with one error, or in a dry run,
 * no shop and no history row changes; without errors, every line is applied.
 * See tests/supabase/policies/import-shops.test.ts for the hand-written cases.
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

const RUNS = { numRuns: 60, seed: 20261201 }

/** Hostile scalars; no NUL (JSON's \u0000 refuses the whole call, see input-limits.test.ts). */
const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    "'; drop table public.shops; --",
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'https://ok.example.fr',
    'https://ok.example.fr/\u0001',
    'Mo-Fr 09:00-18:00',
    'Mo-Fr 25:00-26:00',
    '\u001b[2J',
    '\u007f',
    'a\tb\nc',
    'x'.repeat(2100),
    '00100',
    '+33 5 49 00 00 00',
    'a@b.fr',
  ),
  fc.string({ maxLength: 30 }),
)

const anyJson = fc.oneof(
  hostileText,
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileText, { maxKeys: 2 }),
)

/** A valid line for test-x; `n` spreads the places about 1 km apart. */
const validLine = (n: number) => ({
  line: n + 2,
  sourceRef: `fuzz/${n}`,
  kind: 'commercant',
  name: `Boutique fuzz ${n}`,
  categorySlug: CATEGORY.food,
  subcategorySlug: SUBCATEGORY.bakery,
  lon: Number((1.1 + n * 0.012).toFixed(4)),
  lat: 45.3,
  services: ['in_store'],
  socialLinks: [],
})

const FIELDS = [
  'line',
  'sourceRef',
  'kind',
  'name',
  'categorySlug',
  'subcategorySlug',
  'description',
  'address',
  'postcode',
  'communeInsee',
  'communeName',
  'lon',
  'lat',
  'phone',
  'email',
  'website',
  'socialLinks',
  'openingHours',
  'openingHoursNote',
  'orderingInstructions',
  'services',
]

/** A few valid lines, some with one field replaced by anything, some not objects at all. */
const file = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...FIELDS), anyJson) },
      { weight: 1, arbitrary: anyJson.map((v) => ({ notAnObject: v })) },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((changes) =>
    changes.map((change, n) => {
      if (change === null) return validLine(n)
      if ('notAnObject' in change) return change.notAnObject
      const [field, value] = change
      return { ...validLine(n), [field]: value }
    }),
  )

type Report = { line: number; action: string; shop_id: string | null; message: string | null }

const snapshot = async (step: SessionStep) => {
  const [row] = await step<{ s: string }>(
    'superuser',
    `select jsonb_build_array(
       (select jsonb_agg(to_jsonb(s) order by s.id) from public.shops s
         where s.territory_slug = $1),
       (select count(*) from public.shops),
       (select count(*) from public.shop_status_events))::text as s`,
    [TERRITORY.X],
  )
  return row!.s
}

const importRows = (step: SessionStep, rows: unknown[], dryRun: boolean) =>
  step<Report>(
    ACTOR.curatorX,
    `select line, action, shop_id, message from public.import_shops($1, 'import', $2::jsonb, $3)`,
    [TERRITORY.X, JSON.stringify(rows), dryRun],
  )

describe('import_shops under fuzzing', () => {
  it('never raises, reports every line, and applies all lines or none', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.boolean(), async (rows, dryRun) => {
        await db.session(async (step) => {
          const before = await snapshot(step)
          const report = await importRows(step, rows, dryRun)
          expect(report).toHaveLength(rows.length)
          for (const entry of report) {
            expect(['create', 'update', 'unchanged', 'error']).toContain(entry.action)
            if (entry.action === 'error') {
              expect(entry.message?.trim()).toBeTruthy()
              // The curator reads French, never the database's English.
              expect(entry.message).not.toMatch(/violates|constraint|syntax|relation/)
            }
          }
          const failed = report.some((r) => r.action === 'error')
          const after = await snapshot(step)
          if (failed || dryRun) {
            expect(after, 'a refused or dry-run import changed the data').toBe(before)
            // Shops of a rolled-back import are not named.
            for (const r of report) if (r.action === 'create') expect(r.shop_id).toBeNull()
          } else {
            const created = report.filter((r) => r.action === 'create').map((r) => r.shop_id)
            const [found] = await step<{ n: number }>(
              'superuser',
              `select count(*)::int as n from public.shops where id = any($1::uuid[])`,
              [created],
            )
            expect(found?.n).toBe(created.length)
          }
        })
      }),
      RUNS,
    )
  })

  it('the rows argument itself malformed: refused as a whole with a French message', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (value) => {
        fc.pre(!Array.isArray(value))
        const error = await db.session((step) =>
          step(
            ACTOR.curatorX,
            `select * from public.import_shops($1, 'import', $2::jsonb, false)`,
            [TERRITORY.X, JSON.stringify(value)],
          ).then(
            () => null,
            (e: unknown) => e as { code?: string; message?: string },
          ),
        )
        expect(error?.code).toBe('22023')
        expect(error?.message).toMatch(/tableau JSON/)
      }),
      { numRuns: 40, seed: 20261201 },
    )
  })
})
