import { describe, expect, it } from 'vitest'
import realValues from '../../supabase/data/opening_hours/osm-real-values.json'
import {
  emptyWeek,
  modelFromOpeningHours,
  openingHoursFromModel,
  validateModel,
  type WeekModel,
} from '@/shop/opening-hours-model'
import { parseOpeningHours } from '@/shop/opening-hours'

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

  it('reads a range past midnight on the day it starts', () => {
    const friday = model('Fr 18:00-02:00')
    expect(friday.days.Fr).toEqual([{ from: '18:00', to: '02:00' }])
    expect(friday.days.Sa).toEqual([])
    // The library also reads an end past 24:00.
    expect(model('Fr 18:00-26:00')).toEqual(friday)
    expect(model('Fr 18:00-41:59').days.Fr).toEqual([{ from: '18:00', to: '17:59' }])
    // Sunday's runs into Monday.
    const sunday = model('Su 20:00-03:00')
    expect(sunday.days.Su).toEqual([{ from: '20:00', to: '03:00' }])
    expect(sunday.days.Mo).toEqual([])
    // Midnight itself is not past midnight.
    expect(model('Sa 22:00-24:00')).toEqual(model('Sa 22:00-00:00'))
    expect(model('Sa 22:00-24:00').days.Sa).toEqual([{ from: '22:00', to: '24:00' }])
  })

  it('reads ranges past midnight among daytime ranges', () => {
    const m = model('Mo-Th 10:00-19:00, Fr 10:00-12:00,18:00-02:00, Sa 02:01-12:00; PH off')
    expect(m.days.Th).toEqual([{ from: '10:00', to: '19:00' }])
    expect(m.days.Fr).toEqual([
      { from: '10:00', to: '12:00' },
      { from: '18:00', to: '02:00' },
    ])
    expect(m.days.Sa).toEqual([{ from: '02:01', to: '12:00' }])
    expect(m.publicHolidays).toBe('closed')
    // A later rule for Friday leaves Saturday alone, and one rule may cover both days.
    expect(model('Sa 10:00-12:00; Fr 18:00-02:00').days.Fr).toEqual([
      { from: '18:00', to: '02:00' },
    ])
    const both = model('Su-Th 11:00-00:00; Fr-Sa 11:00-02:00')
    expect(both.days.Fr).toEqual([{ from: '11:00', to: '02:00' }])
    expect(both.days.Sa).toEqual(both.days.Fr)
    expect(both.days.Su).toEqual([{ from: '11:00', to: '24:00' }])
  })

  it.each([
    // 24 hours or more.
    ['Fr 18:00-18:00', 'overnight'],
    ['Fr 18:00-42:00', 'overnight'],
    // The library lets Saturday's rule cancel Friday's hours after midnight…
    ['Fr 18:00-02:00; Sa 10:00-12:00', 'overnight'],
    ['Mo-Th 11:00-23:00; Fr 11:00-02:00; Sa 18:00-02:00; Su 18:00-23:00', 'overnight'],
    // …or Friday's second rule cancel its evening but not its night.
    ['Fr 18:00-02:00; Fr 10:00-12:00', 'overnight'],
    // The night overlaps or touches the next day's hours (the library joins them).
    ['Fr 18:00-02:00, Sa 01:00-12:00', 'overnight'],
    ['Fr 18:00-02:00, Sa 02:00-12:00', 'overnight'],
    ['Su 20:00-03:00, Mo 00:00-12:00', 'overnight'],
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
      'Fr 18:00-26:00',
      'Sa 10:00-12:00; Fr 18:00-02:00; PH off',
      'Su-Th 11:00-00:00; Fr-Sa 11:00-02:00',
      'Mo 09:00-12:00; Su 20:00-03:00',
    ]) {
      expect(differences(value, openingHoursFromModel(model(value)))).toEqual([])
    }
  })

  it('writes a range past midnight on its day, with rules joined by commas', () => {
    const friday = week({ Fr: [{ from: '18:00', to: '02:00' }] })
    expect(openingHoursFromModel(friday)).toBe('Fr 18:00-02:00')
    expect(model('Fr 18:00-02:00')).toEqual(friday)

    const mixed = week(
      {
        Mo: [{ from: '10:00', to: '19:00' }],
        Fr: [
          { from: '18:00', to: '02:00' },
          { from: '10:00', to: '12:00' },
        ],
        Sa: [{ from: '10:00', to: '12:00' }],
        Su: [{ from: '22:00', to: '00:00' }],
      },
      'closed',
    )
    const written = openingHoursFromModel(mixed)
    // With `;`, the Saturday rule would close Friday at midnight.
    expect(written).toBe(
      'Mo 10:00-19:00, Fr 10:00-12:00,18:00-02:00, Sa 10:00-12:00, Su 22:00-24:00; PH off',
    )
    const read = model(written)
    expect(read.days.Fr).toEqual([
      { from: '10:00', to: '12:00' },
      { from: '18:00', to: '02:00' },
    ])
    expect(openingHoursFromModel(read)).toBe(written)
    // What the library understands: open on Saturday 28 November 2026 at 01:59, not at 02:00.
    const parsed = parseOpeningHours(written)
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.evaluator.stateAt(new Date(2026, 10, 27, 23, 30)).open).toBe(true)
    expect(parsed.evaluator.stateAt(new Date(2026, 10, 28, 1, 59)).open).toBe(true)
    expect(parsed.evaluator.stateAt(new Date(2026, 10, 28, 2, 0)).open).toBe(false)
    expect(parsed.evaluator.stateAt(new Date(2026, 10, 28, 11, 0)).open).toBe(true)
    // Sunday ends at midnight: nothing on Monday morning.
    expect(parsed.evaluator.stateAt(new Date(2026, 10, 30, 0, 30)).open).toBe(false)
    expect(
      differences(
        written,
        'Sa 10:00-12:00; Mo 10:00-19:00; Fr 10:00-12:00,18:00-26:00; Su 22:00-24:00; PH off',
      ),
    ).toEqual([])
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

  it('accepts a range ending before it starts (past midnight), not one ending when it starts', () => {
    expect(validateModel(week({ Tu: [{ from: '18:00', to: '09:00' }] }))).toEqual([])
    expect(validateModel(week({ Tu: [{ from: '18:00', to: '17:59' }] }))).toEqual([])
    expect(validateModel(week({ Tu: [{ from: '09:00', to: '09:00' }] }))).toEqual([
      { day: 'Tu', index: 0, field: 'to', problem: { kind: 'sameTimes' }, rangeCount: 1 },
    ])
    // 00:00 as an end is midnight: a whole day, not 24 hours past midnight.
    expect(validateModel(week({ Tu: [{ from: '00:00', to: '00:00' }] }))).toEqual([])
  })

  it('says when a range past midnight runs into the next day’s hours', () => {
    const friday = { from: '18:00', to: '02:00' }
    const overlap = {
      day: 'Fr',
      index: 0,
      field: 'to',
      problem: { kind: 'overlapNextDay', next: 'Sa' },
      rangeCount: 1,
    }
    expect(validateModel(week({ Fr: [friday], Sa: [{ from: '02:01', to: '12:00' }] }))).toEqual([])
    // Touching is refused too: the library would make one opening of the two.
    expect(validateModel(week({ Fr: [friday], Sa: [{ from: '02:00', to: '12:00' }] }))).toEqual([
      overlap,
    ])
    expect(validateModel(week({ Fr: [friday], Sa: [{ from: '00:00', to: '12:00' }] }))).toEqual([
      overlap,
    ])
    // Any of the next day's ranges, and Sunday's night runs into Monday.
    expect(
      validateModel(
        week({
          Sa: [
            { from: '14:00', to: '18:00' },
            { from: '01:00', to: '02:00' },
          ],
          Fr: [friday],
        }),
      ),
    ).toEqual([overlap])
    expect(
      validateModel(
        week({ Su: [{ from: '20:00', to: '03:00' }], Mo: [{ from: '02:00', to: '12:00' }] }),
      ),
    ).toEqual([
      {
        day: 'Su',
        index: 0,
        field: 'to',
        problem: { kind: 'overlapNextDay', next: 'Mo' },
        rangeCount: 1,
      },
    ])
    // A day ending at midnight may be followed by a day starting at midnight.
    expect(
      validateModel(
        week({ Fr: [{ from: '18:00', to: '00:00' }], Sa: [{ from: '00:00', to: '02:00' }] }),
      ),
    ).toEqual([])
  })

  it('says when a range past midnight overlaps a later range of its own day', () => {
    const errors = validateModel(
      week({
        Fr: [
          { from: '18:00', to: '02:00' },
          { from: '22:00', to: '23:00' },
        ],
      }),
    )
    expect(errors.map((e) => e.problem)).toEqual([{ kind: 'overlap', ranges: [1, 2] }])
    // Two ranges past midnight on one day always overlap.
    expect(
      validateModel(
        week({
          Fr: [
            { from: '18:00', to: '01:00' },
            { from: '23:00', to: '02:00' },
          ],
        }),
      ).map((e) => e.problem.kind),
    ).toEqual(['overlap'])
    // A morning range before it is fine.
    expect(
      validateModel(
        week({
          Fr: [
            { from: '18:00', to: '02:00' },
            { from: '01:00', to: '03:00' },
          ],
        }),
      ),
    ).toEqual([])
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
    // The form reads 100 of the 107; the others use seasons, comments, open ends, ranges past
    // midnight cut short by the next day's rule, a rule without days among others, or are not
    // valid.
    expect(accepted).toHaveLength(100)
    expect(accepted).toContain('Th 16:00-01:00, Fr-Sa 16:00-02:00, Su 11:00-21:00')
    expect(accepted).toContain('Su-Th 11:00-00:00; Fr-Sa 11:00-02:00')
    // Reading the written value again gives the same model.
    for (const value of accepted) {
      expect(model(openingHoursFromModel(model(value)))).toEqual(model(value))
    }
  })
})
