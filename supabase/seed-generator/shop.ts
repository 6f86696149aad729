import { shopId } from './ids'
import type { Position } from './geo'

import type { ShopKind, ShopService, ShopStatus } from '../../src/backend/types.ts'

// The app's own lists, so that the seed cannot drift from what the app knows.
export type { ShopKind, ShopService, ShopStatus }
export type ShopSource = 'osm' | 'open_data' | 'import' | 'submission' | 'demo'

/** One row of public.shops, before it is written as SQL. */
export interface SeedShop {
  id: string
  territorySlug: string
  kind: ShopKind
  name: string
  categorySlug: string
  subcategorySlug: string | null
  description: string | null
  address: string | null
  postcode: string | null
  communeInsee: string | null
  communeName: string | null
  location: Position
  /** The position is a guess (the commune's centre, or a geocoding the source calls approximate). */
  locationApproximate: boolean
  phone: string | null
  email: string | null
  website: string | null
  openingHours: string | null
  openingHoursNote: string | null
  orderingInstructions: string | null
  services: ShopService[]
  status: ShopStatus
  statusMessage: string | null
  /** Relative to the day the seed is applied, so a demo closure never lies in the past. */
  closedUntilDaysAfterSeeding: number | null
  published: boolean
  source: ShopSource
  sourceRef: string
  sourceAttribution: string | null
}

/**
 * Defaults for a real place: nothing is claimed about its status or services; its position is
 * exact unless the mapper says otherwise.
 */
export function realPlace(
  fields: Omit<
    SeedShop,
    | 'id'
    | 'locationApproximate'
    | 'orderingInstructions'
    | 'services'
    | 'status'
    | 'statusMessage'
    | 'closedUntilDaysAfterSeeding'
    | 'published'
  > & { locationApproximate?: boolean },
): SeedShop {
  return {
    ...fields,
    id: shopId(fields.source, fields.sourceRef),
    locationApproximate: fields.locationApproximate ?? false,
    orderingInstructions: null,
    services: [],
    status: 'unknown',
    statusMessage: null,
    closedUntilDaysAfterSeeding: null,
    published: true,
  }
}

/**
 * Code-unit order with digit runs compared as numbers (`x:9` before `x:10`). Written out rather
 * than `localeCompare` so that the order, and so the seed's bytes, never depend on ICU data.
 */
export function compareNatural(a: string, b: string): number {
  const partsA = a.match(/\d+|\D+/g) ?? []
  const partsB = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const x = partsA[i]!
    const y = partsB[i]!
    if (x === y) continue
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const diff = Number(x) - Number(y)
      if (diff !== 0) return diff
    }
    return x < y ? -1 : 1
  }
  return partsA.length - partsB.length
}
