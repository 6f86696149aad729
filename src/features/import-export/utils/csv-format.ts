/**
 * Writing CSV for spreadsheets (the questionnaire template, shop exports): RFC 4180 quoting, CRLF
 * line ends, a UTF-8 BOM so that Excel reads the accents, and protection against formula
 * injection, since shop names and descriptions come from merchants and open data.
 */

/** The byte order mark Excel needs to read a CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF'

/** What a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Values made of digits, spaces and `+ - . , ( ) /` only: a phone number ("+33 5 49 00 00 00"),
 * a negative longitude ("-0.4594"). A spreadsheet may compute them as arithmetic but they cannot
 * name a function, a cell, a file or a command (that needs letters, `!` or `|`), so they are
 * written unchanged: prefixing them would corrupt a phone number for every reader of the file
 * and for a re-import.
 */
const INERT = /^[0-9 .,()/+-]*$/

/**
 * The value as a spreadsheet should show it: anything else starting with `= + - @`, tab or CR
 * gets a leading apostrophe, which spreadsheets read as "text" and do not display.
 * The questionnaire importer removes that apostrophe again (see `restoreNeutralized`).
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !INERT.test(value) ? `'${value}` : value
}

/** Undoes `neutralizeFormula` when re-reading an export: `'=x` → `=x`. */
export function restoreNeutralized(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

/**
 * One field, neutralised and quoted when needed: a delimiter, quote or line break inside, blanks
 * at either end (which some readers trim), or a leading `+` (an inert value such as a phone
 * number: quoted so that readers that honour quotes keep it as text rather than a number).
 */
export function csvField(value: string, delimiter: string): string {
  const safe = neutralizeFormula(value)
  const needsQuotes =
    safe.includes(delimiter) ||
    safe.includes('"') ||
    safe.includes('\n') ||
    safe.includes('\r') ||
    safe.startsWith('+') ||
    safe !== safe.trim()
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A whole file: BOM, one line per row, CRLF (RFC 4180 and Excel), ending with a line break. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter = ';'): string {
  const lines = rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter))
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}
