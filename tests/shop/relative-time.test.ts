import { describe, expect, it } from 'vitest'
import { formatAgo, formatUpdatedAgo } from '@/shop/relative-time'

const now = new Date('2026-11-22T15:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Intl puts no-break spaces between numbers and units. */
const plain = (text: string | null) => text?.replace(/\s+/g, ' ') ?? null

describe('formatUpdatedAgo', () => {
  it('says just now under a minute', () => {
    expect(formatUpdatedAgo(ago(20_000), now, 'fr')).toBe('mis à jour à l’instant')
    expect(formatUpdatedAgo(ago(20_000), now, 'en')).toBe('updated just now')
  })

  it('counts minutes under an hour', () => {
    expect(plain(formatUpdatedAgo(ago(5 * MINUTE), now, 'fr'))).toBe('mis à jour il y a 5 min')
    expect(plain(formatUpdatedAgo(ago(59 * MINUTE), now, 'en'))).toBe('updated 59 minutes ago')
  })

  it('counts hours under a day', () => {
    expect(plain(formatUpdatedAgo(ago(3 * HOUR + 20 * MINUTE), now, 'fr'))).toBe(
      'mis à jour il y a 3 h',
    )
    expect(plain(formatUpdatedAgo(ago(3 * HOUR), now, 'en'))).toBe('updated 3 hours ago')
    expect(plain(formatUpdatedAgo(ago(HOUR), now, 'en'))).toBe('updated 1 hour ago')
  })

  it('counts days under 30 days', () => {
    expect(plain(formatUpdatedAgo(ago(3 * DAY), now, 'fr'))).toBe('mis à jour il y a 3 jours')
    expect(plain(formatUpdatedAgo(ago(29 * DAY), now, 'en'))).toBe('updated 29 days ago')
  })

  it('gives the date from 30 days on', () => {
    expect(plain(formatUpdatedAgo('2026-09-01T12:00:00Z', now, 'fr'))).toBe(
      'mis à jour le 1 sept. 2026',
    )
    expect(plain(formatUpdatedAgo('2026-09-01T12:00:00Z', now, 'en'))).toBe(
      'updated on Sep 1, 2026',
    )
  })

  it('reads a time in the future as just now and refuses non-dates', () => {
    expect(formatUpdatedAgo(new Date(now.getTime() + 5 * MINUTE).toISOString(), now, 'en')).toBe(
      'updated just now',
    )
    expect(formatUpdatedAgo('not a date', now, 'fr')).toBeNull()
  })

  it('reads database timestamps with microseconds', () => {
    expect(plain(formatUpdatedAgo('2026-11-22T11:59:00.123456+00:00', now, 'en'))).toBe(
      'updated 3 hours ago',
    )
    expect(plain(formatUpdatedAgo('2026-11-22 11:59:00.123456+00', now, 'en'))).toBe(
      'updated 3 hours ago',
    )
    expect(plain(formatUpdatedAgo('2026-11-22T12:00:00.999999Z', now, 'en'))).toBe(
      'updated 2 hours ago',
    )
  })
})

describe('formatAgo', () => {
  it('is the same time without "updated", for other sentences', () => {
    expect(formatAgo(ago(20_000), now, 'fr')).toBe('à l’instant')
    expect(formatAgo(ago(20_000), now, 'en')).toBe('just now')
    expect(plain(formatAgo(ago(2 * HOUR), now, 'fr'))).toBe('il y a 2 h')
    expect(plain(formatAgo(ago(2 * HOUR), now, 'en'))).toBe('2 hours ago')
    expect(plain(formatAgo('2026-09-01T12:00:00Z', now, 'fr'))).toBe('le 1 sept. 2026')
    expect(plain(formatAgo('2026-09-01T12:00:00Z', now, 'en'))).toBe('on Sep 1, 2026')
    expect(formatAgo('not a date', now, 'en')).toBeNull()
  })
})
