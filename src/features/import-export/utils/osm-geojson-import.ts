import type { ShopKind, ShopService } from '@/backend/types'
import { SHOP_LIMITS, charLength, isEmail } from '@/shop/shop-rules'
import {
  communeAt,
  compactKey,
  hasCommuneOutlines,
  inTerritoryBounds,
  OSM_CATEGORY_KEYS,
  resolveCommune,
  subcategoryForOsmTags,
  type ImportCatalog,
} from '@/features/import-export/utils/import-catalog'
import { distanceMetres, representativePoint, type Position } from '@/shop/place-geometry'
import { readOsmHours } from '@/features/import-export/utils/import-hours'
import {
  cleanLine,
  normalizePhone,
  normalizePostcode,
  normalizeUrl,
  visibleLine,
} from '@/features/import-export/utils/import-normalize'
import type {
  ImportIssue,
  ImportRow,
  ParsedImport,
} from '@/features/import-export/utils/import-row'

/**
 * Reads an OpenStreetMap export in GeoJSON, as Overpass turbo and osmtogeojson write it
 * (supabase/data/poi/osm-niort-79-2019-overpass.geojson): one feature per OSM object, its id in
 * `properties['@id']` or `feature.id` ("node/123"), its tags as properties (or under
 * `properties.tags` in older osmtogeojson output), points for nodes and polygons, lines or
 * Overpass `center` points for ways.
 *
 * What is not imported is `skipped` with its reason, not an error: an OSM extract always holds
 * objects that are not shops (recycling bins, defibrillators), unnamed ones, and objects beyond
 * the territory, and the curator cannot "fix" them in the file. Errors are for a file that cannot
 * be read at all; warnings for a value dropped or kept as a note.
 *
 * Mapping decisions:
 * - kind: `craft=*` → artisan; `amenity=marketplace` → marché; `shop=farm` → producteur; post
 *   offices, libraries, toy libraries and town halls → service public (the seed generator files
 *   La Poste and the public libraries so); everything else → commerçant.
 * - services: `delivery=yes|only` → delivery. `takeaway=yes` is not click and collect: it says a
 *   fast food sells food to take away at the counter, not that orders can be placed ahead and
 *   collected, and Vitrine's services describe what the shop offers now, which the merchant
 *   ticks. Payment, wheelchair and other tags are ignored.
 * - description: OSM `description` tags are mostly notes to other mappers; not imported.
 * - the same object twice (overlapping Overpass layers: a pharmacy that also has a
 *   defibrillator) gives one row; a node and a building outline with the same name within 150 m
 *   are one place mapped twice, and the node is kept (it is where the mapper put the shop; the
 *   outline usually comes from the cadastre import).
 */

export interface OsmSkipped {
  /** The feature's index + 1. */
  line: number
  osmId: string | null
  reason: string
}

export type ParsedOsmImport = ParsedImport & { skipped: OsmSkipped[] }

/** Two features this close with the same name are one place mapped twice (node + building). */
const DUPLICATE_DISTANCE_METRES = 150

const OSM_ID = /^(node|way|relation)\/[0-9]+$/
const PUBLIC_SERVICE_AMENITIES = new Set(['post_office', 'library', 'toy_library', 'townhall'])
const SOCIAL_TAGS = [
  'contact:facebook',
  'facebook',
  'contact:instagram',
  'instagram',
  'contact:twitter',
  'contact:linkedin',
  'contact:youtube',
]

type Tags = Record<string, string>

export function kindForOsmTags(tags: Readonly<Tags>): ShopKind {
  if (tags.amenity === 'marketplace') return 'marche'
  if (tags.shop === 'farm') return 'producteur'
  if (tags.craft) return 'artisan'
  if (tags.amenity && PUBLIC_SERVICE_AMENITIES.has(tags.amenity)) return 'service_public'
  return 'commercant'
}

