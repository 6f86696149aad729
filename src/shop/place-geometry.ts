/**
 * A place's point and short distances, on WGS84 lon/lat over a few kilometres (planar
 * approximations are fine at that scale): for imports, the seed generator and the communes of
 * the location search.
 */

export type Position = [lon: number, lat: number]

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  )
}

function positions(value: unknown): Position[] | null {
  if (!Array.isArray(value) || value.length === 0) return null
  return value.every(isPosition) ? (value as Position[]) : null
}

/** Area-weighted centroid of a ring (shoelace formula); the vertices' mean when it has no area. */
function ringCentroid(ring: readonly Position[]): Position {
  // Relative to the first vertex: products of raw degrees would lose the significant digits.
  const [ox, oy] = ring[0]!
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
  if (Math.abs(area) < 1e-15) return meanOf(ring)
  return [ox + cx / (3 * area), oy + cy / (3 * area)]
}

function meanOf(points: readonly Position[]): Position {
  let lon = 0
  let lat = 0
  for (const [x, y] of points) {
    lon += x
    lat += y
  }
  return [lon / points.length, lat / points.length]
}

function isClosed(line: readonly Position[]): boolean {
  const first = line[0]!
  const last = line[line.length - 1]!
  return line.length >= 4 && first[0] === last[0] && first[1] === last[1]
}

/**
 * One point for a place drawn as a shape: the point itself, the centroid of a polygon's outer
 * ring (the first polygon of a multipolygon), or of a closed line (osmtogeojson writes a building
 * without `area`-implying tags as a LineString); an open line gives its vertices' mean.
 * Null for what has no usable coordinates.
 */
export function representativePoint(geometry: unknown): Position | null {
  if (typeof geometry !== 'object' || geometry === null) return null
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown }
  switch (type) {
    case 'Point':
      return isPosition(coordinates) ? [coordinates[0], coordinates[1]] : null
    case 'MultiPoint': {
      const points = positions(coordinates)
      return points ? points[0]! : null
    }
    case 'LineString': {
      const line = positions(coordinates)
      if (!line) return null
      return isClosed(line) ? ringCentroid(line) : meanOf(line)
    }
    case 'Polygon': {
      const outer = Array.isArray(coordinates) ? positions(coordinates[0]) : null
      return outer ? ringCentroid(outer) : null
    }
    case 'MultiPolygon': {
      const first = Array.isArray(coordinates) ? (coordinates[0] as unknown) : null
      const outer = Array.isArray(first) ? positions(first[0]) : null
      return outer ? ringCentroid(outer) : null
    }
    default:
      return null
  }
}

/** Distance in metres (equirectangular approximation, exact enough over a few hundred metres). */
export function distanceMetres([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad)
  const y = (lat2 - lat1) * rad
  return Math.sqrt(x * x + y * y) * 6_371_000
}
