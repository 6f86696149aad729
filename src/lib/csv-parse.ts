/**
 * An RFC 4180 CSV parser for curators' files: quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF, LF or CR line ends, and the delimiter French spreadsheets use (';') as well as
 * ',' and tab. Each record carries the physical line it starts on, so that an error reported on a
 * record spanning lines points at the line the curator sees in a text editor.
 *
 * Lenient where spreadsheets are sloppy, and only there: a quote inside an unquoted field
 * (`Le "Petit" Café`) is a literal quote, and text after a closing quote (`"abc"def`) is kept.
 * Only an unterminated quoted field is an error, since it swallows the rest of the file.
 */

export type CsvDelimiter = ';' | ',' | '\t'

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number
  fields: string[]
}

export interface CsvParseResult {
  delimiter: CsvDelimiter
  records: CsvRecord[]
  /** The unterminated quote, if any; the records before it are returned. */
  error: { line: number; message: string } | null
}

const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t']

/**
 * The delimiter of a file, from its first non-empty line (the header): whichever of ';', ',' and
 * tab occurs most often outside quotes. A tie goes to ';', the French spreadsheets' choice, whose
 * headers never hold one, whereas a ',' may sit in a header such as "Nom, prénom". A header with
 * none of them is a one-column file, read with ';'.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]))
  let inQuotes = false
  let started = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '"') inQuotes = !inQuotes
    else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (started) break
    } else {
      if (char.trim() !== '') started = true
      if (!inQuotes && counts.has(char as CsvDelimiter)) {
        counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1)
      }
    }
  }
  let best: CsvDelimiter = ';'
  for (const candidate of CANDIDATES) {
    if (counts.get(candidate)! > counts.get(best)!) best = candidate
  }
  return best
}

const QUOTE = 34
const LF = 10
const CR = 13

/**
 * Parses the whole text. Blank lines (nothing between two line breaks) are skipped; a line of
 * empty fields (`;;;`) is a record, for the caller to judge.
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const delimiter = options.delimiter ?? detectDelimiter(text)
  const separator = delimiter.charCodeAt(0)
  const records: CsvRecord[] = []
  const length = text.length
  let line = 1
  let i = 0

  while (i < length) {
    const recordLine = line
    const fields: string[] = []
    // One iteration per field, until the line ends.
    while (true) {
      let value = ''
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line
        i++
        let closed = false
        // Copy runs between quotes with slice: much faster than char by char on large files.
        while (i < length) {
          const next = text.indexOf('"', i)
          if (next === -1) {
            i = length
            break
          }
          line += countLineBreaks(text, i, next)
          value += text.slice(i, next)
          if (text.charCodeAt(next + 1) === QUOTE) {
            value += '"'
            i = next + 2
          } else {
            i = next + 1
            closed = true
            break
          }
        }
        if (!closed) {
          return {
            delimiter,
            records,
            error: {
              line: quoteLine,
              message:
                `Guillemet non refermé : le champ ouvert ligne ${quoteLine} court jusqu’à la fin ` +
                'du fichier. Vérifiez les guillemets de cette ligne.',
            },
          }
        }
      }
      // Unquoted text, or text after a closing quote, up to the delimiter or the line end.
      const start = i
      while (i < length) {
        const code = text.charCodeAt(i)
        if (code === separator || code === LF || code === CR) break
        i++
      }
      value += text.slice(start, i)
      fields.push(value)
      if (i >= length) break
      const code = text.charCodeAt(i)
      if (code === separator) {
        i++
        // A delimiter at the very end of the file still ends a field: the record gets an empty one.
        if (i >= length) {
          fields.push('')
          break
        }
        continue
      }
      // Line end: CRLF, LF or CR.
      i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      line++
      break
    }
    if (!(fields.length === 1 && fields[0] === '')) {
      records.push({ line: recordLine, fields })
    }
  }
  return { delimiter, records, error: null }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code === LF) count++
    else if (code === CR && text.charCodeAt(i + 1) !== LF) count++
  }
  return count
}
