import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { FORMER_COMMUNE_NAMES } from '@/shop/former-communes'
import type { MultiPolygon, Polygon } from 'geojson'
import { SHOP_SERVICES, type ShopKind, type ShopService, type Territory } from '@/backend/types'
import { normalizeForSearch } from '@/shop/normalize-text'

/**
 * What an import is checked against: the territory and the database's reference lists, passed
 * in by the app at run time (the importers never read them from a bundled copy, so a category
 * added in the database is importable at once).
 */
export interface ImportCategory {
  slug: string
  nameFr: string
  nameEn: string
}

export interface ImportSubcategory {
  slug: string
  categorySlug: string
  nameFr: string
  nameEn: string
  /** OpenStreetMap `key=value` tags that mean this subcategory (`shop=bakery`). */
  osmTags: string[]
}

export interface ImportCommune {
  inseeCode: string
  name: string
  /** The commune's outline, when the app has it: used to clip OSM imports and locate points. */
  geometry?: Polygon | MultiPolygon
}

/**
 * Treated as immutable: lookups are indexed once per catalog object (see `indexOf`), so a
 * changed list needs a new catalog object, as a refetch gives.
 */
export interface ImportCatalog {
  territory: Territory
  categories: ImportCategory[]
  subcategories: ImportSubcategory[]
  communes: ImportCommune[]
}

/**
 * The key names are compared on: case, accents, ligatures, punctuation and spaces do not count,
 * so "Sous-catégorie", "sous categorie" and "SOUS_CATÉGORIE" are one key.
 */
export function compactKey(text: string): string {
  return normalizeForSearch(text).replace(/[^a-z0-9]+/g, '')
}

/**
 * Commune names are also written with "St"/"Ste" for "Saint"/"Sainte" (La Poste, OSM `addr:city`).
 */
function communeKey(name: string): string {
  return normalizeForSearch(name)
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/[^a-z0-9]+/g, '')
}

/** French labels of the kinds of place, as the questionnaire and the exports write them. */
export const KIND_LABELS_FR: Record<ShopKind, string> = {
  commercant: 'Commerçant',
  artisan: 'Artisan',
  producteur: 'Producteur',
  marche: 'Marché',
  service_public: 'Service public',
}

/**
 * Words accepted for each kind. Plurals and the activity's name are accepted because curators
 * answer "what is it?" as often as "who is it?" ("commerce", "artisanat").
 */
const KIND_SYNONYMS: Record<ShopKind, readonly string[]> = {
  // The 2020 questionnaires' "Vous êtes" answers: "Commerçant(e)", "Producteur / productrice".
  commercant: [
    'commerçant',
    'commerçants',
    'commerçante',
    'commerçant(e)',
    'commerce',
    'boutique',
    'magasin',
  ],
  artisan: ['artisan', 'artisans', 'artisane', 'artisan(e)', 'artisanat'],
  producteur: [
    'producteur',
    'producteurs',
    'productrice',
    'producteur(trice)',
    'producteur / productrice',
    'producteur local',
    'agriculteur',
    'exploitant agricole',
  ],
  marche: ['marché', 'marchés', 'marché de plein vent', 'halles'],
  service_public: ['service public', 'services publics', 'administration'],
}

/** The canonical French label of each service, as the template and the exports write them. */
export const SERVICE_LABELS_FR: Record<ShopService, string> = {
  click_and_collect: 'Click and collect',
  delivery: 'Livraison',
  shipping: 'Envoi postal',
  gift_cards: 'Bons d’achat',
  visit_by_appointment: 'Visite sur rendez-vous',
  remote_ordering: 'Commande à distance',
  in_store: 'Accueil en magasin',
}

/**
 * Labels accepted for each service, besides the code itself and the canonical label. They are
 * the wordings of the November 2020 directories and of their questionnaires; each one names a
 * single service, so that no label is ever read as two. "À emporter" is click and collect
 * because that is what takeaway meant when shops were closed to the public: order, then collect
 * at the door. "Sur place" alone is left out: it may mean collection or a shop open to the public.
 */
