import { describe, expect, it } from 'vitest'
import realValues from '../../../../supabase/data/opening_hours/osm-real-values.json'
import {
  emptyWeek,
  modelFromOpeningHours,
  openingHoursFromModel,
  validateModel,
  type WeekModel,
} from '@/features/merchant/utils/opening-hours-model'
import { parseOpeningHours } from '@/features/places/utils/opening-hours'

function model(value: string | null): WeekModel {
  const result = modelFromOpeningHours(value)
  if (!result.ok) throw new Error(`Refused ${value}: ${result.reason}`)
  return result.model
}

function week(
  days: Partial<WeekModel['days']>,
  publicHolidays: WeekModel['publicHolidays'] = 'same',
) {
  return { days: { ...emptyWeek().days, ...days }, publicHolidays }
}

/** Two weeks from Monday 13 July 2026 (14 July, Fête nationale, is a public holiday). */
const START = new Date(2026, 6, 13)
const HALF_HOUR = 30 * 60 * 1000

/** Where two values disagree, sampled every 30 minutes over the two weeks, and by their week tables. */
function differences(a: string, b: string): string[] {
  const pa = parseOpeningHours(a)
  const pb = parseOpeningHours(b)
  if (!pa.ok || !pb.ok) return [`unparsed: ${pa.ok ? '' : pa.error} ${pb.ok ? '' : pb.error}`]
  const out: string[] = []
  for (let t = START.getTime(); t < START.getTime() + 14 * 24 * 3600 * 1000; t += HALF_HOUR) {
    const date = new Date(t)
    const sa = pa.evaluator.stateAt(date)
    const sb = pb.evaluator.stateAt(date)
    if (sa.open !== sb.open || sa.unknown !== sb.unknown) out.push(date.toString())
  }
  // Exact intervals too, since ranges such as 12:45 fall between two samples.
  for (const offset of [0, 7]) {
    const weekStart = new Date(2026, 6, 13 + offset)
    const ta = JSON.stringify(pa.evaluator.weekTable(weekStart))
    const tb = JSON.stringify(pb.evaluator.weekTable(weekStart))
    if (ta !== tb) out.push(`week of ${weekStart.toDateString()}`)
  }
  return out
}

describe('modelFromOpeningHours', () => {
  it('reads an empty value as an empty week', () => {
    expect(model(null)).toEqual(emptyWeek())
    expect(model('   ')).toEqual(emptyWeek())
  })

  it('reads 24/7 and off', () => {
    const always = model('24/7')
    expect(always.days.Mo).toEqual([{ from: '00:00', to: '24:00' }])
    expect(always.days.Su).toEqual([{ from: '00:00', to: '24:00' }])
    expect(model('off')).toEqual(emptyWeek())
  })

  it('reads day ranges, lists and several ranges a day', () => {
    const m = model('Mo-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00')
    expect(m.days.Mo).toEqual([
      { from: '09:00', to: '12:30' },
      { from: '14:00', to: '19:00' },
    ])
    expect(m.days.Fr).toEqual(m.days.Mo)
    expect(m.days.Sa).toEqual([{ from: '09:00', to: '12:00' }])
    expect(m.days.Su).toEqual([])
    expect(m.publicHolidays).toBe('same')

    const listed = model('Mo,We 10:00-12:00')
    expect(listed.days.Mo).toEqual([{ from: '10:00', to: '12:00' }])
    expect(listed.days.Tu).toEqual([])
    expect(listed.days.We).toEqual([{ from: '10:00', to: '12:00' }])
  })

  it('reads a final PH off', () => {
    const m = model('Mo-Fr 09:00-18:00; PH off')
    expect(m.publicHolidays).toBe('closed')
    expect(m.days.We).toEqual([{ from: '09:00', to: '18:00' }])
  })

  it('applies later rules the way OpenStreetMap does', () => {
    // `;` replaces the day, `,` adds to it.
    expect(model('Mo-Fr 08:30-12:00; We 13:30-16:00').days.We).toEqual([
      { from: '13:30', to: '16:00' },
    ])
    expect(model('Mo-Sa 09:00-12:00, Mo-Fr 14:00-18:00').days.Tu).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '14:00', to: '18:00' },
    ])
    expect(model('Mo-Sa 09:00-18:00; Su off').days.Su).toEqual([])
  })

  it('reads a range ending at midnight', () => {
    expect(model('Mo-Fr 18:00-00:00').days.Mo).toEqual([{ from: '18:00', to: '24:00' }])
  })

  it.each([
    ['Mo-Fr 22:00-02:00', 'overnight'],
    ['Mo-Fr 09:00-18:00; PH 10:00-12:00', 'holidays'],
    ['PH off; Mo-Fr 09:00-18:00', 'holidays'],
    ['Nov-Apr: Mo-Fr 12:00-18:00', 'months'],
    ['Mo-Fr 09:00-18:00 "sur rendez-vous"', 'comment'],
    ['Mo-Fr sunrise-sunset', 'sun'],
    ['Mo-Fr 09:00-18:00 || "sur rendez-vous"', 'comment'],
    ['Mo-Fr 09:00-18:00 || Sa unknown', 'fallback'],
    ['2026 Dec 25 off; Mo-Fr 09:00-18:00', 'dates'],
    ['week 1-26 Mo-Fr 09:00-18:00', 'weeks'],
    ['Mo-Fr 10:00-24:00+', 'openEnd'],
    ['Mo 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00', 'tooManyRanges'],
    ['Mo-Fr 09:00-18:00; SH off', 'holidays'],
    ['du lundi au vendredi', 'invalid'],
    // The library reads a rule without days among others its own way on public holidays.
    ['Tu 10:00-12:00; 13:30-18:30; Sa 10:00-18:00', 'syntax'],
  ])('refuses %s (%s)', (value, reason) => {
    expect(modelFromOpeningHours(value)).toEqual({ ok: false, reason })
  })
})

