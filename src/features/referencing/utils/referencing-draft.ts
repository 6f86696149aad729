import {
  SHOP_SERVICES,
  type LonLat,
  type ShopDraft,
  type ShopKind,
  type ShopService,
  type Subcategory,
} from '@/backend/types'
import {
  btrim,
  charLength,
  isCleanText,
  isEmail,
  isHttpUrl,
  isPhone,
  isPostcode,
  isVisibleText,
  SHOP_LIMITS,
} from '@/shop/shop-rules'
import { parseOpeningHours } from '@/shop/opening-hours'
import { modelFromOpeningHours, validateModel } from '@/shop/opening-hours-model'

/**
 * The "Référencer mon commerce" questionnaire as typed: text exactly as the merchant left it
 * (kept as is in the session draft), turned into a ShopDraft only once every field passes the
 * database's own rules (src/shop/shop-rules.ts).
 */
export interface ReferencingForm {
  kind: ShopKind
  name: string
  categorySlug: string
  /** '' when not chosen. */
  subcategorySlug: string
  location: LonLat | null
  address: string
  postcode: string
  communeName: string
  phone: string
  email: string
  website: string
  /** One link per line. */
  socialLinks: string
  services: ShopService[]
  /** As the hours editor last said it (null: not given). */
  openingHours: string | null
  openingHoursValid: boolean
  orderingInstructions: string
  description: string
}

export const EMPTY_REFERENCING_FORM: ReferencingForm = {
  kind: 'commercant',
  name: '',
  categorySlug: '',
  subcategorySlug: '',
  location: null,
  address: '',
  postcode: '',
  communeName: '',
  phone: '',
  email: '',
  website: '',
  socialLinks: '',
  services: [],
  openingHours: null,
  openingHoursValid: true,
  orderingInstructions: '',
  description: '',
}

/** The fields that can be wrong, in the order the form shows them (the first gets the focus). */
export const REFERENCING_FIELDS = [
  'name',
  'categorySlug',
  'subcategorySlug',
  'location',
  'address',
  'postcode',
  'communeName',
  'phone',
  'email',
  'website',
  'socialLinks',
  'openingHours',
  'orderingInstructions',
  'description',
] as const
export type ReferencingField = (typeof REFERENCING_FIELDS)[number]

/** What is wrong with a field, as a code: the interface words it in the reader's language. */
export type ReferencingProblem =
  | { code: 'nameRequired' }
  | { code: 'categoryRequired' }
  | { code: 'subcategoryMismatch' }
  | { code: 'locationRequired' }
  | { code: 'outsideTerritory' }
  | { code: 'tooLong'; length: number; max: number }
  | { code: 'controlCharacters' }
  /** In a name, an address, a commune or a link (the database's `private.is_visible_text`). */
  | { code: 'invisibleCharacters' }
  | { code: 'postcode' }
  | { code: 'phone' }
  | { code: 'email' }
  | { code: 'websiteScheme' }
  | { code: 'website' }
  | { code: 'tooManyLinks'; count: number; max: number }
  | { code: 'linkScheme'; line: number }
  | { code: 'link'; line: number }
  | { code: 'hours' }

export type ReferencingProblems = Partial<Record<ReferencingField, ReferencingProblem>>

export type ReferencingCheck =
  { ok: true; draft: ShopDraft } | { ok: false; problems: ReferencingProblems }

export interface ReferencingContext {
  /** The territory's [west, south, east, north]: the database refuses a point outside. */
  bounds: readonly [number, number, number, number]
  /** Known subcategories, to catch one left from another category (none known: not checked). */
  subcategories?: readonly Subcategory[]
}

