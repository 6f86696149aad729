/**
 * SQL literals for the seed. The seed is plain SQL text (no bound parameters), so every value
 * that comes from a data file must pass through these helpers.
 */

function isControl(char: string): boolean {
  const code = char.charCodeAt(0)
  return code < 0x20 || code === 0x7f
}

/** A text literal. Control characters and backslashes switch to an escape string so that the
 * result means the same whatever `standard_conforming_strings` is set to. */
export function sqlString(value: string): string {
  if (value.includes('\0')) throw new Error('PostgreSQL text cannot hold a NUL character')
  if (![...value].some((char) => char === '\\' || isControl(char))) {
    return `'${value.replaceAll("'", "''")}'`
  }
  let escaped = ''
  for (const char of value) {
    if (char === '\\') escaped += '\\\\'
    else if (char === "'") escaped += "\\'"
    else if (char === '\n') escaped += '\\n'
    else if (char === '\t') escaped += '\\t'
    else if (char === '\r') escaped += '\\r'
    else if (isControl(char)) {
      escaped += `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`
    } else escaped += char
  }
  return `E'${escaped}'`
}

export function sqlNullableString(value: string | null | undefined): string {
  return value === null || value === undefined ? 'null' : sqlString(value)
}

/** A finite number written without exponent, so the seed diffs cleanly. */
export function sqlNumber(value: number, decimals = 7): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`)
  const fixed = value.toFixed(decimals)
  // Trim trailing zeros so that 0.5000000 reads 0.5, but keep integers integral.
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed
  return trimmed === '-0' ? '0' : trimmed
}

export function sqlInteger(value: number | null): string {
  if (value === null) return 'null'
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`)
  return String(value)
}

export function sqlBoolean(value: boolean): string {
  return value ? 'true' : 'false'
}

/** PostgreSQL `point(lon, lat)`. */
export function sqlPoint(lon: number, lat: number): string {
  return `point(${sqlNumber(lon)}, ${sqlNumber(lat)})`
}

/** PostgreSQL `box`: (east, north), (west, south) corners, the order the schema documents. */
export function sqlBox(bounds: {
  west: number
  south: number
  east: number
  north: number
}): string {
  return `box(${sqlPoint(bounds.east, bounds.north)}, ${sqlPoint(bounds.west, bounds.south)})`
}

/**
 * A one-dimensional text array literal, e.g. `'{"shop=bakery","shop=pastry"}'`. Every element
 * is double-quoted so that commas, braces and spaces inside values cannot split them.
 */
export function sqlTextArray(values: readonly string[]): string {
  const elements = values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)
  return sqlString(`{${elements.join(',')}}`)
}

/** A jsonb literal with keys in insertion order (the caller fixes the order). */
export function sqlJsonb(value: unknown): string {
  return `${sqlString(JSON.stringify(value))}::jsonb`
}

export function sqlUuid(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
    throw new Error(`not a lower-case UUID: ${value}`)
  }
  return `'${value}'`
}

/** One `insert ... values` statement, one row per line. */
export function sqlInsert(
  table: string,
  columns: readonly string[],
  rows: readonly string[][],
): string {
  if (rows.length === 0) return `-- (no rows for ${table})\n`
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(`${table}: ${row.length} values for ${columns.length} columns`)
    }
  }
  const lines = rows.map((row) => `  (${row.join(', ')})`)
  return `insert into ${table} (${columns.join(', ')}) values\n${lines.join(',\n')};\n`
}
