import {
  boundsContain,
  extentOf,
  padBounds,
  representativePoint,
  ringContains,
  type Bounds,
  type Position,
} from './geo'
import type { FeatureCollection } from './inputs'
import { cleanLine, normalizePostcode } from './normalize'

export interface SeedTerritory {
  slug: string
  name: string
  centre: Position
  bounds: Bounds
  sortOrder: number
  /** Written next to the row in seed.sql: how the bounds were obtained. */
  note: string
}

export interface SeedCommune {
  inseeCode: string
  territorySlug: string
  name: string
  postcodes: string[]
  population: number | null
}

export const GRAND_POITIERS = 'grand-poitiers'
export const NIORT_AGGLO = 'niort-agglo'

/** Hôtel de ville, place du Maréchal-Leclerc: where a visitor expects the map to open. */
const POITIERS_CENTRE: Position = [0.3404, 46.5802]
/** Place de la Brèche, Niort. */
const NIORT_CENTRE: Position = [-0.4594, 46.3238]

/** About 1 km, so that a place drawn on the outline itself is not refused by the bounds check. */
const GRAND_POITIERS_MARGIN = 0.01
/** Niort Agglo (40 communes) reaches well beyond the features of the Niort OSM export. */
const NIORT_MARGIN = 0.15

export function grandPoitiersTerritory(epci: FeatureCollection): SeedTerritory {
  const extent = extentOf(epci.features.map((f) => f.geometry))
  const bounds = padBounds(extent, GRAND_POITIERS_MARGIN)
  return {
    slug: GRAND_POITIERS,
    name: 'Grand Poitiers',
    centre: checkedCentre(POITIERS_CENTRE, bounds, GRAND_POITIERS),
    bounds,
    sortOrder: 1,
    note:
      `extent of the CU du Grand Poitiers outline (lon ${extent.west.toFixed(4)}..${extent.east.toFixed(4)}, ` +
      `lat ${extent.south.toFixed(4)}..${extent.north.toFixed(4)}) padded by ${GRAND_POITIERS_MARGIN}°`,
  }
}

export function niortTerritory(niortOsm: FeatureCollection): SeedTerritory {
  const extent = extentOf(niortOsm.features.map((f) => f.geometry))
  const bounds = padBounds(extent, NIORT_MARGIN)
  return {
    slug: NIORT_AGGLO,
    name: 'Niort Agglo',
    centre: checkedCentre(NIORT_CENTRE, bounds, NIORT_AGGLO),
    bounds,
    sortOrder: 2,
    note:
      'APPROXIMATION: no boundary file for Niort Agglo; extent of the Niort OSM export ' +
      `(lon ${extent.west.toFixed(4)}..${extent.east.toFixed(4)}, lat ${extent.south.toFixed(4)}..${extent.north.toFixed(4)}) ` +
      `padded by ${NIORT_MARGIN}°`,
  }
}

function checkedCentre(centre: Position, bounds: Bounds, slug: string): Position {
  if (!boundsContain(bounds, centre)) throw new Error(`centre of ${slug} is outside its bounds`)
  return centre
}

/** Postcodes seen for each INSEE code in the place files; the communes file has none. */
export function collectPostcodes(
  pairs: Iterable<{ insee: unknown; postcode: unknown }>,
): Map<string, Set<string>> {
  const byInsee = new Map<string, Set<string>>()
  for (const { insee, postcode } of pairs) {
    const code = cleanLine(insee)
    const pc = normalizePostcode(postcode)
    if (!code || !pc) continue
    let set = byInsee.get(code)
    if (!set) byInsee.set(code, (set = new Set()))
    set.add(pc)
  }
  return byInsee
}

export function grandPoitiersCommunes(
  rows: readonly Record<string, string>[],
  postcodesByInsee: Map<string, Set<string>>,
): SeedCommune[] {
  return rows
    .map((row) => {
      const inseeCode = cleanLine(row.code_insee)
      const name = cleanLine(row.nom)
      if (!inseeCode || !name)
        throw new Error(`commune row without code or name: ${JSON.stringify(row)}`)
      const population = Number.parseInt(row.population_totale_2025 ?? '', 10)
      return {
        inseeCode,
        territorySlug: GRAND_POITIERS,
        name,
        postcodes: [...(postcodesByInsee.get(inseeCode) ?? [])].sort(),
        population: Number.isFinite(population) ? population : null,
      }
    })
    .sort((a, b) => (a.inseeCode < b.inseeCode ? -1 : a.inseeCode > b.inseeCode ? 1 : 0))
}

/** Niort is the only commune of Niort Agglo we hold a place file for; no population file. */
export function niortCommunes(postcodes: readonly string[]): SeedCommune[] {
  return [
    {
      inseeCode: '79191',
      territorySlug: NIORT_AGGLO,
      name: 'Niort',
      postcodes: [...new Set(postcodes)].sort(),
      population: null,
    },
  ]
}

/** Case- and accent-insensitive key, for matching commune names written differently. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/**
 * Finds the commune a point lies in, from the commune outlines. Used for La Poste rows that carry
 * a pre-2017 INSEE code of a commune since merged into a Grand Poitiers one.
 */
export function communeLocator(
  outlines: FeatureCollection,
  communes: ReadonlyMap<string, SeedCommune>,
): (point: Position) => SeedCommune | undefined {
  const rings = outlines.features.flatMap((feature) => {
    const commune = communes.get(String(feature.properties.code_insee))
    if (!commune) return []
    const polygons =
      feature.geometry.type === 'Polygon'
        ? [feature.geometry.coordinates as Position[][]]
        : feature.geometry.type === 'MultiPolygon'
          ? (feature.geometry.coordinates as Position[][][])
          : []
    return polygons.map((polygon) => ({ commune, polygon }))
  })
  return (point) =>
    rings.find(
      ({ polygon }) =>
        polygon[0] !== undefined &&
        ringContains(polygon[0], point) &&
        !polygon.slice(1).some((hole) => ringContains(hole, point)),
    )?.commune
}

/**
 * Each commune's representative point, from its outline: where the importer puts a place whose
 * address could not be placed (src/features/import-export/utils/locate-rows.ts does the same).
 */
export function communeCentres(
  outlines: FeatureCollection,
  communes: ReadonlyMap<string, SeedCommune>,
): (inseeCode: string) => Position | undefined {
  const centres = new Map<string, Position>()
  for (const feature of outlines.features) {
    const code = String(feature.properties.code_insee)
    const point = communes.has(code) ? representativePoint(feature.geometry) : null
    if (point) centres.set(code, point)
  }
  return (inseeCode) => centres.get(inseeCode)
}
