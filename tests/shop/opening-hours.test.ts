// @vitest-environment node
import { describe, expect, it } from 'vitest'
import realValues from '../../supabase/data/opening_hours/osm-real-values.json'
import { NO_HOURS_ERROR, parseOpeningHours, type OpeningHoursEvaluator } from '@/shop/opening-hours'

function evaluator(value: string): OpeningHoursEvaluator {
  const result = parseOpeningHours(value)
  if (!result.ok) throw new Error(`expected ${value} to parse: ${result.error}`)
  return result.evaluator
}

const WEEKDAYS = 'Mo-Su 09:00-18:00; PH off'

describe('time zone', () => {
  it('runs in French time, as vite.config.ts sets for the tests', () => {
    // Opening hours are read in the runtime's local time; every expectation below assumes Paris.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Europe/Paris')
  })
})

describe('parseOpeningHours', () => {
  it('says there are no hours for null, undefined, empty or blank values', () => {
    for (const value of [null, undefined, '', '   \n']) {
      expect(parseOpeningHours(value)).toEqual({ ok: false, error: NO_HOURS_ERROR })
    }
    expect(NO_HOURS_ERROR).toBe('Aucun horaire')
  })

  it('explains unreadable values in French, with where reading stopped', () => {
    const result = parseOpeningHours('Mo-Wed 8:30-12-30; Mo-Wed 13:30-18:30')
    expect(result).toEqual({
      ok: false,
      error:
        'Horaires illisibles : La plage horaire ne continue pas comme prévu. (après « Mo-Wed 8:30-12 »)',
    })
    const garbage = parseOpeningHours('n’importe quoi')
    expect(garbage.ok).toBe(false)
    if (!garbage.ok) expect(garbage.error).toMatch(/^Horaires illisibles : Caractère inattendu/)
    const nothing = parseOpeningHours(';')
    expect(nothing).toEqual({
      ok: false,
      error: 'Horaires illisibles : La valeur ne contient rien qui puisse être évalué.',
    })
  })

  it('keeps French warnings for values it had to guess at', () => {
    const result = parseOpeningHours('Mo-Sa 9-18')
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.warnings).toHaveLength(1)
      expect(result.warnings[0]).toContain('Plage horaire spécifiée sans minutes')
    }
    const clean = parseOpeningHours('Mo-Sa 09:00-18:00')
    expect(clean.ok && clean.warnings).toEqual([])
  })

  it('parses each distinct value once', () => {
    const first = parseOpeningHours('Tu-Sa 10:00-19:00')
    expect(parseOpeningHours('Tu-Sa 10:00-19:00')).toBe(first)
    expect(parseOpeningHours('  Tu-Sa 10:00-19:00 ')).toBe(first)
    expect(parseOpeningHours('garbage value')).toBe(parseOpeningHours('garbage value'))
  })

  it('reads every real value from OpenStreetMap, or explains why not', () => {
    const values = (realValues as { value: string }[]).map((entry) => entry.value)
    expect(values).toHaveLength(107)
    const monday = new Date('2026-07-13T00:00:00+02:00')
    let readable = 0
    const errors: string[] = []
    for (const value of values) {
      const result = parseOpeningHours(value)
      if (result.ok) {
        readable += 1
        expect(() => result.evaluator.stateAt(new Date('2026-07-15T10:00:00+02:00'))).not.toThrow()
        expect(result.evaluator.weekTable(monday)).toHaveLength(7)
      } else {
        errors.push(result.error)
      }
    }
    expect(readable).toBe(106)
    expect(errors).toHaveLength(1)
    for (const error of errors) expect(error).toMatch(/^Horaires illisibles : .+/)
  })
})