const HTTP_SCHEME = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//u

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** The non-blank lines, trimmed. */
export function linesOf(value: string): string[] {
  return value
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** The bounds test of the database's `box @> point` (edges included). */
export function isInsideBounds(
  location: LonLat,
  [west, south, east, north]: readonly [number, number, number, number],
): boolean {
  return (
    location.lon >= west && location.lon <= east && location.lat >= south && location.lat <= north
  )
}

/** "46.5802, 0.3404": latitude then longitude, four decimals (about 10 m). */
export function formatPosition(location: LonLat): string {
  return `${location.lat.toFixed(4)}, ${location.lon.toFixed(4)}`
}

/** `singleLine`: a name, an address or a commune, which must also be visible text. */
function textProblem(
  value: string | null,
  max: number,
  singleLine = false,
): ReferencingProblem | null {
  if (value === null) return null
  if (singleLine && !isVisibleText(value)) return { code: 'invisibleCharacters' }
  if (!isCleanText(value)) return { code: 'controlCharacters' }
  const length = charLength(value)
  return length > max ? { code: 'tooLong', length, max } : null
}

function linkProblem(links: readonly string[]): ReferencingProblem | null {
  if (links.length > SHOP_LIMITS.socialLinks) {
    return { code: 'tooManyLinks', count: links.length, max: SHOP_LIMITS.socialLinks }
  }
  for (const [index, link] of links.entries()) {
    if (!isVisibleText(link)) return { code: 'invisibleCharacters' }
    if (isHttpUrl(link)) continue
    const line = index + 1
    if (!HTTP_SCHEME.test(link)) return { code: 'linkScheme', line }
    const length = charLength(link)
    return length > SHOP_LIMITS.url
      ? { code: 'tooLong', length, max: SHOP_LIMITS.url }
      : { code: 'link', line }
  }
  return null
}

/**
 * Checks the questionnaire with the database's rules and, when everything passes, gives the
 * ShopDraft to send: text trimmed, blank optional fields as null, links one per line.
 */
export function checkReferencingForm(
  form: ReferencingForm,
  context: ReferencingContext,
): ReferencingCheck {
  const problems: ReferencingProblems = {}
  const set = (field: ReferencingField, problem: ReferencingProblem | null) => {
    if (problem) problems[field] = problem
  }

  const name = btrim(form.name.trim())
  set('name', name === '' ? { code: 'nameRequired' } : textProblem(name, SHOP_LIMITS.name, true))

  const categorySlug = form.categorySlug.trim()
  const subcategorySlug = blankToNull(form.subcategorySlug)
  if (categorySlug === '') set('categorySlug', { code: 'categoryRequired' })
  else if (subcategorySlug && context.subcategories && context.subcategories.length > 0) {
    const subcategory = context.subcategories.find((s) => s.slug === subcategorySlug)
    if (subcategory?.categorySlug !== categorySlug) {
      set('subcategorySlug', { code: 'subcategoryMismatch' })
    }
  }

  if (!form.location) set('location', { code: 'locationRequired' })
  else if (!isInsideBounds(form.location, context.bounds)) {
    set('location', { code: 'outsideTerritory' })
  }

  const address = blankToNull(form.address)
  set('address', textProblem(address, SHOP_LIMITS.address, true))
  const postcode = blankToNull(form.postcode)
  if (!isPostcode(postcode)) set('postcode', { code: 'postcode' })
  const communeName = blankToNull(form.communeName)
  set('communeName', textProblem(communeName, SHOP_LIMITS.communeName, true))

  const phone = blankToNull(form.phone)
  if (!isPhone(phone)) set('phone', { code: 'phone' })
  const email = blankToNull(form.email)
  if (email !== null && !isEmail(email)) {
    const length = charLength(email)
    set(
      'email',
      length > SHOP_LIMITS.email
        ? { code: 'tooLong', length, max: SHOP_LIMITS.email }
        : { code: 'email' },
    )
  }
  const website = blankToNull(form.website)
  if (website !== null && !isVisibleText(website)) set('website', { code: 'invisibleCharacters' })
  else if (website !== null && !isHttpUrl(website)) {
    const length = charLength(website)
    set(
      'website',
      !HTTP_SCHEME.test(website)
        ? { code: 'websiteScheme' }
        : length > SHOP_LIMITS.url
          ? { code: 'tooLong', length, max: SHOP_LIMITS.url }
          : { code: 'website' },
    )
  }
  const socialLinks = linesOf(form.socialLinks)
  set('socialLinks', linkProblem(socialLinks))

  const openingHours = form.openingHours === null ? null : blankToNull(form.openingHours)
  set(
    'openingHours',
    form.openingHoursValid
      ? textProblem(openingHours, SHOP_LIMITS.openingHours)
      : { code: 'hours' },
  )
  const orderingInstructions = blankToNull(form.orderingInstructions)
  set('orderingInstructions', textProblem(orderingInstructions, SHOP_LIMITS.orderingInstructions))
  const description = blankToNull(form.description)
  set('description', textProblem(description, SHOP_LIMITS.description))

  if (Object.keys(problems).length > 0 || !form.location) return { ok: false, problems }
  return {
    ok: true,
    draft: {
      kind: form.kind,
      name,
      categorySlug,
      subcategorySlug,
      description,
      address,
      postcode,
      communeInsee: null,
      communeName,
      location: { lon: form.location.lon, lat: form.location.lat },
      phone,
      email,
      website,
      socialLinks,
      openingHours,
      openingHoursNote: null,
      orderingInstructions,
      // In the database's order, whatever order they were ticked in.
      services: SHOP_SERVICES.filter((service) => form.services.includes(service)),
    },
  }
}

/** The first field with a problem, in the form's order. */
export function firstProblemField(problems: ReferencingProblems): ReferencingField | null {
  return REFERENCING_FIELDS.find((field) => problems[field] !== undefined) ?? null
}

/**
 * What a chosen search result says about the address: a commune gives its name; a street
 * address from the national service ("8 Rue de la Cathédrale 86000 Poitiers") gives the street,
 * the postcode and the commune.
 */
export function addressFromSuggestion(suggestion: {
  label: string
  kind: 'commune' | 'address'
}): Partial<Pick<ReferencingForm, 'address' | 'postcode' | 'communeName'>> {
  const label = suggestion.label.trim()
  if (suggestion.kind === 'commune') return { communeName: label }
  const match = /^(.*\S)\s+([0-9]{5})\s+(\S.*)$/u.exec(label)
  if (!match) return {}
  return { address: match[1]!, postcode: match[2]!, communeName: match[3]! }
}

type AddressFields = Pick<ReferencingForm, 'address' | 'postcode' | 'communeName'>

/** Only the address fields the merchant left empty: nothing typed is ever overwritten. */
export function fillEmptyAddress(
  form: AddressFields,
  found: Partial<AddressFields>,
): Partial<AddressFields> {
  const patch: Partial<AddressFields> = {}
  for (const key of ['address', 'postcode', 'communeName'] as const) {
    const value = found[key]
    if (value !== undefined && form[key].trim() === '') patch[key] = value
  }
  return patch
}

/**
 * Whether the hours editor, opened on `value`, will call it valid: the same test it makes
 * (the weekly form's rules when the form can show the value, the parser's otherwise). A draft
 * restored from the session needs it, since the editor only reports on a change.
 */
export function openingHoursValidity(value: string | null): boolean {
  if (value === null || value.trim() === '') return true
  const model = modelFromOpeningHours(value)
  if (model.ok) return validateModel(model.model).length === 0
  return parseOpeningHours(value.trim()).ok
}
