import { SHOP_SERVICES, type ShopKind, type ShopService } from '@/backend/types'
import {
  MESSAGES,
  SHOP_LIMITS,
  charLength,
  isEmail,
  isVisibleText,
  validateShopField,
} from '@/shop/shop-rules'
import { parseCsv, type CsvDelimiter } from '@/lib/csv-parse'
import { formatCsv, restoreNeutralized } from '@/features/import-export/utils/csv-format'
import { decodeText, type TextEncodingName } from '@/features/import-export/utils/decode-text'
import {
  INSEE_CODE_PATTERN,
  SERVICE_LABELS_FR,
  communeAt,
  compactKey,
  inTerritoryBounds,
  resolveCategory,
  resolveCommune,
  resolveKind,
  resolveService,
  resolveSubcategory,
  subcategoriesOf,
  type ImportCatalog,
  type ImportSubcategory,
} from '@/features/import-export/utils/import-catalog'
import { readQuestionnaireHours } from '@/features/import-export/utils/import-hours'
import type { UnplacedRow } from '@/features/import-export/utils/locate-rows'
import {
  cleanLine,
  cleanMultiline,
  normalizePhone,
  normalizePostcode,
  normalizeUrl,
  parseCoordinate,
  slugKey,
} from '@/features/import-export/utils/import-normalize'
import type {
  ImportIssue,
  ImportRow,
  ParsedImport,
} from '@/features/import-export/utils/import-row'

/**
 * The questionnaire curators fill in a spreadsheet, one shop per line, and its importer.
 *
 * Headers are matched without regard to case, accents, spaces and punctuation, and a few
 * synonyms are accepted ("Nom du commerce", "Tél", "Courriel"). Columns the importer does not
 * know are ignored (and listed in one warning); so are the status columns of an export
 * (export-shops.ts), so that an export can be re-imported as it is.
 *
 * Row keys (`sourceRef`), so that importing the same file twice updates instead of duplicating:
 * - the Identifiant column, as written (trimmed), when the row has one;
 * - otherwise `<name slug>@<place>`, where the name slug is the name folded to lower-case ASCII
 *   words joined by hyphens, and the place is the first of: the postcode, the INSEE code (from
 *   its column, or from the Commune column when it names a commune of the territory), the
 *   commune's name slug as written. For example "Boulangerie du Marché", 86000 gives
 *   `boulangerie-du-marche@86000`. Case, accents, spacing and the other columns do not count,
 *   so fixing a phone number or a typo in "marché" keeps the key; renaming the shop does not.
 *   Two shops of the same name in the same postcode collide (reported as a duplicate): give
 *   them an Identifiant.
 */

export type QuestionnaireField =
  | 'sourceRef'
  | 'name'
  | 'kind'
  | 'category'
  | 'subcategory'
  | 'address'
  | 'postcode'
  | 'commune'
  | 'communeInsee'
  | 'lat'
  | 'lon'
  | 'phone'
  | 'email'
  | 'website'
  | 'socialLinks'
  | 'hours'
  | 'services'
  | 'orderingInstructions'
  | 'description'

export interface QuestionnaireColumn {
  field: QuestionnaireField
  /** The header the template writes. */
  header: string
  required: boolean
  /** Help for the curator, in French. */
  description: string
  /** The first example row's value. */
  example: string
  /** Other headers read as this column, in order of preference after `header`. */
  synonyms: readonly string[]
}

