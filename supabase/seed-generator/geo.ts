/** Small planar geometry helpers on WGS84 lon/lat; the areas involved are a few km wide. */

export type Position = [lon: number, lat: number]

export interface Bounds {
  west: number
  south: number
  east: number
  north: number
}

export interface Geometry {
  type: string
  coordinates: unknown
}

function eachPosition(coordinates: unknown, visit: (p: Position) => void): void {
  if (!Array.isArray(coordinates)) return
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    visit([coordinates[0], coordinates[1]])
    return
  }
  for (const item of coordinates) eachPosition(item, visit)
}

export function extentOf(geometries: readonly Geometry[]): Bounds {
  const bounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity }
  for (const geometry of geometries) {
    eachPosition(geometry.coordinates, ([lon, lat]) => {
      bounds.west = Math.min(bounds.west, lon)
      bounds.east = Math.max(bounds.east, lon)
      bounds.south = Math.min(bounds.south, lat)
      bounds.north = Math.max(bounds.north, lat)
    })
  }
  if (!Number.isFinite(bounds.west)) throw new Error('extent of an empty set of geometries')
  return bounds
}

/** Grow the box by `margin` degrees, then round outwards to `decimals` so it stays a superset. */
export function padBounds(bounds: Bounds, margin: number, decimals = 4): Bounds {
  const factor = 10 ** decimals
  return {
    west: Math.floor((bounds.west - margin) * factor) / factor,
    south: Math.floor((bounds.south - margin) * factor) / factor,
    east: Math.ceil((bounds.east + margin) * factor) / factor,
    north: Math.ceil((bounds.north + margin) * factor) / factor,
  }
}

export function boundsContain(bounds: Bounds, [lon, lat]: Position): boolean {
  return lon >= bounds.west && lon <= bounds.east && lat >= bounds.south && lat <= bounds.north
}

// One point per place, and short distances: the app's own helpers.
export { distanceMetres, representativePoint } from '../../src/shop/place-geometry.ts'

/** Even-odd ray casting; enough for commune outlines without holes. */
export function ringContains(ring: readonly Position[], [x, y]: Position): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  const rounded = Math.round(value * factor) / factor
  return Object.is(rounded, -0) ? 0 : rounded
}
