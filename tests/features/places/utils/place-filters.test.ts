// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { LonLat } from '@/backend/types'
import {
  EMPTY_FILTERS,
  hasLocation,
  matchesCategories,
  matchesKinds,
  matchesQuery,
  matchesRadius,
  matchesServices,
  shopDistanceKm,
} from '@/features/places/utils/place-filters'
import { displayStatus, isStatusFresh, openNowState, STATUS_FRESH_DAYS } from '@/shop/shop-status'
import { makeShop } from '../../../fixtures/shops'

// A Wednesday morning in July; the hours below are open then.
const NOW = new Date('2026-07-15T10:00:00+02:00')
const DAY_MS = 24 * 60 * 60 * 1000
const OPEN_NOW_HOURS = 'Mo-Sa 09:00-19:00'
const CLOSED_NOW_HOURS = 'Mo-Sa 14:00-19:00'

function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * DAY_MS).toISOString()
}

describe('EMPTY_FILTERS', () => {
  it('filters nothing', () => {
    expect(EMPTY_FILTERS).toEqual({
      services: [],
      categories: [],
      kinds: [],
      openNow: false,
      query: '',
      origin: null,
      radiusKm: null,
    })
  })
})

describe('merchant status freshness', () => {
  it('lasts seven days', () => {
    expect(STATUS_FRESH_DAYS).toBe(7)
    expect(isStatusFresh(makeShop({ status: 'open', statusUpdatedAt: daysAgo(3) }), NOW)).toBe(true)
    expect(isStatusFresh(makeShop({ status: 'open', statusUpdatedAt: daysAgo(7) }), NOW)).toBe(true)
    expect(isStatusFresh(makeShop({ status: 'open', statusUpdatedAt: daysAgo(7.001) }), NOW)).toBe(
      false,
    )
    expect(isStatusFresh(makeShop({ status: 'closed', statusUpdatedAt: daysAgo(8) }), NOW)).toBe(
      false,
    )
  })

  it('never applies to "unknown", nor to a status without a date', () => {
    expect(isStatusFresh(makeShop({ status: 'unknown', statusUpdatedAt: daysAgo(1) }), NOW)).toBe(
      false,
    )
    expect(isStatusFresh(makeShop({ status: 'open', statusUpdatedAt: null }), NOW)).toBe(false)
    expect(isStatusFresh(makeShop({ status: 'open', statusUpdatedAt: 'not a date' }), NOW)).toBe(
      false,
    )
  })

  it('reads database timestamps with microseconds', () => {
    const shop = makeShop({ status: 'open', statusUpdatedAt: '2026-07-14T08:00:00.123456+00:00' })
    expect(isStatusFresh(shop, NOW)).toBe(true)
  })
})

describe('displayStatus', () => {
  it('shows a fresh status as is', () => {
    expect(displayStatus(makeShop({ status: 'open', statusUpdatedAt: daysAgo(1) }), NOW)).toBe(
      'open',
    )
    expect(displayStatus(makeShop({ status: 'closed', statusUpdatedAt: daysAgo(6) }), NOW)).toBe(
      'closed',
    )
    expect(displayStatus(makeShop({ status: 'unknown' }), NOW)).toBe('unknown')
  })

  it('asks to confirm a status set more than seven days ago', () => {
    expect(displayStatus(makeShop({ status: 'open', statusUpdatedAt: daysAgo(8) }), NOW)).toBe(
      'to-confirm',
    )
    expect(displayStatus(makeShop({ status: 'closed', statusUpdatedAt: daysAgo(30) }), NOW)).toBe(
      'to-confirm',
    )
    expect(displayStatus(makeShop({ status: 'open', statusUpdatedAt: null }), NOW)).toBe(
      'to-confirm',
    )
  })

  it('stops showing "closed" once "closed until" has passed', () => {
    const shop = makeShop({
      status: 'closed',
      statusUpdatedAt: daysAgo(3),
      closedUntil: '2026-07-14',
    })
    expect(displayStatus(shop, NOW)).toBe('to-confirm')
  })

  it('keeps "closed" through the last day of "closed until"', () => {
    const shop = makeShop({
      status: 'closed',
      statusUpdatedAt: daysAgo(3),
      closedUntil: '2026-07-15',
    })
    expect(displayStatus(shop, NOW)).toBe('closed')
    expect(displayStatus(shop, new Date('2026-07-15T23:59:59+02:00'))).toBe('closed')
    expect(displayStatus(shop, new Date('2026-07-16T00:00:00+02:00'))).toBe('to-confirm')
  })

  it('keeps an announced closure for as long as announced, however old', () => {
    // Holidays announced a month ahead stay "closed" without the merchant confirming weekly.
    const shop = makeShop({
      status: 'closed',
      statusUpdatedAt: daysAgo(20),
      closedUntil: '2026-08-20',
    })
    expect(displayStatus(shop, NOW)).toBe('closed')
  })
})

