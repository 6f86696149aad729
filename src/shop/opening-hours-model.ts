import { parseOpeningHours } from '@/shop/opening-hours'

/**
 * The simple weekly form behind the merchant's hours editor, and its translation to and from
 * OpenStreetMap `opening_hours`.
 *
 * Decisions:
 * - Only values the form can express EXACTLY are read into it (weekday rules with time ranges,
 *   `off`/`closed`, a final `PH off`, `24/7`, day ranges such as `Mo-Fr` or `We-Mo`, lists such as
 *   `Mo,We`, rules joined by `;` or by `,`). Anything else (months, weeks, dates, comments, sun
 *   times, `||`, open ends `+`, more than three ranges in a day…) is refused, so the editor falls
 *   back to the raw text and never rewrites what it cannot read.
 * - A range ending at midnight is written `24:00`; the form also accepts `00:00` as an END time
 *   meaning midnight (that is what a time input gives).
 * - A range whose end is earlier than its start runs past midnight and belongs to the day it
 *   starts: `Fr 18:00-02:00` is Friday 18:00 to Saturday 02:00 (the library reads it so, and also
 *   reads `Fr 18:00-26:00`, which the form reads the same way and writes `Fr 18:00-02:00`). A range
 *   whose end equals its start (24 hours) stays invalid.
 * - The part after midnight must END BEFORE the next day's first range starts (touching is refused
 *   too: the library would join the two into one opening, which the sheet could not split back).
 * - The library lets a later `;` rule for a day cancel the part after midnight of an earlier rule
 *   for the day before (`Fr 18:00-02:00; Sa 10:00-12:00` closes at midnight on Friday), so a week
 *   with a range past midnight is written with its rules joined by `,` (additional rules, which
 *   never cancel anything; the days of the rules do not overlap): `Fr 18:00-02:00, Sa 10:00-12:00`.
 *   Reading keeps the library's meaning: a value where such a part is cancelled (or where the day
 *   before's range is cancelled but not its part after midnight), where it overlaps or touches the
 *   next day's hours, or which lasts 24 hours or more is refused (reason 'overnight').
 * - `PH off` closes a public holiday's date from 00:00 to 24:00: the night before it stops at
 *   midnight and the holiday has no evening, but the library keeps the holiday's part after
 *   midnight on the next day (`Mo-Su 18:00-02:00; PH off`, holiday on a Tuesday: Wednesday
 *   00:00-02:00 open). The form writes `PH off` all the same; the sheet shows what the library reads.
 * - A week with every day closed is written `off` (closed at all times, public holidays too).
 * - An empty value reads as an empty week (every day closed) so the form can start from scratch.
 */

export const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const
export type Day = (typeof DAYS)[number]

export interface TimeRange {
  /** 'HH:MM'. */
  from: string
  /** 'HH:MM'; '24:00' (or '00:00') for midnight at the end of the day. */
  to: string
}

export type WeekModel = {
  days: Record<Day, TimeRange[]>
  publicHolidays: 'closed' | 'same'
}

/** Why a value cannot be edited with the simple form. */
export type ComplexReason =
  | 'invalid'
  | 'months'
  | 'weeks'
  | 'dates'
  | 'comment'
  | 'sun'
  | 'fallback'
  | 'holidays'
  | 'openEnd'
  | 'overnight'
  | 'tooManyRanges'
  | 'syntax'

export type ModelResult = { ok: true; model: WeekModel } | { ok: false; reason: ComplexReason }

export const MAX_RANGES_PER_DAY = 3

