import type { Feature, FeatureCollection, Point } from 'geojson'
import type { Shop, ShopStatus } from '@/backend/types'
import { formatCsv } from '@/features/import-export/utils/csv-format'
import { KIND_LABELS_FR, SERVICE_LABELS_FR } from '@/features/import-export/utils/import-catalog'
import {
  EXPORT_STATUS_HEADERS,
  QUESTIONNAIRE_COLUMNS,
  type QuestionnaireField,
} from '@/features/import-export/utils/questionnaire-csv'

/**
 * Exports of a territory's shops. The CSV has the questionnaire's columns first, with the same
 * headers and the same spellings (French labels for kind and services, hours in OSM syntax or the
 * note), so that a curator can edit an export in a spreadsheet and import it again; the status
 * columns follow, which the importer knows and ignores.
 */

export const STATUS_LABELS_FR: Record<ShopStatus, string> = {
  open: 'Ouvert',
  closed: 'Fermé',
  unknown: 'Inconnu',
}

export interface ShopsCsvOptions {
  territoryName: string
  categories: readonly { slug: string; nameFr: string }[]
  /** Subcategory names; without them the slug is written (the importer reads slugs too). */
  subcategories?: readonly { slug: string; nameFr: string }[]
}

/** Seven decimals: about a centimetre, more than any source measures. */
function coordinate(value: number): string {
  return String(Math.round(value * 1e7) / 1e7)
}

/**
 * The shop's key for a re-import: its source key, else its id. The id is stable, so editing the
 * export and importing it again updates the same shops.
 */
function identifier(shop: Shop): string {
  return shop.sourceRef ?? shop.id
}

/**
 * The CSV export: UTF-8 with BOM, ';', CRLF. Cells that a spreadsheet would run as a formula are
 * neutralised with a leading apostrophe, except values made only of digits and `+ - . , ( ) /`
 * (phone numbers, negative longitudes), which cannot call anything and are written unchanged,
 * quoted when they start with `+` (see csv-format.ts). `territoryName` is not a column: every row
 * is of the one territory, and the caller names the file after it.
 */
export function shopsToCsv(shops: readonly Shop[], options: ShopsCsvOptions): string {
  const categoryNames = new Map(options.categories.map((c) => [c.slug, c.nameFr]))
  const subcategoryNames = new Map((options.subcategories ?? []).map((s) => [s.slug, s.nameFr]))
  const cell = (shop: Shop, field: QuestionnaireField): string => {
    switch (field) {
      case 'sourceRef':
        return identifier(shop)
      case 'name':
        return shop.name
      case 'kind':
        return KIND_LABELS_FR[shop.kind]
      case 'category':
        return categoryNames.get(shop.categorySlug) ?? shop.categorySlug
      case 'subcategory':
        return shop.subcategorySlug
          ? (subcategoryNames.get(shop.subcategorySlug) ?? shop.subcategorySlug)
          : ''
      case 'address':
        return shop.address ?? ''
      case 'postcode':
        return shop.postcode ?? ''
      case 'commune':
        return shop.communeName ?? ''
      case 'communeInsee':
        return shop.communeInsee ?? ''
      case 'lat':
        return coordinate(shop.location.lat)
      case 'lon':
        return coordinate(shop.location.lon)
      case 'phone':
        return shop.phone ?? ''
      case 'email':
        return shop.email ?? ''
      case 'website':
        return shop.website ?? ''
      case 'socialLinks':
        return shop.socialLinks.join(' | ')
      case 'hours':
        // The note is the text the questionnaire gave; re-imported, it is a note again.
        return shop.openingHours ?? shop.openingHoursNote ?? ''
      case 'services':
        return shop.services.map((s) => SERVICE_LABELS_FR[s]).join(', ')
      case 'orderingInstructions':
        return shop.orderingInstructions ?? ''
      case 'description':
        return shop.description ?? ''
    }
  }
  const statusCells = (shop: Shop): string[] => [
    STATUS_LABELS_FR[shop.status],
    shop.statusMessage ?? '',
    shop.closedUntil ?? '',
    shop.statusUpdatedAt ?? '',
    shop.published ? 'oui' : 'non',
    shop.source,
    shop.sourceAttribution ?? '',
  ]
  return formatCsv([
    [...QUESTIONNAIRE_COLUMNS.map((c) => c.header), ...EXPORT_STATUS_HEADERS],
    ...shops.map((shop) => [
      ...QUESTIONNAIRE_COLUMNS.map((c) => cell(shop, c.field)),
      ...statusCells(shop),
    ]),
  ])
}

/**
 * The open data's licence and credits, as the public `published_shops_geojson` function writes
 * them (tests/supabase/open-data-parity.test.ts keeps both the same).
 */
export const OPEN_DATA_LICENSE = 'ODbL-1.0'

/** The credit line of the open data, owed to OpenStreetMap's contributors and each source. */
export function exportAttribution(territoryName: string): string {
  return `Vitrine — ${territoryName} ; © OpenStreetMap contributors (ODbL 1.0) et les sources indiquées pour chaque lieu`
}

/** A published place as open data: the properties `published_shops_geojson` writes. */
export interface OpenDataProperties {
  id: string
  name: string
  kind: Shop['kind']
  category: string
  subcategory: string | null
  address: string | null
  postcode: string | null
  commune: string | null
  phone: string | null
  email: string | null
  website: string | null
  opening_hours: string | null
  services: Shop['services'][number][]
  status: ShopStatus
  status_updated_at: string | null
  source: string
  source_attribution: string | null
}

/**
 * The open data of a territory, in the one shape the public function serves (`name`, `license`
 * and `attribution` beside the features, as data portals read them): the curators' button writes
 * the same file as anyone gets from the API.
 */
export type OpenDataCollection = FeatureCollection<Point, OpenDataProperties> & {
  name: string
  license: string
  attribution: string
}

/** The GeoJSON export: one point per published place, as `published_shops_geojson`. */
export function shopsToGeoJson(
  shops: readonly Shop[],
  territory: { slug: string; name: string },
): OpenDataCollection {
  return {
    type: 'FeatureCollection',
    name: territory.slug,
    license: OPEN_DATA_LICENSE,
    attribution: exportAttribution(territory.name),
    features: shops
      .filter((shop) => shop.published)
      .map((shop): Feature<Point, OpenDataProperties> => ({
        type: 'Feature',
        id: shop.id,
        geometry: { type: 'Point', coordinates: [shop.location.lon, shop.location.lat] },
        properties: {
          id: shop.id,
          name: shop.name,
          kind: shop.kind,
          category: shop.categorySlug,
          subcategory: shop.subcategorySlug,
          address: shop.address,
          postcode: shop.postcode,
          commune: shop.communeName,
          phone: shop.phone,
          email: shop.email,
          website: shop.website,
          opening_hours: shop.openingHours,
          services: [...shop.services],
          status: shop.status,
          status_updated_at: shop.statusUpdatedAt,
          source: shop.source,
          source_attribution: shop.sourceAttribution,
        },
      })),
  }
}
