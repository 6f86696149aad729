import { subcategoryForOsmTags } from './categories'
import { boundsContain, type Position } from './geo'
import type { Feature } from './inputs'
import type { PlaceContext } from './map-equipements'
import { OSM_ATTRIBUTION } from './map-osm'
import { cleanLine, fitLength, normalizePhone, normalizePostcode } from './normalize'
import { compareNatural, realPlace, type SeedShop } from './shop'

/** The credit PROVENANCE.md asks for (Licence Ouverte 2.0: the source and its date). */
export const FINESS_ATTRIBUTION =
  'FINESS (DREES), extrait du 05/10/2026, Licence Ouverte 2.0 ; géocodage BAN/IGN'
/** A pharmacy mapped in OpenStreetMap and found in the register: both are credited, OSM first. */
export const OSM_FINESS_ATTRIBUTION = `${OSM_ATTRIBUTION}; ${FINESS_ATTRIBUTION}`
/** `source` is 'open_data' (the schema has no 'finess'): the prefix names the dataset. */
export const FINESS_REF_PREFIX = 'finess:'

/** The OSM tag holding a pharmacy's FINESS number. */
export const OSM_FINESS_TAG = 'ref:FR:FINESS'

const PHARMACY = subcategoryForOsmTags({ amenity: 'pharmacy' })!

/**
 * The street part of a register address. FINESS writes "street, postcode COMMUNE"; the postcode
 * and commune have their own columns. An address without that ending is kept only when it holds
 * no postcode at all (then it is the street alone); anything else is dropped, not guessed.
 */
export function finessStreet(address: unknown): string | null {
  const text = cleanLine(address)
  if (text === null) return null
  const match = /^(.*?)\s*,\s*\d{5}\s+[^,]+$/.exec(text)
  if (match) return fitLength(cleanLine(match[1]), 200)
  return /\b\d{5}\b/.test(text) ? null : fitLength(text, 200)
}

/** The register's `approximate` column: empty or "false" for an exact position, "true" if not. */
export function finessApproximate(value: unknown): boolean {
  const text = (cleanLine(value) ?? '').toLowerCase()
  if (text === '' || text === 'false') return false
  if (text === 'true') return true
  throw new Error(`FINESS approximate column: unexpected value "${String(value)}"`)
}

function coordinate(value: unknown): number | null {
  const text = cleanLine(value)
  if (text === null) return null
  const number = Number(text)
  return Number.isFinite(number) ? number : null
}

/** One register row of a territory, before it is placed. */
export interface FinessRecord {
  finessId: string
  name: string
  address: string | null
  postcode: string | null
  communeInsee: string
  communeName: string
  phone: string | null
  /** The register's own position (BAN geocoding), if any. */
  location: Position | null
  approximate: boolean
}

/**
 * A register row of the territory, or null when its commune (`citycode`) is not one of the
 * territory's communes. Name as the register writes it (blanks folded), the street part of its
 * address, the commune's name as the seed's commune table writes it.
 */
export function readFinessRow(
  row: Record<string, string>,
  context: PlaceContext,
): FinessRecord | null {
  const commune = context.communes.get(cleanLine(row.citycode) ?? '')
  if (!commune) return null
  const finessId = cleanLine(row.finess_id)
  const name = fitLength(cleanLine(row.name), 120)
  if (!finessId || !/^\d{9}$/.test(finessId) || !name)
    throw new Error(`FINESS row without a valid finess_id or name: ${JSON.stringify(row)}`)
  const lat = coordinate(row.lat)
  const lon = coordinate(row.lng)
  return {
    finessId,
    name,
    address: finessStreet(row.address),
    postcode: normalizePostcode(row.postcode),
    communeInsee: commune.inseeCode,
    communeName: commune.name,
    phone: normalizePhone(row.phone),
    location: lat !== null && lon !== null ? [lon, lat] : null,
    approximate: finessApproximate(row.approximate),
  }
}

export type FinessPlacement =
  | { kind: 'placed'; shop: SeedShop; atCommune: boolean }
  /** A row of the territory that cannot be put on the map (no coordinates, no commune outline). */
  | { kind: 'unplaced'; finessId: string }

/**
 * A register row as a place of its own. A row without coordinates is placed at its commune's
 * representative point and flagged approximate, as the importer does; without an outline for the
 * commune it is unplaced. A row the register calls approximate is flagged too.
 */
export function finessPlace(record: FinessRecord, context: PlaceContext): FinessPlacement {
  const atCommune = record.location === null
  const location = record.location ?? context.communeCentre?.(record.communeInsee)
  if (!location) return { kind: 'unplaced', finessId: record.finessId }
  if (!boundsContain(context.territory.bounds, location))
    throw new Error(
      `FINESS ${record.finessId} lies outside the bounds of ${context.territory.slug}`,
    )
  const shop = realPlace({
    territorySlug: context.territory.slug,
    kind: 'commercant',
    name: record.name,
    categorySlug: PHARMACY.categorySlug,
    subcategorySlug: PHARMACY.slug,
    description: null,
    address: record.address,
    postcode: record.postcode,
    communeInsee: record.communeInsee,
    communeName: record.communeName,
    location,
    locationApproximate: atCommune || record.approximate,
    phone: record.phone,
    email: null,
    website: null,
    // The register has no opening hours: none are made up.
    openingHours: null,
    openingHoursNote: null,
    source: 'open_data',
    sourceRef: `${FINESS_REF_PREFIX}${record.finessId}`,
    sourceAttribution: FINESS_ATTRIBUTION,
  })
  return { kind: 'placed', shop, atCommune }
}