export const QUESTIONNAIRE_COLUMNS: readonly QuestionnaireColumn[] = [
  {
    field: 'sourceRef',
    header: 'Identifiant',
    required: false,
    description:
      'Facultatif. Une référence stable du commerce dans votre fichier (numéro de dossier, ' +
      'SIRET…). Sans elle, le commerce est reconnu à son nom et à son code postal (ou sa ' +
      'commune) : un nouvel import du même fichier met à jour au lieu de créer des doublons.',
    example: 'EXEMPLE-1',
    synonyms: ['Id', 'Identifiant unique', 'Référence', 'Réf', 'Clé', 'N° de dossier'],
  },
  {
    field: 'name',
    header: 'Nom',
    required: true,
    description: `Obligatoire. Le nom du commerce tel que les clients le connaissent (${SHOP_LIMITS.name} caractères au plus).`,
    example: 'Boulangerie du Marché (exemple)',
    synonyms: [
      'Nom du commerce',
      'Nom commercial',
      'Enseigne',
      'Nom de l’établissement',
      'Établissement',
      'Raison sociale',
    ],
  },
  {
    field: 'kind',
    header: 'Type',
    required: false,
    description:
      'Commerçant, artisan, producteur, marché ou service public. Vide : commerçant (marché ' +
      'ou producteur pour ces sous-catégories).',
    example: 'Artisan',
    // "Vous êtes" is the question of the merchants' associations' questionnaires (2020).
    synonyms: ['Vous êtes', 'Vous êtes un', 'Type de lieu', 'Nature'],
  },
  {
    field: 'category',
    header: 'Catégorie',
    required: true,
    description:
      'Obligatoire. Une catégorie du territoire (Alimentation, Santé, Culture, Services…), ' +
      'écrite comme dans la liste ; le nom d’une sous-catégorie est aussi accepté.',
    example: 'Alimentation',
    synonyms: ['Rubrique', 'Catégorie principale', 'Secteur'],
  },
  {
    field: 'subcategory',
    header: 'Sous-catégorie',
    required: false,
    description: 'Facultatif. Une sous-catégorie de la catégorie (Boulangerie, Librairie…).',
    example: 'Boulangerie',
    synonyms: ['Activité', 'Sous catégorie'],
  },
  {
    field: 'address',
    header: 'Adresse',
    required: false,
    description: 'Numéro et rue (« 12 rue des Halles »).',
    example: '12 rue des Halles',
    synonyms: ['Adresse postale', 'Rue', 'Numéro et rue'],
  },
  {
    field: 'postcode',
    header: 'Code postal',
    required: false,
    description: 'Cinq chiffres.',
    example: '86000',
    synonyms: ['CP', 'result_postcode'],
  },
  {
    field: 'commune',
    header: 'Commune',
    required: false,
    description: 'Le nom de la commune.',
    example: 'Poitiers',
    synonyms: ['Ville', 'Localité', 'result_city'],
  },
  {
    field: 'communeInsee',
    header: 'Code INSEE',
    required: false,
    description: 'Facultatif. Le code officiel de la commune (86194 pour Poitiers).',
    example: '86194',
    synonyms: ['INSEE', 'Code commune', 'citycode', 'result_citycode'],
  },
  {
    field: 'lat',
    header: 'Latitude',
    required: false,
    description:
      'Facultatif. En degrés décimaux (46.5802 ou 46,5802). Sans latitude ni longitude, ' +
      'l’import place le commerce à son adresse (service national des adresses) ou, hors ' +
      'ligne, au centre de sa commune, et le signale.',
    example: '46.5812',
    synonyms: ['lat'],
  },
  {
    field: 'lon',
    header: 'Longitude',
    required: false,
    description: 'Facultatif. En degrés décimaux (0.3404 ou 0,3404). Voir Latitude.',
    example: '0.3401',
    synonyms: ['lon', 'lng', 'long'],
  },
  {
    field: 'phone',
    header: 'Téléphone',
    required: false,
    description: 'Un numéro (« 05 49 00 00 00 » ou « +33 5 49 00 00 00 »).',
    example: '05 49 00 00 00',
    synonyms: ['Tél', 'Tel', 'Numéro de téléphone', 'Téléphone fixe', 'Portable'],
  },
  {
    field: 'email',
    header: 'E-mail',
    required: false,
    description: 'Une adresse e-mail.',
    example: 'contact@boulangerie-exemple.fr',
    synonyms: ['Email', 'Mail', 'Courriel', 'Adresse e-mail', 'Adresse mail'],
  },
  {
    field: 'website',
    header: 'Site web',
    required: false,
    description: 'L’adresse du site, commençant par https:// (ajouté s’il manque).',
    example: 'https://www.boulangerie-exemple.fr',
    synonyms: ['Site', 'Site internet', 'Site Internet', 'URL', 'Web'],
  },
  {
    field: 'socialLinks',
    header: 'Réseaux sociaux',
    required: false,
    description: `Les adresses des pages (Facebook, Instagram…), séparées par des espaces ou « | » (${SHOP_LIMITS.socialLinks} au plus).`,
    example:
      'https://www.facebook.com/boulangerie.exemple | https://www.instagram.com/boulangerie.exemple',
    synonyms: ['Réseaux', 'Liens', 'Facebook'],
  },
  {
    field: 'hours',
    header: 'Horaires',
    required: false,
    description:
      'Syntaxe OpenStreetMap (« Mo-Fr 09:00-12:00,14:00-19:00; Sa 09:00-12:00 ») ou en ' +
      'français (« du mardi au samedi de 9 h à 19 h ») ; ce qui ne peut pas être converti ' +
      'sans deviner est gardé comme note.',
    example: 'Tu-Sa 07:00-13:00,15:30-19:30; Su 07:00-12:30',
    synonyms: ['Horaires d’ouverture', 'Heures d’ouverture', 'opening_hours'],
  },
  {
    field: 'services',
    header: 'Services',
    required: false,
    description:
      'Séparés par « , », « | » ou « / » : Click and collect (ou Retrait en magasin), ' +
      'Livraison, Envoi postal (ou Expédition), Bons d’achat (ou Cartes cadeaux), Visite sur ' +
      'rendez-vous, Commande à distance (ou par téléphone), Accueil en magasin (ou Ouvert en ' +
      'magasin).',
    example: 'Click and collect, Livraison',
    synonyms: [
      'Services proposés',
      'Services proposés pendant le confinement',
      'Services pendant le confinement',
    ],
  },
  {
    field: 'orderingInstructions',
    header: 'Marche à suivre',
    required: false,
    description: 'Comment commander ou réserver.',
    example: 'Commandez la veille avant 18 h par téléphone, retrait au comptoir.',
    synonyms: [
      'Comment commander',
      'Comment commander ?',
      'Modalités',
      'Modalités de commande',
      'Comment passer commande',
    ],
  },
  {
    field: 'description',
    header: 'Description',
    required: false,
    description: `Quelques phrases sur le commerce (${SHOP_LIMITS.description} caractères au plus).`,
    example: 'Pain au levain cuit au feu de bois, viennoiseries maison.',
    synonyms: ['Présentation'],
  },
]