export function emptyWeek(): WeekModel {
  return {
    days: { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [] },
    publicHolidays: 'same',
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

type Token =
  | { kind: 'day'; day: number }
  | { kind: 'time'; minutes: number; text: string }
  | { kind: 'ph' }
  | { kind: 'off' }
  | { kind: 'always' }
  | { kind: '-' | ',' | ';' }

const TOKEN =
  /\s*(?:(Mo|Tu|We|Th|Fr|Sa|Su)(?![A-Za-z])|(PH)(?![A-Za-z])|(off|closed)(?![A-Za-z])|(24\/7)|(\d{1,2}):(\d{2})(?!\d)|([-,;]))/y

/** A first guess at what makes a value too complex, for the note shown to the merchant. */
function reasonFor(value: string): ComplexReason {
  if (/"/.test(value)) return 'comment'
  if (/\|\|/.test(value)) return 'fallback'
  if (/\b(sunrise|sunset|dawn|dusk)\b/.test(value)) return 'sun'
  if (/\b\d{4}\b/.test(value)) return 'dates'
  if (/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(value)) return 'months'
  if (/\bweek\b/.test(value)) return 'weeks'
  if (/\b(PH|SH)\b/.test(value)) return 'holidays'
  if (/\+/.test(value)) return 'openEnd'
  return 'syntax'
}

function tokenize(value: string): Token[] | null {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  let index = 0
  while (index < value.length) {
    if (/^\s*$/.test(value.slice(index))) break
    TOKEN.lastIndex = index
    const m = TOKEN.exec(value)
    if (!m) return null
    index = TOKEN.lastIndex
    if (m[1]) tokens.push({ kind: 'day', day: DAYS.indexOf(m[1] as Day) })
    else if (m[2]) tokens.push({ kind: 'ph' })
    else if (m[3]) tokens.push({ kind: 'off' })
    else if (m[4]) tokens.push({ kind: 'always' })
    else if (m[5] !== undefined && m[6] !== undefined) {
      const hours = Number(m[5])
      const minutes = Number(m[6])
      // Up to 48:00: an end past midnight may be written `26:00`.
      if (hours > 48 || minutes > 59 || (hours === 48 && minutes > 0)) return null
      tokens.push({ kind: 'time', minutes: hours * 60 + minutes, text: `${m[5]}:${m[6]}` })
    } else tokens.push({ kind: m[7] as '-' | ',' | ';' })
  }
  return tokens
}

type Interval = [number, number]

const DAY = 24 * 60

class Complex extends Error {
  constructor(readonly reason: ComplexReason) {
    super(reason)
  }
}

/** Sorted, with overlapping or touching intervals joined. */
function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: Interval[] = []
  for (const interval of sorted) {
    const last = out[out.length - 1]
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1])
    else out.push([interval[0], interval[1]])
  }
  return out
}

/** A range a rule gives a day; `to` is past `DAY` when the range runs past midnight. */
interface Part {
  /** The same for a range and the part of it after midnight, on the next day. */
  id: number
  from: number
  to: number
}

