/**
 * The database's rules for a shop's editable fields, in TypeScript, so that a form can tell the
 * merchant what is wrong before the database refuses the row.
 *
 * Source of truth: supabase/migrations/20261122040000_create_directory_schema.sql, functions
 * `private.is_clean_text`, `private.is_http_url`, `private.are_http_urls`, `private.is_email`,
 * `private.is_phone` and the CHECK constraints on `public.shops`; the `*_clean` constraints of
 * 20261201100000_input_limits.sql; `private.is_visible_text` and the `*_visible` constraints of
 * 20261207093000_invisible_characters.sql (names, addresses, communes and links: one line whose
 * every character shows). The SQL patterns are kept below verbatim (`SQL_PATTERNS`) next to
 * their JavaScript translation, and tests/supabase/shop-rules-parity.test.ts evaluates both on
 * the same values, in PGlite and in PostgreSQL, and requires identical verdicts.
 *
 * Translation notes (PostgreSQL ARE → JavaScript):
 * - Lengths: PostgreSQL's `length`/`char_length` count code points, so `[...value].length`.
 * - `~*` (case-insensitive) only folds the ASCII letters of `https?` in both engines (checked
 *   over all of Unicode), so it is spelt `[Hh][Tt][Tt][Pp][Ss]?` rather than with the `i` flag,
 *   whose Unicode folding would also let `ſ` (U+017F) stand for `s`.
 * - `\s` is the locale's `iswspace`, not JavaScript's `\s` (which adds U+00A0, U+2007, U+202F
 *   and U+FEFF). The set differs between engines: PGlite (musl) counts U+0085 and not U+1680,
 *   PostgreSQL on glibc counts U+1680 and not U+0085. `SPACE` holds the union, so the form
 *   never accepts what either database refuses.
 * - A NUL character cannot be stored in a PostgreSQL `text` at all (SQLSTATE 22021), so every
 *   predicate refuses it even where the SQL pattern alone would let it through.
 * - `invisibleCharacters` names code points only (`\x..`, `\u....`, ranges compared by code
 *   point in both engines), so its text is the same in SQL and in JavaScript and its verdict the
 *   same on PGlite and PostgreSQL. It refuses U+0085 on both, which ends, for names and links,
 *   the engines' disagreement about that character in `\s`.
 */

import type { Locale } from '@/lib/locale-store'

/** Maximum lengths in characters (code points), as in the CHECK constraints. */
export const SHOP_LIMITS = {
  /** `length(btrim(name)) between 1 and 120`; btrim removes spaces only. */
  name: 120,
  description: 2000,
  address: 200,
  communeName: 100,
  statusMessage: 280,
  openingHours: 500,
  openingHoursNote: 1000,
  orderingInstructions: 1000,
  /** `private.is_http_url`: `length(value) <= 500`. */
  url: 500,
  /** `private.is_email`: `length(value) <= 254`. */
  email: 254,
  /** `private.are_http_urls`: `cardinality(value) <= 10`. */
  socialLinks: 10,
} as const

/** The patterns exactly as written in the migration's SQL (string literal contents). */
export const SQL_PATTERNS = {
  controlCharacters: String.raw`[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]`,
  invisibleCharacters: String.raw`[\x01-\x1F\x7F-\x9F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]`,
  httpUrl: String.raw`^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$`,
  email: String.raw`^[A-Za-z0-9.!#$%&''*+/=?^_${'`'}{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`,
  phone: String.raw`^\+?[0-9][0-9 .()-]{5,24}$`,
  postcode: String.raw`^[0-9]{5}$`,
} as const

/** What PostgreSQL's `\s` matches (union of glibc and musl `iswspace`, see above). */
const SPACE = String.raw`\t\n\v\f\r \u0085\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000`