export function servicesForOsmTags(tags: Readonly<Tags>): ShopService[] {
  return tags.delivery === 'yes' || tags.delivery === 'only' ? ['delivery'] : []
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The OSM id of a feature, in `type/number` form, or null. */
function osmIdOf(
  feature: Record<string, unknown>,
  properties: Record<string, unknown>,
): string | null {
  for (const candidate of [properties['@id'], feature.id, properties.id]) {
    if (typeof candidate === 'string' && OSM_ID.test(candidate.trim())) return candidate.trim()
  }
  // osmtogeojson's older output: `type: "node", id: 123` in the properties.
  const { type, id } = properties
  if (typeof type === 'string' && (typeof id === 'number' || typeof id === 'string')) {
    const joined = `${type}/${id}`
    if (OSM_ID.test(joined)) return joined
  }
  return null
}

/** The tags: the properties minus the exporters' own (`@id`, `@geometry`, `_source_layer`…). */
function tagsOf(properties: Record<string, unknown>): Tags {
  const source = isObject(properties.tags) ? properties.tags : properties
  const tags: Tags = {}
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('@') || key.startsWith('_')) continue
    if (source === properties && (key === 'id' || key === 'tags')) continue
    if (typeof value === 'string') tags[key] = value
    else if (typeof value === 'number') tags[key] = String(value)
  }
  return tags
}

/** The tags that say what the object is, for the "not recognised" reason. */
function describeTags(tags: Tags): string {
  const telling = OSM_CATEGORY_KEYS.filter((key) => tags[key]).map((key) => `${key}=${tags[key]}`)
  return telling.length > 0
    ? `étiquettes non reconnues (${telling.join(', ')})`
    : 'étiquettes non reconnues (ni amenity, ni shop, ni craft…)'
}

/** Cut at a word boundary to fit a column, marking the cut. */
function fitText(value: string, max: number): string {
  if (charLength(value) <= max) return value
  const cut = [...value].slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** The first value of a multi-valued tag (`a;b`), cleaned. */
function firstValue(value: string | undefined): { value: string; several: boolean } | null {
  const text = cleanLine(value)
  if (!text) return null
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
  return parts.length > 0 ? { value: parts[0]!, several: parts.length > 1 } : null
}

function tagOf(tags: Tags, ...keys: string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const value = cleanLine(tags[key])
    if (value) return { key, value }
  }
  return null
}

interface Candidate {
  row: ImportRow
  issues: ImportIssue[]
  point: Position
  nameKey: string
}