describe('openNowState', () => {
  it('takes a fresh "open" from the merchant, even when the hours say closed', () => {
    const shop = makeShop({
      status: 'open',
      statusUpdatedAt: daysAgo(1),
      openingHours: CLOSED_NOW_HOURS,
    })
    expect(openNowState(shop, NOW)).toEqual({ open: true, source: 'merchant', until: null })
  })

  it('takes a fresh "closed" from the merchant over the hours', () => {
    const shop = makeShop({
      status: 'closed',
      statusUpdatedAt: daysAgo(1),
      openingHours: OPEN_NOW_HOURS,
    })
    expect(openNowState(shop, NOW)).toEqual({ open: false, source: 'merchant', until: null })
  })

  it('says until when a closure announced with a date lasts', () => {
    const shop = makeShop({
      status: 'closed',
      statusUpdatedAt: daysAgo(1),
      closedUntil: '2026-07-20',
      openingHours: OPEN_NOW_HOURS,
    })
    expect(openNowState(shop, NOW)).toEqual({
      open: false,
      source: 'merchant',
      until: new Date('2026-07-21T00:00:00+02:00'),
    })
  })

  it('falls back on the hours once the merchant’s status is stale', () => {
    const shop = makeShop({
      status: 'closed',
      statusUpdatedAt: daysAgo(10),
      openingHours: OPEN_NOW_HOURS,
    })
    expect(openNowState(shop, NOW)).toEqual({
      open: true,
      source: 'hours',
      until: new Date('2026-07-15T19:00:00+02:00'),
    })
    const later = makeShop({
      status: 'open',
      statusUpdatedAt: daysAgo(10),
      openingHours: CLOSED_NOW_HOURS,
    })
    expect(openNowState(later, NOW)).toEqual({
      open: false,
      source: 'hours',
      until: new Date('2026-07-15T14:00:00+02:00'),
    })
  })

  it('falls back on the hours once "closed until" has passed', () => {
    const shop = makeShop({
      status: 'closed',
      statusUpdatedAt: daysAgo(2),
      closedUntil: '2026-07-14',
      openingHours: OPEN_NOW_HOURS,
    })
    expect(openNowState(shop, NOW)).toMatchObject({ open: true, source: 'hours' })
  })

  it('uses the hours when the merchant said nothing', () => {
    expect(openNowState(makeShop({ openingHours: OPEN_NOW_HOURS }), NOW)).toMatchObject({
      open: true,
      source: 'hours',
    })
    // A public holiday.
    const holiday = makeShop({ openingHours: 'Mo-Su 09:00-18:00; PH off' })
    expect(openNowState(holiday, new Date('2026-07-14T10:00:00+02:00'))).toMatchObject({
      open: false,
      source: 'hours',
    })
  })

  it('knows nothing without hours, or with unreadable or uncertain ones', () => {
    expect(openNowState(makeShop({ openingHours: null }), NOW)).toEqual({
      open: null,
      source: 'none',
      until: null,
    })
    expect(openNowState(makeShop({ openingHours: 'n’importe quoi' }), NOW)).toEqual({
      open: null,
      source: 'none',
      until: null,
    })
    const uncertain = makeShop({ openingHours: 'Mo-Su 09:00-18:00 unknown "sur rendez-vous"' })
    expect(openNowState(uncertain, NOW)).toMatchObject({ open: null, source: 'hours' })
  })
})

describe('matchesServices', () => {
  const shop = makeShop({ services: ['click_and_collect', 'delivery', 'gift_cards'] })

  it('needs every ticked service', () => {
    expect(matchesServices(shop, [])).toBe(true)
    expect(matchesServices(shop, ['delivery'])).toBe(true)
    expect(matchesServices(shop, ['delivery', 'click_and_collect'])).toBe(true)
    expect(matchesServices(shop, ['delivery', 'shipping'])).toBe(false)
    expect(matchesServices(makeShop({ services: [] }), ['in_store'])).toBe(false)
  })
})