/** A register row as a place of its own, or null when it is not the territory's. */
export function mapFinessRow(
  row: Record<string, string>,
  context: PlaceContext,
): FinessPlacement | null {
  const record = readFinessRow(row, context)
  return record ? finessPlace(record, context) : null
}

/** What the register gives one territory, for the seed's comments and the generator's summary. */
export interface FinessTerritoryReport {
  territorySlug: string
  /** Register rows whose commune is one of the territory's. */
  registerRows: number
  /** Of those, merged into the OpenStreetMap place carrying their number. */
  joinedWithOsm: number
  /** Of those, added as places of their own. */
  added: number
  /** Added places without coordinates in the register, put at their commune's point. */
  placedAtCommune: number
  /** Added places flagged location_approximate. */
  approximate: number
  /** FINESS numbers of rows left out: no coordinates and no outline for their commune. */
  unplaced: string[]
}

/** The FINESS number each OSM object carries, by OSM id (`node/…`, `way/…`). */
export function osmFinessRefs(features: readonly Feature[]): Map<string, string> {
  const refs = new Map<string, string>()
  for (const feature of features) {
    const osmId = cleanLine(feature.properties['@id'])
    const ref = cleanLine(feature.properties[OSM_FINESS_TAG])
    if (osmId && ref && /^\d{9}$/.test(ref) && !refs.has(osmId)) refs.set(osmId, ref)
  }
  return refs
}

/**
 * An OSM pharmacy and its register row as one place: OSM's key, name, position and opening hours
 * (the register has no hours; OSM's position is where a mapper put the shop), the register's
 * address, postcode, commune and phone (current; OSM's phone is kept when the register has
 * none). Both sources are credited, OSM first.
 */
export function joinOsmWithFiness(osm: SeedShop, finess: FinessRecord): SeedShop {
  return {
    ...osm,
    address: finess.address,
    postcode: finess.postcode,
    communeInsee: finess.communeInsee,
    communeName: finess.communeName,
    phone: finess.phone ?? osm.phone,
    sourceAttribution: OSM_FINESS_ATTRIBUTION,
  }
}

/**
 * Every register pharmacy of one territory: merged into the territory's OSM pharmacy carrying its
 * number (`ref:FR:FINESS`), else added as a place of its own. Returns the OSM places (joined ones
 * replaced, same order), the added places (by FINESS number) and the figures.
 */
export function mapFinessRows(
  rows: readonly Record<string, string>[],
  context: PlaceContext,
  osm: { shops: readonly SeedShop[]; refs: ReadonlyMap<string, string> } = {
    shops: [],
    refs: new Map(),
  },
): { osm: SeedShop[]; added: SeedShop[]; report: FinessTerritoryReport } {
  const records = new Map<string, FinessRecord>()
  for (const row of rows) {
    const record = readFinessRow(row, context)
    if (!record) continue
    if (records.has(record.finessId))
      throw new Error(`FINESS ${record.finessId} appears twice in the register`)
    records.set(record.finessId, record)
  }

  // One OSM place per register row: a second OSM object with the same number stays as mapped.
  const joined = new Set<string>()
  const osmShops = osm.shops.map((shop) => {
    const ref =
      shop.territorySlug === context.territory.slug && shop.subcategorySlug === PHARMACY.slug
        ? osm.refs.get(shop.sourceRef)
        : undefined
    const record = ref && !joined.has(ref) ? records.get(ref) : undefined
    if (!ref || !record) return shop
    joined.add(ref)
    return joinOsmWithFiness(shop, record)
  })

  const added: { shop: SeedShop; atCommune: boolean }[] = []
  const unplaced: string[] = []
  for (const record of records.values()) {
    if (joined.has(record.finessId)) continue
    const placement = finessPlace(record, context)
    if (placement.kind === 'unplaced') unplaced.push(placement.finessId)
    else added.push(placement)
  }
  added.sort((a, b) => compareNatural(a.shop.sourceRef, b.shop.sourceRef))
  return {
    osm: osmShops,
    added: added.map((a) => a.shop),
    report: {
      territorySlug: context.territory.slug,
      registerRows: records.size,
      joinedWithOsm: joined.size,
      added: added.length,
      placedAtCommune: added.filter((a) => a.atCommune).length,
      approximate: added.filter((a) => a.shop.locationApproximate).length,
      unplaced: unplaced.sort(compareNatural),
    },
  }
}
