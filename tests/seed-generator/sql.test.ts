import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  sqlBox,
  sqlInsert,
  sqlJsonb,
  sqlNumber,
  sqlPoint,
  sqlString,
  sqlTextArray,
  sqlUuid,
} from '../../supabase/seed-generator/sql'

describe('sqlString', () => {
  it('doubles single quotes in a standard string', () => {
    expect(sqlString("Saint-Julien-l'Ars")).toBe("'Saint-Julien-l''Ars'")
  })

  it('switches to an escape string for backslashes and control characters', () => {
    expect(sqlString('a\\b')).toBe("E'a\\\\b'")
    expect(sqlString("l'a\\b")).toBe("E'l\\'a\\\\b'")
    expect(sqlString('line 1\nline 2')).toBe("E'line 1\\nline 2'")
  })

  it('refuses a NUL character, which PostgreSQL text cannot hold', () => {
    expect(() => sqlString('a\0b')).toThrow()
  })
})

describe('other literals', () => {
  it('writes numbers without exponent or trailing zeros', () => {
    expect(sqlNumber(0.5)).toBe('0.5')
    expect(sqlNumber(-0.0470123456)).toBe('-0.0470123')
    expect(sqlNumber(1e-9)).toBe('0')
    expect(sqlNumber(46)).toBe('46')
  })

  it('writes a box as (east, north), (west, south)', () => {
    expect(sqlBox({ west: -0.05, south: 46.3, east: 0.78, north: 46.79 })).toBe(
      'box(point(0.78, 46.79), point(-0.05, 46.3))',
    )
    expect(sqlPoint(0.3404, 46.5802)).toBe('point(0.3404, 46.5802)')
  })

  it('quotes every array element', () => {
    expect(sqlTextArray([])).toBe("'{}'")
    expect(sqlTextArray(['shop=bakery', 'a,b', 'x y'])).toBe(`'{"shop=bakery","a,b","x y"}'`)
    // Element quotes are backslash-escaped, so the literal becomes an escape string.
    expect(sqlTextArray(['say "hi"'])).toBe(`E'{"say \\\\"hi\\\\""}'`)
  })

  it('accepts only lower-case UUIDs', () => {
    expect(sqlUuid('de000000-0000-4000-8000-000000000001')).toBe(
      "'de000000-0000-4000-8000-000000000001'",
    )
    expect(() => sqlUuid("x'); drop table shops; --")).toThrow()
  })

  it('checks the row width of an insert', () => {
    expect(() => sqlInsert('t', ['a', 'b'], [['1']])).toThrow()
    expect(sqlInsert('t', ['a'], [['1'], ['2']])).toBe('insert into t (a) values\n  (1),\n  (2);\n')
  })
})

describe('round trip through PostgreSQL', () => {
  let db: PGlite
  // Starting PGlite can take a while when the other test files run in parallel.
  beforeAll(async () => {
    db = await PGlite.create()
  }, 60_000)
  afterAll(() => db.close())

  const samples = [
    "l'Ars",
    'back\\slash',
    "both ' and \\ and \\'",
    'tab\there\nnewline',
    'Démo — “guillemets” €',
    "'; drop table x; --",
  ]

  it.each(samples)('reads back %j unchanged', async (sample) => {
    const { rows } = await db.query<{ v: string }>(`select ${sqlString(sample)} as v`)
    expect(rows[0]?.v).toBe(sample)
  })

  it('reads back arrays and jsonb unchanged', async () => {
    const values = ['a,b', 'say "hi"', 'back\\slash', "l'Ars"]
    const { rows } = await db.query<{ a: string[]; j: unknown }>(
      `select ${sqlTextArray(values)}::text[] as a, ${sqlJsonb({ display_name: 'l\'Ars \\ "x"' })} as j`,
    )
    expect(rows[0]?.a).toEqual(values)
    expect(rows[0]?.j).toEqual({ display_name: 'l\'Ars \\ "x"' })
  })
})