/** The same patterns in JavaScript. */
export const JS_PATTERNS = {
  controlCharacters: /[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]/u, // eslint-disable-line no-control-regex
  invisibleCharacters:
    // eslint-disable-next-line no-control-regex
    /[\x01-\x1F\x7F-\x9F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u,
  httpUrl: new RegExp(
    String.raw`^[Hh][Tt][Tt][Pp][Ss]?://[^${SPACE}/?#]+\.[^${SPACE}/?#]+(?:[/?#][^${SPACE}]*)?$`,
    'u',
  ),
  email:
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/u,
  phone: /^\+?[0-9][0-9 .()-]{5,24}$/u,
  postcode: /^[0-9]{5}$/u,
} as const

/** Length as PostgreSQL counts it: code points, so an emoji counts as one. */
export function charLength(value: string): number {
  let n = 0
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i)
    // A high surrogate followed by a low one is a single code point (as `[...value]` counts).
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** PostgreSQL `text` cannot hold NUL. */
function storable(value: string): boolean {
  return !value.includes('\0')
}

/** `private.is_clean_text`: no ASCII control character except tab, newline and carriage return. */
export function isCleanText(value: string | null | undefined): boolean {
  return value == null || (storable(value) && !JS_PATTERNS.controlCharacters.test(value))
}

/**
 * `private.is_visible_text`: one line of text whose every character shows, as the database
 * requires of names, addresses, communes and links. Refuses every C0 control (tab, line feed
 * and carriage return included), DEL, the C1 controls (U+0080–U+009F), the bidirectional
 * formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the
 * zero-width ones (U+200B–U+200D, U+2060, U+FEFF). Accents, emoji and every script pass; an
 * emoji sequence joined by U+200D (👩‍🍳) does not.
 */
export function isVisibleText(value: string | null | undefined): boolean {
  return value == null || (storable(value) && !JS_PATTERNS.invisibleCharacters.test(value))
}

/** `private.is_http_url`. */
export function isHttpUrl(value: string | null | undefined): boolean {
  if (value == null) return true
  // Length first: it bounds the regular expression's work.
  return charLength(value) <= SHOP_LIMITS.url && storable(value) && JS_PATTERNS.httpUrl.test(value)
}

/** `private.are_http_urls`: at most 10 entries, none null, each an http(s) URL. */
export function areHttpUrls(value: readonly (string | null)[] | null | undefined): boolean {
  if (value == null) return true
  return value.length <= SHOP_LIMITS.socialLinks && value.every((v) => v != null && isHttpUrl(v))
}

/** `private.is_email`. */
export function isEmail(value: string | null | undefined): boolean {
  if (value == null) return true
  return charLength(value) <= SHOP_LIMITS.email && JS_PATTERNS.email.test(value)
}

/** `private.is_phone`. */
export function isPhone(value: string | null | undefined): boolean {
  return value == null || JS_PATTERNS.phone.test(value)
}

/** The `postcode` CHECK. */
export function isPostcode(value: string | null | undefined): boolean {
  return value == null || JS_PATTERNS.postcode.test(value)
}

/** PostgreSQL `btrim(value)`: removes spaces (U+0020) only, not tabs or newlines. */
export function btrim(value: string): string {
  return value.replace(/^ +| +$/gu, '')
}

export interface ShopDetails {
  name: string
  description: string | null
  address: string | null
  communeName: string | null
  postcode: string | null
  phone: string | null
  email: string | null
  website: string | null
  socialLinks: readonly (string | null)[]
  openingHours: string | null
  openingHoursNote: string | null
  orderingInstructions: string | null
  statusMessage: string | null
}

export type ShopField = keyof ShopDetails

type TextField =
  | 'name'
  | 'description'
  | 'address'
  | 'communeName'
  | 'statusMessage'
  | 'openingHours'
  | 'openingHoursNote'
  | 'orderingInstructions'

/** What a refused value is told, in one language. */
export interface ShopRuleMessages {
  tooLong: (subject: string, length: number, max: number) => string
  controlCharacters: string
  invisibleCharacters: string
  nameRequired: string
  postcode: string
  phone: string
  email: string
  websiteScheme: string
  website: string
  tooManyLinks: (count: number) => string
  linkEmpty: (n: number) => string
  linkScheme: (n: number) => string
  link: (n: number) => string
}

/** Subjects of `tooLong` ("… fait N caractères : M au plus."), in one language. */
interface ShopRuleSubjects extends Record<TextField, string> {
  email: string
  website: string
  link: (n: number) => string
}

const SUBJECTS: Record<Locale, ShopRuleSubjects> = {
  fr: {
    name: 'Le nom',
    description: 'La description',
    address: "L'adresse",
    communeName: 'Le nom de la commune',
    statusMessage: 'Le message',
    openingHours: 'Le texte des horaires',
    openingHoursNote: 'La note sur les horaires',
    orderingInstructions: 'La marche à suivre',
    email: "L'adresse e-mail",
    website: "L'adresse du site",
    link: (n) => `Le lien ${n}`,
  },
  en: {
    name: 'The name',
    description: 'The description',
    address: 'The address',
    communeName: 'The town’s name',
    statusMessage: 'The message',
    openingHours: 'The hours text',
    openingHoursNote: 'The note on the hours',
    orderingInstructions: 'The ordering instructions',
    email: 'The e-mail address',
    website: 'The website’s address',
    link: (n) => `Link ${n}`,
  },
}

/** The French messages, also those of the curators' import reports. */
export const MESSAGES = {
  tooLong: (subject: string, length: number, max: number) =>
    `${subject} fait ${length} caractères : ${max} au plus.`,
  controlCharacters: 'Caractères de contrôle interdits.',
  /** Names, addresses, communes and links (isVisibleText). */
  invisibleCharacters: 'Caractères invisibles ou de contrôle interdits.',
  nameRequired: 'Le nom est obligatoire.',
  postcode: 'Le code postal doit compter 5 chiffres.',
  phone: 'Numéro de téléphone invalide.',
  email: 'Adresse e-mail invalide.',
  websiteScheme: 'Le site doit commencer par http:// ou https://.',
  website: 'Adresse du site invalide.',
  tooManyLinks: (count: number) => `${SHOP_LIMITS.socialLinks} liens au plus (${count} saisis).`,
  linkEmpty: (n: number) => `Le lien ${n} est vide.`,
  linkScheme: (n: number) => `Le lien ${n} doit commencer par http:// ou https://.`,
  link: (n: number) => `Le lien ${n} est invalide.`,
} as const satisfies ShopRuleMessages

/** The messages of the forms, in each language. */
export const SHOP_RULE_MESSAGES: Record<Locale, ShopRuleMessages> = {
  fr: MESSAGES,
  en: {
    tooLong: (subject, length, max) => `${subject} is ${length} characters long: ${max} at most.`,
    controlCharacters: 'Control characters are not allowed.',
    invisibleCharacters: 'Invisible or control characters are not allowed.',
    nameRequired: 'The name is required.',
    postcode: 'The postcode must have 5 digits.',
    phone: 'Invalid phone number.',
    email: 'Invalid e-mail address.',
    websiteScheme: 'The website must start with http:// or https://.',
    website: 'Invalid website address.',
    tooManyLinks: (count) => `${SHOP_LIMITS.socialLinks} links at most (${count} given).`,
    linkEmpty: (n) => `Link ${n} is empty.`,
    linkScheme: (n) => `Link ${n} must start with http:// or https://.`,
    link: (n) => `Link ${n} is invalid.`,
  },
}

const HTTP_SCHEME = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//u

/** Text fields the database holds to `private.is_visible_text` (links are checked apart). */
const SINGLE_LINE_FIELDS: ReadonlySet<ShopField> = new Set(['name', 'address', 'communeName'])

function urlError(
  messages: ShopRuleMessages,
  value: string,
  subject: string,
  scheme: string,
  invalid: string,
): string | null {
  // The database also refuses control, bidirectional and zero-width characters in links (the
  // *_clean and *_visible constraints), which the URL pattern alone lets through.
  if (!isVisibleText(value)) return messages.invisibleCharacters
  if (isHttpUrl(value)) return null
  if (!HTTP_SCHEME.test(value)) return scheme
  const length = charLength(value)
  if (length > SHOP_LIMITS.url) return messages.tooLong(subject, length, SHOP_LIMITS.url)
  return invalid
}

/**
 * The message to show under a field, in `locale` (French by default), or null when the database
 * would accept the value.
 * `null`/`undefined` mean "no value" and pass (except for `name`, which is required). An empty
 * string is judged as the database judges it: `''` is a valid description but not a valid
 * phone, e-mail or website, so a form should send null for an emptied optional field.
 */
export function validateShopField(
  field: ShopField,
  value: string | readonly (string | null)[] | null | undefined,
  locale: Locale = 'fr',
): string | null {
  const messages = SHOP_RULE_MESSAGES[locale]
  const subjects = SUBJECTS[locale]
  if (field === 'socialLinks') {
    if (value == null) return null
    const links: readonly (string | null)[] = typeof value === 'string' ? [value] : value
    if (links.length > SHOP_LIMITS.socialLinks) return messages.tooManyLinks(links.length)
    for (const [i, link] of links.entries()) {
      if (link == null) return messages.linkEmpty(i + 1)
      const error = urlError(
        messages,
        link,
        subjects.link(i + 1),
        messages.linkScheme(i + 1),
        messages.link(i + 1),
      )
      if (error) return error
    }
    return null
  }
  if (value == null) return field === 'name' ? messages.nameRequired : null
  if (typeof value !== 'string') throw new TypeError(`${field} expects a string`)

  switch (field) {
    case 'phone':
      return isPhone(value) ? null : messages.phone
    case 'email': {
      if (isEmail(value)) return null
      const length = charLength(value)
      return length > SHOP_LIMITS.email
        ? messages.tooLong(subjects.email, length, SHOP_LIMITS.email)
        : messages.email
    }
    case 'website':
      return urlError(messages, value, subjects.website, messages.websiteScheme, messages.website)
    case 'postcode':
      return isPostcode(value) ? null : messages.postcode
    default: {
      if (SINGLE_LINE_FIELDS.has(field) && !isVisibleText(value)) {
        return messages.invisibleCharacters
      }
      if (!isCleanText(value)) return messages.controlCharacters
      const measured = field === 'name' ? btrim(value) : value
      const length = charLength(measured)
      if (field === 'name' && length === 0) return messages.nameRequired
      const max = SHOP_LIMITS[field]
      return length > max ? messages.tooLong(subjects[field], length, max) : null
    }
  }
}

/** The fields a merchant edits from the phone. */
export type EditableShopDetails = Pick<
  ShopDetails,
  | 'statusMessage'
  | 'description'
  | 'phone'
  | 'email'
  | 'website'
  | 'socialLinks'
  | 'orderingInstructions'
>

/** Every field present in `details` that the database would refuse, with its message. */
export function validateShopDetails(
  details: Partial<EditableShopDetails> | Partial<ShopDetails>,
  locale: Locale = 'fr',
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [field, value] of Object.entries(details) as [ShopField, ShopDetails[ShopField]][]) {
    if (value === undefined) continue
    const error = validateShopField(field, value, locale)
    if (error) errors[field] = error
  }
  return errors
}
