import type { Locale } from '@/lib/locale-store'
import type OpeningHours from 'opening_hours'
import type { nominatim_object, optional_conf } from 'opening_hours'

/** What the hours say about one moment. */
export interface OpeningHoursState {
  open: boolean
  /** The value says neither open nor closed ("unknown", or an open end). */
  unknown: boolean
  comment: string | null
  /** When `open` or `unknown` next changes; `null` when it does not within five years. */
  nextChange: Date | null
}

export interface DayInterval {
  /** 'HH:MM', local time. */
  from: string
  /** 'HH:MM', local time; '24:00' when the interval runs to midnight or beyond. */
  to: string
  comment: string | null
  /** An interval the value marks as uncertain (e.g. `unknown "sur rendez-vous"`). */
  unknown: boolean
}

export interface DaySchedule {
  /** Local midnight starting the day. */
  date: Date
  intervals: DayInterval[]
}

export interface OpeningHoursEvaluator {
  /** The value it was parsed from, trimmed. */
  readonly value: string
  stateAt(date: Date): OpeningHoursState
  /** The seven days from `weekStart`'s day, each with its open intervals in order. */
  weekTable(weekStart: Date): DaySchedule[]
}

export type OpeningHoursResult =
  { ok: true; evaluator: OpeningHoursEvaluator; warnings: string[] } | { ok: false; error: string }

export const NO_HOURS_ERROR = 'Aucun horaire'

// The library only reads `lat`/`lon` when they are strings (as Nominatim returns them), although
// its type declarations say numbers; given numbers, it silently places sunrise and sunset at
// 06:00 and 18:00. The country and state pick France's public and school holidays.
const FRANCE = {
  lat: '46.58',
  lon: '0.34',
  address: { country_code: 'fr', state: 'Nouvelle-Aquitaine' },
} as unknown as nominatim_object

// French parser errors and warnings, since they are shown to merchants as they are.
const FRENCH: optional_conf = {
  mode: undefined,
  tag_key: undefined,
  map_value: undefined,
  warnings_severity: undefined,
  locale: 'fr',
}

const UNKNOWN_STATE: OpeningHoursState = {
  open: false,
  unknown: true,
  comment: null,
  nextChange: null,
}

function hhmm(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
}

function startOfDay(date: Date, plusDays = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + plusDays)
}

class Evaluator implements OpeningHoursEvaluator {
  readonly value: string
  readonly #hours: OpeningHours

  constructor(value: string, hours: OpeningHours) {
    this.value = value
    this.#hours = hours
  }

  stateAt(date: Date): OpeningHoursState {
    if (Number.isNaN(date.getTime())) return UNKNOWN_STATE
    try {
      const [open, , unknown, comment] = this.#hours.getStatePair(date)
      return {
        open,
        unknown,
        comment: comment ?? null,
        nextChange: this.#hours.getNextChange(date) ?? null,
      }
    } catch {
      // A value that parses can still fail to evaluate on some date; one shop's hours must not
      // break the map, and "unknown" is the honest answer.
      return UNKNOWN_STATE
    }
  }

  weekTable(weekStart: Date): DaySchedule[] {
    const days: DaySchedule[] = []
    for (let i = 0; i < 7; i += 1) days.push({ date: startOfDay(weekStart, i), intervals: [] })
    const weekEnd = startOfDay(weekStart, 7)
    for (const [from, to, unknown, comment] of this.#hours.getOpenIntervals(
      days[0]!.date,
      weekEnd,
    )) {
      // An interval past midnight is cut at each day boundary, so each day lists its own part.
      for (let i = 0; i < 7; i += 1) {
        const day = days[i]!
        const dayEnd = i < 6 ? days[i + 1]!.date : weekEnd
        const start = from > day.date ? from : day.date
        const end = to < dayEnd ? to : dayEnd
        if (start >= end) continue
        day.intervals.push({
          from: hhmm(start),
          to: end.getTime() === dayEnd.getTime() ? '24:00' : hhmm(end),
          comment: comment ?? null,
          unknown,
        })
      }
    }
    return days
  }
}

