// @vitest-environment node
import { destination } from '@turf/destination'
import { describe, expect, it } from 'vitest'
import {
  SHOP_KINDS,
  SHOP_SERVICES,
  type LonLat,
  type Shop,
  type ShopService,
  type ShopStatus,
} from '@/backend/types'
import {
  EMPTY_FILTERS,
  matchesCategories,
  matchesKinds,
  matchesQuery,
  matchesRadius,
  matchesServices,
  shopDistanceKm,
  type PlaceFilters,
} from '@/features/places/utils/place-filters'
import { openNowState, type OpenNowState } from '@/shop/shop-status'
import {
  createPlaceIndex,
  filterPlaces,
  type PlaceIndex,
} from '@/features/places/utils/place-index'
import { makeShop } from '../../../fixtures/shops'

const NOW = new Date('2026-07-15T10:00:00+02:00')
const ORIGIN: LonLat = { lon: 0.3404, lat: 46.5802 }
const DAY_MS = 24 * 60 * 60 * 1000

function names(index: PlaceIndex, filters: Partial<PlaceFilters>, now = NOW): string[] {
  return filterPlaces(index, { ...EMPTY_FILTERS, ...filters }, now).map((match) => match.shop.name)
}

function at(origin: LonLat, km: number, bearing: number): LonLat {
  const [lon, lat] = destination([origin.lon, origin.lat], km, bearing, { units: 'kilometers' })
    .geometry.coordinates as [number, number]
  return { lon, lat }
}