/** The second example row of the template, in QUESTIONNAIRE_COLUMNS order. */
const SECOND_EXAMPLE: Record<QuestionnaireField, string> = {
  sourceRef: 'EXEMPLE-2',
  name: 'Librairie des Deux Rives (exemple)',
  kind: 'Commerçant',
  category: 'Culture',
  subcategory: 'Librairie',
  address: '3 place du Marché',
  postcode: '86000',
  commune: 'Poitiers',
  communeInsee: '',
  lat: '46,5830',
  lon: '0,3455',
  phone: '+33 5 49 11 22 33',
  email: '',
  website: 'https://www.librairie-exemple.fr',
  socialLinks: '',
  hours: 'Du mardi au samedi de 10 h à 19 h',
  services: 'Commande à distance / Envoi postal / Bons d’achat',
  orderingInstructions: '',
  description: '',
}

/** The status columns of an export (export-shops.ts): known, and ignored on import. */
export const EXPORT_STATUS_HEADERS = [
  'Statut',
  'Message du commerçant',
  'Fermé jusqu’au',
  'Statut mis à jour le',
  'Publié',
  'Source',
  'Crédits',
] as const

/** Identifiers of the template's example rows, refused so that they are never imported. */
const EXAMPLE_KEY = /^EXEMPLE-\d+$/i

/** The file curators download: UTF-8 with BOM, ';', the header and two example rows. */
export function questionnaireTemplateCsv(): string {
  return formatCsv([
    QUESTIONNAIRE_COLUMNS.map((c) => c.header),
    QUESTIONNAIRE_COLUMNS.map((c) => c.example),
    QUESTIONNAIRE_COLUMNS.map((c) => SECOND_EXAMPLE[c.field]),
  ])
}

const COLUMN_BY_FIELD = new Map(QUESTIONNAIRE_COLUMNS.map((c) => [c.field, c]))

/** Header key → column and preference (0 = the template's own header). */
const HEADER_KEYS = new Map<string, { field: QuestionnaireField; rank: number }>()
for (const column of QUESTIONNAIRE_COLUMNS) {
  for (const [rank, header] of [column.header, ...column.synonyms].entries()) {
    HEADER_KEYS.set(compactKey(header), { field: column.field, rank })
  }
}
const IGNORED_HEADER_KEYS = new Set(EXPORT_STATUS_HEADERS.map(compactKey))

function label(field: QuestionnaireField): string {
  return COLUMN_BY_FIELD.get(field)!.header
}

/** For each field, the columns that hold it, best first (several: the geocoder adds its own). */
type ColumnMap = Map<QuestionnaireField, number[]>

function mapHeader(header: readonly string[]): { columns: ColumnMap; ignored: string[] } {
  const found: { field: QuestionnaireField; rank: number; index: number }[] = []
  const ignored: string[] = []
  for (const [index, raw] of header.entries()) {
    const text = restoreNeutralized(raw).trim()
    const key = compactKey(text)
    const match = HEADER_KEYS.get(key)
    if (match) found.push({ ...match, index })
    // The geocoder's other result_* columns are expected noise, not the curator's mistake.
    else if (key && !IGNORED_HEADER_KEYS.has(key) && !/^result/.test(key)) ignored.push(text)
  }
  found.sort((a, b) => a.rank - b.rank || a.index - b.index)
  const columns: ColumnMap = new Map()
  for (const { field, index } of found) {
    const list = columns.get(field)
    if (list) list.push(index)
    else columns.set(field, [index])
  }
  return { columns, ignored }
}

