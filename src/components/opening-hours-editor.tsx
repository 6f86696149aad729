import { useId, useState } from 'react'
import { OpeningHoursTable } from '@/components/opening-hours-table'
import { openingHoursError, parseOpeningHours } from '@/shop/opening-hours'
import { useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import {
  DAYS,
  emptyWeek,
  endNextDay,
  MAX_RANGES_PER_DAY,
  modelFromOpeningHours,
  openingHoursFromModel,
  validateModel,
  type ComplexReason,
  type Day,
  type ModelError,
  type TimeRange,
  type WeekModel,
} from '@/shop/opening-hours-model'
import './opening-hours-editor.css'

interface DayDraft {
  closed: boolean
  /** Kept while the day is marked closed, so unticking "Fermé" gives them back. */
  ranges: TimeRange[]
}

interface Draft {
  days: Record<Day, DayDraft>
  publicHolidays: WeekModel['publicHolidays']
}

const DEFAULT_RANGE: TimeRange = { from: '09:00', to: '18:00' }

function draftFromModel(model: WeekModel): Draft {
  const days = {} as Record<Day, DayDraft>
  for (const day of DAYS) {
    const ranges = model.days[day]
    days[day] = { closed: ranges.length === 0, ranges: ranges.map((r) => ({ ...r })) }
  }
  return { days, publicHolidays: model.publicHolidays }
}

function modelFromDraft(draft: Draft): WeekModel {
  const days = {} as Record<Day, TimeRange[]>
  for (const day of DAYS) days[day] = draft.days[day].closed ? [] : draft.days[day].ranges
  return { days, publicHolidays: draft.publicHolidays }
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** A time input cannot show 24:00; midnight at the end of a range shows as 00:00. */
function inputTime(time: string): string {
  return time === '24:00' ? '00:00' : time
}

/**
 * Edits OpenStreetMap `opening_hours` through a simple weekly form, or, for a value the form cannot
 * express exactly, as raw text. `value` is read when the editor mounts (give it a `key` to load
 * another place); every edit calls `onChange` with the value the form now says and whether it is
 * valid (do not save it while `valid` is false). Emptying the raw text gives `null`.
 */
export function OpeningHoursEditor({
  value,
  onChange,
}: {
  value: string | null
  onChange: (value: string | null, valid: boolean) => void
}) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const id = useId()
  const [initial] = useState(() => modelFromOpeningHours(value))
  const [mode, setMode] = useState<'form' | 'raw'>(initial.ok ? 'form' : 'raw')
  const [reason] = useState<ComplexReason | null>(initial.ok ? null : initial.reason)
  const [draft, setDraft] = useState<Draft>(() =>
    draftFromModel(initial.ok ? initial.model : emptyWeek()),
  )
  const [raw, setRaw] = useState(value ?? '')
  const [touched, setTouched] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [now] = useState(() => new Date())

  const dayName = (day: Day) => t(`hoursEditor.day.${day}`)
  const describeError = ({ day, index, problem, rangeCount }: ModelError): string => {
    const where = t('hoursEditor.where')(dayName(day), rangeCount > 1 ? index + 1 : null)
    switch (problem.kind) {
      case 'tooManyRanges':
        return t('hoursEditor.problem.tooManyRanges')(dayName(day), problem.max)
      case 'missingTime':
        return t('hoursEditor.problem.missingTime')(where)
      case 'badTime':
        return t('hoursEditor.problem.badTime')(where)
      case 'sameTimes':
        return t('hoursEditor.problem.sameTimes')(where)
      case 'overlap':
        return t('hoursEditor.problem.overlap')(dayName(day), ...problem.ranges)
      case 'overlapNextDay':
        return t('hoursEditor.problem.overlapNextDay')(where, dayName(problem.next))
    }
  }

  // Form --------------------------------------------------------------------------------------
  const model = modelFromDraft(draft)
  const errors = mode === 'form' ? validateModel(model) : []
  const written = openingHoursFromModel(model)

  const update = (next: Draft) => {
    setDraft(next)
    setTouched(true)
    setAnnouncement('')
    const nextModel = modelFromDraft(next)
    onChange(openingHoursFromModel(nextModel), validateModel(nextModel).length === 0)
  }

  const updateDay = (day: Day, change: (d: DayDraft) => DayDraft) =>
    update({ ...draft, days: { ...draft.days, [day]: change(draft.days[day]) } })

  const setTime = (day: Day, index: number, field: 'from' | 'to', time: string) =>
    updateDay(day, (d) => ({
      ...d,
      ranges: d.ranges.map((r, i) => (i === index ? { ...r, [field]: time } : r)),
    }))

  const copyMonday = () => {
    const monday = draft.days.Mo
    const days = { ...draft.days }
    for (const day of DAYS.slice(1)) {
      days[day] = { closed: monday.closed, ranges: monday.ranges.map((r) => ({ ...r })) }
    }
    update({ ...draft, days })
    setAnnouncement(t('hoursEditor.copied'))
  }

  // Raw text ----------------------------------------------------------------------------------
  const rawTrimmed = raw.trim()
  const rawParsed = rawTrimmed === '' ? null : parseOpeningHours(rawTrimmed)
  const rawError = rawParsed && !rawParsed.ok ? openingHoursError(rawTrimmed, locale) : null
  const rawAsModel = mode === 'raw' && rawTrimmed !== '' ? modelFromOpeningHours(rawTrimmed) : null

  const changeRaw = (text: string) => {
    setRaw(text)
    setTouched(true)
    const trimmed = text.trim()
    if (trimmed === '') onChange(null, true)
    else onChange(trimmed, parseOpeningHours(trimmed).ok)
  }

  const switchToForm = () => {
    if (!rawAsModel?.ok) return
    setDraft(draftFromModel(rawAsModel.model))
    setMode('form')
  }

  // Preview -----------------------------------------------------------------------------------
  let preview: string | null
  let previewOk: boolean
  if (mode === 'form') {
    preview = touched ? written : value
    previewOk = errors.length === 0
  } else {
    preview = touched ? rawTrimmed || null : value
    previewOk = rawError === null
  }

  const errorId = (day: Day) => `${id}-${day}-error`

  return (
    <div className="hours-editor">
      {mode === 'form' ? (
        <fieldset className="hours-editor__form">
          <legend>{t('hoursEditor.legend')}</legend>
          {DAYS.map((day) => {
            const dayDraft = draft.days[day]
            const dayErrors = errors.filter((e) => e.day === day)
            const invalid = (index: number, field: ModelError['field']) =>
              dayErrors.some((e) => e.index === index && e.field === field)
            const name = dayName(day)
            return (
              <fieldset
                key={day}
                className="hours-editor__day"
                aria-describedby={dayErrors.length > 0 ? errorId(day) : undefined}
              >
                <legend className="hours-editor__day-name">{name}</legend>
                <label className="hours-editor__closed">
                  <input
                    type="checkbox"
                    checked={dayDraft.closed}
                    onChange={(event) => {
                      const closed = event.target.checked
                      updateDay(day, (d) => ({
                        closed,
                        ranges:
                          !closed && d.ranges.length === 0 ? [{ ...DEFAULT_RANGE }] : d.ranges,
                      }))
                    }}
                  />
                  {t('hoursEditor.closed')}
                </label>
                {dayDraft.closed ? null : (
                  <>
                    {dayDraft.ranges.map((range, index) => {
                      const fromId = `${id}-${day}-${index}-from`
                      const toId = `${id}-${day}-${index}-to`
                      // A range ending before it starts runs past midnight: say so.
                      const nextDayEnd = endNextDay(range)
                      const nextDayId = `${id}-${day}-${index}-next-day`
                      const toDescription = [
                        nextDayEnd !== null ? nextDayId : null,
                        invalid(index, 'to') ? errorId(day) : null,
                      ].filter(Boolean)
                      return (
                        <div className="hours-editor__range" key={index}>
                          <label className="visually-hidden" htmlFor={fromId}>
                            {t('hoursEditor.from')(name, index + 1)}
                          </label>
                          <input
                            id={fromId}
                            type="time"
                            value={range.from}
                            aria-invalid={invalid(index, 'from') || undefined}
                            aria-describedby={invalid(index, 'from') ? errorId(day) : undefined}
                            onChange={(event) => setTime(day, index, 'from', event.target.value)}
                          />
                          <span aria-hidden="true">{t('hoursEditor.until')}</span>
                          <label className="visually-hidden" htmlFor={toId}>
                            {t('hoursEditor.to')(name, index + 1)}
                          </label>
                          <input
                            id={toId}
                            type="time"
                            value={inputTime(range.to)}
                            aria-invalid={invalid(index, 'to') || undefined}
                            aria-describedby={
                              toDescription.length > 0 ? toDescription.join(' ') : undefined
                            }
                            onChange={(event) => setTime(day, index, 'to', event.target.value)}
                          />
                          {nextDayEnd !== null ? (
                            <span id={nextDayId} className="hours-editor__next-day">
                              {t('hoursEditor.nextDay')(hhmm(nextDayEnd))}
                            </span>
                          ) : null}
                          {dayDraft.ranges.length > 1 ? (
                            <button
                              type="button"
                              aria-label={t('hoursEditor.removeLabel')(name, index + 1)}
                              onClick={() =>
                                updateDay(day, (d) => ({
                                  ...d,
                                  ranges: d.ranges.filter((_, i) => i !== index),
                                }))
                              }
                            >
                              {t('hoursEditor.remove')}
                            </button>
                          ) : null}
                        </div>
                      )
                    })}
                    {dayDraft.ranges.length < MAX_RANGES_PER_DAY ? (
                      <button
                        type="button"
                        className="hours-editor__add"
                        aria-label={t('hoursEditor.addLabel')(name)}
                        onClick={() =>
                          updateDay(day, (d) => ({
                            ...d,
                            ranges: [...d.ranges, { from: '', to: '' }],
                          }))
                        }
                      >
                        {t('hoursEditor.add')}
                      </button>
                    ) : null}
                  </>
                )}
                {day === 'Mo' ? (
                  <button type="button" className="hours-editor__copy" onClick={copyMonday}>
                    {t('hoursEditor.copy')}
                  </button>
                ) : null}
                {dayErrors.length > 0 ? (
                  <p id={errorId(day)} role="alert" className="hours-editor__error">
                    {dayErrors.map(describeError).join(t('hoursEditor.separator'))}
                  </p>
                ) : null}
              </fieldset>
            )
          })}
          <label className="hours-editor__holidays">
            {t('hoursEditor.holidays')}
            <select
              value={draft.publicHolidays}
              onChange={(event) =>
                update({
                  ...draft,
                  publicHolidays: event.target.value as WeekModel['publicHolidays'],
                })
              }
            >
              <option value="closed">{t('hoursEditor.holidaysClosed')}</option>
              <option value="same">{t('hoursEditor.holidaysSame')}</option>
            </select>
          </label>
          <p role="status" className="hours-editor__status">
            {announcement}
          </p>
        </fieldset>
      ) : (
        <div className="hours-editor__raw">
          <label htmlFor={`${id}-raw`}>{t('hoursEditor.raw')}</label>
          <p id={`${id}-raw-note`} className="hours-editor__note">
            {t('hoursEditor.rawNote')(t(`hoursEditor.reason.${reason ?? 'syntax'}`))}
          </p>
          <textarea
            id={`${id}-raw`}
            value={raw}
            rows={3}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-invalid={rawError ? true : undefined}
            aria-describedby={`${id}-raw-note${rawError ? ` ${id}-raw-error` : ''}`}
            onChange={(event) => changeRaw(event.target.value)}
          />
          {rawError ? (
            <p id={`${id}-raw-error`} role="alert" className="hours-editor__error">
              {rawError}
            </p>
          ) : rawTrimmed !== '' ? (
            <p className="hours-editor__ok">{t('hoursEditor.rawValid')}</p>
          ) : null}
          {rawAsModel?.ok ? (
            <button type="button" onClick={switchToForm}>
              {t('hoursEditor.useForm')}
            </button>
          ) : null}
        </div>
      )}
      <section className="hours-editor__preview" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`}>{t('hoursEditor.preview')}</h3>
        {previewOk ? (
          <OpeningHoursTable openingHours={preview} note={null} now={now} />
        ) : (
          <p>{t('hoursEditor.previewUnavailable')}</p>
        )}
      </section>
    </div>
  )
}
