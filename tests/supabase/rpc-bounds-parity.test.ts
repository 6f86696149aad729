import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINE, openTestDatabase, type TestDatabase } from './test-database'
import { BackendError } from '../../src/backend/errors'
import {
  RPC_BOUNDS,
  SEARCH_FOLD_FROM,
  SEARCH_FOLD_TO,
  charLength,
  checkImportShopsArgs,
  checkShopsInViewportArgs,
  searchWordCount,
} from '../../src/backend/rpc-bounds'
import { viewportArgs } from '../../src/backend/sql-objects'
import type { ViewportQuery } from '../../src/backend/port'

/**
 * The embedded adapter refuses what the database refuses (src/backend/rpc-bounds.ts against
 * private.rpc_argument_bounds() and the checks of 20261207090000_rpc_argument_bounds.sql): the
 * same bounds, the same word count, the same verdict and message for the same arguments. Run on
 * PGlite and on PostgreSQL (DATABASE_URL).
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db.close())

/** What a check says: null when it passes, else its SQLSTATE and message. */
function tsVerdict(check: () => void): { code: string | null; message: string } | null {
  try {
    check()
    return null
  } catch (error) {
    if (!(error instanceof BackendError)) throw error
    expect(error.kind).toBe('invalid')
    return { code: error.code, message: error.message }
  }
}

async function sqlVerdict(
  sql: string,
  params: unknown[],
): Promise<{ code: string | null; message: string } | null> {
  return db.superuser(sql, params).then(
    () => null,
    (e: { code?: string; message?: string }) => ({
      code: e.code ?? null,
      message: e.message ?? '',
    }),
  )
}

const SEARCHES = [
  '',
  '   ',
  'boulangerie',
  'Boulangerie du Marché',
  'ŒUF œuf æther Æ ß straße',
  "L'Isle-Jourdain",
  'Sainte–Radegonde (86)',
  'café 24/7',
  'İstanbul ıi',
  'Ĳ ĳ Ŀ ŀ',
  'a1b2 c3',
  '🍞🥐 pain',
  'naïve façade',
  'ЖЕЛЕЗО железо',
  '東京 tokyo',
  'x_y-z.w/v\\u',
  'a b c d e f g h i j',
  'a b c d e f g h i j k',
  'é è ê ë à â ä ç ô ö û ü ù î ï ÿ',
  'ÀÁÂÃÄÅ ĀĂĄ ÇĆĈĊČ ĎĐ',
  'ŁÓDŹ łódź',
  'ǅ ǆ Ǆ',
  'K ſ ﬁ Ⅻ Ω',
  '١٢٣ ４５６',
  'x'.repeat(100),
  '.'.repeat(99) + 'a',
  ...Array.from({ length: 40 }, (_, i) => {
    // Deterministic mixes of letters, accents, digits and separators.
    const alphabet = 'aeiouyéèàçœßÆ0189 -’.,/ŁŃŚŹŻĘĄ'
    let s = ''
    let x = i * 7919 + 13
    for (let j = 0; j < 5 + (i % 30); j++) {
      x = (x * 1103515245 + 12345) % 2147483648
      s += alphabet[x % alphabet.length]
    }
    return s
  }),
]

