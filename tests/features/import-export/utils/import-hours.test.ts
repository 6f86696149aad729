import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseOpeningHours } from '@/shop/opening-hours'
import { convertFrenchHours } from '@/shop/french-hours'
import {
  isSimpleOpeningHours,
  readOsmHours,
  readQuestionnaireHours,
} from '@/features/import-export/utils/import-hours'

// The converter is another module's work: these tests pin what the importer does with each of
// its two answers, whatever it answers for a given text today.
vi.mock('@/shop/french-hours', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/shop/french-hours')>()
  return { ...real, convertFrenchHours: vi.fn(real.convertFrenchHours) }
})

afterEach(() => {
  vi.mocked(convertFrenchHours).mockClear()
})

/** xorshift32: the same pseudo-random timetables on every run. */
function random(seed: number): (n: number) => number {
  let state = seed
  return (n) => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % n
  }
}

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']
const pad = (n: number) => String(n).padStart(2, '0')
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`

function randomTimetable(rnd: (n: number) => number): string {
  const rules: string[] = []
  for (let r = 0; r <= rnd(4); r++) {
    let days: string
    if (rnd(6) === 0) days = 'PH'
    else {
      const from = rnd(7)
      const to = from + rnd(7 - from)
      days = to > from ? `${DAYS[from]}-${DAYS[to]}` : DAYS[from]!
      if (rnd(4) === 0) days += `,${DAYS[rnd(7)]}`
    }
    const ranges: string[] = []
    let cursor = rnd(600)
    for (let t = 0; t <= rnd(3); t++) {
      const start = cursor + rnd(120)
      const end = start + 1 + rnd(rnd(5) === 0 ? 1500 : 500)
      if (end > 1440 && rnd(2)) break
      ranges.push(`${hhmm(start % 1440)}-${end === 1440 ? '24:00' : hhmm(end % 1440)}`)
      cursor = end + rnd(60) - 30
    }
    const body = ranges.length === 0 || rnd(8) === 0 ? 'off' : ranges.join(',')
    rules.push(rnd(10) === 0 ? body : `${days} ${body}`)
  }
  return rules.join('; ')
}

describe('isSimpleOpeningHours (the fast path)', () => {
  it('accepts only values the library reads without warnings (3,000 random timetables)', () => {
    const rnd = random(20201122)
    let accepted = 0
    const disagreements: string[] = []
    for (let i = 0; i < 3000; i++) {
      const value = randomTimetable(rnd)
      if (!isSimpleOpeningHours(value)) continue
      accepted++
      const parsed = parseOpeningHours(value)
      if (!parsed.ok || parsed.warnings.length > 0) disagreements.push(value)
    }
    expect(disagreements).toEqual([])
    // The generator must exercise the fast path, or the check above proves nothing.
    expect(accepted).toBeGreaterThan(500)
  })

  it('accepts the everyday shapes', () => {
    for (const value of [
      'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
      'Tu-Sa 07:00-13:00,15:00-19:30; Su 07:30-12:30; PH off',
      'Mo,We,Fr 10:00-24:00',
      '24/7',
      '08:00-20:00',
    ]) {
      expect([value, isSimpleOpeningHours(value)]).toEqual([value, true])
    }
  })

  it('leaves to the library what it cannot vouch for', () => {
    for (const value of [
      'Mo-Fr 09:00-18:00; Mo 10:00-12:00', // overrides a day
      'Mo-Fr 18:00-02:00', // overnight
      'Sa-Mo 10:00-12:00', // wrapping range
      'Mo-Fr 12:00-14:00,09:00-10:00', // ranges out of order
      'Mo-Fr 9:00-18:00', // one-digit hour
      '09:00-18:00; PH off', // a day-less rule followed by another
      'Lundi 9h-12h',
    ]) {
      expect([value, isSimpleOpeningHours(value)]).toEqual([value, false])
    }
  })
})

describe('readQuestionnaireHours', () => {
  it('keeps valid OSM syntax as written, without asking the converter', () => {
    expect(readQuestionnaireHours('Mo-Fr 09:00-18:00')).toEqual({
      kind: 'osm',
      openingHours: 'Mo-Fr 09:00-18:00',
    })
    expect(readQuestionnaireHours('Mo-Fr 09:00-18:00; Mo 10:00-12:00')).toMatchObject({
      kind: 'osm',
    })
    expect(convertFrenchHours).not.toHaveBeenCalled()
  })

  it('gives French text to the converter even though the library would read it', () => {
    vi.mocked(convertFrenchHours).mockReturnValueOnce({
      kind: 'converted',
      openingHours: 'Mo 09:00-12:00',
    })
    expect(readQuestionnaireHours('Lundi 9h-12h')).toEqual({
      kind: 'converted',
      openingHours: 'Mo 09:00-12:00',
    })
    expect(convertFrenchHours).toHaveBeenCalledWith('Lundi 9h-12h')
  })

  it('keeps the text as a note with the converter’s reason', () => {
    vi.mocked(convertFrenchHours).mockReturnValueOnce({ kind: 'note', reason: 'jours ambigus' })
    expect(readQuestionnaireHours('Du lundi au samedi, sauf jours de marché')).toEqual({
      kind: 'note',
      note: 'Du lundi au samedi, sauf jours de marché',
      reason: 'jours ambigus',
    })
  })

  it('adds the library’s error when the text was an attempt at OSM syntax', () => {
    vi.mocked(convertFrenchHours).mockReturnValueOnce({ kind: 'note', reason: 'illisible' })
    const reading = readQuestionnaireHours('Mo-Fr 09:00-1800')
    expect(reading.kind).toBe('note')
    expect(reading.kind === 'note' && reading.reason).toMatch(/^illisible \(Horaires illisibles/)
  })

  it('does not trust a conversion the library cannot read', () => {
    vi.mocked(convertFrenchHours).mockReturnValueOnce({
      kind: 'converted',
      openingHours: 'de neuf à midi',
    })
    expect(readQuestionnaireHours('Lundi de 9 à 12')).toMatchObject({
      kind: 'note',
      note: 'Lundi de 9 à 12',
      reason: expect.stringMatching(/conversion illisible/),
    })
  })
})

describe('readOsmHours', () => {
  it('keeps what the library reads, warnings included', () => {
    expect(readOsmHours('Mo-Sa 09:00-12:30,13:45-19:15')).toEqual({
      kind: 'osm',
      openingHours: 'Mo-Sa 09:00-12:30,13:45-19:15',
    })
    expect(readOsmHours('Mo-Fr 9h-18h')).toMatchObject({ kind: 'osm' })
    expect(convertFrenchHours).not.toHaveBeenCalled()
  })

  it('keeps what the library refuses as a note with its error', () => {
    const reading = readOsmHours('Mo-Fr 09:00-25:99 sauf août')
    expect(reading).toMatchObject({ kind: 'note', note: 'Mo-Fr 09:00-25:99 sauf août' })
    expect(reading.kind === 'note' && reading.reason).toMatch(/^Horaires illisibles/)
  })

  it('keeps a value too long for the column as a note', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Mo 0${i % 10}:00-0${i % 10}:30`).join(', ')
    expect(readOsmHours(long)).toMatchObject({ kind: 'note', reason: expect.stringMatching(/500/) })
  })
})
