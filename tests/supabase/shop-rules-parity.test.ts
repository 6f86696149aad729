import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  JS_PATTERNS,
  SHOP_LIMITS,
  SQL_PATTERNS,
  areHttpUrls,
  isCleanText,
  isEmail,
  isHttpUrl,
  isPhone,
  isPostcode,
  isVisibleText,
  validateShopField,
} from '../../src/shop/shop-rules'
import { ENGINE, openTestDatabase, type TestDatabase } from './test-database'

/**
 * The proof that src/shop/shop-rules.ts applies the database's rules: the same values go through
 * the SQL functions and CHECK expressions of the migrated database and through the TypeScript
 * functions, and every verdict must be the same. Run on PGlite and on PostgreSQL (DATABASE_URL).
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db.close())

/** The boolean `ok` column of the statement's single row. */
async function verdict(sql: string, params: unknown[]): Promise<boolean> {
  const [row] = await db.superuser<{ ok: boolean }>(sql, params)
  if (typeof row?.ok !== 'boolean') throw new Error(`no verdict from ${sql}`)
  return row.ok
}

/** mulberry32: a small seeded PRNG, so that the "random" samples are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = [
  ...'abcxyzABCXYZ0123456789',
  ...'@.:/-_+ ',
  ...'@.:/-_+',
  ...'éÉàçœß',
  '\t',
  '\n',
  '\r',
  '\x07',
  '\x1b',
  '\x7f',
  '\u00a0',
  '\u2003',
  '🍞',
]

function generator(seed: number) {
  const random = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const text = (min: number, max: number, alphabet: readonly string[] = ALPHABET) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(alphabet)).join(
      '',
    )
  return { random, pick, text }
}

const HOST = [...'abcxyz0123456789-.', 'é']
const LOCAL = [..."abcXYZ019.!#$%&'*+/=?^_`{|}~-", 'é', ' ']

function generatedUrls(n: number): string[] {
  const { pick, text, random } = generator(1)
  return Array.from({ length: n }, (_, i) => {
    if (i % 3 === 0) return text(0, 30)
    const scheme = pick(['http://', 'https://', 'HTTPS://', 'Http://', 'ftp://', 'javascript:', ''])
    const host = `${text(0, 8, HOST)}${random() < 0.7 ? '.' : ''}${text(0, 5, HOST)}`
    const rest = random() < 0.5 ? '' : pick(['/', '?', '#', ':']) + text(0, 12)
    return scheme + host + rest
  })
}

function generatedEmails(n: number): string[] {
  const { pick, text, random } = generator(2)
  return Array.from({ length: n }, (_, i) => {
    if (i % 4 === 0) return text(0, 25)
    const labels = Array.from({ length: 1 + Math.floor(random() * 3) }, () => text(0, 6, HOST))
    return `${text(0, 10, LOCAL)}${pick(['@', '@', '@', '', '@@'])}${labels.join('.')}`
  })
}

function generatedPhones(n: number): string[] {
  const { text } = generator(3)
  const chars = [...'0123456789', ...'0123456789', ...' .()-+', 'a', 'x', '\u00a0', '٣']
  return Array.from({ length: n }, (_, i) => (i % 5 === 0 ? text(0, 20) : text(4, 28, chars)))
}

function generatedPostcodes(n: number): string[] {
  const { text } = generator(13)
  const chars = [...'0123456789', ...'0123456789', ...'0123456789', 'A', ' ', '\n', '٣']
  return Array.from({ length: n }, () => text(4, 6, chars))
}

function generatedTexts(n: number, seed: number, around: number): string[] {
  const { text, random } = generator(seed)
  return Array.from({ length: n }, (_, i) => {
    // Half of them near the limit, with multi-byte and astral characters in the count.
    if (i % 2 === 0) return text(0, 40)
    const pad = text(around - 3, around + 3, ['a', 'é', '🍞', ' ', '\n'])
    return random() < 0.2 ? pad + '\x07' : pad
  })
}

const long = (n: number, c = 'a') => c.repeat(n)

const URL_SAMPLES = [
  'http://example.fr',
  'https://example.fr/',
  'HTTPS://EXAMPLE.FR/A?b=1#c',
  'hTtPs://example.fr',
  'https://www.facebook.com/boulangerie.zoe',
  'http://127.0.0.1:8080/x',
  'https://user:pw@example.fr',
  'https://café.fr/é',
  'https://🍞.fr',
  'http://a.b?q',
  'http://a.b#f',
  'http://...',
  'http://a..b',
  'http://example.fr/\x07',
  'http://example.fr/a\u00a0b',
  'http://example.fr/a\u2007b',
  'http://example.fr/a\u202fb',
  'http://example.fr/a\ufeffb',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://example.fr',
  'http://localhost',
  'http://localhost:3000/x',
  'http://[::1]/',
  'example.fr',
  '//example.fr',
  'https://',
  'http://a.',
  'http://.a',
  'http://exa mple.fr',
  'http://example.fr/a b',
  'http://example.fr/\n',
  'http://example.fr/\t',
  'http://example.fr\r',
  ' http://example.fr',
  'http://example.fr/a\u2003b',
  'http://example.fr/a\u3000b',
  'http://example.fr/a\u2028b',
  'httpſ://example.fr',
  'httpss://example.fr',
  'http:/example.fr',
  '',
  `https://example.fr/${long(481)}`,
  `https://example.fr/${long(482)}`,
  `https://example.fr/${long(481, '🍞')}`,
  `https://example.fr/${long(482, 'é')}`,
]

const EMAIL_SAMPLES = [
  'zoe@boulangerie.fr',
  'Zoe.Martin+pain@mail.example.co.uk',
  "o'brien@x.ie",
  'a!#$%&*/=?^_`{|}~-@a-b.c1',
  'x@1.2',
  '.zoe.@x.fr',
  'zoe',
  'zoe@',
  '@x.fr',
  'zoe@localhost',
  'zoe@x..fr',
  'zoe@-x.fr',
  'zoe@x-.fr',
  'zoe@x.-fr',
  'zoe@x.f-r',
  'zoé@x.fr',
  'zoe@café.fr',
  'zoe @x.fr',
  'zoe@x.fr ',
  'a@b@c.fr',
  'zoe@x.fr\n',
  'zoe\\@x.fr',
  '"zoe"@x.fr',
  'zoe@[127.0.0.1]',
  'ZOE@X.FR',
  '',
  `a@${long(63, 'b')}.fr`,
  `a@${long(64, 'b')}.fr`,
  `a@b${long(61, '-')}c.fr`,
  `${long(241)}@example.fr`,
  `${long(242)}@example.fr`,
  `${long(243)}@example.fr`,
]

const PHONE_SAMPLES = [
  '05 49 41 21 23',
  '+33 5 49 41 21 23',
  '0549412123',
  '05.49.41.21.23',
  '05-49-41-21-23',
  '+33 (0)5 49 41 21 23',
  '(0)5 49 41 21 23',
  'abc',
  '',
  '12345',
  '123456',
  '+',
  '++33549412123',
  '+ 33 5 49',
  '05 49 41 21 23 ext 4',
  '٠٥٤٩٤١٢١٢٣',
  '０５４９４１２１２３',
  '05\u00a049\u00a041\u00a021',
  '05\t49 41 21 23',
  '05 49 41 21 23\n',
  long(25, '1'),
  long(26, '1'),
  `+${long(25, '1')}`,
  `+${long(26, '1')}`,
]

const CLEAN_SAMPLES = [
  'Boulangerie « Chez Zoé » 🥖',
  'Ouvert\tde 9h\nà 12h\r\n',
  '',
  ' ',
  ...Array.from({ length: 32 }, (_, i) => `a${String.fromCharCode(i + 1)}b`),
  'a\x7fb',
  'a\x80b',
  'a\u0085b',
  'a\u009fb',
  'a\u00a0b',
  'a\u200bb',
  'a\u2028b',
  'a\ufeffb',
  '👩‍🍳',
]

const POSTCODE_SAMPLES = [
  '86000',
  '00000',
  '2A000',
  '8600',
  '860000',
  ' 86000',
  '86000\n',
  '８６０００',
  '',
]

/** What private.is_visible_text refuses, by family (names, addresses, communes, links). */
const INVISIBLE = {
  c0: Array.from({ length: 0x1f }, (_, i) => i + 1),
  del: [0x7f],
  c1: Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  bidi: [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e],
  isolates: [0x2066, 0x2067, 0x2068, 0x2069],
  zeroWidth: [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff],
}
const INVISIBLE_CODE_POINTS = Object.values(INVISIBLE).flat()
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`