/** Splits a list cell on `,`, `|` or `/`, except inside parentheses ("(téléphone, site)"). */
function splitList(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of text) {
    if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    if (depth === 0 && (char === ',' || char === '|' || char === '/')) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts.map((p) => p.trim()).filter(Boolean)
}

function quote(text: string, max = 60): string {
  const short = charLength(text) > max ? `${[...text].slice(0, max - 1).join('')}…` : text
  return `« ${short} »`
}

/** How a row's key is derived when it has no Identifiant; see the module comment. */
export function questionnaireKey(
  name: string,
  place: { postcode: string | null; communeInsee: string | null; communeName: string | null },
): string {
  const nameSlug = slugKey(name).slice(0, 150)
  const placeKey =
    place.postcode ?? place.communeInsee ?? (place.communeName ? slugKey(place.communeName) : '')
  return placeKey ? `${nameSlug}@${placeKey.slice(0, 40)}` : nameSlug
}

/** An HTML or XML tag: `<b>`, `</span>`, `<br/>`, `<a href="…">`. */
const MARKUP_TAGS = /<\/?[a-z][^<>]*>/gi

/** The name as written, without markup pasted from a web page ("<b>Chez Paul</b>"). */
function withoutMarkup(text: string | null): string | null {
  return text === null ? null : cleanLine(text.replace(MARKUP_TAGS, ' '))
}

/** 3631, 36 xx, 15, 17, 18, 112, 115, 119…: numbers of a national service, not of a shop. */
export function isNationalShortNumber(text: string): boolean {
  const compact = text.replace(/[\s.]/g, '')
  return /^(?:36\d{2}|1\d|11\d)$/.test(compact)
}

function defaultKind(subcategory: ImportSubcategory | null): ShopKind {
  // Only the unambiguous cases: a market is a market, a farm shop is its producer.
  if (subcategory?.osmTags.includes('amenity=marketplace')) return 'marche'
  if (subcategory?.osmTags.includes('shop=farm')) return 'producteur'
  return 'commercant'
}

interface RowContext {
  catalog: ImportCatalog
  line: number
  issues: ImportIssue[]
  failed: boolean
}

function error(ctx: RowContext, field: QuestionnaireField | null, message: string): void {
  ctx.failed = true
  ctx.issues.push({ line: ctx.line, field: field && label(field), severity: 'error', message })
}

function warn(ctx: RowContext, field: QuestionnaireField | null, message: string): void {
  ctx.issues.push({ line: ctx.line, field: field && label(field), severity: 'warning', message })
}

function listNames(names: readonly string[], separator: string, max = 12): string {
  const shown = names.slice(0, max).join(separator)
  return names.length > max ? `${shown}${separator}…` : shown
}

function readCategory(
  ctx: RowContext,
  categoryText: string | null,
  subcategoryText: string | null,
): { categorySlug: string; subcategory: ImportSubcategory | null } | null {
  const { catalog } = ctx
  if (!categoryText) {
    error(ctx, 'category', 'La catégorie est obligatoire.')
    return null
  }
  let category = resolveCategory(catalog, categoryText)
  let subcategory: ImportSubcategory | null = null
  if (!category) {
    // A subcategory's name in the Catégorie column ("Boulangerie") says both.
    const sub = resolveSubcategory(catalog, categoryText)
    category = sub ? (catalog.categories.find((c) => c.slug === sub.categorySlug) ?? null) : null
    if (!category) {
      const names = catalog.categories.map((c) => c.nameFr)
      error(
        ctx,
        'category',
        `Catégorie inconnue ${quote(categoryText)}. Catégories possibles : ${listNames(names, ', ')}.`,
      )
      return null
    }
    subcategory = sub
  }
  if (subcategoryText) {
    const found = resolveSubcategory(catalog, subcategoryText, category.slug)
    if (found) subcategory = found
    else {
      const elsewhere = resolveSubcategory(catalog, subcategoryText)
      if (elsewhere) {
        const owner = catalog.categories.find((c) => c.slug === elsewhere.categorySlug)
        error(
          ctx,
          'subcategory',
          `La sous-catégorie ${quote(subcategoryText)} appartient à la catégorie ` +
            `${owner?.nameFr ?? elsewhere.categorySlug}, pas à ${category.nameFr}.`,
        )
      } else {
        const names = subcategoriesOf(catalog, category.slug).map((s) => s.nameFr)
        error(
          ctx,
          'subcategory',
          `Sous-catégorie inconnue ${quote(subcategoryText)} pour ${category.nameFr}. ` +
            `Sous-catégories possibles : ${listNames(names, ' ; ')}.`,
        )
      }
      return null
    }
  }
  return { categorySlug: category.slug, subcategory }
}