const SERVICE_SYNONYMS: Record<ShopService, readonly string[]> = {
  click_and_collect: [
    'click and collect',
    'click & collect',
    'click n collect',
    'cliquer et retirer',
    'retrait en magasin',
    'retrait en boutique',
    'retrait sur place',
    'retrait des commandes',
    'retrait',
    'drive',
    // Producers' baskets of 2020: ordered ahead, collected at the farm or a drop point.
    'paniers',
    'panier',
    'vente de paniers',
    'à emporter',
    'vente à emporter',
  ],
  delivery: ['livraison', 'livraisons', 'livraison à domicile', 'livre à domicile', 'livré'],
  shipping: [
    'envoi postal',
    'envoi',
    'envois',
    'expédition',
    'expéditions',
    'envoi par la poste',
    'envoi par colis',
    'colis',
  ],
  gift_cards: [
    'bons d’achat',
    'bon d’achat',
    'cartes cadeaux',
    'carte cadeau',
    'cartes cadeau',
    'bons cadeaux',
    'bon cadeau',
    'chèques cadeaux',
    'chèque cadeau',
  ],
  visit_by_appointment: [
    'visite sur rendez-vous',
    'visites sur rendez-vous',
    'sur rendez-vous',
    'rendez-vous',
    'sur rdv',
    'rdv',
  ],
  remote_ordering: [
    'commande à distance',
    'commande à distance (téléphone, site)',
    'commande par téléphone',
    'commande en ligne',
    'commande par internet',
    'vente à distance',
    'vente en ligne',
    'par téléphone',
    'vente par téléphone',
    'commande téléphonique',
  ],
  in_store: [
    'accueil en magasin',
    'accueil en boutique',
    'ouvert en magasin',
    'ouvert en boutique',
    'vente en magasin',
    'en magasin',
    'accueil du public',
    // A farm shop selling on the farm: customers come in, as to a shop.
    'vente à la ferme',
    'vente directe à la ferme',
  ],
}

/** Lookups built once per catalog (a file of 5,000 rows resolves 5,000 categories). */
interface CatalogIndex {
  categoryByKey: Map<string, ImportCategory>
  subcategoryByKey: Map<string, ImportSubcategory[]>
  /** Single parts of subcategory names ("Boulangerie" of "Boulangerie, pâtisserie"). */
  subcategoryByPart: Map<string, ImportSubcategory[]>
  subcategoryByOsmTag: Map<string, ImportSubcategory>
  communeByInsee: Map<string, ImportCommune>
  communeByName: Map<string, ImportCommune>
  outlines: { commune: ImportCommune; bbox: [number, number, number, number] }[]
  everyCommuneHasOutline: boolean
}

const indexes = new WeakMap<ImportCatalog, CatalogIndex>()

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) {
    if (!list.includes(value)) list.push(value)
  } else map.set(key, [value])
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  for (const polygon of polygons) {
    for (const [lon = NaN, lat = NaN] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lon)
      box[1] = Math.min(box[1], lat)
      box[2] = Math.max(box[2], lon)
      box[3] = Math.max(box[3], lat)
    }
  }
  return box
}

function indexOf(catalog: ImportCatalog): CatalogIndex {
  const cached = indexes.get(catalog)
  if (cached) return cached
  const index: CatalogIndex = {
    categoryByKey: new Map(),
    subcategoryByKey: new Map(),
    subcategoryByPart: new Map(),
    subcategoryByOsmTag: new Map(),
    communeByInsee: new Map(),
    communeByName: new Map(),
    outlines: [],
    everyCommuneHasOutline: catalog.communes.length > 0,
  }
  for (const category of catalog.categories) {
    for (const text of [category.slug, category.nameFr, category.nameEn]) {
      const key = compactKey(text)
      if (key && !index.categoryByKey.has(key)) index.categoryByKey.set(key, category)
    }
  }
  for (const sub of catalog.subcategories) {
    for (const text of [sub.slug, sub.nameFr, sub.nameEn]) {
      const key = compactKey(text)
      if (key) pushTo(index.subcategoryByKey, key, sub)
    }
    for (const part of sub.nameFr.split(/,| et /)) {
      const key = compactKey(part)
      if (key) pushTo(index.subcategoryByPart, key, sub)
    }
    // The first subcategory listing a tag wins, as in the seed generator.
    for (const tag of sub.osmTags) {
      if (!index.subcategoryByOsmTag.has(tag)) index.subcategoryByOsmTag.set(tag, sub)
    }
  }
  for (const commune of catalog.communes) {
    index.communeByInsee.set(commune.inseeCode.toUpperCase(), commune)
    const key = communeKey(commune.name)
    if (key && !index.communeByName.has(key)) index.communeByName.set(key, commune)
  }
  // The old names of merged communes, after every current name (a current name always wins).
  for (const commune of catalog.communes) {
    for (const former of FORMER_COMMUNE_NAMES.get(commune.inseeCode) ?? []) {
      const key = communeKey(former)
      if (key && !index.communeByName.has(key)) index.communeByName.set(key, commune)
    }
  }
  for (const commune of catalog.communes) {
    if (commune.geometry) index.outlines.push({ commune, bbox: bboxOf(commune.geometry) })
    else index.everyCommuneHasOutline = false
  }
  indexes.set(catalog, index)
  return index
}

/** A category from its slug, French or English name (accents, case and spacing ignored). */
export function resolveCategory(catalog: ImportCatalog, text: string): ImportCategory | null {
  const key = compactKey(text)
  return key ? (indexOf(catalog).categoryByKey.get(key) ?? null) : null
}

