import type { ViewportQuery } from '../../src/backend/port'
import type { ShopKind, ShopService, ShopStatus } from '../../src/backend/types'
import { CATEGORIES, KINDS, NAME_WORDS, SERVICES, STATUSES } from './synthetic-shops'

export type Rng = () => number

/** A small seeded generator, so that two runs ask the same viewports. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function some<T>(rng: Rng, values: readonly T[], max: number): T[] {
  const count = 1 + Math.floor(rng() * max)
  return [...values].sort(() => rng() - 0.5).slice(0, count)
}

/**
 * Viewports centred on shops (where people look), from a city district (0.03° wide, about
 * 2 km) to a region (4°, about 300 km), log-uniformly; a phone's aspect at French latitudes.
 * Each filter is ticked with the probability a shopper would, combined at random.
 */
export function randomViewports(
  centres: { lon: number; lat: number }[],
  rng: Rng,
): ViewportQuery[] {
  return centres.map(({ lon, lat }) => {
    const width = 0.03 * Math.pow(4 / 0.03, rng())
    const height = width * 0.65
    const clamp = (v: number, max: number) => Math.max(-max, Math.min(max, v))
    const query: ViewportQuery = {
      bounds: [
        clamp(lon - width / 2, 180),
        clamp(lat - height / 2, 90),
        clamp(lon + width / 2, 180),
        clamp(lat + height / 2, 90),
      ],
    }
    if (rng() < 0.3) query.services = some<ShopService>(rng, SERVICES, 2)
    if (rng() < 0.3) query.categories = some(rng, CATEGORIES, 2)
    if (rng() < 0.15) query.kinds = some<ShopKind>(rng, KINDS, 2)
    if (rng() < 0.25) query.statuses = some<ShopStatus>(rng, STATUSES, 2)
    if (rng() < 0.15) query.query = NAME_WORDS[Math.floor(rng() * NAME_WORDS.length)]!
    return query
  })
}
