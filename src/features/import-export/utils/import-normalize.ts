import { JS_PATTERNS, isHttpUrl, isPhone, isVisibleText } from '@/shop/shop-rules'
import { normalizeForSearch } from '@/shop/normalize-text'

/**
 * Normalisation of the values importers read, shared by the questionnaire and the OSM import.
 * The rule is the seed generator's: reformat when the meaning is unambiguous, otherwise say so;
 * never make a value up. Validity is always decided by src/shop/shop-rules.ts (the database's
 * rules), never by a pattern of our own.
 */

/** Text on one line: runs of blanks (newlines included) become one space; '' means no value. */
export function cleanLine(value: string | null | undefined): string | null {
  if (value == null) return null
  const text = value.replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

const INVISIBLE_CHARACTERS = new RegExp(JS_PATTERNS.invisibleCharacters.source, 'gu')

/**
 * `cleanLine`, then without the characters the database refuses in names, addresses and links
 * (controls, bidirectional formatting, zero-width: isVisibleText). Only for a source the curator
 * cannot correct (OpenStreetMap): the questionnaire refuses them instead. `removed` says whether
 * any was, so that the caller warns.
 */
export function visibleLine(value: string | null | undefined): {
  text: string | null
  removed: boolean
} {
  const line = cleanLine(value)
  if (line === null || isVisibleText(line)) return { text: line, removed: false }
  // NUL too: PostgreSQL cannot store it at all.
  return {
    text: cleanLine(line.replace(INVISIBLE_CHARACTERS, '').replaceAll('\0', '')),
    removed: true,
  }
}

/** Text that may span lines: line breaks folded to `\n`, each line trimmed at its end. */
export function cleanMultiline(value: string | null | undefined): string | null {
  if (value == null) return null
  const text = value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
  return text === '' ? null : text
}

function groupFrenchDigits(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ')
}

export type PhoneResult =
  | { kind: 'ok'; phone: string; note: 'first-of-several' | 'unusual-length' | null }
  | { kind: 'invalid' }

/** A French number written any usual way, as ten digits starting with 0; null otherwise. */
function frenchDigits(text: string): string | null {
  if (!/^[+\d\s.\-/()]+$/.test(text)) return null
  const compact = text.replace(/\(0\)/g, '').replace(/[\s.\-/()]/g, '')
  if (/^0[1-9]\d{8}$/.test(compact)) return compact
  const international = /^(?:\+|00)33(\d{9})$/.exec(compact)
  if (international && international[1]![0] !== '0') return `0${international[1]}`
  return null
}

/**
 * A phone number the database accepts. French numbers ("05 49 00 00 00", "+33 5 49 00 00 00",
 * "0549000000", "05.49.00.00.00", "+33 (0)5 49…") are all written the national way, in pairs:
 * one spelling per file, the one French readers dial; the app builds the international `tel:`
 * link itself. Other numbers the database accepts are kept as written. When a cell holds two
 * numbers ("05 49 … / 06 12 …", OSM's `;`), the first is kept and the caller says so.
 */
export function normalizePhone(value: string): PhoneResult {
  const text = cleanLine(value)
  if (text === null) return { kind: 'invalid' }
  const french = frenchDigits(text)
  if (french) return { kind: 'ok', phone: groupFrenchDigits(french), note: null }
  if (isPhone(text)) {
    // The database takes "05 49 00" (6 to 25 signs); a French number of other than ten digits
    // is kept, since the rule allows it, but the curator is told to check it.
    const digits = text.replace(/\D/g, '')
    const unusual = /^0[1-9]/.test(digits) && digits.length !== 10
    return { kind: 'ok', phone: text, note: unusual ? 'unusual-length' : null }
  }
  const parts = text.split(/\s*(?:;|\/|\bou\b|\bet\b|,)\s*/).filter(Boolean)
  if (parts.length > 1) {
    const first = parts[0]!
    const firstFrench = frenchDigits(first)
    // Every part must be a number: "05 49 … poste 12" is not two numbers.
    const allNumbers = parts.every((part) => frenchDigits(part) !== null || isPhone(part))
    if (allNumbers) {
      return {
        kind: 'ok',
        phone: firstFrench ? groupFrenchDigits(firstFrench) : first,
        note: 'first-of-several',
      }
    }
  }
  return { kind: 'invalid' }
}

/** What a bare domain looks like: `www.example.fr`, `boulangerie-durand.fr/contact`. */
const BARE_DOMAIN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\.?(?::\d{1,5})?(?:[/?#]\S*)?$/i

export type UrlResult =
  | { kind: 'ok'; url: string; schemeAdded: boolean }
  | { kind: 'invalid'; reason: 'scheme' | 'invalid' | 'control' }

/**
 * A web address the database accepts. Without a scheme, `https://` is prepended only when the
 * text clearly is a domain name (letters, digits and hyphens, dot-separated, ending with an
 * alphabetic top-level domain): https because browsers and sites expect it today, and the caller
 * warns so that the curator can check. Anything else is refused, never repaired.
 */
export function normalizeUrl(value: string): UrlResult {
  const text = value.trim()
  // Valid URL syntax can still hold control, bidirectional or zero-width characters, which the
  // database refuses in links.
  if (!isVisibleText(text)) return { kind: 'invalid', reason: 'control' }
  if (isHttpUrl(text)) return { kind: 'ok', url: text, schemeAdded: false }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || /\s/.test(text) || text.startsWith('//')) {
    return { kind: 'invalid', reason: /^https?:\/\//i.test(text) ? 'invalid' : 'scheme' }
  }
  if (BARE_DOMAIN.test(text)) {
    const url = `https://${text}`
    if (isHttpUrl(url)) return { kind: 'ok', url, schemeAdded: true }
  }
  return { kind: 'invalid', reason: 'scheme' }
}

/**
 * A French postcode. Spreadsheets turn `01000` into `1000` and `86000` into `86000.0`; the first
 * is padded back (a French postcode always has five digits), the caller warns.
 */
export function normalizePostcode(
  value: string,
): { kind: 'ok'; postcode: string; padded: boolean } | { kind: 'invalid' } {
  let text = value.replace(/\s+/g, '')
  if (/^\d+\.0+$/.test(text)) text = text.replace(/\.0+$/, '')
  if (/^\d{5}$/.test(text)) return { kind: 'ok', postcode: text, padded: false }
  if (/^\d{4}$/.test(text)) return { kind: 'ok', postcode: `0${text}`, padded: true }
  return { kind: 'invalid' }
}

/**
 * A coordinate in decimal degrees: "46.5802", "46,5802" (French decimal comma), "+0.34", with
 * surrounding blanks. Degrees-minutes-seconds and anything else are refused: converting them is
 * a guess about the notation.
 */
export function parseCoordinate(value: string): number | null {
  const text = value.trim().replace(/\s+/g, '')
  if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(text)) return null
  const number = Number(text.replace(',', '.'))
  return Number.isFinite(number) ? number : null
}

/** A slug of a name for keys: lower-case ASCII words joined by hyphens. */
export function slugKey(text: string): string {
  return normalizeForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