describe('filterPlaces', () => {
  it('lists everything in French alphabetical order without filters', () => {
    const index = createPlaceIndex([
      makeShop({ name: 'Fromagerie' }),
      makeShop({ name: 'épicerie du coin' }),
      makeShop({ name: 'Boulangerie' }),
      makeShop({ name: 'Épicerie Fine' }),
      makeShop({ name: 'Zinc' }),
      makeShop({ name: 'atelier' }),
    ])
    expect(names(index, {})).toEqual([
      'atelier',
      'Boulangerie',
      'épicerie du coin',
      'Épicerie Fine',
      'Fromagerie',
      'Zinc',
    ])
    const first = filterPlaces(index, EMPTY_FILTERS, NOW)[0]!
    expect(first.distanceKm).toBeNull()
    expect(first.openNow).toEqual({ open: null, source: 'none', until: null })
  })

  it('keeps the input order between equal names', () => {
    const shops = [
      makeShop({ name: 'Tabac' }),
      makeShop({ name: 'Café' }),
      makeShop({ name: 'Tabac' }),
    ]
    const ids = filterPlaces(createPlaceIndex(shops), EMPTY_FILTERS, NOW).map((m) => m.shop.id)
    expect(ids).toEqual([shops[1]!.id, shops[0]!.id, shops[2]!.id])
  })

  it('needs every ticked service', () => {
    const index = createPlaceIndex([
      makeShop({ name: 'Both', services: ['delivery', 'click_and_collect'] }),
      makeShop({ name: 'Delivery', services: ['delivery'] }),
      makeShop({ name: 'None', services: [] }),
    ])
    expect(names(index, { services: ['delivery'] })).toEqual(['Both', 'Delivery'])
    expect(names(index, { services: ['delivery', 'click_and_collect'] })).toEqual(['Both'])
    expect(names(index, { services: ['shipping'] })).toEqual([])
  })

  it('accepts any chosen category or kind', () => {
    const index = createPlaceIndex([
      makeShop({ name: 'A', categorySlug: 'culture', kind: 'artisan' }),
      makeShop({ name: 'B', categorySlug: 'sante', kind: 'commercant' }),
      makeShop({ name: 'C', categorySlug: 'alimentation', kind: 'producteur' }),
    ])
    expect(names(index, { categories: ['culture', 'sante'] })).toEqual(['A', 'B'])
    expect(names(index, { kinds: ['producteur', 'artisan'] })).toEqual(['A', 'C'])
    expect(names(index, { categories: ['culture'], kinds: ['commercant'] })).toEqual([])
    expect(names(index, { categories: ['not-a-category'] })).toEqual([])
  })

  it('searches names and communes, ignoring accents, case and word order', () => {
    const index = createPlaceIndex([
      makeShop({ name: 'Boulangerie Sainte-Radegonde', communeName: 'Poitiers' }),
      makeShop({ name: 'Boulangerie du Pont', communeName: 'Ligugé' }),
      makeShop({ name: 'Librairie', communeName: 'Saint-Benoît' }),
    ])
    expect(names(index, { query: 'SAINTE RADÉGONDE' })).toEqual(['Boulangerie Sainte-Radegonde'])
    expect(names(index, { query: 'boulangerie' })).toHaveLength(2)
    expect(names(index, { query: ' ligugé   boulang ' })).toEqual(['Boulangerie du Pont'])
    expect(names(index, { query: 'saint benoit' })).toEqual(['Librairie'])
    expect(names(index, { query: 'pont radegonde' })).toEqual([])
    expect(names(index, { query: 'x' })).toEqual([])
  })

  it('keeps only places known to be open for "open now"', () => {
    const index = createPlaceIndex([
      makeShop({ name: 'Hours open', openingHours: 'Mo-Sa 09:00-19:00' }),
      makeShop({ name: 'Hours closed', openingHours: 'Mo-Sa 14:00-19:00' }),
      makeShop({ name: 'No hours' }),
      makeShop({ name: 'Unreadable', openingHours: 'whenever' }),
      makeShop({ name: 'Merchant open', status: 'open', statusUpdatedAt: '2026-07-14T10:00:00Z' }),
      makeShop({
        name: 'Merchant closed',
        status: 'closed',
        statusUpdatedAt: '2026-07-14T10:00:00Z',
        openingHours: 'Mo-Sa 09:00-19:00',
      }),
      makeShop({
        name: 'Stale merchant',
        status: 'open',
        statusUpdatedAt: '2026-06-01T10:00:00Z',
        openingHours: 'Mo-Sa 14:00-19:00',
      }),
    ])
    expect(names(index, { openNow: true })).toEqual(['Hours open', 'Merchant open'])
    // The evening: hours closed; the merchant's word still holds.
    expect(names(index, { openNow: true }, new Date('2026-07-15T20:00:00+02:00'))).toEqual([
      'Merchant open',
    ])
    // Back to the morning on the same index: cached answers must not leak between moments.
    expect(names(index, { openNow: true })).toEqual(['Hours open', 'Merchant open'])
    // 14 July is a public holiday, but "Mo-Sa" has no "PH off": open.
    expect(names(index, { openNow: true }, new Date('2026-07-14T15:00:00+02:00'))).toEqual([
      'Hours closed',
      'Hours open',
      'Merchant open',
      'Stale merchant',
    ])
  })

  it('reports each place’s open-now state', () => {
    const index = createPlaceIndex([makeShop({ name: 'A', openingHours: 'Mo-Sa 09:00-19:00' })])
    const [match] = filterPlaces(index, EMPTY_FILTERS, NOW)
    expect(match!.openNow).toEqual({
      open: true,
      source: 'hours',
      until: new Date('2026-07-15T19:00:00+02:00'),
    })
  })

  describe('with an origin', () => {
    const shops = [
      makeShop({ name: 'Far', location: at(ORIGIN, 3, 0) }),
      makeShop({ name: 'Near B', location: at(ORIGIN, 1, 90) }),
      makeShop({ name: 'Near A', location: at(ORIGIN, 1, 90) }),
      makeShop({ name: 'Here', location: { ...ORIGIN } }),
      makeShop({ name: 'Nowhere', location: { lon: Number.NaN, lat: Number.NaN } }),
      makeShop({ name: 'Middle', location: at(ORIGIN, 2, 200) }),
    ]
    const index = createPlaceIndex(shops)

    it('sorts by distance, then by name, with places without a location last', () => {
      const matches = filterPlaces(index, { ...EMPTY_FILTERS, origin: ORIGIN }, NOW)
      expect(matches.map((m) => m.shop.name)).toEqual([
        'Here',
        'Near A',
        'Near B',
        'Middle',
        'Far',
        'Nowhere',
      ])
      expect(matches.map((m) => m.distanceKm)).toEqual([
        0,
        expect.closeTo(1, 9),
        expect.closeTo(1, 9),
        expect.closeTo(2, 9),
        expect.closeTo(3, 9),
        null,
      ])
    })

    it('keeps places within the radius, the circle itself included', () => {
      expect(names(index, { origin: ORIGIN, radiusKm: 2 })).toEqual([
        'Here',
        'Near A',
        'Near B',
        'Middle',
      ])
      expect(names(index, { origin: ORIGIN, radiusKm: 1.999 })).toEqual([
        'Here',
        'Near A',
        'Near B',
      ])
      expect(names(index, { origin: ORIGIN, radiusKm: 50 })).not.toContain('Nowhere')
    })

    it('keeps only places at the origin for a radius of 0', () => {
      expect(names(index, { origin: ORIGIN, radiusKm: 0 })).toEqual(['Here'])
    })

    it('finds nothing for a negative radius', () => {
      expect(names(index, { origin: ORIGIN, radiusKm: -1 })).toEqual([])
    })

    it('ignores a radius without an origin', () => {
      expect(names(index, { radiusKm: 1 })).toHaveLength(shops.length)
    })

    it('includes a place exactly on the boundary, at every bearing', () => {
      for (const radiusKm of [0.25, 1, 5, 20, 50]) {
        const onCircle = Array.from({ length: 24 }, (_, k) =>
          makeShop({ name: `On ${k}`, location: at(ORIGIN, radiusKm, k * 15) }),
        )
        // A millimetre further out.
        const outside = Array.from({ length: 24 }, (_, k) =>
          makeShop({ name: `Out ${k}`, location: at(ORIGIN, radiusKm + 1e-6, k * 15 + 7.5) }),
        )
        const boundaryIndex = createPlaceIndex([...onCircle, ...outside])
        const found = names(boundaryIndex, { origin: ORIGIN, radiusKm })
        expect(found).toHaveLength(24)
        expect(found.every((name) => name.startsWith('On '))).toBe(true)
      }
    })
  })

  it('combines every filter', () => {
    const index = createPlaceIndex([
      makeShop({
        name: 'Boulangerie Proche',
        services: ['click_and_collect', 'in_store'],
        categorySlug: 'alimentation',
        kind: 'artisan',
        openingHours: 'Mo-Sa 07:00-19:00',
        location: at(ORIGIN, 0.5, 45),
      }),
      makeShop({
        name: 'Boulangerie Lointaine',
        services: ['click_and_collect'],
        categorySlug: 'alimentation',
        kind: 'artisan',
        openingHours: 'Mo-Sa 07:00-19:00',
        location: at(ORIGIN, 8, 45),
      }),
      makeShop({
        name: 'Boulangerie Fermée',
        services: ['click_and_collect'],
        categorySlug: 'alimentation',
        kind: 'artisan',
        openingHours: 'Mo-Sa 14:00-19:00',
        location: at(ORIGIN, 0.4, 45),
      }),
    ])
    const filters: PlaceFilters = {
      services: ['click_and_collect'],
      categories: ['alimentation'],
      kinds: ['artisan'],
      openNow: true,
      query: 'boulangerie',
      origin: ORIGIN,
      radiusKm: 5,
    }
    const [match, ...rest] = filterPlaces(index, filters, NOW)
    expect(rest).toEqual([])
    expect(match!.shop.name).toBe('Boulangerie Proche')
    expect(match!.distanceKm).toBeCloseTo(0.5, 9)
  })

  it('gives back the same objects for places whose answer did not change', () => {
    const index = createPlaceIndex([
      makeShop({ name: 'A', location: at(ORIGIN, 1, 0) }),
      makeShop({ name: 'B', location: at(ORIGIN, 2, 0) }),
    ])
    const first = filterPlaces(index, EMPTY_FILTERS, NOW)
    const second = filterPlaces(index, { ...EMPTY_FILTERS, query: 'a' }, NOW)
    expect(second[0]).toBe(first[0])
    const near = filterPlaces(index, { ...EMPTY_FILTERS, origin: ORIGIN }, NOW)
    expect(near[0]).not.toBe(first[0])
    expect(near[0]!.distanceKm).toBeCloseTo(1, 9)
    expect(filterPlaces(index, { ...EMPTY_FILTERS, origin: ORIGIN, radiusKm: 5 }, NOW)[0]).toBe(
      near[0],
    )
  })

  it('handles an empty list', () => {
    const index = createPlaceIndex([])
    expect(filterPlaces(index, EMPTY_FILTERS, NOW)).toEqual([])
    expect(filterPlaces(index, { ...EMPTY_FILTERS, origin: ORIGIN, radiusKm: 5 }, NOW)).toEqual([])
  })

  it('handles places that all lack a location', () => {
    const index = createPlaceIndex([makeShop({ name: 'X', location: { lon: Number.NaN, lat: 0 } })])
    expect(names(index, { origin: ORIGIN })).toEqual(['X'])
    expect(names(index, { origin: ORIGIN, radiusKm: 5 })).toEqual([])
  })

  it('refuses an index it did not build', () => {
    expect(() => filterPlaces({ shops: [] }, EMPTY_FILTERS, NOW)).toThrow(TypeError)
  })
})

