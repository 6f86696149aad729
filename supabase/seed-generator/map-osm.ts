import { subcategoryForOsmTags } from './categories'
import { boundsContain, distanceMetres, representativePoint } from './geo'
import type { Feature } from './inputs'
import type { PlaceContext } from './map-equipements'
import {
  cleanLine,
  fitLength,
  normalizeEmail,
  normalizePhone,
  normalizePostcode,
  normalizeWebsite,
} from './normalize'
import { compareNatural, realPlace, type SeedShop } from './shop'
import { nameKey } from './territories'

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors'

/** The OSM amenities taken from the Niort export (defibrillators and recycling points are not places to shop). */
export const OSM_SELECTED_TAGS = ['amenity=pharmacy', 'amenity=cinema'] as const

/** Two features this close with the same name are one place mapped twice (node + building). */
const DUPLICATE_DISTANCE_METRES = 150

function tagOf(properties: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = cleanLine(properties[key])
    if (value !== null) return value
  }
  return null
}

export function isSelectedOsmFeature(properties: Record<string, unknown>): boolean {
  return OSM_SELECTED_TAGS.some((tag) => {
    const [key, value] = tag.split('=') as [string, string]
    return properties[key] === value
  })
}

export function mapOsmFeature(feature: Feature, context: PlaceContext): SeedShop | null {
  const p = feature.properties
  if (!isSelectedOsmFeature(p)) return null
  const osmId = cleanLine(p['@id'])
  // An unnamed place cannot be listed without inventing a name for it.
  const name = fitLength(cleanLine(p.name), 120)
  const subcategory = subcategoryForOsmTags(p)
  const location = representativePoint(feature.geometry)
  if (!osmId || !/^(node|way|relation)\/\d+$/.test(osmId) || !name || !subcategory || !location)
    return null
  if (!boundsContain(context.territory.bounds, location)) return null

  const street = tagOf(p, 'addr:street', 'addr:place')
  const houseNumber = tagOf(p, 'addr:housenumber')
  const city = tagOf(p, 'addr:city')
  const commune = city
    ? [...context.communes.values()].find((c) => nameKey(c.name) === nameKey(city))
    : undefined
  return realPlace({
    territorySlug: context.territory.slug,
    kind: 'commercant',
    name,
    categorySlug: subcategory.categorySlug,
    subcategorySlug: subcategory.slug,
    description: null,
    address: street ? fitLength([houseNumber, street].filter(Boolean).join(' '), 200) : null,
    postcode: normalizePostcode(p['addr:postcode']),
    communeInsee: commune?.inseeCode ?? null,
    communeName: commune?.name ?? fitLength(city, 100),
    location,
    phone: normalizePhone(tagOf(p, 'phone', 'contact:phone')),
    email: normalizeEmail(tagOf(p, 'email', 'contact:email')),
    website: normalizeWebsite(tagOf(p, 'website', 'contact:website')),
    // Already OSM syntax; copied as mapped, including any mistakes, for the app to validate.
    openingHours: fitLength(cleanLine(p.opening_hours), 500),
    openingHoursNote: null,
    source: 'osm',
    sourceRef: osmId,
    sourceAttribution: OSM_ATTRIBUTION,
  })
}

/**
 * Drops the second mapping of one place. A node is kept over a building outline: it is where the
 * mapper put the shop itself, and outlines come from the cadastre import.
 */
export function dropDuplicatePlaces(shops: readonly SeedShop[]): {
  kept: SeedShop[]
  dropped: SeedShop[]
} {
  const rank = (shop: SeedShop) => (shop.sourceRef.startsWith('node/') ? 0 : 1)
  const ordered = [...shops].sort(
    (a, b) => rank(a) - rank(b) || compareNatural(a.sourceRef, b.sourceRef),
  )
  const kept: SeedShop[] = []
  const dropped: SeedShop[] = []
  for (const shop of ordered) {
    const twin = kept.find(
      (other) =>
        other.subcategorySlug === shop.subcategorySlug &&
        nameKey(other.name) === nameKey(shop.name) &&
        distanceMetres(other.location, shop.location) <= DUPLICATE_DISTANCE_METRES,
    )
    if (twin) dropped.push(shop)
    else kept.push(shop)
  }
  return { kept: kept.sort((a, b) => compareNatural(a.sourceRef, b.sourceRef)), dropped }
}

export function mapOsmFeatures(
  features: readonly Feature[],
  context: PlaceContext,
): { kept: SeedShop[]; dropped: SeedShop[]; unnamed: string[] } {
  const unnamed = [
    ...new Set(
      features
        .filter((f) => isSelectedOsmFeature(f.properties) && cleanLine(f.properties.name) === null)
        .map((f) => String(f.properties['@id'])),
    ),
  ]
  // Overpass layers overlap (a pharmacy with a defibrillator is in both): one row per OSM object.
  const byOsmId = new Map<string, SeedShop>()
  for (const feature of features) {
    const shop = mapOsmFeature(feature, context)
    if (shop && !byOsmId.has(shop.sourceRef)) byOsmId.set(shop.sourceRef, shop)
  }
  return { ...dropDuplicatePlaces([...byOsmId.values()]), unnamed }
}