describe(`RPC argument bounds: TypeScript and SQL agree (${ENGINE})`, () => {
  it('the bounds are the same', async () => {
    const [row] = await db.superuser<{ bounds: unknown }>(
      'select private.rpc_argument_bounds() as bounds',
      [],
    )
    expect(row?.bounds).toEqual(RPC_BOUNDS)
  })

  it('the fold table is private.search_fold’s, verbatim', () => {
    const migration = readFileSync(
      new URL('../../supabase/migrations/20261201090000_viewport.sql', import.meta.url),
      'utf8',
    )
    expect(migration).toContain(
      `translate(value,\n      '${SEARCH_FOLD_FROM}',\n      '${SEARCH_FOLD_TO}')`,
    )
    expect([...SEARCH_FOLD_FROM]).toHaveLength([...SEARCH_FOLD_TO].length)
  })

  it(`the words of a search are counted the same (${SEARCHES.length} searches)`, async () => {
    const mismatches: string[] = []
    for (const search of SEARCHES) {
      const [row] = await db.superuser<{ n: number }>(
        'select cardinality(private.search_patterns($1))::int as n',
        [search],
      )
      if (row?.n !== searchWordCount(search))
        mismatches.push(`${JSON.stringify(search)}: SQL ${row?.n}, TS ${searchWordCount(search)}`)
    }
    expect(mismatches).toEqual([])
  })

  it('characters are counted the same', async () => {
    for (const value of ['', 'abc', 'é', '🍞', 'a🍞b', '👩‍🍳', '\u{10FFFF}', 'x'.repeat(1000)]) {
      const [row] = await db.superuser<{ n: number }>('select char_length($1)::int as n', [value])
      expect(charLength(value), JSON.stringify(value)).toBe(row?.n)
    }
  })

  const VIEWPORT_SQL = `select id from public.shops_in_viewport($1, $2, $3, $4,
    services => $5::public.shop_service[], categories => $6::text[], kinds => $7::text[],
    statuses => $8::text[], search => $9, row_limit => $10)`

  const QUERIES: [string, ViewportQuery][] = [
    ['no filter', { bounds: [0, 44, 5, 49] }],
    ['a search of 100 characters', { bounds: [0, 44, 5, 49], query: 'é'.repeat(100) }],
    ['a search of 101 characters', { bounds: [0, 44, 5, 49], query: '🍞'.repeat(101) }],
    ['10 words', { bounds: [0, 44, 5, 49], query: 'a b c d e f g h i j' }],
    ['11 words', { bounds: [0, 44, 5, 49], query: 'a-b-c-d-e-f-g-h-i-j-k' }],
    ['11 words with ligatures', { bounds: [0, 44, 5, 49], query: 'œ æ ß a b c d e f g h' }],
    ['8 services', { bounds: [0, 44, 5, 49], services: Array(8).fill('delivery') }],
    ['21 categories', { bounds: [0, 44, 5, 49], categories: Array(21).fill('c') }],
    ['a category of 61', { bounds: [0, 44, 5, 49], categories: ['c', 'x'.repeat(61)] }],
    ['6 kinds', { bounds: [0, 44, 5, 49], kinds: Array(6).fill('artisan') }],
    ['4 statuses', { bounds: [0, 44, 5, 49], statuses: Array(4).fill('open') }],
    ['row_limit 1000', { bounds: [0, 44, 5, 49], limit: 1000 }],
    ['row_limit 1001', { bounds: [0, 44, 5, 49], limit: 1001 }],
    ['row_limit 0', { bounds: [0, 44, 5, 49], limit: 0 }],
  ]

  it.each(QUERIES)('shops_in_viewport, %s: same verdict and message', async (_label, query) => {
    const args = viewportArgs(query)
    const sql = await sqlVerdict(VIEWPORT_SQL, [
      args.west,
      args.south,
      args.east,
      args.north,
      args.services,
      args.categories,
      args.kinds,
      args.statuses,
      args.search,
      args.row_limit,
    ])
    expect(tsVerdict(() => checkShopsInViewportArgs(args))).toEqual(sql)
  })

  /** A valid import line of `length` characters of JSON as JSON.stringify writes it. */
  const lineOf = (length: number) => {
    const base = { line: 2, sourceRef: 'parity', kind: 'commercant', name: 'P', description: '' }
    return { ...base, description: 'd'.repeat(length - JSON.stringify(base).length) }
  }

  it('import rows: the adapter measures a row no longer than the database does', async () => {
    const rows: unknown[] = [
      lineOf(100),
      lineOf(RPC_BOUNDS.importRowLength),
      { name: 'é🍞"\\\n\t\u0001', lon: 1e21, lat: 1e-7, services: ['a', 'b'], socialLinks: [] },
      ['array', 'row', 1, null],
      'a string row',
      42,
      null,
      { nested: { deeper: [{ a: 1 }, { b: [1, 2, 3] }] } },
    ]
    for (const row of rows) {
      const [sqlRow] = await db.superuser<{ n: number }>('select length($1::jsonb::text) as n', [
        JSON.stringify(row),
      ])
      expect(charLength(JSON.stringify(row)), JSON.stringify(row)).toBeLessThanOrEqual(sqlRow!.n)
    }
  })

  it('import rows: what the database accepts, the adapter accepts; the lists are counted the same', async () => {
    const cases: unknown[][] = [
      [lineOf(RPC_BOUNDS.importRowLength - 200)],
      [{ socialLinks: Array(20).fill('https://a.fr'), services: Array(14).fill('in_store') }],
      [{ socialLinks: Array(21).fill('https://a.fr') }],
      [{ services: Array(15).fill('in_store') }],
      [{}, { services: Array(15).fill('in_store') }],
      ['x'.repeat(RPC_BOUNDS.importRowLength)],
    ]
    for (const rows of cases) {
      const sql = await sqlVerdict(
        `select private.check_import_shops_arguments('t', 'import', $1::jsonb)`,
        [JSON.stringify(rows)],
      )
      const ts = tsVerdict(() => checkImportShopsArgs('t', 'import', rows))
      if (sql === null) expect(ts).toBeNull()
      else expect(ts?.message.split(':')[0]).toBe(sql.message.split(':')[0])
    }
  })
})
