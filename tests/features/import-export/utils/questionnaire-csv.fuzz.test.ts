import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvField } from '@/features/import-export/utils/csv-format'
import { mergeImportReport } from '@/features/import-export/utils/import-report'
import {
  QUESTIONNAIRE_COLUMNS,
  parseQuestionnaireCsv,
  type ParsedQuestionnaire,
} from '@/features/import-export/utils/questionnaire-csv'
import { charLength, isCleanText, validateShopField, type ShopField } from '@/shop/shop-rules'
import { grandPoitiersCatalog } from '../../../fixtures/curation/catalog'

/**
 * Random and malformed questionnaire files: the reader never throws, always says why a file
 * gives nothing, never hands the database a row it would refuse for its format, and a file
 * with any error cannot be committed (the import is all or nothing, so nothing is written).
 * Bounded runs with a fixed seed; fast-check prints the seed and the shrunk file on failure.
 */

const catalog = grandPoitiersCatalog()
const HEADERS = QUESTIONNAIRE_COLUMNS.map((c) => c.header)
const RUNS = { numRuns: 300, seed: 20261201 }

/** The shape every result must have, whatever the file. */
function expectWellFormed(parsed: ParsedQuestionnaire) {
  expect(Array.isArray(parsed.rows)).toBe(true)
  for (const issue of parsed.issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1)
    expect(['error', 'warning']).toContain(issue.severity)
    expect(issue.message.trim()).not.toBe('')
  }
  // Nothing read: the curator is told why (an error, or "no shop in this file").
  // (Rows without coordinates wait to be placed: they are read too.)
  if (parsed.rows.length === 0 && parsed.unplaced.length === 0)
    expect(parsed.issues.length).toBeGreaterThan(0)
  // A line with an error is never also sent as a row, placed or not.
  const errorLines = new Set(parsed.issues.filter((i) => i.severity === 'error').map((i) => i.line))
  for (const row of [...parsed.rows, ...parsed.unplaced])
    expect(errorLines.has(row.line)).toBe(false)
  // Any error blocks the commit, before the database is even asked.
  const report = mergeImportReport(parsed.issues, [])
  expect(report.blocked).toBe(errorLines.size > 0)
}

const FIELD_RULES: [keyof ParsedQuestionnaire['rows'][number], ShopField][] = [
  ['name', 'name'],
  ['description', 'description'],
  ['address', 'address'],
  ['postcode', 'postcode'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['website', 'website'],
  ['socialLinks', 'socialLinks'],
  ['openingHours', 'openingHours'],
  ['openingHoursNote', 'openingHoursNote'],
  ['orderingInstructions', 'orderingInstructions'],
]

/** Each row as the database's CHECK constraints would judge it. */
function expectRowsStorable(parsed: ParsedQuestionnaire) {
  for (const row of parsed.rows) {
    for (const [key, field] of FIELD_RULES) {
      const value = row[key] as string | string[] | null
      expect(validateShopField(field, value), `${key} = ${JSON.stringify(value)}`).toBeNull()
      // Not asserted: a control character inside a URL (website, links). src/shop/shop-rules.ts
      // accepts it as the SQL is_http_url does; the database's new *_clean constraints
      // (20261201100000_input_limits) refuse that line, so the import is still blocked.
    }
    expect(row.sourceRef.trim()).not.toBe('')
    expect(charLength(row.sourceRef)).toBeLessThanOrEqual(200)
    // Not asserted: a control character in the "Identifiant" column reaches the row; the
    // database refuses that line ("Clé de la ligne invalide", tests/supabase/security), so
    // the import is still blocked, one step later than for the other columns.
    expect(isCleanText(row.communeName)).toBe(true)
    expect(Number.isFinite(row.lon) && Number.isFinite(row.lat)).toBe(true)
  }
}

/** Cells a hostile or careless file may hold. */
const hostileCell = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'Boulangerie',
    'Alimentation',
    'Poitiers',
    '86000',
    '46.58',
    '0.34',
    '1e308',
    'NaN',
    '-0',
    'Infinity',
    '"',
    '""',
    '"unterminated',
    ';',
    ',',
    '\t',
    '\r\n',
    '\n\n',
    '=cmd|"/c calc"!A1',
    '<script>alert(1)</script>',
    "'; drop table shops; --",
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'https://exemple.fr/\u0001',
    'www.exemple.fr',
    'Lu-Ve 9h-12h, 14h-18h',
    'Mo-Fr 25:00-26:00',
    '\u0000',
    '\u001b[31m',
    '\u007f',
    '\ufeff',
    '\u202e',
    '\ud800',
    'é'.repeat(130),
    'x'.repeat(2100),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
)