/** Names as people write them: accents, punctuation, emoji, other scripts. */
const ORDINARY_NAMES = [
  'Chez Zoé',
  'Boulangerie « L’Épi d’Or »',
  'Œufs & Crème — Pâtisserie',
  'Ça Gaze ! Bière & Cidre',
  'Pains 🥖🍞',
  'Bar 🇫🇷 Tabac',
  'Φούρνος Ελένη',
  'Пекарня «Хлеб»',
  'مخبز الحي',
  'מאפייה',
  '面包店 北京',
  'パン屋',
  'बेकरी',
  'Ristorante São João',
  'Épicerie\u00a0fine',
]

/** Links as people write them. */
const ORDINARY_LINKS = [
  'https://café.fr/pâtisserie',
  'https://www.facebook.com/boulangerie.zoe',
  'https://🍞.fr',
  'https://пекарня.рф/хлеб',
  'https://مخبز.com/',
  'https://例え.jp/パン',
  'http://example.fr/a?b=é#ç',
  'HTTPS://EXAMPLE.FR/Œuf',
]

/** The code point at the start, in the middle and at the end of a name. */
function nameSamples(c: number): Record<string, string> {
  const ch = String.fromCodePoint(c)
  return { start: `${ch}Chez Zoé`, middle: `Chez${ch}Zoé`, end: `Chez Zoé${ch}` }
}