/** Mulberry32: the same seed gives the same places and filters on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('filterPlaces against a naive reference', () => {
  const random = seededRandom(20260715)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
  const subset = <T>(values: readonly T[], max: number): T[] =>
    values.filter(() => random() < max / values.length).slice(0, max)

  const NAMES = [
    'Boulangerie',
    'Épicerie',
    'épicerie',
    'Café',
    'Librairie',
    'Atelier',
    'Œuf & Cie',
    'Zoé',
  ]
  const SUFFIXES = ['du Centre', 'Sainte-Radegonde', 'L’Aliénor', 'des Halles', '', 'Saint-Éloi']
  const COMMUNES = ['Poitiers', 'Ligugé', 'Saint-Benoît', 'Migné-Auxances', null]
  const CATEGORIES = ['alimentation', 'culture', 'sante', 'services']
  const HOURS = [
    null,
    'Mo-Sa 09:00-19:00',
    'Tu-Sa 07:00-19:30; Su 07:00-13:00; PH off',
    'Mo-Fr 11:30-14:30,18:30-22:00',
    'Mo-Su 09:00-18:00 unknown "sur rendez-vous"',
    'Mo-Th 11:00-23:00; Fr 11:00-02:00',
    'whenever we feel like it',
  ]
  const NOWS = [
    NOW,
    new Date('2026-07-14T10:00:00+02:00'),
    new Date('2026-07-15T21:00:00+02:00'),
    new Date('2026-07-18T01:00:00+02:00'),
    new Date('2026-07-19T12:00:00+02:00'),
  ]
  const QUERIES = [
    '',
    'epicerie',
    'ÉPICERIE centre',
    'saint',
    'radegonde sainte',
    'poitiers',
    'cafe ligu',
    'oeuf',
    'z',
  ]
  // Several places share a spot (a shopping arcade), so distance ties happen.
  const spots = Array.from({ length: 40 }, () => at(ORIGIN, random() * 25, random() * 360))

  function randomShop(): Shop {
    const status: ShopStatus = pick(['unknown', 'unknown', 'open', 'closed'] as const)
    const age = random() * 12 * DAY_MS
    let location: LonLat
    const roll = random()
    if (roll < 0.05) location = { lon: Number.NaN, lat: Number.NaN }
    else if (roll < 0.08) location = { ...ORIGIN }
    else if (roll < 0.3) location = { ...pick(spots) }
    else location = at(ORIGIN, random() * 30, random() * 360)
    return makeShop({
      name: `${pick(NAMES)} ${pick(SUFFIXES)}`.trim(),
      communeName: pick(COMMUNES),
      categorySlug: pick(CATEGORIES),
      kind: pick(SHOP_KINDS),
      services: subset(SHOP_SERVICES, 4),
      location,
      openingHours: pick(HOURS),
      status,
      statusUpdatedAt: status === 'unknown' ? null : new Date(NOW.getTime() - age).toISOString(),
      closedUntil:
        status === 'closed' && random() < 0.5
          ? pick(['2026-07-14', '2026-07-15', '2026-08-01'])
          : null,
    })
  }

  function randomFilters(shops: readonly Shop[]): PlaceFilters {
    const origin =
      random() < 0.6
        ? random() < 0.2
          ? { ...ORIGIN }
          : at(ORIGIN, random() * 10, random() * 360)
        : null
    let radiusKm: number | null = null
    if (origin && random() < 0.7) {
      const roll = random()
      if (roll < 0.1) radiusKm = 0
      else if (roll < 0.35) {
        // Exactly the distance of some place: it sits on the circle.
        const located = shops.filter((shop) => Number.isFinite(shop.location.lon))
        radiusKm = shopDistanceKm(pick(located), origin)
      } else radiusKm = random() * 20
    }
    return {
      services: subset(SHOP_SERVICES, 2) as ShopService[],
      categories: random() < 0.1 ? ['inconnue'] : subset(CATEGORIES, 2),
      kinds: subset(SHOP_KINDS, 2),
      openNow: random() < 0.3,
      query: pick(QUERIES),
      origin,
      radiusKm,
    }
  }

  /** What filterPlaces must return, written the obvious way. */
  function reference(shops: readonly Shop[], filters: PlaceFilters, now: Date) {
    const matches = shops
      .filter(
        (shop) =>
          matchesServices(shop, filters.services) &&
          matchesCategories(shop, filters.categories) &&
          matchesKinds(shop, filters.kinds) &&
          matchesQuery(shop, filters.query) &&
          matchesRadius(shop, filters.origin, filters.radiusKm) &&
          (!filters.openNow || openNowState(shop, now).open === true),
      )
      .map((shop) => ({
        shop,
        distanceKm: shopDistanceKm(shop, filters.origin),
        openNow: openNowState(shop, now),
      }))
    return matches.sort((a, b) => {
      if (filters.origin) {
        const byDistance =
          (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY)
        if (byDistance !== 0 && !Number.isNaN(byDistance)) return byDistance
      }
      return a.shop.name.localeCompare(b.shop.name, 'fr')
    })
  }

  const shops = Array.from({ length: 2000 }, randomShop)
  const index = createPlaceIndex(shops)

  it('agrees on 300 random filter sets over 2,000 random places', () => {
    let nonEmpty = 0
    for (let run = 0; run < 300; run += 1) {
      const filters = randomFilters(shops)
      const now = pick(NOWS)
      const expected = reference(shops, filters, now)
      const actual = filterPlaces(index, filters, now)
      const context = JSON.stringify({ run, filters, now })
      expect(
        actual.map((m) => m.shop.id),
        context,
      ).toEqual(expected.map((m) => m.shop.id))
      actual.forEach((match, k) => {
        const want = expected[k]!
        if (want.distanceKm === null) expect(match.distanceKm, context).toBeNull()
        else expect(Math.abs(match.distanceKm! - want.distanceKm), context).toBeLessThan(1e-9)
        expect(match.openNow, context).toEqual<OpenNowState>(want.openNow)
      })
      if (actual.length > 0) nonEmpty += 1
    }
    // The random filters must not all be so strict that nothing is compared.
    expect(nonEmpty).toBeGreaterThan(100)
  })
})
