/**
 * Normalisation of contact fields from the source files. The rule is: reformat what the source
 * said when the meaning is unambiguous, otherwise drop it. Never make a value up.
 * The patterns mirror the CHECK constraints of public.shops (private.is_phone, is_email,
 * is_http_url) so that a value accepted here is accepted by the database.
 */

const PHONE_PATTERN = /^\+?[0-9][0-9 .()-]{5,24}$/
const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/
const HTTP_URL_PATTERN = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$/i
const BARE_HOST_PATTERN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$/i

/** Text as the database accepts it: no control characters but tab and newline, CRLF folded,
 * surrounding blanks removed; an empty result means "no value". */
export function cleanText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = [...String(value).replace(/\r\n?/g, '\n')]
    .filter((char) => {
      const code = char.charCodeAt(0)
      return char === '\t' || char === '\n' || (code >= 0x20 && code !== 0x7f)
    })
    .join('')
    .trim()
  return text === '' ? null : text
}

/** One-line text: runs of blanks (including newlines) become one space. */
export function cleanLine(value: unknown): string | null {
  const text = cleanText(value)
  return text === null ? null : text.replace(/\s+/g, ' ')
}

function groupFrenchDigits(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ')
}

/**
 * A phone number the schema accepts, or null. Values already valid are kept as written
 * (trimmed); French numbers written with other separators are regrouped by pairs; anything else
 * (short numbers such as La Poste's 3631, extensions, words) is dropped.
 */
export function normalizePhone(value: unknown): string | null {
  const text = cleanLine(value)
  if (text === null) return null
  if (PHONE_PATTERN.test(text)) return text
  const digits = text.replace(/[^\d+]/g, '')
  if (/^0[1-9]\d{8}$/.test(digits)) return groupFrenchDigits(digits)
  if (/^\+33[1-9]\d{8}$/.test(digits)) {
    return `+33 ${digits.slice(3, 4)} ${groupFrenchDigits(digits.slice(4))}`
  }
  return null
}

/** An e-mail address the schema accepts, or null. */
export function normalizeEmail(value: unknown): string | null {
  const text = cleanLine(value)
  if (text === null || text.length > 254 || !EMAIL_PATTERN.test(text)) return null
  return text
}

/**
 * An http(s) URL the schema accepts, or null. A bare host such as `www.example.fr` gets
 * `http://`, the scheme that works for any site; https is not assumed because the source did not
 * say the site serves it.
 */
export function normalizeWebsite(value: unknown): string | null {
  const text = cleanLine(value)
  if (text === null || /\s/.test(text)) return null
  let url = text
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    if (!BARE_HOST_PATTERN.test(url)) return null
    url = `http://${url}`
  }
  if (url.length > 500 || !HTTP_URL_PATTERN.test(url)) return null
  return url
}

/** A French postcode (5 digits), or null. */
export function normalizePostcode(value: unknown): string | null {
  const text = cleanLine(value)
  if (text === null) return null
  const digits = /^\d+(?:\.0+)?$/.test(text) ? text.replace(/\.0+$/, '') : text
  return /^\d{5}$/.test(digits) ? digits : null
}

/** Cut at a word boundary to fit a column's length limit, marking the cut. */
export function fitLength(value: string | null, max: number): string | null {
  if (value === null || value.length <= max) return value
  const cut = value.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