/** "ga <--- (Caractère inattendu…)" → the message, and the text read before the failure. */
function describeParseError(thrown: unknown, locale: Locale = 'fr'): string {
  const raw = (thrown instanceof Error ? thrown.message : String(thrown)).trim()
  const label = locale === 'fr' ? 'Horaires illisibles : ' : 'Unreadable hours: '
  const match = /^([\s\S]*?)\s*<---\s*\(([\s\S]*)\)$/.exec(raw)
  if (!match) return `${label}${raw}`
  const [, before = '', message = ''] = match
  if (!before.trim()) return `${label}${message.trim()}`
  return locale === 'fr'
    ? `${label}${message.trim()} (après « ${before.trim()} »)`
    : `${label}${message.trim()} (after “${before.trim()}”)`
}

// The library weighs about 100 KB gzipped (every country's holidays): it is downloaded apart,
// in parallel with the data, so that the shoppers' list never waits for it.
let library: typeof OpeningHours | null = null
let loading: Promise<void> | null = null
const loadedListeners = new Set<() => void>()

/** Downloads the `opening_hours` library once; parsing needs it (see {@link parseOpeningHours}). */
export function loadOpeningHours(): Promise<void> {
  loading ??= import('opening_hours').then(
    (module) => {
      library = module.default
      for (const listener of loadedListeners) listener()
    },
    (error: unknown) => {
      // A failed download (offline, a redeploy) can be tried again.
      loading = null
      throw error
    },
  )
  return loading
}

export function isOpeningHoursLoaded(): boolean {
  return library !== null
}

/** Calls `listener` once the library has loaded; returns the unsubscribe function. */
export function onOpeningHoursLoaded(listener: () => void): () => void {
  loadedListeners.add(listener)
  return () => loadedListeners.delete(listener)
}

function openingHoursLibrary(): typeof OpeningHours {
  if (!library)
    throw new Error('opening_hours is not loaded yet: await loadOpeningHours() before parsing.')
  return library
}

const cache = new Map<string, OpeningHoursResult>()

/**
 * The parse of {@link parseOpeningHours} once the library is there, `null` while it downloads:
 * for the shoppers' pages, which show places first and the hours' verdict a moment later.
 */
export function parseOpeningHoursIfLoaded(
  value: string | null | undefined,
): OpeningHoursResult | null {
  return library ? parseOpeningHours(value) : null
}

/**
 * Parses an OpenStreetMap `opening_hours` value with France's public holidays. Results are
 * cached by value: many shops share the same hours and parsing costs about a millisecond.
 * The library must be loaded ({@link loadOpeningHours}); a wrong "invalid" is never returned.
 */
export function parseOpeningHours(value: string | null | undefined): OpeningHoursResult {
  const trimmed = value?.trim() ?? ''
  if (trimmed === '') return { ok: false, error: NO_HOURS_ERROR }
  const cached = cache.get(trimmed)
  if (cached) return cached
  const OpeningHoursClass = openingHoursLibrary()
  let result: OpeningHoursResult
  try {
    const hours = new OpeningHoursClass(trimmed, FRANCE, FRENCH)
    result = { ok: true, evaluator: new Evaluator(trimmed, hours), warnings: hours.getWarnings() }
  } catch (error) {
    result = { ok: false, error: describeParseError(error) }
  }
  cache.set(trimmed, result)
  return result
}

const ENGLISH: optional_conf = { ...FRENCH, locale: 'en' }

/** Why a value is not valid `opening_hours`, in the interface's language; null when it is valid. */
export function openingHoursError(value: string, locale: Locale): string | null {
  const result = parseOpeningHours(value)
  if (result.ok) return null
  if (locale === 'fr') return result.error
  if (value.trim() === '') return 'No hours'
  try {
    new (openingHoursLibrary())(value.trim(), FRANCE, ENGLISH)
    return null
  } catch (error) {
    return describeParseError(error, 'en')
  }
}