function readCoordinates(
  ctx: RowContext,
  latText: string | null,
  lonText: string | null,
): { lat: number; lon: number } | 'to-place' | null {
  const read = (field: 'lat' | 'lon', text: string | null, max: number): number | null => {
    const name = field === 'lat' ? 'Latitude' : 'Longitude'
    if (!text) {
      error(
        ctx,
        field,
        `${name} manquante : saisissez latitude et longitude, ou aucune des deux pour placer ` +
          'le commerce à son adresse.',
      )
      return null
    }
    const value = parseCoordinate(text)
    if (value === null) {
      error(
        ctx,
        field,
        `${name} illisible ${quote(text)} : écrivez des degrés décimaux, par exemple ` +
          `${field === 'lat' ? '46.5802' : '0.3404'}.`,
      )
      return null
    }
    if (Math.abs(value) > max) {
      error(ctx, field, `${name} impossible ${quote(text)} : entre -${max} et ${max}.`)
      return null
    }
    return value
  }
  // Neither: the row is placed at its address, or its commune (locate-rows.ts).
  if (!latText && !lonText) return 'to-place'
  const lat = read('lat', latText, 90)
  const lon = read('lon', lonText, 180)
  if (lat === null || lon === null) return null
  const territory = ctx.catalog.territory.name
  if (!inTerritoryBounds(ctx.catalog, lon, lat)) {
    const swapped = inTerritoryBounds(ctx.catalog, lat, lon)
    error(
      ctx,
      'lat',
      swapped
        ? `Adresse hors du territoire ${territory} : la latitude et la longitude semblent inversées.`
        : `Adresse hors du territoire ${territory} (latitude ${lat}, longitude ${lon}).`,
    )
    return null
  }
  return { lat, lon }
}

function readCommune(
  ctx: RowContext,
  communeText: string | null,
  inseeText: string | null,
  point: { lat: number; lon: number } | null,
): { communeInsee: string | null; communeName: string | null } {
  const { catalog } = ctx
  const territory = catalog.territory.name
  let insee: string | null = null
  if (inseeText) {
    const code = inseeText.toUpperCase()
    if (INSEE_CODE_PATTERN.test(code)) insee = code
    else {
      error(
        ctx,
        'communeInsee',
        `Code INSEE invalide ${quote(inseeText)} : 5 caractères, par exemple 86194.`,
      )
    }
  }
  const byCode = insee ? resolveCommune(catalog, insee) : null
  const byName = communeText ? resolveCommune(catalog, communeText) : null

  if (byCode) {
    if (byName && byName !== byCode) {
      warn(
        ctx,
        'commune',
        `La commune ${quote(communeText!)} ne correspond pas au code INSEE ${byCode.inseeCode} ` +
          `(${byCode.name}) : le code INSEE est retenu.`,
      )
    }
    return { communeInsee: byCode.inseeCode, communeName: byCode.name }
  }
  if (byName) {
    if (insee) {
      warn(
        ctx,
        'communeInsee',
        `Code INSEE ${insee} inconnu dans le territoire ${territory} : la commune ` +
          `${byName.name} (${byName.inseeCode}) est retenue.`,
      )
    }
    return { communeInsee: byName.inseeCode, communeName: byName.name }
  }
  if (insee) {
    warn(ctx, 'communeInsee', `Code INSEE ${insee} inconnu dans le territoire ${territory}.`)
  }
  if (communeText) {
    const invalid = validateShopField('communeName', communeText)
    if (invalid === MESSAGES.invisibleCharacters) {
      error(ctx, 'commune', `Nom de commune invalide ${quote(communeText)} : ${invalid}`)
    } else if (invalid) {
      error(
        ctx,
        'commune',
        `Nom de commune invalide ${quote(communeText)} (${SHOP_LIMITS.communeName} caractères au plus).`,
      )
    } else {
      warn(
        ctx,
        'commune',
        `Commune ${quote(communeText)} inconnue dans le territoire ${territory} : gardée telle quelle.`,
      )
    }
    return { communeInsee: insee, communeName: communeText }
  }
  if (insee) return { communeInsee: insee, communeName: null }
  // Nothing written: the outline holding the point, when the app gave outlines.
  const located = point ? communeAt(catalog, point.lon, point.lat) : null
  return { communeInsee: located?.inseeCode ?? null, communeName: located?.name ?? null }
}

/**
 * The row's key (see the module comment). Computed from the cells alone, not from what the
 * row resolved to (a commune found from the point), so that it only changes when the curator
 * changes the name or the place columns.
 */
