import type { Feature, FeatureCollection, Point } from 'geojson'
import type { Shop, ShopStatus } from '@/backend/types'
import { formatCsv } from './csv-format'
import { KIND_LABELS_FR, SERVICE_LABELS_FR } from './import-catalog'
import {
  EXPORT_STATUS_HEADERS,
  QUESTIONNAIRE_COLUMNS,
  type QuestionnaireField,
} from './questionnaire-csv'

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

export const EXPORT_LICENCE = 'ODbL-1.0'

/** The credit line of an export, owed to OpenStreetMap's contributors and the territory. */
export function exportAttribution(territoryName: string): string {
  return `© les contributeurs OpenStreetMap, ${territoryName} — données Vitrine`
}

export interface ShopFeatureProperties {
  id: string
  name: string
  kind: Shop['kind']
  categorySlug: string
  subcategorySlug: string | null
  description: string | null
  address: string | null
  postcode: string | null
  communeInsee: string | null
  communeName: string | null
  phone: string | null
  email: string | null
  website: string | null
  socialLinks: string[]
  openingHours: string | null
  openingHoursNote: string | null
  orderingInstructions: string | null
  services: Shop['services']
  status: ShopStatus
  statusMessage: string | null
  closedUntil: string | null
  statusUpdatedAt: string | null
  published: boolean
  source: string
  sourceRef: string | null
  sourceAttribution: string | null
  updatedAt: string
}

/**
 * GeoJSON has no place for a dataset's licence; `properties` on the collection is a "foreign
 * member" (RFC 7946 §6.1), which readers keep and ignore, and where data portals look.
 */
export type ShopsFeatureCollection = FeatureCollection<Point, ShopFeatureProperties> & {
  properties: {
    territory: string
    licence: string
    attribution: string
    generatedAt: string
  }
}

/** The GeoJSON export: one point per shop, every field but the internal creation date. */
export function shopsToGeoJson(
  shops: readonly Shop[],
  options: { territoryName: string; generatedAt: string },
): ShopsFeatureCollection {
  return {
    type: 'FeatureCollection',
    properties: {
      territory: options.territoryName,
      licence: EXPORT_LICENCE,
      attribution: exportAttribution(options.territoryName),
      generatedAt: options.generatedAt,
    },
    features: shops.map((shop): Feature<Point, ShopFeatureProperties> => ({
      type: 'Feature',
      id: shop.id,
      geometry: { type: 'Point', coordinates: [shop.location.lon, shop.location.lat] },
      properties: {
        id: shop.id,
        name: shop.name,
        kind: shop.kind,
        categorySlug: shop.categorySlug,
        subcategorySlug: shop.subcategorySlug,
        description: shop.description,
        address: shop.address,
        postcode: shop.postcode,
        communeInsee: shop.communeInsee,
        communeName: shop.communeName,
        phone: shop.phone,
        email: shop.email,
        website: shop.website,
        socialLinks: [...shop.socialLinks],
        openingHours: shop.openingHours,
        openingHoursNote: shop.openingHoursNote,
        orderingInstructions: shop.orderingInstructions,
        services: [...shop.services],
        status: shop.status,
        statusMessage: shop.statusMessage,
        closedUntil: shop.closedUntil,
        statusUpdatedAt: shop.statusUpdatedAt,
        published: shop.published,
        source: shop.source,
        sourceRef: shop.sourceRef,
        sourceAttribution: shop.sourceAttribution,
        updatedAt: shop.updatedAt,
      },
    })),
  }
}
