import type { ViewportQuery } from '@/backend/port'
import type { PlaceFilters } from './place-filters'

/** How many shops a viewport loads at most: the nearest the centre of the visible area. */
export const VIEWPORT_ROWS = 500

export type Bounds = [west: number, south: number, east: number, north: number]

const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value))
// Three decimals (about 100 m): a nudge of the map reuses the cached answer, and the box only
// ever grows outwards, so no visible shop is cut off.
const down = (value: number) => Math.floor(value * 1000) / 1000
const up = (value: number) => Math.ceil(value * 1000) / 1000

/**
 * What the database is asked for the visible area: the page's filters it can apply (services,
 * categories, kinds, words), sorted so that the same choice is the same query. "Open now" and
 * the distance stay in the page, which applies every filter again to what comes back.
 */
export function viewportQuery(bounds: Bounds, filters: PlaceFilters): ViewportQuery {
  const [west, south, east, north] = bounds
  const query: ViewportQuery = {
    bounds: [
      down(clamp(Math.min(west, east), 180)),
      down(clamp(Math.min(south, north), 90)),
      up(clamp(Math.max(west, east), 180)),
      up(clamp(Math.max(south, north), 90)),
    ],
    limit: VIEWPORT_ROWS,
  }
  if (filters.services.length > 0) query.services = [...filters.services].sort()
  if (filters.categories.length > 0) query.categories = [...filters.categories].sort()
  if (filters.kinds.length > 0) query.kinds = [...filters.kinds].sort()
  const words = filters.query.trim()
  if (words !== '') query.query = words
  return query
}