function parseSimple(tokens: Token[]): { days: Interval[][]; phClosed: boolean } {
  // The ranges each day's rules give it, and the parts after midnight of the day before's ranges,
  // as the library applies them: a normal rule (`;`) cancels both for the days it selects, an
  // additional rule (`,`) cancels nothing.
  const own: Part[][] = DAYS.map(() => [])
  const tails: Part[][] = DAYS.map(() => [])
  let nextId = 0
  const apply = (selected: number[], intervals: Interval[], additional: boolean) => {
    if (!additional) {
      for (const d of selected) {
        own[d] = []
        tails[d] = []
      }
    }
    for (const d of selected) {
      for (const [from, to] of intervals) {
        const id = nextId++
        own[d]!.push({ id, from, to })
        if (to > DAY) tails[(d + 1) % 7]!.push({ id, from: 0, to: to - DAY })
      }
    }
  }
  let phClosed = false
  let i = 0
  const peek = (offset = 0) => tokens[i + offset]
  const fail = (reason: ComplexReason = 'syntax'): never => {
    throw new Complex(reason)
  }

  const daySelector = (): number[] | null => {
    if (peek()?.kind !== 'day') return null
    const selected = new Set<number>()
    for (;;) {
      const first = tokens[i++] as { kind: 'day'; day: number }
      if (peek()?.kind === '-' && peek(1)?.kind === 'day') {
        const last = (tokens[i + 1] as { kind: 'day'; day: number }).day
        i += 2
        // Ranges may wrap around the week: We-Mo.
        for (let d = first.day; ; d = (d + 1) % 7) {
          selected.add(d)
          if (d === last) break
        }
      } else selected.add(first.day)
      if (peek()?.kind === ',' && peek(1)?.kind === 'day') i += 1
      else break
    }
    return [...selected]
  }

  const time = (): { minutes: number; text: string } => {
    const token = peek()
    if (token?.kind !== 'time') return fail()
    i += 1
    return token
  }

  const timeList = (): Interval[] => {
    const list: Interval[] = []
    for (;;) {
      const from = time()
      if (peek()?.kind !== '-') return fail()
      i += 1
      const to = time()
      if (from.minutes >= DAY) fail()
      let end = to.minutes
      if (end === 0) {
        if (from.minutes === 0) fail()
        end = DAY
      } else if (end <= from.minutes) {
        // Past midnight (`18:00-02:00`); 24 hours (`18:00-18:00`) is not part of the form.
        if (end === from.minutes) fail('overnight')
        end += DAY
      }
      // Also `18:00-26:00`, but not 24 hours or more (`18:00-42:00`).
      if (end > DAY && end - DAY >= from.minutes) fail('overnight')
      list.push([from.minutes, end])
      if (peek()?.kind === ',' && peek(1)?.kind === 'time') i += 1
      else return list
    }
  }

  let additional = false
  let first = true
  let rules = 0
  let wholeWeekRule = false
  while (i < tokens.length) {
    if (!first) {
      const separator = tokens[i++]!
      if (separator.kind === ';') {
        additional = false
        if (i === tokens.length) break // a trailing ';'
      } else if (separator.kind === ',' && peek()?.kind === 'day') additional = true
      else fail()
    }
    first = false
    const token = peek()
    if (token?.kind === 'ph') {
      // Only a final `PH off`: anywhere else later rules would decide holidays their own way.
      i += 1
      if (additional || peek()?.kind !== 'off') fail('holidays')
      i += 1
      if (i < tokens.length && !(tokens[i]!.kind === ';' && i === tokens.length - 1))
        fail('holidays')
      phClosed = true
      continue
    }
    if (token?.kind === 'always') {
      i += 1
      if (additional) fail()
      apply([0, 1, 2, 3, 4, 5, 6], [[0, DAY]], false)
      rules += 1
      wholeWeekRule = true
      continue
    }
    const chosen = daySelector()
    rules += 1
    if (!chosen) wholeWeekRule = true
    // A rule without days (`09:00-12:00`, `off`) selects the whole week.
    const selected = chosen ?? (additional ? fail() : [0, 1, 2, 3, 4, 5, 6])
    let intervals: Interval[]
    const next = peek()
    if (next?.kind === 'off') {
      if (additional) fail()
      i += 1
      intervals = []
    } else if (next?.kind === 'time') intervals = timeList()
    else if (chosen && (next === undefined || next.kind === ';' || next.kind === ','))
      intervals = [[0, DAY]] // days alone: open all day
    else return fail()
    apply(selected, intervals, additional)
  }
  // The library treats a rule without days next to other rules in ways of its own on public
  // holidays (`Tu 10:00-12:00; 13:30-18:30`): only read such a rule alone.
  if (wholeWeekRule && rules > 1) fail()

  // The form needs each range past midnight whole: on its day and, after midnight, on the next.
  for (let d = 0; d < 7; d += 1) {
    const next = (d + 1) % 7
    for (const part of own[d]!) {
      if (part.to > DAY && !tails[next]!.some((t) => t.id === part.id)) fail('overnight')
    }
    for (const tail of tails[next]!) {
      if (!own[d]!.some((p) => p.id === tail.id)) fail('overnight')
    }
  }
  const days = own.map((parts) => merge(parts.map((p): Interval => [p.from, p.to])))
  days.forEach((intervals, d) => {
    // After merging, at most one range of a day runs past midnight (they would all overlap).
    const last = intervals[intervals.length - 1]
    if (!last || last[1] <= DAY) return
    const tailEnd = last[1] - DAY
    if (tailEnd >= last[0]) fail('overnight')
    const nextFirst = days[(d + 1) % 7]![0]
    if (nextFirst && nextFirst[0] <= tailEnd) fail('overnight')
  })
  return { days, phClosed }
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * The simple form of an `opening_hours` value, when it can express that value exactly.
 * Empty or null reads as an empty week.
 */
export function modelFromOpeningHours(value: string | null): ModelResult {
  const trimmed = value?.trim() ?? ''
  if (trimmed === '') return { ok: true, model: emptyWeek() }
  if (!parseOpeningHours(trimmed).ok) return { ok: false, reason: 'invalid' }
  const tokens = tokenize(trimmed)
  if (!tokens) return { ok: false, reason: reasonFor(trimmed) }
  let parsed: { days: Interval[][]; phClosed: boolean }
  try {
    parsed = parseSimple(tokens)
  } catch (error) {
    if (error instanceof Complex) {
      return { ok: false, reason: error.reason === 'syntax' ? reasonFor(trimmed) : error.reason }
    }
    throw error
  }
  if (parsed.days.some((d) => d.length > MAX_RANGES_PER_DAY)) {
    return { ok: false, reason: 'tooManyRanges' }
  }
  const model = emptyWeek()
  DAYS.forEach((day, d) => {
    model.days[day] = parsed.days[d]!.map(([from, to]) => ({
      from: hhmm(from),
      to: hhmm(to > DAY ? to - DAY : to),
    }))
  })
  // `off` closes holidays too; "same as the other days" says so without a redundant rule.
  const allClosed = parsed.days.every((d) => d.length === 0)
  model.publicHolidays = parsed.phClosed && !allClosed ? 'closed' : 'same'
  return { ok: true, model }
}

// ---------------------------------------------------------------------------------------------
// Validation

export type ModelProblem =
  | { kind: 'tooManyRanges'; max: number }
  | { kind: 'missingTime' }
  | { kind: 'badTime' }
  /** The end equals the start (an end earlier than the start runs past midnight). */
  | { kind: 'sameTimes' }
  | { kind: 'overlap'; ranges: [number, number] }
  /** A range past midnight does not end before the next day's first range starts. */
  | { kind: 'overlapNextDay'; next: Day }

export interface ModelError {
  day: Day
  /** The range concerned (0-based). */
  index: number
  field: 'from' | 'to'
  /** What is wrong; the editor words it in the interface's language. */
  problem: ModelProblem
  /** How many ranges the day has, so a message can name "range 2" only when there are several. */
  rangeCount: number
}

/** Minutes since midnight of 'HH:MM' (or 'H:MM'), or null when malformed. */
export function parseTime(text: string, end = false): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!m) return null
  const hours = Number(m[1])
  const minutes = Number(m[2])
  if (minutes > 59) return null
  if (hours === 24 && minutes === 0 && end) return 24 * 60
  if (hours > 23) return null
  const total = hours * 60 + minutes
  return end && total === 0 ? 24 * 60 : total
}