/** The code point at the start, in the host, in the path and at the end of a link. */
function linkSamples(c: number): Record<string, string> {
  const ch = String.fromCodePoint(c)
  return {
    start: `${ch}https://zoe.fr/pain`,
    host: `https://zo${ch}e.fr/pain`,
    middle: `https://zoe.fr/pa${ch}in`,
    end: `https://zoe.fr/pain${ch}`,
  }
}

/** The constraints 20261207093000_invisible_characters.sql adds: table, column, expression. */
const VISIBLE_CONSTRAINTS = [
  ...['shops', 'shop_submissions'].flatMap((table) => [
    [table, 'name', 'private.is_visible_text(name)'],
    [table, 'address', 'private.is_visible_text(address)'],
    [table, 'commune_name', 'private.is_visible_text(commune_name)'],
    [table, 'website', 'private.is_visible_text(website)'],
    [table, 'social_links', "private.is_visible_text(array_to_string(social_links, ' '))"],
  ]),
  ['shops', 'source_ref', 'private.is_visible_text(source_ref)'],
  ['shops', 'source_attribution', 'private.is_visible_text(source_attribution)'],
] as const

/** Every constraint on a name (inline check and *_visible). */
const NAME_SQL = `select length(btrim($1)) between 1 and ${SHOP_LIMITS.name}
  and private.is_clean_text($1) and private.is_visible_text($1) as ok`
/** Every constraint on a website (inline check, *_clean and *_visible). */
const LINK_SQL = `select private.is_http_url($1) and private.is_clean_text($1)
  and private.is_visible_text($1) as ok`
/** Every constraint on social links (inline check, *_clean and *_visible). */
const LINKS_SQL = `select private.are_http_urls($1::text[])
  and private.is_clean_text(array_to_string($1::text[], ' '))
  and private.is_visible_text(array_to_string($1::text[], ' ')) as ok`