function rowKey(
  get: (field: QuestionnaireField) => string | null,
  catalog: ImportCatalog,
): string | null {
  const identifier = get('sourceRef')
  if (identifier) return identifier
  const name = withoutMarkup(cleanLine(get('name')))
  if (!name) return null
  const postcodeText = get('postcode')
  const postcode = postcodeText ? normalizePostcode(postcodeText) : null
  const inseeText = get('communeInsee')?.toUpperCase() ?? null
  const communeText = cleanLine(get('commune'))
  const commune = communeText ? resolveCommune(catalog, communeText) : null
  return questionnaireKey(name, {
    postcode: postcode?.kind === 'ok' ? postcode.postcode : null,
    communeInsee:
      inseeText && INSEE_CODE_PATTERN.test(inseeText) ? inseeText : (commune?.inseeCode ?? null),
    communeName: communeText,
  })
}

function readUrl(ctx: RowContext, field: 'website' | 'socialLinks', text: string): string | null {
  const result = normalizeUrl(text)
  if (result.kind === 'ok') {
    if (result.schemeAdded) {
      warn(
        ctx,
        field,
        `« https:// » ajouté devant ${quote(text)} : vérifiez que l’adresse s’ouvre.`,
      )
    }
    return result.url
  }
  // "L'adresse du site" is feminine, "le lien" masculine.
  const [what, pronoun] = field === 'website' ? ['Adresse du site', 'elle'] : ['Lien', 'il']
  const length = charLength(text)
  error(
    ctx,
    field,
    length > SHOP_LIMITS.url
      ? MESSAGES.tooLong(
          field === 'website' ? 'L’adresse du site' : 'Le lien',
          length,
          SHOP_LIMITS.url,
        )
      : result.reason === 'control'
        ? `${what} invalide ${quote(text)} : ${MESSAGES.invisibleCharacters}`
        : result.reason === 'scheme'
          ? `${what} invalide ${quote(text)} : ${pronoun} doit commencer par http:// ou https://.`
          : `${what} invalide ${quote(text)}.`,
  )
  return null
}

function readText(
  ctx: RowContext,
  field: 'name' | 'address' | 'description' | 'orderingInstructions' | 'openingHoursNote',
  value: string | null,
  owner: QuestionnaireField,
): void {
  if (value === null) return
  const message = validateShopField(field, value)
  if (message) error(ctx, owner, message)
}

