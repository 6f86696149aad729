// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import type { Shop } from '@/backend/types'
import { createPlaceIndex, filterPlaces } from '@/features/places/utils/place-index'
import { EMPTY_FILTERS } from '@/features/places/utils/place-filters'
import {
  displayStatus,
  labelMarker,
  MERCHANT_OPEN,
  NOTHING_KNOWN,
  openNowState,
  placeStatusStory,
  statusLabel,
} from '@/shop/shop-status'
import { makeShop } from '../../../fixtures/shops'

// Local times (the tests run in Europe/Paris).
/** Wednesday 25 November 2026, 10:00: open by the hours below. */
const WEDNESDAY = new Date(2026, 10, 25, 10, 0)
/** The same Wednesday at 13:00: the lunch break. */
const LUNCH = new Date(2026, 10, 25, 13, 0)
/** Monday 23 November 2026, 10:00: the hours below are closed all Monday. */
const MONDAY = new Date(2026, 10, 23, 10, 0)
/** Wednesday 11 November 2026 (Armistice, a public holiday), 10:00. */
const HOLIDAY = new Date(2026, 10, 11, 10, 0)
const HOURS = 'Tu-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off'

const hoursBefore = (now: Date, hours: number) =>
  new Date(now.getTime() - hours * 3_600_000).toISOString()

function merchant(status: Shop['status'], at: string | null, overrides: Partial<Shop> = {}) {
  return makeShop({ status, statusUpdatedAt: at, openingHours: HOURS, ...overrides })
}

describe('placeStatusStory: a fresh merchant status', () => {
  it('agreeing "open" takes its "until" from the hours', () => {
    const story = placeStatusStory(merchant('open', hoursBefore(WEDNESDAY, 2)), WEDNESDAY)
    expect(story).toEqual({
      display: 'open',
      label: 'open',
      marker: 'open',
      openNow: { open: true, source: 'merchant', until: new Date(2026, 10, 25, 12, 30) },
      overriddenHours: null,
    })
  })

  it('agreeing "closed" says nothing more', () => {
    const story = placeStatusStory(merchant('closed', hoursBefore(LUNCH, 1)), LUNCH)
    expect(story).toEqual({
      display: 'closed',
      label: 'closed',
      marker: 'closed',
      openNow: { open: false, source: 'merchant', until: null },
      overriddenHours: null,
    })
  })

  it('"open" wins over hours closed on that weekday, and says it is a weekly closing day', () => {
    const story = placeStatusStory(merchant('open', hoursBefore(MONDAY, 2)), MONDAY)
    expect(story.label).toBe('open')
    expect(story.openNow).toEqual(MERCHANT_OPEN)
    expect(story.overriddenHours).toEqual({
      open: false,
      nextChange: new Date(2026, 10, 24, 9, 0),
      closedDay: 'weekly',
    })
  })

  it('"open" wins over hours closed at this time of the day', () => {
    const story = placeStatusStory(merchant('open', hoursBefore(LUNCH, 2)), LUNCH)
    expect(story.openNow.open).toBe(true)
    expect(story.overriddenHours).toEqual({
      open: false,
      nextChange: new Date(2026, 10, 25, 14, 0),
      closedDay: null,
    })
  })

  it('"open" wins over a public holiday: closed today, not every Wednesday', () => {
    const story = placeStatusStory(merchant('open', hoursBefore(HOLIDAY, 2)), HOLIDAY)
    expect(story.overriddenHours).toMatchObject({ open: false, closedDay: 'today' })
  })

  it('"open" wins over weeks of closing in the hours: closed today, not every Monday', () => {
    const shop = merchant('open', hoursBefore(MONDAY, 2), {
      openingHours: 'Tu-Sa 09:00-19:00; Nov 20-Dec 10 off',
    })
    expect(placeStatusStory(shop, MONDAY).overriddenHours).toMatchObject({
      open: false,
      closedDay: 'today',
    })
  })

  it('"closed" wins over hours open now', () => {
    const story = placeStatusStory(merchant('closed', hoursBefore(WEDNESDAY, 1)), WEDNESDAY)
    expect(story.label).toBe('closed')
    expect(story.openNow).toEqual({ open: false, source: 'merchant', until: null })
    expect(story.overriddenHours).toEqual({
      open: true,
      nextChange: new Date(2026, 10, 25, 12, 30),
      closedDay: null,
    })
  })

  it('"closed until" a date wins over the hours however old, and keeps its date', () => {
    const shop = merchant('closed', hoursBefore(WEDNESDAY, 24 * 20), { closedUntil: '2026-12-01' })
    const story = placeStatusStory(shop, WEDNESDAY)
    expect(story.label).toBe('closed')
    expect(story.openNow).toEqual({
      open: false,
      source: 'merchant',
      until: new Date(2026, 11, 2),
    })
    expect(story.overriddenHours).toMatchObject({ open: true })
  })

  it('stands alone without hours, or with uncertain ones', () => {
    for (const openingHours of [null, 'n’importe quoi', 'Mo-Su unknown']) {
      const story = placeStatusStory(
        merchant('open', hoursBefore(WEDNESDAY, 2), { openingHours }),
        WEDNESDAY,
      )
      expect(story).toMatchObject({ label: 'open', openNow: MERCHANT_OPEN, overriddenHours: null })
    }
  })
})

