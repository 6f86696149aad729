import { describe, expect, it } from 'vitest'
import { BackendError } from '@/backend/errors'
import {
  RPC_BOUNDS,
  charLength,
  checkImportShopsArgs,
  checkLength,
  checkList,
  checkRefusalReason,
  checkSetShopStatusArgs,
  checkShopDetailsArgs,
  checkShopsInViewportArgs,
  searchWordCount,
} from '@/backend/rpc-bounds'
import { MAX_VIEWPORT_ROWS, viewportArgs } from '@/backend/sql-objects'
import type { ViewportQuery } from '@/backend/port'

/**
 * The embedded adapter's copy of the database's argument bounds
 * (supabase/migrations/20261207090000_rpc_argument_bounds.sql); tests/supabase/rpc-bounds-parity
 * .test.ts compares it with the database on both engines.
 */

/** The BackendError a check throws, or null. */
function refusal(check: () => void): BackendError | null {
  try {
    check()
    return null
  } catch (error) {
    if (error instanceof BackendError) return error
    throw error
  }
}

function expectRefusal(check: () => void, message: string, code = '22023') {
  const error = refusal(check)
  expect(error, 'expected a refusal').not.toBeNull()
  expect(error?.kind).toBe('invalid')
  expect(error?.code).toBe(code)
  expect(error?.message).toBe(message)
}

const BOUNDS: [number, number, number, number] = [0, 44, 5, 49]
const viewport = (query: Partial<ViewportQuery>) =>
  checkShopsInViewportArgs(viewportArgs({ bounds: BOUNDS, ...query }))

describe('charLength', () => {
  it('counts code points, as PostgreSQL counts characters', () => {
    expect(charLength('')).toBe(0)
    expect(charLength('abc')).toBe(3)
    expect(charLength('é')).toBe(1)
    expect(charLength('🍞')).toBe(1)
    expect(charLength('a🍞b')).toBe(3)
    // A lone surrogate is one (it never reaches the database: PostgreSQL cannot store it).
    expect(charLength('\ud800x')).toBe(2)
  })
})

describe('searchWordCount', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['boulangerie', 1],
    ["L'Isle-Jourdain", 3],
    ['Œuf ß', 2],
    ['café 24/7', 3],
    ['🍞 pain', 1],
    ['ЖЕЛЕЗО', 0],
  ])('%j has %i words', (search, words) => {
    expect(searchWordCount(search)).toBe(words)
  })
})

describe('shops_in_viewport arguments', () => {
  it('accepts the app’s queries and the bounds themselves', () => {
    expect(refusal(() => viewport({}))).toBeNull()
    expect(refusal(() => viewport({ query: 'é'.repeat(RPC_BOUNDS.searchLength) }))).toBeNull()
    expect(refusal(() => viewport({ query: 'a b c d e f g h i j' }))).toBeNull()
    expect(
      refusal(() =>
        viewport({
          services: [
            'click_and_collect',
            'delivery',
            'shipping',
            'gift_cards',
            'visit_by_appointment',
            'remote_ordering',
            'in_store',
          ],
          categories: Array.from({ length: 20 }, (_, i) => `c${i}`.padEnd(60, 'x')),
          kinds: ['commercant', 'artisan', 'producteur', 'marche', 'service_public'],
          statuses: ['open', 'closed', 'unknown'],
          limit: MAX_VIEWPORT_ROWS,
        }),
      ),
    ).toBeNull()
  })

  it('refuses a search of 101 characters, counted as the database counts them', () => {
    expectRefusal(
      () => viewport({ query: '🍞'.repeat(101) }),
      'search is too long: at most 100 characters (got 101)',
    )
    // 100 emoji are 200 UTF-16 units but 100 characters.
    expect(refusal(() => viewport({ query: '🍞'.repeat(100) }))).toBeNull()
  })

  it('refuses 64 KiB and 1 MiB searches at once', () => {
    for (const query of ['x'.repeat(64 * 1024), 'ab '.repeat(349_526)]) {
      const start = performance.now()
      expect(refusal(() => viewport({ query }))?.code).toBe('22023')
      expect(performance.now() - start).toBeLessThan(200)
    }
  })

  it('refuses 11 words', () => {
    expectRefusal(
      () => viewport({ query: 'a-b-c-d-e-f-g-h-i-j-k' }),
      'search has too many words: at most 10 (got 11)',
    )
  })

  it('refuses a filter with one value too many, or one value too long', () => {
    expectRefusal(
      () => viewport({ services: Array(8).fill('delivery') }),
      'services has too many elements: at most 7 (got 8)',
    )
    expectRefusal(
      () => viewport({ categories: Array(21).fill('c') }),
      'categories has too many elements: at most 20 (got 21)',
    )
    expectRefusal(
      () => viewport({ kinds: Array(6).fill('artisan') }),
      'kinds has too many elements: at most 5 (got 6)',
    )
    expectRefusal(
      () => viewport({ statuses: Array(4).fill('open') }),
      'statuses has too many elements: at most 3 (got 4)',
    )
    expectRefusal(
      () => viewport({ categories: ['a', 'x'.repeat(61)] }),
      'categories[2] is too long: at most 60 characters (got 61)',
    )
  })

  it.each([0, 1001, 1.5, Number.NaN])('refuses row_limit %s', (limit) => {
    expectRefusal(
      () => viewport({ limit }),
      `invalid row_limit ${limit}: it must be between 1 and 1000`,
    )
  })
})