function buildRow(
  catalog: ImportCatalog,
  line: number,
  osmId: string,
  tags: Tags,
  name: string,
  point: Position,
  nameHadInvisible: boolean,
): Candidate {
  const issues: ImportIssue[] = []
  const warn = (field: string, message: string) =>
    issues.push({ line, field, severity: 'warning', message })
  const subcategory = subcategoryForOsmTags(catalog, tags)!
  // Names, addresses and communes are held to the database's `private.is_visible_text`: what
  // it refuses (controls, bidirectional formatting, zero-width) is removed, and the curator told.
  const invisibleRemoved = (key: string) =>
    warn(key, `Caractères invisibles ou de contrôle retirés de ${key}.`)
  const visibleTag = (...keys: string[]): { key: string; value: string } | null => {
    for (const key of keys) {
      const { text, removed } = visibleLine(tags[key])
      if (removed) invisibleRemoved(key)
      if (text) return { key, value: text }
    }
    return null
  }
  if (nameHadInvisible) invisibleRemoved('name')

  let shopName = name
  if (charLength(name) > SHOP_LIMITS.name) {
    shopName = fitText(name, SHOP_LIMITS.name)
    warn('name', `Nom raccourci à ${SHOP_LIMITS.name} caractères.`)
  }

  const street = visibleTag('addr:street', 'addr:place')?.value ?? null
  const houseNumber = visibleTag('addr:housenumber')?.value ?? null
  const address = street
    ? fitText([houseNumber, street].filter(Boolean).join(' '), SHOP_LIMITS.address)
    : null

  let postcode: string | null = null
  const postcodeTag = tagOf(tags, 'addr:postcode')
  if (postcodeTag) {
    const result = normalizePostcode(postcodeTag.value)
    // A four-digit postcode in OSM is not a French one with its zero lost: it is not padded.
    if (result.kind === 'ok' && !result.padded) postcode = result.postcode
    else warn(postcodeTag.key, `Code postal ${postcodeTag.value} ignoré : 5 chiffres attendus.`)
  }

  const city = visibleTag('addr:city')?.value ?? null
  const commune =
    (city ? resolveCommune(catalog, city) : null) ?? communeAt(catalog, point[0], point[1])
  const communeName = commune?.name ?? (city ? fitText(city, SHOP_LIMITS.communeName) : null)

  let phone: string | null = null
  const phoneTag = tagOf(tags, 'phone', 'contact:phone', 'contact:mobile', 'mobile')
  if (phoneTag) {
    const result = normalizePhone(phoneTag.value)
    if (result.kind === 'ok') {
      phone = result.phone
      if (result.note === 'first-of-several') {
        warn(phoneTag.key, `Plusieurs numéros : seul le premier (${phone}) est gardé.`)
      }
    } else warn(phoneTag.key, `Téléphone illisible « ${phoneTag.value} » : ignoré.`)
  }

  let email: string | null = null
  const emailTag = tagOf(tags, 'email', 'contact:email')
  const emailValue = firstValue(emailTag?.value)
  if (emailTag && emailValue) {
    if (isEmail(emailValue.value)) email = emailValue.value
    else warn(emailTag.key, `Adresse e-mail invalide « ${emailValue.value} » : ignorée.`)
  }

  let website: string | null = null
  const websiteTag = tagOf(tags, 'website', 'contact:website', 'url')
  const websiteValue = firstValue(websiteTag?.value)
  if (websiteTag && websiteValue) {
    const result = normalizeUrl(websiteValue.value)
    if (result.kind === 'ok') {
      website = result.url
      if (result.schemeAdded) {
        warn(websiteTag.key, `« https:// » ajouté devant « ${websiteValue.value} ».`)
      }
    } else warn(websiteTag.key, `Site invalide « ${websiteValue.value} » : ignoré.`)
  }

  const socialLinks: string[] = []
  for (const key of SOCIAL_TAGS) {
    const value = firstValue(tags[key])
    if (!value) continue
    const result = normalizeUrl(value.value)
    // `contact:facebook=PageName` is not a link; only addresses are imported.
    if (result.kind !== 'ok') {
      warn(key, `Lien « ${value.value} » ignoré : ce n’est pas une adresse web.`)
      continue
    }
    if (!socialLinks.includes(result.url) && socialLinks.length < SHOP_LIMITS.socialLinks) {
      socialLinks.push(result.url)
    }
  }

  let openingHours: string | null = null
  let openingHoursNote: string | null = null
  const hoursTag = tagOf(tags, 'opening_hours')
  if (hoursTag) {
    const reading = readOsmHours(hoursTag.value)
    if (reading.kind === 'note') {
      openingHoursNote = fitText(reading.note, SHOP_LIMITS.openingHoursNote)
      warn('opening_hours', `Horaires gardés en note : ${reading.reason}`)
    } else openingHours = reading.openingHours
  }

  return {
    row: {
      line,
      sourceRef: osmId,
      kind: kindForOsmTags(tags),
      name: shopName,
      categorySlug: subcategory.categorySlug,
      subcategorySlug: subcategory.slug,
      description: null,
      address,
      postcode,
      communeInsee: commune?.inseeCode ?? null,
      communeName,
      lon: point[0],
      lat: point[1],
      phone,
      email,
      website,
      socialLinks,
      openingHours,
      openingHoursNote,
      orderingInstructions: null,
      services: servicesForOsmTags(tags),
    },
    issues,
    point,
    nameKey: compactKey(name),
  }
}