/** Reads one data line into a row (null when it has an error) and its issues. */
function readRow(
  ctx: RowContext,
  get: (field: QuestionnaireField) => string | null,
): ImportRow | UnplacedRow | null {
  const { catalog } = ctx

  const rawKey = get('sourceRef')
  if (rawKey && EXAMPLE_KEY.test(rawKey)) {
    error(ctx, 'sourceRef', 'Ligne d’exemple du modèle : supprimez-la avant l’import.')
  }
  if (rawKey && charLength(rawKey) > 200) {
    error(ctx, 'sourceRef', MESSAGES.tooLong('L’identifiant', charLength(rawKey), 200))
  }
  // The key is held to `private.is_visible_text`: two keys that look the same are the same key.
  if (rawKey && !isVisibleText(rawKey)) {
    error(ctx, 'sourceRef', `L’identifiant : ${MESSAGES.invisibleCharacters}`)
  }

  const written = cleanLine(get('name'))
  const name = withoutMarkup(written)
  if (written && name !== written) {
    warn(
      ctx,
      'name',
      `Balises retirées du nom ${quote(written)} : le nom importé est ${quote(name ?? '')}.`,
    )
  }
  if (!name) error(ctx, 'name', MESSAGES.nameRequired)
  readText(ctx, 'name', name, 'name')

  const kindText = get('kind')
  const kind = kindText ? resolveKind(kindText) : null
  if (kindText && !kind) {
    error(
      ctx,
      'kind',
      `Type inconnu ${quote(kindText)} : indiquez commerçant, artisan, producteur, marché ou service public.`,
    )
  }

  const category = readCategory(ctx, get('category'), get('subcategory'))
  const point = readCoordinates(ctx, get('lat'), get('lon'))

  let postcode: string | null = null
  const postcodeText = get('postcode')
  if (postcodeText) {
    const result = normalizePostcode(postcodeText)
    if (result.kind === 'ok') {
      postcode = result.postcode
      if (result.padded) {
        warn(
          ctx,
          'postcode',
          `Code postal ${quote(postcodeText)} complété en ${postcode} (zéro initial perdu par le tableur).`,
        )
      }
    } else
      error(ctx, 'postcode', `Code postal invalide ${quote(postcodeText)} : 5 chiffres attendus.`)
  }

  const placed = point === 'to-place' ? null : point
  const { communeInsee, communeName } = readCommune(
    ctx,
    cleanLine(get('commune')),
    get('communeInsee'),
    placed,
  )

  const address = cleanLine(get('address'))
  readText(ctx, 'address', address, 'address')

  let phone: string | null = null
  const phoneText = get('phone')
  if (phoneText && isNationalShortNumber(phoneText)) {
    // La Poste's 3631, a 36xx or a 1x: the network's number, not the shop's.
    warn(
      ctx,
      'phone',
      `Numéro court national ${quote(phoneText)} : ce n’est pas le numéro du commerce, il n’est pas gardé.`,
    )
  } else if (phoneText) {
    const result = normalizePhone(phoneText)
    if (result.kind === 'ok') {
      phone = result.phone
      if (result.note === 'first-of-several') {
        warn(
          ctx,
          'phone',
          `Plusieurs numéros ${quote(phoneText)} : seul le premier (${phone}) est gardé.`,
        )
      } else if (result.note === 'unusual-length') {
        warn(ctx, 'phone', `Le numéro ${quote(phoneText)} ne compte pas 10 chiffres : vérifiez-le.`)
      }
    } else error(ctx, 'phone', `Numéro de téléphone invalide ${quote(phoneText)}.`)
  }

  let email: string | null = null
  const emailText = get('email')?.replace(/^mailto:/i, '') ?? null
  if (emailText) {
    if (isEmail(emailText)) email = emailText
    else if (charLength(emailText) > SHOP_LIMITS.email) {
      error(
        ctx,
        'email',
        MESSAGES.tooLong('L’adresse e-mail', charLength(emailText), SHOP_LIMITS.email),
      )
    } else error(ctx, 'email', `Adresse e-mail invalide ${quote(emailText)}.`)
  }

  const websiteText = get('website')
  const website = websiteText ? readUrl(ctx, 'website', websiteText) : null

  const socialLinks: string[] = []
  const socialText = get('socialLinks')
  if (socialText) {
    const links = socialText.split(/[\s|]+/).filter(Boolean)
    if (links.length > SHOP_LIMITS.socialLinks) {
      error(ctx, 'socialLinks', MESSAGES.tooManyLinks(links.length))
    }
    for (const link of links) {
      const url = readUrl(ctx, 'socialLinks', link)
      if (url && !socialLinks.includes(url)) socialLinks.push(url)
    }
  }

  let openingHours: string | null = null
  let openingHoursNote: string | null = null
  const hoursText = cleanMultiline(get('hours'))
  if (hoursText) {
    const reading = readQuestionnaireHours(hoursText)
    if (reading.kind === 'note') {
      openingHoursNote = reading.note
      readText(ctx, 'openingHoursNote', openingHoursNote, 'hours')
      warn(ctx, 'hours', `Horaires gardés en note, non convertis : ${reading.reason}`)
    } else openingHours = reading.openingHours
  }

  const services = new Set<ShopService>()
  const servicesText = get('services')
  if (servicesText) {
    for (const item of splitList(servicesText)) {
      const service = resolveService(item)
      if (service) services.add(service)
      else {
        // The rest of the line goes in; the label is quoted so that nothing is lost unseen.
        warn(
          ctx,
          'services',
          `Service non reconnu ${quote(item)}, non importé. Services possibles : ${Object.values(SERVICE_LABELS_FR).join(', ')}.`,
        )
      }
    }
  }

  const orderingInstructions = cleanMultiline(get('orderingInstructions'))
  readText(ctx, 'orderingInstructions', orderingInstructions, 'orderingInstructions')
  const description = cleanMultiline(get('description'))
  readText(ctx, 'description', description, 'description')

  if (point === 'to-place' && !address && !postcode && !communeInsee && !communeName) {
    error(
      ctx,
      'lat',
      'Position manquante : indiquez l’adresse et la commune (l’import la place), ou latitude ' +
        'et longitude.',
    )
  }
  if (!name || !category || !point || ctx.failed) return null
  const row: UnplacedRow = {
    line: ctx.line,
    sourceRef: rowKey(get, catalog)!,
    kind: kind ?? defaultKind(category.subcategory),
    name,
    categorySlug: category.categorySlug,
    subcategorySlug: category.subcategory?.slug ?? null,
    description,
    address,
    postcode,
    communeInsee,
    communeName,
    phone,
    email,
    website,
    socialLinks,
    openingHours,
    openingHoursNote,
    orderingInstructions,
    services: SHOP_SERVICES.filter((s) => services.has(s)),
  }
  return point === 'to-place' ? row : { ...row, lon: point.lon, lat: point.lat }
}

export type ParsedQuestionnaire = ParsedImport & {
  /** Rows without coordinates, to place at their address or commune (`placeRows`). */
  unplaced: UnplacedRow[]
  /** How the file was decoded; null when it could not be (the issue says why). */
  encoding: TextEncodingName | null
  /** The delimiter detected from the header; null when the file could not be read. */
  delimiter: CsvDelimiter | null
}

