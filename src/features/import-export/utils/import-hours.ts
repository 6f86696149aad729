import { SHOP_LIMITS, charLength } from '@/shop/shop-rules'
import { parseOpeningHours } from '@/shop/opening-hours'
import { convertFrenchHours } from '@/shop/french-hours'

/**
 * How an importer reads a shop's hours: OpenStreetMap `opening_hours` when the value is valid for
 * the opening_hours library (the one the app evaluates them with), French free text converted by
 * convertFrenchHours, and otherwise the text kept as a note with the reason, which importers
 * report as a warning (a note is honest data, never an error).
 */
export type HoursReading =
  | { kind: 'osm'; openingHours: string }
  | { kind: 'converted'; openingHours: string }
  | { kind: 'note'; note: string; reason: string }

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const
const DAY = `(?:${WEEKDAYS.join('|')})`
const DAY_ITEM = `${DAY}(?:-${DAY})?`
const TIME = '(?:[01][0-9]|2[0-3]):[0-5][0-9]'
const RANGE = `${TIME}-(?:${TIME}|24:00)`
const RULE_SHAPE = new RegExp(
  `^(?:(PH|${DAY_ITEM}(?:,${DAY_ITEM})*) )?(${RANGE}(?:,${RANGE})*|off|closed)$`,
)

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/**
 * The everyday shape of `opening_hours` ("Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00;
 * PH off"), recognised without the library. The library takes about half a millisecond per
 * value, so a 5,000-line file with 5,000 different timetables would take seconds. The subset is
 * narrow on purpose: each rule names days no other rule names (the library warns when a rule
 * overrides another), ranges go forward within one day in increasing order (no overnight
 * spill into the next day's rule), and PH stands alone. It is checked against the library in
 * tests/features/import-export/utils/import-hours.test.ts; anything outside it goes to the library.
 */
export function isSimpleOpeningHours(value: string): boolean {
  if (value === '24/7') return true
  const rules = value.split('; ')
  const seenDays = new Set<string>()
  let holidayRule = false
  for (const [position, rule] of rules.entries()) {
    const match = RULE_SHAPE.exec(rule)
    if (!match) return false
    const [, selector, body = ''] = match
    if (selector === undefined) {
      // A rule without days means every day: only as the sole rule, so that nothing overrides it.
      if (rules.length > 1 || position > 0) return false
    } else if (selector === 'PH') {
      if (holidayRule) return false
      holidayRule = true
    } else {
      for (const item of selector.split(',')) {
        const [from, to = from] = item.split('-') as [string, string?]
        const start = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number])
        const end = WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number])
        // "Mo-Mo" and wrapping ranges ("Sa-Mo") are valid but left to the library.
        if (item.includes('-') && end <= start) return false
        for (let day = start; day <= end; day++) {
          if (seenDays.has(WEEKDAYS[day]!)) return false
          seenDays.add(WEEKDAYS[day]!)
        }
      }
    }
    if (body === 'off' || body === 'closed') continue
    let previousEnd = -1
    for (const range of body.split(',')) {
      const start = minutes(range.slice(0, 5))
      const end = minutes(range.slice(6, 11))
      if (start <= previousEnd || end <= start) return false
      previousEnd = end
    }
  }
  return true
}

/**
 * Text that reads as an attempt at OSM syntax rather than French: it starts with an English day
 * abbreviation, PH or 24/7 ("Sa" is not French for samedi, which is abbreviated "sam").
 */
const LOOKS_LIKE_OSM = /^(?:(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)\b|24\/7)/

function fits(openingHours: string): boolean {
  return charLength(openingHours) <= SHOP_LIMITS.openingHours
}

function asNote(text: string, reason: string): HoursReading {
  let why = reason
  if (LOOKS_LIKE_OSM.test(text)) {
    const parsed = parseOpeningHours(text)
    if (!parsed.ok) why = `${reason} (${parsed.error})`
  }
  return { kind: 'note', note: text, reason: why }
}

/**
 * Hours from a questionnaire. OSM syntax is kept as written when the library reads it, but only
 * without a warning unless the text starts like OSM syntax: the library also reads "Lundi
 * 9h-12h" (with warnings), and that tolerant reading of French is the converter's job, which
 * says when it would have to guess. Then the converter; then a note.
 */
export function readQuestionnaireHours(text: string): HoursReading {
  if (fits(text)) {
    if (isSimpleOpeningHours(text)) return { kind: 'osm', openingHours: text }
    const parsed = parseOpeningHours(text)
    if (parsed.ok && (parsed.warnings.length === 0 || LOOKS_LIKE_OSM.test(text))) {
      return { kind: 'osm', openingHours: text }
    }
  }
  const converted = convertFrenchHours(text)
  if (converted.kind === 'converted') {
    // The converter is someone else's code: its output is checked like any other value.
    const value = converted.openingHours.trim()
    if (fits(value) && parseOpeningHours(value).ok)
      return { kind: 'converted', openingHours: value }
    return asNote(text, `conversion illisible (« ${value} »)`)
  }
  return asNote(text, converted.reason)
}

/**
 * Hours from OpenStreetMap are already OSM syntax: kept as mapped whenever the library reads
 * them, warnings included (the app reads them the same way); otherwise a note with the library's
 * error.
 */
export function readOsmHours(text: string): HoursReading {
  if (!fits(text)) {
    return { kind: 'note', note: text, reason: `plus de ${SHOP_LIMITS.openingHours} caractères` }
  }
  if (isSimpleOpeningHours(text)) return { kind: 'osm', openingHours: text }
  const parsed = parseOpeningHours(text)
  return parsed.ok
    ? { kind: 'osm', openingHours: text }
    : { kind: 'note', note: text, reason: parsed.error }
}