describe('the signed-in functions’ arguments', () => {
  it('set_shop_status: status, message and services', () => {
    expect(refusal(() => checkSetShopStatusArgs('open', 'x'.repeat(560), null))).toBeNull()
    expectRefusal(
      () => checkSetShopStatusArgs('open', 'x'.repeat(561), null),
      'message is too long: at most 560 characters (got 561)',
    )
    expectRefusal(
      () => checkSetShopStatusArgs('x'.repeat(61), null, null),
      'status is too long: at most 60 characters (got 61)',
    )
    expectRefusal(
      () => checkSetShopStatusArgs('open', null, Array(15).fill('delivery')),
      'services has too many elements: at most 14 (got 15)',
    )
  })

  it('update_shop_details: every text and the links', () => {
    const none = {
      opening_hours: null,
      ordering_instructions: null,
      description: null,
      phone: null,
      email: null,
      website: null,
      social_links: [],
    }
    expect(refusal(() => checkShopDetailsArgs(none))).toBeNull()
    expectRefusal(
      () => checkShopDetailsArgs({ ...none, description: 'x'.repeat(4001) }),
      'description is too long: at most 4000 characters (got 4001)',
    )
    expectRefusal(
      () => checkShopDetailsArgs({ ...none, phone: '0'.repeat(53) }),
      'phone is too long: at most 52 characters (got 53)',
    )
    expectRefusal(
      () => checkShopDetailsArgs({ ...none, social_links: Array(21).fill('https://a.fr') }),
      'social_links has too many elements: at most 20 (got 21)',
    )
    expectRefusal(
      () => checkShopDetailsArgs({ ...none, social_links: ['https://a.fr', 'h'.repeat(1001)] }),
      'social_links[2] is too long: at most 1000 characters (got 1001)',
    )
  })

  it('refuse_submission: the reason', () => {
    expect(refusal(() => checkRefusalReason('x'.repeat(1000)))).toBeNull()
    expectRefusal(
      () => checkRefusalReason('x'.repeat(1001)),
      'reason is too long: at most 1000 characters (got 1001)',
    )
  })
})

describe('import_shops arguments', () => {
  const row = { line: 2, sourceRef: 'a', kind: 'commercant', name: 'A', lon: 1, lat: 45 }

  it('accepts a file of the largest row count', () => {
    expect(
      refusal(() => checkImportShopsArgs('t', 'import', Array(RPC_BOUNDS.importRows).fill(row))),
    ).toBeNull()
  })

  it('refuses one row too many with the database’s SQLSTATE for it (54000)', () => {
    expectRefusal(
      () => checkImportShopsArgs('t', 'import', Array(RPC_BOUNDS.importRows + 1).fill(row)),
      'rows has too many elements: at most 10000 (got 10001)',
      '54000',
    )
  })

  it('refuses a row too long, naming it from 1', () => {
    const json = JSON.stringify({ ...row, description: '' })
    const sized = (n: number) => ({ ...row, description: 'd'.repeat(n - json.length) })
    expect(refusal(() => checkImportShopsArgs('t', 'import', [row, sized(32768)]))).toBeNull()
    expectRefusal(
      () => checkImportShopsArgs('t', 'import', [row, sized(32769)]),
      'rows[2] is too long: at most 32768 characters of JSON (got 32769)',
    )
  })

  it('refuses too many links or services in a row', () => {
    expectRefusal(
      () =>
        checkImportShopsArgs('t', 'import', [
          { ...row, socialLinks: Array(21).fill('https://a.fr') },
        ]),
      'rows[1].socialLinks has too many elements: at most 20 (got 21)',
    )
    expectRefusal(
      () => checkImportShopsArgs('t', 'import', [{ ...row, services: Array(15).fill('in_store') }]),
      'rows[1].services has too many elements: at most 14 (got 15)',
    )
  })

  it('refuses a territory or a source of 61 characters', () => {
    expectRefusal(
      () => checkImportShopsArgs('x'.repeat(61), 'import', []),
      'territory_slug is too long: at most 60 characters (got 61)',
    )
    expectRefusal(
      () => checkImportShopsArgs('t', 'x'.repeat(61), []),
      'source is too long: at most 60 characters (got 61)',
    )
  })
})

describe('the generic checks', () => {
  it('let null through, as the database does', () => {
    expect(refusal(() => checkLength('x', null, 'slugLength'))).toBeNull()
    expect(refusal(() => checkList('x', null, 'viewportKinds', 'slugLength'))).toBeNull()
    expect(refusal(() => checkList('x', [null, 'a'], 'viewportKinds', 'slugLength'))).toBeNull()
  })
})