/**
 * Reads a questionnaire file. Every problem is reported on its line (the header is line 1) with
 * its column; a line with an error is left out of `rows`, since the database imports all or
 * nothing and the curator fixes the file. Warnings (a note instead of hours, https:// added…)
 * keep the row.
 */
export function parseQuestionnaireCsv(
  bytes: ArrayBuffer | Uint8Array,
  catalog: ImportCatalog,
): ParsedQuestionnaire {
  const decoded = decodeText(bytes)
  if (!decoded.ok) {
    return {
      rows: [],
      unplaced: [],
      issues: [{ line: 1, field: null, severity: 'error', message: decoded.error }],
      encoding: null,
      delimiter: null,
    }
  }
  const { encoding } = decoded
  const csv = parseCsv(decoded.text)
  const { delimiter } = csv
  const rows: ImportRow[] = []
  const unplaced: UnplacedRow[] = []
  const issues: ImportIssue[] = []
  const isBlank = (fields: readonly string[]) => fields.every((f) => f.trim() === '')
  const records = csv.records.filter((r) => !isBlank(r.fields))
  const header = records[0]

  if (!header) {
    if (csv.error)
      issues.push({
        line: csv.error.line,
        field: null,
        severity: 'error',
        message: csv.error.message,
      })
    else
      issues.push({
        line: 1,
        field: null,
        severity: 'error',
        message: 'Le fichier ne contient aucune ligne.',
      })
    return { rows, unplaced, issues, encoding, delimiter }
  }

  const { columns, ignored } = mapHeader(header.fields)
  const missing = QUESTIONNAIRE_COLUMNS.filter((c) => c.required && !columns.has(c.field))
  if (missing.length > 0) {
    issues.push({
      line: header.line,
      field: null,
      severity: 'error',
      message:
        `Colonnes obligatoires absentes : ${missing.map((c) => c.header).join(', ')}. ` +
        `Colonnes lues : ${
          header.fields
            .map((f) => f.trim())
            .filter(Boolean)
            .join(', ') || 'aucune'
        }` +
        ` (séparateur « ${delimiter === '\t' ? 'tabulation' : delimiter} »).`,
    })
    return { rows, unplaced, issues, encoding, delimiter }
  }
  if (ignored.length > 0) {
    issues.push({
      line: header.line,
      field: null,
      severity: 'warning',
      message: `Colonnes ignorées : ${ignored.join(', ')}.`,
    })
  }

  const width = header.fields.length
  const lineOfKey = new Map<string, number>()
  for (const record of records.slice(1)) {
    const ctx: RowContext = { catalog, line: record.line, issues, failed: false }
    const extra = record.fields.slice(width).filter((f) => f.trim() !== '')
    if (extra.length > 0) {
      error(
        ctx,
        null,
        `Cette ligne a ${width + extra.length} valeurs pour ${width} colonnes : un « ${delimiter === '\t' ? 'tabulation' : delimiter} » ` +
          'dans une valeur sans guillemets autour ?',
      )
    }
    const get = (field: QuestionnaireField): string | null => {
      for (const index of columns.get(field) ?? []) {
        const raw = record.fields[index]
        if (raw === undefined) continue
        const value = restoreNeutralized(raw.trim()).trim()
        if (value !== '') return value
      }
      return null
    }
    const row = readRow(ctx, get)

    // Duplicates are judged on every line with a name, even one with other errors: the curator
    // then fixes both problems at once.
    const key = rowKey(get, catalog)
    if (key !== null) {
      const first = lineOfKey.get(key)
      if (first !== undefined) {
        const explicit = get('sourceRef') !== null
        error(
          ctx,
          explicit ? 'sourceRef' : 'name',
          `Même commerce que la ligne ${first} (clé ${quote(key)})` +
            (explicit
              ? '.'
              : ' : ajoutez une colonne Identifiant pour distinguer deux commerces de même nom ' +
                'au même endroit.'),
        )
        continue
      }
      lineOfKey.set(key, record.line)
    }
    if (row && !ctx.failed) {
      if ('lon' in row) rows.push(row)
      else unplaced.push(row)
    }
  }

  if (csv.error) {
    issues.push({
      line: csv.error.line,
      field: null,
      severity: 'error',
      message: csv.error.message,
    })
  } else if (records.length === 1) {
    issues.push({
      line: header.line,
      field: null,
      severity: 'warning',
      message: 'Le fichier ne contient aucun commerce.',
    })
  }
  return { rows, unplaced, issues, encoding, delimiter }
}
