/**
 * A small RFC 4180 reader (quoted fields, doubled quotes, CRLF), enough for the open-data CSV
 * files in supabase/data; node has no CSV parser and the generator takes no dependencies.
 */
export function parseCsv(text: string, delimiter = ','): Record<string, string>[] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  const source = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') quoted = true
    else if (char === delimiter) {
      record.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += char
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  const nonEmpty = records.filter((r) => r.some((value) => value !== ''))
  const [header, ...rows] = nonEmpty
  if (!header) return []
  // Some exports start the header with `#` to mark it as a comment line.
  const names = header.map((name, index) => (index === 0 ? name.replace(/^#/, '') : name).trim())
  return rows.map((row) => {
    if (row.length !== names.length) {
      throw new Error(
        `CSV row has ${row.length} fields, header has ${names.length}: ${row.join(delimiter)}`,
      )
    }
    return Object.fromEntries(names.map((name, index) => [name, row[index] ?? '']))
  })
}
