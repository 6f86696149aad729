import { useMemo } from 'react'
import { useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { parseOpeningHoursIfLoaded, type DayInterval, type DaySchedule } from '@/shop/opening-hours'
import { useOpeningHoursLoaded } from '@/shop/use-opening-hours-loaded'
import './opening-hours-table.css'

interface Opening {
  from: string
  to: string
  /** `to` is on the next day: the opening runs past midnight. */
  nextDay: boolean
}

interface DayRow {
  date: Date
  today: boolean
  openings: Opening[]
  comments: string[]
}

type Interval = DayInterval & { nextDay: boolean }

type Week = { ok: true; days: DayRow[] } | { ok: false } | { loading: true }

function startOfWeek(now: Date): Date {
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7))
  return monday
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  )
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v && v.trim() !== ''))]
}

function minutes(time: string): number {
  const [hours = 0, mins = 0] = time.split(':').map(Number)
  return hours * 60 + mins
}

/**
 * Gives an opening running past midnight to the day it starts: when a day's last interval runs
 * to midnight from later than 00:00 and the next day's first one, from 00:00, ends before that
 * hour (under 24 hours in all), the first becomes `18:00–02:00 (next day)` and the second goes.
 * The library joins touching openings, so `Fr 18:00-24:00; Sa 00:00-02:00` shows the same way.
 * A whole day (`00:00–24:00`, `24/7`) is never joined to the next.
 */
function joinPastMidnight(days: DaySchedule[]): Interval[][] {
  const out = days.map((day) => day.intervals.map((i): Interval => ({ ...i, nextDay: false })))
  for (let d = 1; d < out.length; d += 1) {
    const evening = out[d - 1]![out[d - 1]!.length - 1]
    const night = out[d]![0]
    if (
      evening &&
      night &&
      !evening.nextDay &&
      evening.to === '24:00' &&
      evening.from !== '00:00' &&
      night.from === '00:00' &&
      night.to !== '24:00' &&
      minutes(night.to) < minutes(evening.from) &&
      evening.unknown === night.unknown &&
      evening.comment === night.comment
    ) {
      evening.to = night.to
      evening.nextDay = true
      out[d]!.shift()
    }
  }
  return out
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)
}

/** The week of `now`, Monday first, from an OpenStreetMap `opening_hours` value. */
function buildWeek(value: string, now: Date): Week {
  const parsed = parseOpeningHoursIfLoaded(value)
  if (!parsed) return { loading: true }
  if (!parsed.ok) return { ok: false }
  try {
    // From the Sunday before to the Monday after, to see openings past midnight at both ends.
    const sundayBefore = addDays(startOfWeek(now), -1)
    const schedules = [
      ...parsed.evaluator.weekTable(sundayBefore),
      ...parsed.evaluator.weekTable(addDays(sundayBefore, 7)).slice(0, 2),
    ]
    const joined = joinPastMidnight(schedules)
    const days = schedules.slice(1, 8).map((day, k): DayRow => {
      const intervals = joined[k + 1]!
      // A closed day has no interval to carry a comment; the library still names a public holiday
      // (or repeats a rule's comment) for a moment of that day.
      const noon = new Date(day.date.getFullYear(), day.date.getMonth(), day.date.getDate(), 12)
      const dayComment = intervals.length === 0 ? parsed.evaluator.stateAt(noon).comment : null
      return {
        date: day.date,
        today: sameDay(day.date, now),
        openings: intervals.map(({ from, to, nextDay }) => ({ from, to, nextDay })),
        comments: unique([...intervals.map((i) => i.comment), dayComment]),
      }
    })
    return { ok: true, days }
  } catch {
    return { ok: false }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/**
 * The shop's week as a table (today marked), or, when the value cannot be read, the raw value;
 * without a value, the source's free-text note.
 */
export function OpeningHoursTable({
  openingHours,
  note,
  now,
}: {
  openingHours: string | null
  note: string | null
  now: Date
}) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const value = openingHours?.trim() || null
  const hoursLoaded = useOpeningHoursLoaded()
  const week = useMemo(
    () => (value ? buildWeek(value, now) : null),
    // Built again once the hours library has arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [value, now, hoursLoaded],
  )
  const trimmedNote = note?.trim() || null

  if (!value || !week) {
    return trimmedNote ? (
      <section className="opening-hours">
        <h3>{t('sheet.hours.noteHeading')}</h3>
        <p className="opening-hours__text">{trimmedNote}</p>
      </section>
    ) : (
      <section className="opening-hours">
        <h3>{t('sheet.hours.heading')}</h3>
        <p className="opening-hours__none">{t('sheet.hours.none')}</p>
      </section>
    )
  }

  if ('loading' in week) {
    return (
      <section className="opening-hours">
        <h3>{t('sheet.hours.heading')}</h3>
        <p role="status">{t('sheet.hours.loading')}</p>
      </section>
    )
  }

  if (!week.ok) {
    return (
      <section className="opening-hours">
        <h3>{t('sheet.hours.heading')}</h3>
        <p className="opening-hours__unparsed">{t('sheet.hours.unparsed')}</p>
        <p className="opening-hours__raw">{value}</p>
        {trimmedNote ? <p className="opening-hours__text">{trimmedNote}</p> : null}
      </section>
    )
  }

  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long' })
  const dayDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' })

  return (
    <section className="opening-hours">
      <table className="opening-hours__table">
        <caption>{t('sheet.hours.caption')}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('sheet.hours.day')}</th>
            <th scope="col">{t('sheet.hours.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {week.days.map((day) => (
            <tr
              key={day.date.toISOString()}
              aria-current={day.today ? 'date' : undefined}
              className={day.today ? 'opening-hours__today' : undefined}
            >
              <th scope="row">
                {capitalise(dayName.format(day.date))}{' '}
                <span className="opening-hours__date">{dayDate.format(day.date)}</span>
                {day.today ? (
                  <span className="opening-hours__today-tag"> ({t('sheet.hours.today')})</span>
                ) : null}
              </th>
              <td>
                {day.openings.length > 0
                  ? day.openings
                      .map((o) =>
                        o.nextDay ? t('sheet.hours.nextDay')(o.from, o.to) : `${o.from}–${o.to}`,
                      )
                      .join(', ')
                  : t('sheet.hours.closed')}
                {day.comments.length > 0 ? (
                  <span className="opening-hours__comment"> ({day.comments.join(' ; ')})</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {trimmedNote ? <p className="opening-hours__text">{trimmedNote}</p> : null}
    </section>
  )
}