/**
 * A subcategory from its slug or name, or from one part of its name ("Pâtisserie" for
 * "Boulangerie, pâtisserie") when that part belongs to one subcategory only. `categorySlug`
 * narrows the search to one category, so that a name shared by two categories is not ambiguous
 * once the category is known.
 */
export function resolveSubcategory(
  catalog: ImportCatalog,
  text: string,
  categorySlug?: string | null,
): ImportSubcategory | null {
  const key = compactKey(text)
  if (!key) return null
  const index = indexOf(catalog)
  for (const map of [index.subcategoryByKey, index.subcategoryByPart]) {
    const found = (map.get(key) ?? []).filter(
      (sub) => !categorySlug || sub.categorySlug === categorySlug,
    )
    if (found.length === 1) return found[0]!
    if (found.length > 1) return null
  }
  return null
}

/** The subcategories of a category, for messages that list the valid choices. */
export function subcategoriesOf(catalog: ImportCatalog, categorySlug: string): ImportSubcategory[] {
  return catalog.subcategories.filter((sub) => sub.categorySlug === categorySlug)
}

const kindByKey = new Map<string, ShopKind>()
for (const [kind, words] of Object.entries(KIND_SYNONYMS) as [ShopKind, readonly string[]][]) {
  for (const word of [kind, KIND_LABELS_FR[kind], ...words]) kindByKey.set(compactKey(word), kind)
}

/** A kind of place from a French word ("commerçant", "Marché", "service public") or its code. */
export function resolveKind(text: string): ShopKind | null {
  const key = compactKey(text)
  return key ? (kindByKey.get(key) ?? null) : null
}

const serviceByKey = new Map<string, ShopService>()
for (const service of SHOP_SERVICES) {
  for (const label of [service, SERVICE_LABELS_FR[service], ...SERVICE_SYNONYMS[service]]) {
    serviceByKey.set(compactKey(label), service)
  }
}

/** A service from one French label or its code; null when the label names none. */
export function resolveService(label: string): ShopService | null {
  const key = compactKey(label)
  return key ? (serviceByKey.get(key) ?? null) : null
}

/** Every label `resolveService` accepts for a service (documentation, template, tests). */
export function serviceSynonyms(service: ShopService): readonly string[] {
  return [SERVICE_LABELS_FR[service], ...SERVICE_SYNONYMS[service]]
}

/** `86194`, `2A004`: the shape of an INSEE commune code. */
export const INSEE_CODE_PATTERN = /^(?:[0-9]{2}|2A|2B)[0-9]{3}$/

/**
 * A commune of the territory from its INSEE code or its name ("St-Benoît" = "Saint-Benoît"), or
 * the old name of a commune merged into it ("Jaunay-Clan" = Jaunay-Marigny).
 */
export function resolveCommune(catalog: ImportCatalog, text: string): ImportCommune | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  const index = indexOf(catalog)
  const byCode = index.communeByInsee.get(trimmed.toUpperCase())
  if (byCode) return byCode
  const key = communeKey(trimmed)
  return key ? (index.communeByName.get(key) ?? null) : null
}

/** The commune whose outline holds the point, when the catalog has outlines. */
export function communeAt(catalog: ImportCatalog, lon: number, lat: number): ImportCommune | null {
  for (const { commune, bbox } of indexOf(catalog).outlines) {
    // The bounding box first: most outlines are ruled out without walking their rings.
    if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) continue
    if (booleanPointInPolygon([lon, lat], commune.geometry!)) return commune
  }
  return null
}

/**
 * Whether clipping to the communes' outlines is possible: only when every commune has one, since
 * a point in a commune without an outline must not be taken for a point outside the territory.
 */
export function hasCommuneOutlines(catalog: ImportCatalog): boolean {
  return indexOf(catalog).everyCommuneHasOutline
}

/** Whether the point is within the territory's bounding box ([west, south, east, north]). */
export function inTerritoryBounds(catalog: ImportCatalog, lon: number, lat: number): boolean {
  const [west, south, east, north] = catalog.territory.bounds
  return lon >= west && lon <= east && lat >= south && lat <= north
}

/** The OSM keys that say what a place is, most telling first (as the seed generator reads them). */
export const OSM_CATEGORY_KEYS = [
  'amenity',
  'shop',
  'tourism',
  'craft',
  'healthcare',
  'social_facility',
  'post_office',
] as const

/** The subcategory an OSM object's tags mean, from the catalog's `osmTags`. */
export function subcategoryForOsmTags(
  catalog: ImportCatalog,
  tags: Readonly<Record<string, unknown>>,
): ImportSubcategory | null {
  const byTag = indexOf(catalog).subcategoryByOsmTag
  for (const key of OSM_CATEGORY_KEYS) {
    const value = tags[key]
    if (typeof value !== 'string') continue
    // `shop=bakery;pastry`: OSM's way of giving several values.
    for (const part of value.split(';')) {
      const found = byTag.get(`${key}=${part.trim()}`)
      if (found) return found
    }
  }
  return null
}
