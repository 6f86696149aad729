import type { Locale } from '@/lib/locale-store'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * Milliseconds since the epoch from an ISO timestamp or PostgreSQL's text form
 * ("2026-11-22 12:00:00.123456+00"), whose microseconds and short offsets not every engine reads.
 */
export function parseTimestamp(value: string): number {
  const normalised = value
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T')
    .replace(/(\.\d{3})\d+/, '$1')
    .replace(/([+-]\d{2})$/, '$1:00')
  return Date.parse(normalised)
}

/**
 * "mis à jour il y a 3 h" / "updated 3 hours ago": minutes under an hour, hours under a day,
 * days under 30 days, then the date. `null` when `iso` is not a date. A time slightly in the
 * future (clocks out of step) reads as "just now".
 */
export function formatUpdatedAgo(iso: string, now: Date, locale: Locale): string | null {
  const then = parseTimestamp(iso)
  if (Number.isNaN(then) || Number.isNaN(now.getTime())) return null
  const elapsed = Math.max(0, now.getTime() - then)
  const prefix = locale === 'fr' ? 'mis à jour' : 'updated'

  if (elapsed < MINUTE) return locale === 'fr' ? 'mis à jour à l’instant' : 'updated just now'
  if (elapsed < 30 * DAY) {
    // French reads well short for minutes and hours ("il y a 3 h") but not for days ("il y a 3 j").
    const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
      elapsed < HOUR
        ? [Math.floor(elapsed / MINUTE), 'minute']
        : elapsed < DAY
          ? [Math.floor(elapsed / HOUR), 'hour']
          : [Math.floor(elapsed / DAY), 'day']
    const style = locale === 'fr' && unit !== 'day' ? 'short' : 'long'
    const relative = new Intl.RelativeTimeFormat(locale, { style, numeric: 'always' })
    return `${prefix} ${relative.format(-value, unit)}`
  }
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(then)
  return locale === 'fr' ? `${prefix} le ${date}` : `${prefix} on ${date}`
}