interface Rule {
  name: string
  sql: string
  ts: (value: string) => boolean
  samples: string[]
}

const lengthRule = (
  field:
    | 'statusMessage'
    | 'description'
    | 'address'
    | 'openingHours'
    | 'openingHoursNote'
    | 'orderingInstructions',
  seed: number,
): Rule => {
  const max = SHOP_LIMITS[field]
  // The address is one line: it is also held to is_visible_text (the *_visible constraints).
  const visible = field === 'address' ? ' and private.is_visible_text($1)' : ''
  return {
    name: `${field} CHECK (length <= ${max} and is_clean_text${visible ? ' and is_visible_text' : ''})`,
    sql: `select char_length($1) <= ${max} and private.is_clean_text($1)${visible} as ok`,
    ts: (v) => validateShopField(field, v) === null,
    samples: [
      '',
      long(max),
      long(max + 1),
      long(max, '🍞'),
      long(max + 1, '🍞'),
      long(max, 'é'),
      long(max - 1, 'é') + '\x07',
      long(max - 1, '\n') + '\t',
      ...generatedTexts(60, seed, max),
    ],
  }
}

const RULES: Rule[] = [
  {
    name: 'private.is_clean_text',
    sql: 'select private.is_clean_text($1) as ok',
    ts: isCleanText,
    samples: [...CLEAN_SAMPLES, ...generatedTexts(40, 4, 10)],
  },
  {
    name: 'private.is_http_url',
    sql: 'select private.is_http_url($1) as ok',
    ts: isHttpUrl,
    samples: [...URL_SAMPLES, ...generatedUrls(60)],
  },
  {
    name: 'private.is_email',
    sql: 'select private.is_email($1) as ok',
    ts: isEmail,
    samples: [...EMAIL_SAMPLES, ...generatedEmails(60)],
  },
  {
    name: 'private.is_phone',
    sql: 'select private.is_phone($1) as ok',
    ts: isPhone,
    samples: [...PHONE_SAMPLES, ...generatedPhones(60)],
  },
  {
    name: 'postcode CHECK',
    sql: `select $1 ~ '${SQL_PATTERNS.postcode}' as ok`,
    ts: isPostcode,
    samples: [...POSTCODE_SAMPLES, ...generatedPostcodes(60)],
  },
  {
    name: 'name CHECK (length(btrim) between 1 and 120 and is_clean_text and is_visible_text)',
    sql: `select length(btrim($1)) between 1 and 120 and private.is_clean_text($1)
            and private.is_visible_text($1) as ok`,
    ts: (v) => validateShopField('name', v) === null,
    samples: [
      'Chez Zoé',
      '',
      '   ',
      '\t',
      '\n',
      ' \u00a0 ',
      ` ${long(120)} `,
      `\t${long(119)}\t`,
      long(121),
      long(120, '🍞'),
      long(121, 'é'),
      'Zoé\x07',
      ...generatedTexts(60, 5, 120),
    ],
  },
  lengthRule('statusMessage', 6),
  lengthRule('description', 7),
  lengthRule('address', 8),
  lengthRule('openingHours', 9),
  lengthRule('openingHoursNote', 10),
  lengthRule('orderingInstructions', 11),
  {
    name: 'private.is_visible_text',
    sql: 'select private.is_visible_text($1) as ok',
    ts: isVisibleText,
    samples: [
      ...INVISIBLE_CODE_POINTS.flatMap((c) => Object.values(nameSamples(c))),
      ...ORDINARY_NAMES,
      ...ORDINARY_LINKS,
      ...CLEAN_SAMPLES,
    ],
  },
  {
    name: 'name: every constraint, each invisible code point at the start, middle and end',
    sql: NAME_SQL,
    ts: (v) => validateShopField('name', v) === null,
    samples: [
      ...INVISIBLE_CODE_POINTS.flatMap((c) => Object.values(nameSamples(c))),
      ...ORDINARY_NAMES,
    ],
  },
  {
    name: 'commune_name: every constraint',
    sql: `select char_length($1) <= ${SHOP_LIMITS.communeName} and private.is_clean_text($1)
            and private.is_visible_text($1) as ok`,
    ts: (v) => validateShopField('communeName', v) === null,
    samples: [
      ...INVISIBLE_CODE_POINTS.flatMap((c) => Object.values(nameSamples(c))),
      ...ORDINARY_NAMES,
      long(SHOP_LIMITS.communeName, 'é'),
      long(SHOP_LIMITS.communeName + 1, 'é'),
    ],
  },
  {
    name: 'website: every constraint, each invisible code point at the start, host, path and end',
    sql: LINK_SQL,
    ts: (v) => validateShopField('website', v) === null,
    samples: [
      ...INVISIBLE_CODE_POINTS.flatMap((c) => Object.values(linkSamples(c))),
      ...ORDINARY_LINKS,
      // Outside the engine-dependent spaces (U+1680), the URL samples too.
      ...URL_SAMPLES.filter((u) => !u.includes('\u1680')),
    ],
  },
]

