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
 * "il y a 3 h" / "3 hours ago": minutes under an hour, hours under a day, days under 30 days,
 * then "le 3 janv. 2026" / "on Jan 3, 2026". `null` when `iso` is not a date. A time slightly in
 * the future (clocks out of step) reads as "à l’instant" / "just now".
 */
export function formatAgo(iso: string, now: Date, locale: Locale): string | null {
  const then = parseTimestamp(iso)
  if (Number.isNaN(then) || Number.isNaN(now.getTime())) return null
  const elapsed = Math.max(0, now.getTime() - then)

  if (elapsed < MINUTE) return locale === 'fr' ? 'à l’instant' : 'just now'
  if (elapsed < 30 * DAY) {
    // French reads well short for minutes and hours ("il y a 3 h") but not for days ("il y a 3 j").
    const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
      elapsed < HOUR
        ? [Math.floor(elapsed / MINUTE), 'minute']
        : elapsed < DAY
          ? [Math.floor(elapsed / HOUR), 'hour']
          : [Math.floor(elapsed / DAY), 'day']
    const style = locale === 'fr' && unit !== 'day' ? 'short' : 'long'
    return new Intl.RelativeTimeFormat(locale, { style, numeric: 'always' }).format(-value, unit)
  }
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(then)
  return locale === 'fr' ? `le ${date}` : `on ${date}`
}

/** "mis à jour il y a 3 h" / "updated 3 hours ago": see {@link formatAgo}. */
export function formatUpdatedAgo(iso: string, now: Date, locale: Locale): string | null {
  const ago = formatAgo(iso, now, locale)
  if (ago === null) return null
  return `${locale === 'fr' ? 'mis à jour' : 'updated'} ${ago}`
}