/** A file with the template's header (in a random order) and hostile cells. */
const hostileFile = fc
  .record({
    headers: fc.shuffledSubarray(HEADERS, { minLength: 1 }),
    delimiter: fc.constantFrom(';', ',', '\t'),
    rows: fc.array(fc.array(hostileCell, { minLength: 0, maxLength: 20 }), { maxLength: 6 }),
    crlf: fc.boolean(),
  })
  .map(({ headers, delimiter, rows, crlf }) => {
    const lines = [headers, ...rows].map((cells) =>
      cells.map((c) => csvField(c, delimiter)).join(delimiter),
    )
    return new TextEncoder().encode(lines.join(crlf ? '\r\n' : '\n'))
  })

/** A valid row, then one cell replaced by a hostile one. */
const VALID: Record<string, string> = {
  Nom: 'Boulangerie Témoin',
  Catégorie: 'Alimentation',
  'Code postal': '86000',
  Commune: 'Poitiers',
  Latitude: '46.5802',
  Longitude: '0.3404',
}
const mutatedFile = fc
  .record({
    column: fc.constantFrom(...HEADERS),
    cell: hostileCell,
    copies: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ column, cell, copies }) => {
    const row = HEADERS.map((h) => (h === column ? cell : (VALID[h] ?? '')))
    const lines = [HEADERS, ...Array.from({ length: copies }, () => row)]
    const text = lines.map((cells) => cells.map((c) => csvField(c, ';')).join(';')).join('\r\n')
    // Without a line break inside a cell, data record n is on line n + 1.
    return { bytes: new TextEncoder().encode(text), copies, oneLinePerRecord: !/[\r\n]/.test(cell) }
  })

describe('questionnaire CSV under fuzzing', () => {
  it('random bytes: never a crash, always a report', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const parsed = parseQuestionnaireCsv(bytes, catalog)
        expectWellFormed(parsed)
        expectRowsStorable(parsed)
      }),
      RUNS,
    )
  })

  it('random text (any Unicode, lone surrogates too): never a crash, always a report', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const parsed = parseQuestionnaireCsv(new TextEncoder().encode(text), catalog)
        expectWellFormed(parsed)
        expectRowsStorable(parsed)
      }),
      RUNS,
    )
  })

  it('the template header with hostile cells: rows the database accepts, or errors', () => {
    fc.assert(
      fc.property(hostileFile, (bytes) => {
        const parsed = parseQuestionnaireCsv(bytes, catalog)
        expectWellFormed(parsed)
        expectRowsStorable(parsed)
      }),
      RUNS,
    )
  })

  it('a valid file with one hostile cell: every line is read or refused, none lost', () => {
    fc.assert(
      fc.property(mutatedFile, ({ bytes, copies, oneLinePerRecord }) => {
        const parsed = parseQuestionnaireCsv(bytes, catalog)
        expectWellFormed(parsed)
        expectRowsStorable(parsed)
        const errorLines = parsed.issues.filter((i) => i.severity === 'error').map((i) => i.line)
        const accounted = new Set([...parsed.rows.map((r) => r.line), ...errorLines])
        // An error on the header line refuses the whole file (e.g. a NUL byte: not a text file).
        const fileRefused = errorLines.includes(1)
        if (fileRefused) expect(parsed.rows).toEqual([])
        else if (oneLinePerRecord) {
          for (let line = 2; line <= copies + 1; line++) {
            expect(accounted.has(line), `line ${line} neither read nor refused`).toBe(true)
          }
        } else {
          expect(parsed.rows.length + errorLines.length).toBeGreaterThan(0)
        }
      }),
      RUNS,
    )
  })

  it('a truncated file (cut anywhere) is still reported, never half-read silently', () => {
    const row = HEADERS.map((h) => VALID[h] ?? '')
    const full = new TextEncoder().encode(
      [HEADERS, row, row].map((cells) => cells.map((c) => csvField(c, ';')).join(';')).join('\n'),
    )
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length }), (cut) => {
        const parsed = parseQuestionnaireCsv(full.slice(0, cut), catalog)
        expectWellFormed(parsed)
        expectRowsStorable(parsed)
      }),
      RUNS,
    )
  })
})