/** Characters whose `\s` class membership differs between PGlite (musl) and glibc. */
const ENGINE_DEPENDENT = /[\u0085\u1680]/u
const URL_WITH_ENGINE_DEPENDENT_SPACE = [
  'http://example.fr/a\u0085b',
  'http://example.fr/a\u1680b',
  'http://exa\u0085mple.fr',
  'http://exa\u1680mple.fr',
]

function isSubsetOf(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(b)
  return a.every((x) => set.has(x))
}

describe(`shop rules: TypeScript and SQL agree (${ENGINE})`, () => {
  it('keeps the SQL patterns the migration uses, verbatim', () => {
    const migration = readFileSync(
      new URL(
        '../../supabase/migrations/20261122040000_create_directory_schema.sql',
        import.meta.url,
      ),
      'utf8',
    )
    expect(migration).toContain(`value !~ '${SQL_PATTERNS.controlCharacters}'`)
    expect(migration).toContain(
      `value ~* '${SQL_PATTERNS.httpUrl}' and length(value) <= ${SHOP_LIMITS.url}`,
    )
    expect(migration).toContain(`value ~ '${SQL_PATTERNS.email}'`)
    expect(migration).toContain(`length(value) <= ${SHOP_LIMITS.email}`)
    expect(migration).toContain(`value ~ '${SQL_PATTERNS.phone}'`)
    expect(migration).toContain(`postcode ~ '${SQL_PATTERNS.postcode}'`)
    expect(migration).toContain(`cardinality(value) <= ${SHOP_LIMITS.socialLinks}`)
    for (const [field, column] of [
      ['description', 'description'],
      ['address', 'address'],
      ['statusMessage', 'status_message'],
      ['openingHours', 'opening_hours'],
      ['openingHoursNote', 'opening_hours_note'],
      ['orderingInstructions', 'ordering_instructions'],
    ] as const)
      expect(migration).toContain(
        `length(${column}) <= ${SHOP_LIMITS[field]} and private.is_clean_text(${column})`,
      )
    expect(migration).toContain(`length(btrim(name)) between 1 and ${SHOP_LIMITS.name}`)
  })

  it('keeps the invisible-characters pattern and constraints the migration uses, verbatim', () => {
    const migration = readFileSync(
      new URL('../../supabase/migrations/20261207093000_invisible_characters.sql', import.meta.url),
      'utf8',
    )
    expect(migration).toContain(`value !~ '${SQL_PATTERNS.invisibleCharacters}'`)
    expect(JS_PATTERNS.invisibleCharacters.source).toBe(SQL_PATTERNS.invisibleCharacters)
    for (const [table, column, expression] of VISIBLE_CONSTRAINTS)
      expect(migration).toContain(
        `alter table public.${table} add constraint ${table}_${column}_visible\n  check (${expression});`,
      )
  })

  let total = 0
  for (const rule of RULES) {
    it(`${rule.name}: ${rule.samples.length} values, same verdicts`, async () => {
      expect(rule.samples.length).toBeGreaterThanOrEqual(50)
      const verdicts = { true: 0, false: 0 }
      const mismatches: string[] = []
      for (const value of rule.samples) {
        const ok = await verdict(rule.sql, [value])
        const ts = rule.ts(value)
        verdicts[ok ? 'true' : 'false']++
        if (ts !== ok) mismatches.push(`${JSON.stringify(value)}: SQL ${ok}, TS ${ts}`)
      }
      total += rule.samples.length
      expect(mismatches).toEqual([])
      // A table where everything passes (or fails) would prove little.
      expect(verdicts.true, 'valid samples').toBeGreaterThan(5)
      expect(verdicts.false, 'invalid samples').toBeGreaterThan(5)
    })
  }

  it('private.are_http_urls: same verdicts on arrays', async () => {
    const urls = [...URL_SAMPLES, ...generatedUrls(60)]
    const { random, pick } = generator(12)
    const valid = urls.filter(isHttpUrl)
    const arrays: (string | null)[][] = [
      [],
      ['https://a.fr'],
      ['https://a.fr', null],
      [null],
      Array.from({ length: 10 }, (_, i) => `https://s${i}.fr`),
      Array.from({ length: 11 }, (_, i) => `https://s${i}.fr`),
      ...Array.from({ length: 60 }, (_, i) =>
        Array.from({ length: Math.floor(random() * 13) }, () =>
          i % 2 === 0 ? pick(valid) : random() < 0.9 ? pick(urls) : null,
        ),
      ),
      ...urls.map((u) => [u]),
    ]
    const mismatches: string[] = []
    for (const value of arrays) {
      const ok = await verdict('select private.are_http_urls($1::text[]) as ok', [value])
      if (areHttpUrls(value) !== ok) mismatches.push(`${JSON.stringify(value)}: SQL ${ok}`)
    }
    total += arrays.length
    expect(mismatches).toEqual([])
  })

  it('PostgreSQL `\\s` (musl or glibc iswspace) is within the TypeScript set, over all of Unicode', async () => {
    const [row] = await db.superuser<{ cs: number[] }>(
      String.raw`select array_agg(c order by c) as cs from generate_series(1, 1114111) c
        where (c < 55296 or c > 57343) and chr(c) ~ '\s'`,
    )
    const cs = row?.cs ?? []
    const ts: number[] = []
    for (let c = 1; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      // A character is a space for the TS rules when it breaks a URL's path.
      if (!JS_PATTERNS.httpUrl.test(`http://a.b/${String.fromCodePoint(c)}`)) ts.push(c)
    }
    // NUL aside, the only characters a URL path refuses are spaces.
    expect(isSubsetOf(cs, ts), `engine spaces ${cs.map((c) => c.toString(16))}`).toBe(true)
    const extra = ts.filter((c) => !cs.includes(c))
    expect(extra.every((c) => ENGINE_DEPENDENT.test(String.fromCodePoint(c)))).toBe(true)
  })

  it('case-insensitive `~*` folds only the ASCII letters of the scheme', async () => {
    const rows = await db.superuser<{ l: string; cs: number[] }>(
      `select l, array_agg(c order by c) as cs
         from (values ('h'), ('t'), ('p'), ('s')) as v(l), generate_series(1, 1114111) c
        where (c < 55296 or c > 57343) and chr(c) ~* ('^' || l || '$') group by l order by l`,
    )
    expect(rows.map((r) => [r.l, r.cs.map((c) => String.fromCodePoint(c)).join('')])).toEqual([
      ['h', 'Hh'],
      ['p', 'Pp'],
      ['s', 'Ss'],
      ['t', 'Tt'],
    ])
  })

  it('engine-dependent spaces: TypeScript refuses, never laxer than the database', async () => {
    const seen: Record<string, boolean> = {}
    for (const value of URL_WITH_ENGINE_DEPENDENT_SPACE) {
      const ok = await verdict('select private.is_http_url($1) as ok', [value])
      seen[value] = ok
      expect(isHttpUrl(value)).toBe(false)
    }
    // Documents the difference: PGlite (musl) treats U+0085 as a space, glibc U+1680.
    const spaceIn = ENGINE === 'pglite' ? '\u0085' : '\u1680'
    for (const [value, ok] of Object.entries(seen))
      expect(ok, JSON.stringify(value)).toBe(!value.includes(spaceIn))
  })

  it('private.is_visible_text refuses exactly the listed code points, over all of Unicode', async () => {
    const [row] = await db.superuser<{ cs: number[] }>(
      `select array_agg(c order by c) as cs from generate_series(1, 1114111) c
        where (c < 55296 or c > 57343) and not private.is_visible_text(chr(c))`,
    )
    const sql = row?.cs ?? []
    const ts: number[] = []
    for (let c = 1; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      if (!isVisibleText(String.fromCodePoint(c))) ts.push(c)
    }
    expect(sql.map(hex)).toEqual(ts.map(hex))
    expect(sql.map(hex)).toEqual([...INVISIBLE_CODE_POINTS].sort((a, b) => a - b).map(hex))
  })

  it('U+0085: the same verdict on both engines for names and links (refused)', async () => {
    const values = {
      name: ['Chez\u0085Zoé', '\u0085Chez Zoé', 'Chez Zoé\u0085'],
      link: ['http://example.fr/a\u0085b', 'http://exa\u0085mple.fr', 'http://example.fr/\u0085'],
    }
    for (const value of values.name) {
      expect(await verdict(NAME_SQL, [value]), JSON.stringify(value)).toBe(false)
      expect(validateShopField('name', value)).not.toBeNull()
    }
    for (const value of values.link) {
      expect(await verdict(LINK_SQL, [value]), JSON.stringify(value)).toBe(false)
      expect(await verdict(LINKS_SQL, [['https://a.fr', value]]), JSON.stringify(value)).toBe(false)
      expect(validateShopField('website', value)).not.toBeNull()
      expect(validateShopField('socialLinks', ['https://a.fr', value])).not.toBeNull()
    }
    // Multi-line text keeps is_clean_text, which names no C1 control: accepted on both engines.
    expect(await verdict('select private.is_clean_text($1) as ok', ['a\u0085b'])).toBe(true)
    expect(validateShopField('description', 'a\u0085b')).toBeNull()
  })

  it('social links with invisible characters: same verdicts on arrays', async () => {
    const arrays: (string | null)[][] = [
      ...INVISIBLE_CODE_POINTS.flatMap((c) =>
        Object.values(linkSamples(c)).map((link) => ['https://ok.fr', link]),
      ),
      ...ORDINARY_LINKS.map((link) => [link, 'https://ok.fr']),
      ORDINARY_LINKS,
      [],
    ]
    const verdicts = { true: 0, false: 0 }
    const mismatches: string[] = []
    for (const value of arrays) {
      const ok = await verdict(LINKS_SQL, [value])
      verdicts[ok ? 'true' : 'false']++
      if ((validateShopField('socialLinks', value) === null) !== ok)
        mismatches.push(`${JSON.stringify(value)}: SQL ${ok}`)
    }
    total += arrays.length
    expect(mismatches).toEqual([])
    expect(verdicts.true).toBeGreaterThan(5)
    expect(verdicts.false).toBeGreaterThan(5)
  })

  it('NUL cannot reach the database at all; TypeScript refuses it', async () => {
    for (const value of ['a\0b', 'http://example.fr/\0']) {
      const error = await db.superuser('select private.is_clean_text($1)', [value]).then(
        () => null,
        (e: { code?: string }) => e,
      )
      expect(error?.code).toBe('22021')
      expect(isCleanText(value)).toBe(false)
      expect(isVisibleText(value)).toBe(false)
      expect(isHttpUrl(value)).toBe(false)
    }
  })

  afterAll(() => {
    console.info(`shop-rules parity on ${ENGINE}: ${total} values compared`)
  })
})
