/**
 * Decodes an uploaded text file. Curators' files come from spreadsheets: UTF-8 (with a BOM from
 * Excel's "CSV UTF-8", without from LibreOffice or a script) or Windows-1252 (Excel's plain "CSV"
 * on a French Windows). Strict UTF-8 is tried first: a Windows-1252 file with accents is almost
 * never valid UTF-8, so a clean UTF-8 decoding is proof enough; otherwise Windows-1252, which can
 * decode any byte. The encoding used is returned, for the import report to show.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252'

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; error: string }

/** Signatures of files curators upload by mistake instead of a CSV export. */
const SIGNATURES: readonly [bytes: number[], message: string][] = [
  [
    [0x50, 0x4b, 0x03, 0x04],
    'Ce fichier est un classeur (.xlsx ou .ods) ou une archive, pas un fichier texte : ' +
      'enregistrez-le au format « CSV UTF-8 » depuis votre tableur.',
  ],
  [
    [0xd0, 0xcf, 0x11, 0xe0],
    'Ce fichier est un ancien classeur Excel (.xls), pas un fichier texte : ' +
      'enregistrez-le au format « CSV UTF-8 » depuis votre tableur.',
  ],
  [[0x25, 0x50, 0x44, 0x46], 'Ce fichier est un PDF, pas un fichier texte.'],
]

const UTF16_MESSAGE =
  'Ce fichier est en UTF-16 (« Texte Unicode » d’Excel) : enregistrez-le au format ' +
  '« CSV UTF-8 ».'
const BINARY_MESSAGE =
  'Ce fichier ne contient pas de texte lisible (fichier binaire ?) : ' +
  'choisissez un fichier CSV ou GeoJSON.'
const EMPTY_MESSAGE = 'Le fichier est vide.'

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

/**
 * Whether the bytes look like a binary file: a NUL byte anywhere in the first 64 KiB (text files
 * never hold one), or more than 1 in 100 control characters other than tab, newlines and form
 * feed.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65536)
  let controls = 0
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!
    if (byte === 0) return true
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) {
      controls++
    }
  }
  return controls * 100 > end
}

export function decodeText(input: ArrayBuffer | Uint8Array): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, error: UTF16_MESSAGE }
  }
  for (const [signature, message] of SIGNATURES) {
    if (startsWith(bytes, signature)) return { ok: false, error: message }
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf])
  const body = bom ? bytes.subarray(3) : bytes
  if (body.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))) {
    return { ok: false, error: EMPTY_MESSAGE }
  }
  if (looksBinary(body)) return { ok: false, error: BINARY_MESSAGE }
  try {
    // ignoreBOM: the BOM was already cut above, and a second one would be content.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
    return { ok: true, text, encoding: 'utf-8', bom }
  } catch {
    // A BOM promises UTF-8: invalid bytes after one mean a damaged file, not another encoding.
    if (bom) {
      return {
        ok: false,
        error:
          'Le fichier annonce de l’UTF-8 mais contient des octets invalides : ' +
          'enregistrez-le de nouveau au format « CSV UTF-8 ».',
      }
    }
    return {
      ok: true,
      text: new TextDecoder('windows-1252').decode(body),
      encoding: 'windows-1252',
      bom: false,
    }
  }
}