describe('openingHoursFromModel', () => {
  it('groups identical days', () => {
    const morning = [{ from: '09:00', to: '12:30' }]
    const day = [...morning, { from: '14:00', to: '19:00' }]
    expect(
      openingHoursFromModel(
        week(
          { Mo: day, Tu: day, We: day, Th: day, Fr: day, Sa: [{ from: '09:00', to: '12:00' }] },
          'closed',
        ),
      ),
    ).toBe('Mo-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off')
    expect(openingHoursFromModel(week({ Mo: morning, We: morning }))).toBe('Mo,We 09:00-12:30')
    expect(openingHoursFromModel(week({ Sa: morning, Su: morning }))).toBe('Sa,Su 09:00-12:30')
  })

  it('sorts ranges and writes midnight as 24:00', () => {
    expect(
      openingHoursFromModel(
        week({
          Mo: [
            { from: '18:00', to: '00:00' },
            { from: '9:00', to: '12:00' },
          ],
        }),
      ),
    ).toBe('Mo 09:00-12:00,18:00-24:00')
  })

  it('writes 24/7 and off', () => {
    const all = [{ from: '00:00', to: '24:00' }]
    const always = week({ Mo: all, Tu: all, We: all, Th: all, Fr: all, Sa: all, Su: all })
    expect(openingHoursFromModel(always)).toBe('24/7')
    expect(openingHoursFromModel({ ...always, publicHolidays: 'closed' })).toBe('24/7; PH off')
    expect(openingHoursFromModel(emptyWeek())).toBe('off')
    expect(openingHoursFromModel({ ...emptyWeek(), publicHolidays: 'closed' })).toBe('off')
  })

  it('writes values the parser reads the same way', () => {
    for (const value of [
      'Mo-Fr 09:00-18:00',
      'Mo,We 10:00-12:00',
      'Mo-Fr 09:00-18:00; PH off',
      '24/7',
    ]) {
      expect(differences(value, openingHoursFromModel(model(value)))).toEqual([])
    }
  })
})

describe('validateModel', () => {
  it('accepts a valid week, midnight as an end and touching ranges', () => {
    expect(
      validateModel(
        week({
          Mo: [
            { from: '09:00', to: '12:00' },
            { from: '12:00', to: '00:00' },
          ],
          Tu: [{ from: '00:00', to: '24:00' }],
        }),
      ),
    ).toEqual([])
  })

  it('says when a range ends before it starts', () => {
    expect(validateModel(week({ Tu: [{ from: '18:00', to: '09:00' }] }))).toEqual([
      { day: 'Tu', index: 0, field: 'to', problem: { kind: 'endBeforeStart' }, rangeCount: 1 },
    ])
    expect(validateModel(week({ Tu: [{ from: '09:00', to: '09:00' }] }))[0]?.problem).toEqual({
      kind: 'endBeforeStart',
    })
  })

  it('says when ranges overlap', () => {
    const errors = validateModel(
      week({
        We: [
          { from: '14:00', to: '19:00' },
          { from: '09:00', to: '14:30' },
        ],
      }),
    )
    expect(errors).toEqual([
      {
        day: 'We',
        index: 0,
        field: 'from',
        problem: { kind: 'overlap', ranges: [1, 2] },
        rangeCount: 2,
      },
    ])
  })

  it('says when a time is malformed or missing', () => {
    expect(validateModel(week({ Th: [{ from: '25:00', to: '26:00' }] }))[0]).toMatchObject({
      day: 'Th',
      field: 'from',
      problem: { kind: 'badTime' },
    })
    expect(validateModel(week({ Fr: [{ from: '9h', to: '12:00' }] }))[0]?.problem.kind).toBe(
      'badTime',
    )
    expect(validateModel(week({ Sa: [{ from: '09:00', to: '' }] }))[0]).toMatchObject({
      field: 'to',
      problem: { kind: 'missingTime' },
    })
    expect(validateModel(week({ Su: [{ from: '24:00', to: '24:00' }] }))[0]?.problem.kind).toBe(
      'badTime',
    )
  })

  it('limits a day to three ranges', () => {
    const ranges = ['08', '10', '12', '14'].map((h) => ({ from: `${h}:00`, to: `${h}:30` }))
    expect(validateModel(week({ Mo: ranges })).map((e) => e.problem)).toEqual([
      { kind: 'tooManyRanges', max: 3 },
    ])
  })
})

describe('real OpenStreetMap values', () => {
  const values = realValues.map((v) => v.value)

  it('has the 107 values', () => {
    expect(values).toHaveLength(107)
  })

  it('round-trips every value the form accepts to an equivalent value', () => {
    const accepted = values.filter((v) => modelFromOpeningHours(v).ok)
    const failures = accepted.flatMap((value) => {
      const written = openingHoursFromModel(model(value))
      const errors = validateModel(model(value))
      const diff = differences(value, written)
      return errors.length > 0 || diff.length > 0
        ? [{ value, written, errors, diff: diff.slice(0, 3) }]
        : []
    })
    expect(failures).toEqual([])
    // The form reads 98 of the 107; the others use seasons, comments, open ends, ranges past
    // midnight, a rule without days among others, or are not valid.
    expect(accepted).toHaveLength(98)
    // Reading the written value again gives the same model.
    for (const value of accepted) {
      expect(model(openingHoursFromModel(model(value)))).toEqual(model(value))
    }
  })
})
