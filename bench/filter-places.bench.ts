// @vitest-environment node
import { describe, expect, test } from 'vitest'
import { EMPTY_FILTERS, type PlaceFilters } from '@/features/places/utils/place-filters'
import { createPlaceIndex, filterPlaces } from '@/features/places/utils/place-index'
import { BENCH_NOW, POITIERS_CENTRE, syntheticPlaces } from './synthetic-places'
import { loadOpeningHours } from '../src/shop/opening-hours'

// The hours library is downloaded apart in the app; here it is loaded before timing anything.
await loadOpeningHours()

const SIZES = [1_000, 10_000, 100_000] as const

/** One filter change of each kind a visitor makes, applied on its own to the full list. */
const CHANGES: Record<string, PlaceFilters> = {
  'service tick': { ...EMPTY_FILTERS, services: ['click_and_collect'] },
  category: { ...EMPTY_FILTERS, categories: ['alimentation'] },
  kind: { ...EMPTY_FILTERS, kinds: ['artisan'] },
  'open now': { ...EMPTY_FILTERS, openNow: true },
  'name query': { ...EMPTY_FILTERS, query: 'boulangerie' },
  'radius 5 km': { ...EMPTY_FILTERS, origin: POITIERS_CENTRE, radiusKm: 5 },
  'all combined': {
    services: ['in_store'],
    categories: ['alimentation', 'restauration'],
    kinds: ['commercant', 'artisan'],
    openNow: true,
    query: 'saint',
    origin: POITIERS_CENTRE,
    radiusKm: 5,
  },
}

// A few hundred samples are plenty for means and p99; the defaults would spend minutes on the
// 100,000-place index builds alone.
const FILTER_RUN = { time: 500, iterations: 50, warmupIterations: 5 }
const BUILD_RUN = { time: 0, iterations: 5, warmupIterations: 1 }

describe.each(SIZES)('%i places', (size) => {
  const shops = syntheticPlaces(size)
  const index = createPlaceIndex(shops)
  // Results are kept so that the engine cannot drop the calls as dead code.
  let sink = 0

  test('filterPlaces, one filter change at a time', async ({ bench }) => {
    const registrations = Object.entries(CHANGES).map(([name, filters]) =>
      bench(name, () => {
        // A new filters object each time, as the store makes on every change.
        sink += filterPlaces(index, { ...filters }, BENCH_NOW).length
      }),
    )
    await bench.compare(...registrations, FILTER_RUN)
    expect(sink).toBeGreaterThan(0)
  })

  test('createPlaceIndex', async ({ bench }) => {
    await bench('createPlaceIndex', () => {
      sink += createPlaceIndex(shops) === index ? 0 : 1
    }).run(BUILD_RUN)
  })
})