describe('placeStatusStory: the hours decide', () => {
  it('when the merchant’s status is stale, whichever it was', () => {
    const open = placeStatusStory(merchant('open', hoursBefore(LUNCH, 24 * 8)), LUNCH)
    expect(open).toEqual({
      display: 'to-confirm',
      label: 'closed-by-hours',
      marker: 'closed',
      openNow: { open: false, source: 'hours', until: new Date(2026, 10, 25, 14, 0) },
      overriddenHours: null,
    })
    const closed = placeStatusStory(merchant('closed', hoursBefore(WEDNESDAY, 24 * 8)), WEDNESDAY)
    expect(closed).toMatchObject({ display: 'to-confirm', label: 'open-by-hours', marker: 'open' })
  })

  it('when the merchant never set a status', () => {
    const story = placeStatusStory(merchant('unknown', null), WEDNESDAY)
    expect(story).toEqual({
      display: 'unknown',
      label: 'open-by-hours',
      marker: 'open',
      openNow: { open: true, source: 'hours', until: new Date(2026, 10, 25, 12, 30) },
      overriddenHours: null,
    })
    // A status without a date was never confirmed either.
    expect(placeStatusStory(merchant('open', null), MONDAY).label).toBe('closed-by-hours')
  })

  it('once "closed until" has passed', () => {
    const shop = merchant('closed', hoursBefore(WEDNESDAY, 24 * 20), { closedUntil: '2026-11-24' })
    expect(placeStatusStory(shop, WEDNESDAY).label).toBe('open-by-hours')
  })

  it('unless they cannot tell: the merchant’s status shows as before', () => {
    for (const openingHours of [null, 'n’importe quoi', 'Mo-Su unknown']) {
      const stale = merchant('open', hoursBefore(WEDNESDAY, 24 * 8), { openingHours })
      expect(placeStatusStory(stale, WEDNESDAY)).toMatchObject({
        display: 'to-confirm',
        label: 'to-confirm',
        marker: 'to-confirm',
        overriddenHours: null,
      })
      const never = merchant('unknown', null, { openingHours })
      expect(placeStatusStory(never, WEDNESDAY)).toMatchObject({
        label: 'unknown',
        marker: 'unknown',
      })
    }
  })
})

describe('one rule for "open now", the list, the markers and the sheet', () => {
  const now = WEDNESDAY
  const shops = [
    merchant('open', hoursBefore(now, 2)),
    merchant('closed', hoursBefore(now, 2)),
    merchant('open', hoursBefore(now, 24 * 8)),
    merchant('closed', hoursBefore(now, 24 * 8), { openingHours: 'Mo-Sa 14:00-19:00' }),
    merchant('unknown', null),
    merchant('unknown', null, { openingHours: null }),
    merchant('closed', hoursBefore(now, 24 * 30), { closedUntil: '2026-12-01' }),
  ]

  it('the story agrees with openNowState', () => {
    for (const shop of shops) {
      const story = placeStatusStory(shop, now)
      const state = openNowState(shop, now)
      expect(story.openNow.open).toBe(state.open)
      expect(story.openNow.source).toBe(state.source)
      expect(story.display).toBe(displayStatus(shop, now))
    }
  })

  it('the list’s label, from the index’s "open now", is the sheet’s', () => {
    const matches = filterPlaces(createPlaceIndex(shops), EMPTY_FILTERS, now)
    expect(matches).toHaveLength(shops.length)
    for (const { shop, openNow } of matches) {
      const label = statusLabel(displayStatus(shop, now), openNow)
      expect(label).toBe(placeStatusStory(shop, now).label)
      expect(labelMarker(label)).toBe(placeStatusStory(shop, now).marker)
    }
    // "Open now" keeps exactly the places shown as open, whoever says so.
    const openOnly = filterPlaces(createPlaceIndex(shops), { ...EMPTY_FILTERS, openNow: true }, now)
    expect(openOnly.map((m) => m.shop.id).sort()).toEqual(
      shops
        .filter((shop) => placeStatusStory(shop, now).marker === 'open')
        .map((shop) => shop.id)
        .sort(),
    )
  })

  it('statusLabel shows the merchant’s status unless the hours decide', () => {
    expect(statusLabel('open', MERCHANT_OPEN)).toBe('open')
    expect(statusLabel('unknown', NOTHING_KNOWN)).toBe('unknown')
    expect(statusLabel('to-confirm', { open: null, source: 'hours', until: null })).toBe(
      'to-confirm',
    )
    expect(statusLabel('to-confirm', { open: true, source: 'hours', until: null })).toBe(
      'open-by-hours',
    )
    expect(statusLabel('unknown', { open: false, source: 'hours', until: null })).toBe(
      'closed-by-hours',
    )
    expect(labelMarker('open-by-hours')).toBe('open')
    expect(labelMarker('closed-by-hours')).toBe('closed')
    expect(labelMarker('to-confirm')).toBe('to-confirm')
  })
})

describe('placeStatusStory before the hours library has loaded', () => {
  it('tells today’s story: the merchant’s status, nothing from the hours', async () => {
    // A fresh copy of the modules, as the app has them before the download finished (the unit
    // tests' setup loads the shared copy).
    vi.resetModules()
    const fresh = await import('@/shop/shop-status')
    const { isOpeningHoursLoaded } = await import('@/shop/opening-hours')
    expect(isOpeningHoursLoaded()).toBe(false)

    expect(fresh.placeStatusStory(merchant('open', hoursBefore(MONDAY, 2)), MONDAY)).toEqual({
      display: 'open',
      label: 'open',
      marker: 'open',
      openNow: { open: true, source: 'merchant', until: null },
      overriddenHours: null,
    })
    expect(fresh.placeStatusStory(merchant('unknown', null), WEDNESDAY)).toMatchObject({
      label: 'unknown',
      marker: 'unknown',
      openNow: { open: null, source: 'none' },
    })
    expect(
      fresh.placeStatusStory(merchant('open', hoursBefore(WEDNESDAY, 24 * 8)), WEDNESDAY),
    ).toMatchObject({ label: 'to-confirm', marker: 'to-confirm' })
  })
})