function fileError(message: string): ParsedOsmImport {
  // Line 0: the file as a whole (feature lines start at 1).
  return { rows: [], issues: [{ line: 0, field: null, severity: 'error', message }], skipped: [] }
}

export function parseOsmGeoJson(text: string, catalog: ImportCatalog): ParsedOsmImport {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (thrown) {
    const detail = thrown instanceof Error ? ` (${thrown.message})` : ''
    return fileError(`Ce fichier n’est pas du JSON valide${detail}.`)
  }
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return fileError(
      'Ce fichier n’est pas une FeatureCollection GeoJSON : exportez les données depuis ' +
        'Overpass turbo (Exporter → GeoJSON).',
    )
  }

  const territory = catalog.territory.name
  const clipToCommunes = hasCommuneOutlines(catalog)
  const skipped: OsmSkipped[] = []
  const candidates: Candidate[] = []
  const lineOfId = new Map<string, number>()

  for (const [index, feature] of data.features.entries()) {
    const line = index + 1
    if (!isObject(feature) || !isObject(feature.properties)) {
      skipped.push({ line, osmId: null, reason: 'élément illisible (ni objet ni propriétés)' })
      continue
    }
    const osmId = osmIdOf(feature, feature.properties)
    const skip = (reason: string) => skipped.push({ line, osmId, reason })
    if (!osmId) {
      skip('identifiant OpenStreetMap absent (node/…, way/…)')
      continue
    }
    // The territory first: beyond it, what the object is (or whether it was seen) does not matter.
    const point = representativePoint(feature.geometry)
    if (!point) {
      skip('géométrie absente ou illisible')
      continue
    }
    if (!inTerritoryBounds(catalog, point[0], point[1])) {
      skip(`hors du territoire ${territory}`)
      continue
    }
    if (clipToCommunes && !communeAt(catalog, point[0], point[1])) {
      skip(`hors des communes du territoire ${territory}`)
      continue
    }
    const first = lineOfId.get(osmId)
    if (first !== undefined) {
      skip(`même objet que la ligne ${first} (couches Overpass superposées)`)
      continue
    }
    lineOfId.set(osmId, line)

    const tags = tagsOf(feature.properties)
    if (!subcategoryForOsmTags(catalog, tags)) {
      skip(describeTags(tags))
      continue
    }
    const { text: name, removed } = visibleLine(tags.name)
    if (!name) {
      // Listing an unnamed place would mean inventing a name for it.
      skip('sans nom')
      continue
    }
    candidates.push(buildRow(catalog, line, osmId, tags, name, point, removed))
  }

  // Node over outline: nodes by name, then each other object looks for a namesake node nearby.
  const nodesByName = new Map<string, Candidate[]>()
  for (const candidate of candidates) {
    if (!candidate.row.sourceRef.startsWith('node/')) continue
    const list = nodesByName.get(candidate.nameKey)
    if (list) list.push(candidate)
    else nodesByName.set(candidate.nameKey, [candidate])
  }
  const rows: ImportRow[] = []
  const issues: ImportIssue[] = []
  for (const candidate of candidates) {
    const twin = candidate.row.sourceRef.startsWith('node/')
      ? undefined
      : nodesByName
          .get(candidate.nameKey)
          ?.find((node) => distanceMetres(node.point, candidate.point) <= DUPLICATE_DISTANCE_METRES)
    if (twin) {
      skipped.push({
        line: candidate.row.line,
        osmId: candidate.row.sourceRef,
        reason: `même lieu que ${twin.row.sourceRef} (ligne ${twin.row.line}), gardé comme point`,
      })
      continue
    }
    rows.push(candidate.row)
    issues.push(...candidate.issues)
  }
  skipped.sort((a, b) => a.line - b.line)
  return { rows, issues, skipped }
}
