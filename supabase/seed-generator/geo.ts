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

/** Area-weighted centroid of a closed ring (shoelace formula); vertex mean if degenerate. */
export function ringCentroid(ring: readonly Position[]): Position {
  // Relative to the first vertex: products of raw degrees would cancel out most significant digits.
  const [ox, oy] = ring[0] ?? [0, 0]
  let area = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const x0 = ring[i]![0] - ox
    const y0 = ring[i]![1] - oy
    const x1 = ring[i + 1]![0] - ox
    const y1 = ring[i + 1]![1] - oy
    const cross = x0 * y1 - x1 * y0
    area += cross
    cx += (x0 + x1) * cross
    cy += (y0 + y1) * cross
  }
  if (Math.abs(area) < 1e-15) {
    const points = ring.length > 1 ? ring.slice(0, -1) : ring
    return [
      points.reduce((sum, p) => sum + p[0], 0) / points.length,
      points.reduce((sum, p) => sum + p[1], 0) / points.length,
    ]
  }
  return [ox + cx / (3 * area), oy + cy / (3 * area)]
}

/** A representative point: the point itself, or the centroid of a polygon's outer ring. */
export function representativePoint(geometry: Geometry): Position | null {
  if (geometry.type === 'Point') {
    const [lon, lat] = geometry.coordinates as number[]
    return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : null
  }
  if (geometry.type === 'Polygon') {
    const outer = (geometry.coordinates as Position[][])[0]
    return outer && outer.length > 0 ? ringCentroid(outer) : null
  }
  if (geometry.type === 'MultiPolygon') {
    const outer = (geometry.coordinates as Position[][][])[0]?.[0]
    return outer && outer.length > 0 ? ringCentroid(outer) : null
  }
  return null
}

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

/** Distance in metres, equirectangular approximation (fine at a few hundred metres). */
export function distanceMetres([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad)
  const y = (lat2 - lat1) * rad
  return Math.sqrt(x * x + y * y) * 6_371_000
}