describe('stateAt', () => {
  it('honours French public holidays', () => {
    const hours = evaluator(WEEKDAYS)
    expect(hours.stateAt(new Date('2026-12-25T10:00:00+01:00')).open).toBe(false) // Noël
    expect(hours.stateAt(new Date('2026-07-14T10:00:00+02:00')).open).toBe(false) // Fête nationale
    expect(hours.stateAt(new Date('2026-04-06T10:00:00+02:00')).open).toBe(false) // Lundi de Pâques
    expect(hours.stateAt(new Date('2026-05-14T10:00:00+02:00')).open).toBe(false) // Ascension
    expect(hours.stateAt(new Date('2026-07-15T10:00:00+02:00')).open).toBe(true)
    expect(hours.stateAt(new Date('2026-12-26T10:00:00+01:00')).open).toBe(true) // Alsace only
  })

  it('says when the state next changes', () => {
    const hours = evaluator(WEEKDAYS)
    expect(hours.stateAt(new Date('2026-07-15T10:00:00+02:00'))).toEqual({
      open: true,
      unknown: false,
      comment: null,
      nextChange: new Date('2026-07-15T18:00:00+02:00'),
    })
    // The evening before the holiday: next opening skips 14 July.
    expect(hours.stateAt(new Date('2026-07-13T20:00:00+02:00')).nextChange).toEqual(
      new Date('2026-07-15T09:00:00+02:00'),
    )
  })

  it('passes on uncertain states and their comments', () => {
    const hours = evaluator('Mo-Fr 09:00-18:00; Sa 09:00-12:00 unknown "sur rendez-vous"')
    expect(hours.stateAt(new Date('2026-07-18T10:00:00+02:00'))).toMatchObject({
      open: false,
      unknown: true,
      comment: 'sur rendez-vous',
    })
  })

  it('places sunset where it is in Poitiers', () => {
    // Sunset is about 21:48 in mid-July; without the coordinates the library assumes 18:00.
    const hours = evaluator('Mo-Su sunrise-sunset')
    const evening = hours.stateAt(new Date('2026-07-15T21:30:00+02:00'))
    expect(evening.open).toBe(true)
    expect(evening.nextChange!.getTime()).toBeGreaterThan(
      new Date('2026-07-15T21:40:00+02:00').getTime(),
    )
    expect(evening.nextChange!.getTime()).toBeLessThan(
      new Date('2026-07-15T22:00:00+02:00').getTime(),
    )
  })

  it('answers "unknown" for an invalid date instead of throwing', () => {
    expect(evaluator(WEEKDAYS).stateAt(new Date(Number.NaN))).toMatchObject({
      open: false,
      unknown: true,
    })
  })
})

describe('weekTable', () => {
  const hours = evaluator(
    'Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00 "marché"; Su 22:00-02:00; PH off',
  )
  const week = hours.weekTable(new Date('2026-07-13T00:00:00+02:00'))

  it('gives the seven days from the given day, at local midnight', () => {
    expect(week.map((day) => day.date)).toEqual(
      [13, 14, 15, 16, 17, 18, 19].map((d) => new Date(`2026-07-${d}T00:00:00+02:00`)),
    )
  })

  it('lists each day’s intervals, cut at midnight', () => {
    const simple = (i: number) => week[i]!.intervals.map(({ from, to }) => `${from}-${to}`)
    // The night of Sunday 12 runs into Monday.
    expect(simple(0)).toEqual(['00:00-02:00', '08:00-12:00', '14:00-18:00'])
    expect(simple(1)).toEqual([]) // 14 July
    expect(simple(2)).toEqual(['08:00-12:00', '14:00-18:00'])
    expect(simple(6)).toEqual(['22:00-24:00'])
  })

  it('keeps comments, and flags what the value leaves uncertain', () => {
    expect(week[5]!.intervals).toEqual([
      { from: '09:00', to: '12:00', comment: 'marché', unknown: true },
    ])
    expect(week[2]!.intervals[0]).toEqual({
      from: '08:00',
      to: '12:00',
      comment: null,
      unknown: false,
    })
  })

  it('starts at the day of any time given', () => {
    expect(hours.weekTable(new Date('2026-07-13T15:42:00+02:00'))).toEqual(week)
  })

  it('handles the change to winter time', () => {
    // 25 October 2026 has 25 hours; days must still start at midnight.
    const autumn = evaluator('Mo-Su 08:00-20:00').weekTable(new Date('2026-10-24T00:00:00+02:00'))
    expect(autumn[1]!.date).toEqual(new Date('2026-10-25T00:00:00+02:00'))
    expect(autumn[2]!.date).toEqual(new Date('2026-10-26T00:00:00+01:00'))
    expect(
      autumn.every((day) => day.intervals.length === 1 && day.intervals[0]!.to === '20:00'),
    ).toBe(true)
  })
})