/**
 * When a range runs past midnight (its end is earlier than its start, `18:00`–`02:00`): the
 * minutes after midnight of its end on the next day; null otherwise, or when a time is malformed.
 */
export function endNextDay(range: TimeRange): number | null {
  const from = parseTime(range.from)
  const to = parseTime(range.to, true)
  return from !== null && to !== null && to < from ? to : null
}

/** What is wrong, one or more per day, in week order. An empty list means the model is valid. */
export function validateModel(model: WeekModel): ModelError[] {
  const errors: ModelError[][] = DAYS.map(() => [])
  /** Each day's well-formed ranges, a range past midnight cut at midnight. */
  const goodByDay: { index: number; from: number; to: number; nextDay: number | null }[][] = []
  DAYS.forEach((day, d) => {
    const ranges = model.days[day]
    const dayErrors = errors[d]!
    const rangeCount = ranges.length
    if (ranges.length > MAX_RANGES_PER_DAY) {
      dayErrors.push({
        day,
        index: MAX_RANGES_PER_DAY,
        field: 'from',
        problem: { kind: 'tooManyRanges', max: MAX_RANGES_PER_DAY },
        rangeCount,
      })
    }
    const good: (typeof goodByDay)[number] = []
    goodByDay.push(good)
    ranges.forEach((range, index) => {
      const from = parseTime(range.from)
      const to = parseTime(range.to, true)
      if (range.from.trim() === '' || range.to.trim() === '') {
        dayErrors.push({
          day,
          index,
          field: range.from.trim() === '' ? 'from' : 'to',
          problem: { kind: 'missingTime' },
          rangeCount,
        })
      } else if (from === null || to === null) {
        dayErrors.push({
          day,
          index,
          field: from === null ? 'from' : 'to',
          problem: { kind: 'badTime' },
          rangeCount,
        })
      } else if (to === from) {
        dayErrors.push({ day, index, field: 'to', problem: { kind: 'sameTimes' }, rangeCount })
      } else if (to < from) good.push({ index, from, to: DAY, nextDay: to })
      else good.push({ index, from, to, nextDay: null })
    })
    const sorted = [...good].sort((a, b) => a.from - b.from)
    for (let k = 1; k < sorted.length; k += 1) {
      const previous = sorted[k - 1]!
      const current = sorted[k]!
      if (current.from < previous.to) {
        const [a, b] = [previous.index, current.index].sort((x, y) => x - y) as [number, number]
        dayErrors.push({
          day,
          index: current.index,
          field: 'from',
          problem: { kind: 'overlap', ranges: [a + 1, b + 1] },
          rangeCount,
        })
      }
    }
  })
  // The part after midnight must end before the next day opens (Sunday's runs into Monday).
  DAYS.forEach((day, d) => {
    const next = (d + 1) % 7
    for (const range of goodByDay[d]!) {
      if (range.nextDay === null) continue
      const end = range.nextDay
      if (goodByDay[next]!.some((r) => r.from <= end)) {
        errors[d]!.push({
          day,
          index: range.index,
          field: 'to',
          problem: { kind: 'overlapNextDay', next: DAYS[next]! },
          rangeCount: model.days[day].length,
        })
      }
    }
  })
  return errors.flat()
}

