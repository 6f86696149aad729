import { circle } from '@turf/circle'
import { distance } from '@turf/distance'
import { earthRadius } from '@turf/helpers'
import type { Feature, Polygon } from 'geojson'
import type { LonLat } from '@/backend/types'

const EARTH_RADIUS_KM = earthRadius / 1000
const DEG_TO_RAD = Math.PI / 180

/**
 * Slack on radius comparisons: a place computed to lie exactly on the circle can come out a few
 * ulps beyond it after the trigonometry. One micrometre is far below any real-world precision.
 */
export const RADIUS_TOLERANCE_KM = 1e-9

/** Great-circle distance in kilometres (Turf's haversine, on Turf's Earth radius). */
export function distanceKm(a: LonLat, b: LonLat): number {
  return distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' })
}

/**
 * A point as a unit vector from the Earth's centre, computed once per point. The squared chord
 * between two such vectors grows with the great-circle distance: a query compares distances with
 * three multiplications, and turns a survivor's into kilometres with one arcsine.
 */
export function unitVector(lon: number, lat: number): [number, number, number] {
  const lambda = lon * DEG_TO_RAD
  const phi = lat * DEG_TO_RAD
  const cosPhi = Math.cos(phi)
  return [cosPhi * Math.cos(lambda), cosPhi * Math.sin(lambda), Math.sin(phi)]
}

/** Great-circle kilometres from a squared chord between unit vectors (see {@link unitVector}). */
export function chordSquaredToKm(chordSquared: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(chordSquared) / 2))
}

/** The squared chord between unit vectors `km` apart on the great circle. */
export function kmToChordSquared(km: number): number {
  const chord = 2 * Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM)))
  return chord * chord
}

/** Whether a distance is within a radius, a place on the circle itself included. */
export function isWithinRadius(km: number, radiusKm: number): boolean {
  return km <= radiusKm + RADIUS_TOLERANCE_KM
}

/**
 * A lon/lat box that contains every point within `radiusKm` of `origin` (a spherical cap), or
 * `null` when the cap reaches a pole or crosses the antimeridian, where a box in degrees would
 * have to wrap: callers then scan everything.
 */
export function radiusBounds(
  origin: LonLat,
  radiusKm: number,
): [number, number, number, number] | null {
  // Widened a little so that rounding can never drop a point that the exact check would keep.
  const angular = ((radiusKm + RADIUS_TOLERANCE_KM) / EARTH_RADIUS_KM) * (1 + 1e-9) + 1e-12
  const dLatDeg = angular / DEG_TO_RAD
  const south = origin.lat - dLatDeg
  const north = origin.lat + dLatDeg
  if (south <= -90 || north >= 90) return null
  const ratio = Math.sin(angular) / Math.cos(origin.lat * DEG_TO_RAD)
  if (!(ratio < 1)) return null
  const dLonDeg = (Math.asin(ratio) / DEG_TO_RAD) * (1 + 1e-9) + 1e-12
  const west = origin.lon - dLonDeg
  const east = origin.lon + dLonDeg
  if (west < -180 || east > 180) return null
  return [west, south, east, north]
}

/** The circle drawn around the distance origin on the map. */
export function radiusCircle(origin: LonLat, radiusKm: number, steps = 64): Feature<Polygon> {
  return circle([origin.lon, origin.lat], radiusKm, { steps, units: 'kilometers' })
}

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(locale: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${fractionDigits}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    })
    formatters.set(key, format)
  }
  return format
}

/**
 * "350 m", "1,2 km", "12 km" (French) or "1.2 km" (English). Metres are rounded to tens:
 * coordinates are rarely better than that. A no-break space keeps the unit with its number.
 */
export function formatDistance(km: number, locale: string): string {
  const metres = Math.round((km * 1000) / 10) * 10
  if (metres < 1000) return `${formatter(locale, 0).format(metres)}\u00a0m`
  // Rounded first so that 9.97 km reads "10 km" and not "10,0 km".
  if (Math.round(km * 10) / 10 < 10) return `${formatter(locale, 1).format(km)}\u00a0km`
  return `${formatter(locale, 0).format(km)}\u00a0km`
}
