import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DAYS,
  MAX_RANGES_PER_DAY,
  emptyWeek,
  modelFromOpeningHours,
  openingHoursFromModel,
  parseTime,
  validateModel,
  type WeekModel,
} from '@/shop/opening-hours-model'
import { parseOpeningHours } from '@/shop/opening-hours'
import { isCleanText, SHOP_LIMITS, charLength } from '@/shop/shop-rules'

/**
 * The opening-hours form under random and malformed input: reading any text never throws and
 * either gives a model the form can edit or a reason it cannot; every model the form calls
 * valid writes a value the parser and the database accept, and reads back as the same week.
 * Bounded runs with a fixed seed (printed by fast-check with the shrunk input on failure).
 */

const RUNS = { numRuns: 400, seed: 20261201 }

const REASONS = [
  'invalid',
  'months',
  'weeks',
  'dates',
  'comment',
  'sun',
  'fallback',
  'holidays',
  'openEnd',
  'overnight',
  'tooManyRanges',
  'syntax',
]

/** Pieces of the opening_hours grammar, glued at random: mostly near-valid values. */
const token = fc.constantFrom(
  'Mo',
  'Tu',
  'We',
  'Th',
  'Fr',
  'Sa',
  'Su',
  'PH',
  'SH',
  'Mo-Fr',
  'Sa-Su',
  'Jan',
  'Dec 25',
  'week 1-53/2',
  '2026',
  '09:00-12:00',
  '14:00-19:00',
  '00:00-24:00',
  '22:00-02:00',
  '18:00-26:00',
  '01:00-03:00',
  '08:00+',
  'sunrise-sunset',
  '24/7',
  'off',
  'closed',
  'open',
  '"sur rendez-vous"',
  ',',
  ';',
  ' ',
  '||',
  ':',
  '-',
  '[1]',
  '25:00-26:00',
  '9h-12h',
  '<b>',
  '\u0000',
  '\u001b',
)
const grammarText = fc.array(token, { maxLength: 10 }).map((parts) => parts.join(' '))
const anyText = fc.oneof(
  grammarText,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
)

/** Times as a time input, a careless user or a forged state may give them. */
const timeText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.constantFrom('', ' ', '9:00', '24:00', '00:00', '23:60', '99:99', '-1:00', '12', '12:5', 'ab'),
  fc.string({ maxLength: 8 }),
)
const weekModel: fc.Arbitrary<WeekModel> = fc.record({
  days: fc.record(
    Object.fromEntries(
      DAYS.map((d) => [
        d,
        fc.array(fc.record({ from: timeText, to: timeText }), {
          maxLength: MAX_RANGES_PER_DAY + 1,
        }),
      ]),
    ) as Record<(typeof DAYS)[number], fc.Arbitrary<{ from: string; to: string }[]>>,
  ),
  publicHolidays: fc.constantFrom('closed' as const, 'same' as const),
})

/** What the database's CHECK on opening_hours requires. */
function expectStorable(value: string) {
  expect(charLength(value)).toBeLessThanOrEqual(SHOP_LIMITS.openingHours)
  expect(isCleanText(value)).toBe(true)
  expect(parseOpeningHours(value).ok, value).toBe(true)
}

describe('opening-hours model under fuzzing', () => {
  it('reading any text never throws: a model, or a known reason', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = modelFromOpeningHours(text)
        if (!result.ok) {
          expect(REASONS).toContain(result.reason)
          return
        }
        // What the form shows from a value is valid and writes a storable value that reads back
        // as the same week.
        expect(validateModel(result.model)).toEqual([])
        const written = openingHoursFromModel(result.model)
        expectStorable(written)
        const again = modelFromOpeningHours(written)
        expect(again.ok && openingHoursFromModel(again.model)).toBe(written)
      }),
      RUNS,
    )
  })

  it('any week typed in the form: errors, or a value the parser and database accept', () => {
    fc.assert(
      fc.property(weekModel, (model) => {
        const errors = validateModel(model)
        for (const error of errors) {
          expect(DAYS).toContain(error.day)
          expect(['from', 'to']).toContain(error.field)
        }
        if (errors.length > 0) return
        const written = openingHoursFromModel(model)
        expectStorable(written)
        const read = modelFromOpeningHours(written)
        expect(read.ok, written).toBe(true)
        if (read.ok) expect(openingHoursFromModel(read.model)).toBe(written)
      }),
      RUNS,
    )
  })

  it('parseTime never throws and stays within the day', () => {
    fc.assert(
      fc.property(timeText, fc.boolean(), (text, end) => {
        const minutes = parseTime(text, end)
        if (minutes !== null) {
          expect(Number.isInteger(minutes)).toBe(true)
          expect(minutes).toBeGreaterThanOrEqual(0)
          expect(minutes).toBeLessThanOrEqual(24 * 60)
        }
      }),
      RUNS,
    )
  })

  it('an empty week is valid and writes "off"', () => {
    expect(validateModel(emptyWeek())).toEqual([])
    expect(openingHoursFromModel(emptyWeek())).toBe('off')
  })
})