// ---------------------------------------------------------------------------------------------
// Writing

function dayList(days: number[]): string {
  // Runs of consecutive days: three or more as a range (Mo-Fr), otherwise listed (Sa,Su).
  const parts: string[] = []
  let start = 0
  while (start < days.length) {
    let end = start
    while (end + 1 < days.length && days[end + 1] === days[end]! + 1) end += 1
    if (end - start >= 2) parts.push(`${DAYS[days[start]!]}-${DAYS[days[end]!]}`)
    else for (let k = start; k <= end; k += 1) parts.push(DAYS[days[k]!]!)
    start = end + 1
  }
  return parts.join(',')
}

/**
 * A compact canonical value for a VALID model: days with the same ranges grouped
 * (`Mo-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off`), closed days left out, `24/7` for a
 * week open around the clock, `off` when every day is closed. With a range past midnight the day
 * rules are joined by `,` (`Fr 18:00-02:00, Sa 10:00-12:00`): with `;` the Saturday rule would
 * cancel Friday's hours after midnight.
 */
export function openingHoursFromModel(model: WeekModel): string {
  const schedules = DAYS.map((day) =>
    [...model.days[day]]
      .map((r) => [parseTime(r.from) ?? 0, parseTime(r.to, true) ?? 0] as Interval)
      .sort((a, b) => a[0] - b[0])
      .map(([from, to]) => `${hhmm(from)}-${hhmm(to)}`)
      .join(','),
  )
  if (schedules.every((s) => s === '')) return 'off'
  const pastMidnight = DAYS.some((day) => model.days[day].some((r) => endNextDay(r) !== null))
  const rules: string[] = []
  if (schedules.every((s) => s === '00:00-24:00')) rules.push('24/7')
  else {
    const done = new Set<number>()
    schedules.forEach((schedule, d) => {
      if (schedule === '' || done.has(d)) return
      const same = schedules.flatMap((s, k) => (s === schedule ? [k] : []))
      same.forEach((k) => done.add(k))
      rules.push(`${dayList(same)} ${schedule}`)
    })
  }
  const written = rules.join(pastMidnight ? ', ' : '; ')
  return model.publicHolidays === 'closed' ? `${written}; PH off` : written
}