describe('matchesCategories and matchesKinds', () => {
  const shop = makeShop({ categorySlug: 'culture', kind: 'artisan' })

  it('accept any of the chosen values, and everything when none is chosen', () => {
    expect(matchesCategories(shop, [])).toBe(true)
    expect(matchesCategories(shop, ['alimentation', 'culture'])).toBe(true)
    expect(matchesCategories(shop, ['alimentation'])).toBe(false)
    expect(matchesKinds(shop, [])).toBe(true)
    expect(matchesKinds(shop, ['commercant', 'artisan'])).toBe(true)
    expect(matchesKinds(shop, ['producteur'])).toBe(false)
  })
})

describe('matchesQuery', () => {
  const shop = makeShop({ name: 'Épicerie Fine de Sainte-Radegonde', communeName: 'Poitiers' })

  it('ignores case and accents', () => {
    expect(matchesQuery(shop, 'epicerie')).toBe(true)
    expect(matchesQuery(shop, 'ÉPICERIE')).toBe(true)
    expect(matchesQuery(shop, 'radégonde')).toBe(true)
  })

  it('matches part of a word', () => {
    expect(matchesQuery(shop, 'epic')).toBe(true)
    expect(matchesQuery(shop, 'fin')).toBe(true)
  })

  it('needs every word, in any order, separators aside', () => {
    expect(matchesQuery(shop, 'fine épicerie')).toBe(true)
    expect(matchesQuery(shop, 'sainte radegonde')).toBe(true)
    expect(matchesQuery(shop, 'SAINTE-RADÉGONDE')).toBe(true)
    expect(matchesQuery(shop, 'épicerie boulangerie')).toBe(false)
  })

  it('also looks in the commune name', () => {
    expect(matchesQuery(shop, 'poitiers')).toBe(true)
    expect(matchesQuery(shop, 'epicerie poitiers')).toBe(true)
    expect(matchesQuery(shop, 'niort')).toBe(false)
    expect(matchesQuery(makeShop({ name: 'Café', communeName: null }), 'cafe')).toBe(true)
  })

  it('trims, and matches everything when empty', () => {
    expect(matchesQuery(shop, '  epicerie  ')).toBe(true)
    expect(matchesQuery(shop, '')).toBe(true)
    expect(matchesQuery(shop, '   ')).toBe(true)
  })

  it('reads apostrophes as separators', () => {
    const atelier = makeShop({ name: 'L’Atelier d’Aliénor' })
    expect(matchesQuery(atelier, "l'atelier")).toBe(true)
    expect(matchesQuery(atelier, 'atelier alienor')).toBe(true)
  })
})

describe('distance and radius', () => {
  const origin: LonLat = { lon: 0.3404, lat: 46.5802 }

  it('measures from the origin, when there is one', () => {
    const shop = makeShop({ location: { lon: 0.35, lat: 46.58 } })
    expect(shopDistanceKm(shop, null)).toBeNull()
    expect(shopDistanceKm(shop, origin)).toBeCloseTo(0.734, 3)
    expect(matchesRadius(shop, origin, 1)).toBe(true)
    expect(matchesRadius(shop, origin, 0.5)).toBe(false)
    expect(matchesRadius(shop, origin, null)).toBe(true)
    expect(matchesRadius(shop, null, 0.5)).toBe(true)
  })

  it('keeps only places at the origin for a radius of 0', () => {
    expect(matchesRadius(makeShop({ location: { ...origin } }), origin, 0)).toBe(true)
    expect(matchesRadius(makeShop({ location: { lon: 0.3405, lat: 46.5802 } }), origin, 0)).toBe(
      false,
    )
  })

  it('cannot place a shop without a usable location', () => {
    const broken = [
      makeShop({ location: { lon: Number.NaN, lat: Number.NaN } }),
      makeShop({ location: null as unknown as LonLat }),
      makeShop({ location: { lon: 200, lat: 46 } }),
    ]
    for (const shop of broken) {
      expect(hasLocation(shop)).toBe(false)
      expect(shopDistanceKm(shop, origin)).toBeNull()
      expect(matchesRadius(shop, origin, 50)).toBe(false)
      expect(matchesRadius(shop, origin, null)).toBe(true)
    }
    expect(hasLocation(makeShop())).toBe(true)
  })
})
