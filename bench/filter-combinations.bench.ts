// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { EMPTY_FILTERS, type PlaceFilters } from '@/features/places/utils/place-filters'
import { createPlaceIndex, filterPlaces } from '@/features/places/utils/place-index'
import { loadOpeningHours } from '../src/shop/opening-hours'
import { BENCH_NOW, POITIERS_CENTRE, syntheticPlaces } from './synthetic-places'

// Every combination of the shopper's filters (2^7 = 128), each timed on its own: the median of
// a few runs per combination, then the spread over combinations. Written to
// bench/results.tmp/filter-combinations.json for run-bench.ts; timings are reported, never
// asserted.

await loadOpeningHours()

const SIZES = [1_000, 10_000, 100_000] as const
const RUNS = 9

/** One value per filter the shopper can set; a combination sets a subset of them. */
const DIMENSIONS: [string, Partial<PlaceFilters>][] = [
  ['service', { services: ['click_and_collect'] }],
  ['category', { categories: ['alimentation'] }],
  ['kind', { kinds: ['commercant', 'artisan'] }],
  ['open now', { openNow: true }],
  ['name', { query: 'boulangerie' }],
  ['radius 5 km', { origin: POITIERS_CENTRE, radiusKm: 5 }],
  ['second service', { services: ['click_and_collect', 'delivery'] }],
]

function combination(mask: number): { name: string; filters: PlaceFilters } {
  let filters: PlaceFilters = { ...EMPTY_FILTERS }
  const names: string[] = []
  DIMENSIONS.forEach(([name, values], bit) => {
    if (mask & (1 << bit)) {
      filters = { ...filters, ...values }
      names.push(name)
    }
  })
  return { name: names.join(' + ') || 'none', filters }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const results: Record<string, unknown> = {}

describe.each(SIZES)('%i places', (size) => {
  test('filterPlaces, every filter combination', () => {
    const index = createPlaceIndex(syntheticPlaces(size))
    let sink = 0
    const perCombination: { name: string; medianMs: number; results: number }[] = []
    for (let mask = 0; mask < 1 << DIMENSIONS.length; mask += 1) {
      const { name, filters } = combination(mask)
      const times: number[] = []
      let count = 0
      for (let run = 0; run < RUNS; run += 1) {
        const start = performance.now()
        count = filterPlaces(index, { ...filters }, BENCH_NOW).length
        times.push(performance.now() - start)
      }
      sink += count
      perCombination.push({ name, medianMs: median(times), results: count })
    }
    const medians = perCombination.map((c) => c.medianMs).sort((a, b) => a - b)
    const worst = perCombination.reduce((a, b) => (b.medianMs > a.medianMs ? b : a))
    results[size] = {
      combinations: perCombination.length,
      runsPerCombination: RUNS,
      medianMs: median(medians),
      p95Ms: medians[Math.floor(medians.length * 0.95)]!,
      worst,
      perCombination,
    }
    expect(sink).toBeGreaterThanOrEqual(0)
  })
})

test('write the combinations report', () => {
  const out = join(
    dirname(fileURLToPath(import.meta.url)),
    'results.tmp',
    'filter-combinations.json',
  )
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
})
