// @vitest-environment node
import { destination } from '@turf/destination'
import { distance } from '@turf/distance'
import { describe, expect, it } from 'vitest'
import type { LonLat } from '@/backend/types'
import {
  chordSquaredToKm,
  distanceKm,
  formatDistance,
  isWithinRadius,
  kmToChordSquared,
  radiusBounds,
  radiusCircle,
  unitVector,
} from '@/features/places/utils/distance'

const POITIERS: LonLat = { lon: 0.3404, lat: 46.5802 }
const NIORT: LonLat = { lon: -0.4594, lat: 46.3237 }

function at(origin: LonLat, km: number, bearing: number): LonLat {
  const [lon, lat] = destination([origin.lon, origin.lat], km, bearing, { units: 'kilometers' })
    .geometry.coordinates as [number, number]
  return { lon, lat }
}

function chordSquared(a: LonLat, b: LonLat): number {
  const [ax, ay, az] = unitVector(a.lon, a.lat)
  const [bx, by, bz] = unitVector(b.lon, b.lat)
  return (ax - bx) ** 2 + (ay - by) ** 2 + (az - bz) ** 2
}

describe('distanceKm', () => {
  it('is Turf’s great-circle distance in kilometres', () => {
    expect(distanceKm(POITIERS, NIORT)).toBe(distance([0.3404, 46.5802], [-0.4594, 46.3237]))
    // Checked by hand: 28.5 km north–south and 61.3 km east–west.
    expect(distanceKm(POITIERS, NIORT)).toBeCloseTo(67.58, 2)
    expect(distanceKm(POITIERS, POITIERS)).toBe(0)
  })

  it('agrees with the chord-based distance used by the index', () => {
    for (const [km, bearing] of [
      [0.001, 10],
      [0.35, 45],
      [5, 90],
      [49.9, 200],
      [800, 300],
    ] as const) {
      const point = at(POITIERS, km, bearing)
      const byChord = chordSquaredToKm(chordSquared(POITIERS, point))
      expect(Math.abs(byChord - distanceKm(POITIERS, point))).toBeLessThan(1e-9 * Math.max(1, km))
    }
  })

  it('turns radii into chords and back', () => {
    for (const km of [0, 0.5, 5, 50, 500])
      expect(chordSquaredToKm(kmToChordSquared(km))).toBeCloseTo(km, 9)
  })
})

describe('isWithinRadius', () => {
  it('includes the circle itself, with a micrometre of slack for rounding', () => {
    expect(isWithinRadius(5, 5)).toBe(true)
    expect(isWithinRadius(5 + 1e-12, 5)).toBe(true)
    expect(isWithinRadius(5.000001, 5)).toBe(false)
    expect(isWithinRadius(0, 0)).toBe(true)
    expect(isWithinRadius(0.001, 0)).toBe(false)
  })
})

describe('radiusBounds', () => {
  it('contains every point of the circle', () => {
    const bounds = radiusBounds(POITIERS, 5)
    expect(bounds).not.toBeNull()
    const [west, south, east, north] = bounds!
    for (let bearing = 0; bearing < 360; bearing += 7.5) {
      const point = at(POITIERS, 5, bearing)
      expect(point.lon).toBeGreaterThanOrEqual(west)
      expect(point.lon).toBeLessThanOrEqual(east)
      expect(point.lat).toBeGreaterThanOrEqual(south)
      expect(point.lat).toBeLessThanOrEqual(north)
    }
    // Tight enough to be worth it: about 5 km each way.
    expect(distanceKm(POITIERS, { lon: east, lat: POITIERS.lat })).toBeLessThan(5.001)
  })

  it('gives up where a box in degrees would wrap', () => {
    expect(radiusBounds({ lon: 0, lat: 89.99 }, 5)).toBeNull()
    expect(radiusBounds({ lon: 179.99, lat: -17 }, 5)).toBeNull()
    expect(radiusBounds(POITIERS, 30_000)).toBeNull()
  })
})

describe('radiusCircle', () => {
  it('is a closed polygon whose vertices lie on the radius', () => {
    const circle = radiusCircle(POITIERS, 5)
    expect(circle.type).toBe('Feature')
    expect(circle.geometry.type).toBe('Polygon')
    const ring = circle.geometry.coordinates[0]!
    expect(ring).toHaveLength(65)
    expect(ring[0]).toEqual(ring[64])
    for (const [lon, lat] of ring as [number, number][]) {
      expect(distanceKm(POITIERS, { lon, lat })).toBeCloseTo(5, 6)
    }
  })

  it('takes the number of steps', () => {
    expect(radiusCircle(POITIERS, 1, 16).geometry.coordinates[0]).toHaveLength(17)
  })
})

describe('formatDistance', () => {
  // A no-break space keeps the unit with its number.
  const plain = (text: string) => text.replace(/\u00a0/g, ' ')

  it('writes metres under a kilometre, rounded to ten', () => {
    expect(plain(formatDistance(0.35, 'fr'))).toBe('350 m')
    expect(plain(formatDistance(0.0437, 'fr'))).toBe('40 m')
    expect(plain(formatDistance(0, 'fr'))).toBe('0 m')
    expect(formatDistance(0.35, 'fr')).toBe('350\u00a0m')
  })

  it('writes kilometres with one decimal under ten, French style', () => {
    expect(plain(formatDistance(1.234, 'fr'))).toBe('1,2 km')
    expect(plain(formatDistance(0.9996, 'fr'))).toBe('1,0 km')
    expect(plain(formatDistance(9.94, 'fr'))).toBe('9,9 km')
  })

  it('writes whole kilometres from ten on', () => {
    expect(plain(formatDistance(9.97, 'fr'))).toBe('10 km')
    expect(plain(formatDistance(12.3, 'fr'))).toBe('12 km')
  })

  it('uses a point in English', () => {
    expect(plain(formatDistance(1.234, 'en'))).toBe('1.2 km')
    expect(plain(formatDistance(0.35, 'en'))).toBe('350 m')
    expect(plain(formatDistance(12.3, 'en'))).toBe('12 km')
  })
})
