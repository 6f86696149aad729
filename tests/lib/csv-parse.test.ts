import { describe, expect, it } from 'vitest'
import { detectDelimiter, parseCsv } from '@/lib/csv-parse'
import { fixtureText } from '../fixtures/curation/files'

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields)

describe('detectDelimiter', () => {
  it('picks the delimiter of the header line', () => {
    expect(detectDelimiter('Nom;Catégorie;Latitude\n1,2,3,4,5,6')).toBe(';')
    expect(detectDelimiter('Nom,Catégorie,Latitude\na;b;c;d;e')).toBe(',')
    expect(detectDelimiter('Nom\tCatégorie\tLatitude\n')).toBe('\t')
  })

  it('ignores delimiters inside quoted headers', () => {
    expect(detectDelimiter('"Nom, prénom";"Adresse, ville";Latitude')).toBe(';')
    expect(detectDelimiter('"Nom; prénom","Adresse; ville",Latitude')).toBe(',')
  })

  it('skips blank lines before the header and prefers ";" on a tie or a one-column file', () => {
    expect(detectDelimiter('\r\n\r\nNom,Catégorie\n')).toBe(',')
    expect(detectDelimiter('Nom;Adresse, ville')).toBe(';')
    expect(detectDelimiter('Nom')).toBe(';')
  })
})

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes and delimiters inside quotes', () => {
    expect(fields('a;"b;c";"say ""hi"""\n')).toEqual([['a', 'b;c', 'say "hi"']])
  })

  it('keeps line breaks inside quotes and reports each record on the line it starts', () => {
    const result = parseCsv('Nom;Description\r\nA;"ligne 1\r\nligne 2\nligne 3"\r\nB;x\r\n')
    expect(result.records).toEqual([
      { line: 1, fields: ['Nom', 'Description'] },
      { line: 2, fields: ['A', 'ligne 1\r\nligne 2\nligne 3'] },
      { line: 5, fields: ['B', 'x'] },
    ])
  })

  it('accepts CRLF, LF and CR line ends, mixed', () => {
    const result = parseCsv('a;b\r\nc;d\ne;f\rg;h')
    expect(result.records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', 'h'],
    ])
  })

  it('counts a CR line end inside quotes as one line', () => {
    expect(parseCsv('a;"x\ry"\rb;c').records[1]).toEqual({ line: 3, fields: ['b', 'c'] })
  })

  it('skips blank lines but counts them, and keeps lines of empty fields', () => {
    const result = parseCsv('a;b\n\n\r\n;\nc;d\n')
    expect(result.records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [4, '', ''],
      [5, 'c', 'd'],
    ])
  })

  it('keeps empty fields at the end of a line and at the end of the file', () => {
    expect(fields('a;;\nb;c;')).toEqual([
      ['a', '', ''],
      ['b', 'c', ''],
    ])
  })

  it('reads a quote inside an unquoted field, and text after a closing quote, literally', () => {
    expect(fields('Le "Petit" Café;"abc"def;x')).toEqual([['Le "Petit" Café', 'abcdef', 'x']])
  })

  it('uses a given delimiter over detection', () => {
    expect(parseCsv('a;b,c', { delimiter: ',' }).records[0]!.fields).toEqual(['a;b', 'c'])
  })

  it('reports an unterminated quote with the line it opens on, and keeps the records before', () => {
    const result = parseCsv('Nom;Description\nA;x\nB;"jamais fermé\nC;y\nD;z\n')
    expect(result.error).toEqual({ line: 3, message: expect.stringMatching(/ligne 3/) })
    expect(result.records.map((r) => r.fields[0])).toEqual(['Nom', 'A'])
  })

  it('reads the broken fixture: the quote opened on line 4 is reported there', () => {
    const result = parseCsv(fixtureText('questionnaire-guillemet-non-ferme.csv'))
    expect(result.error?.line).toBe(4)
    expect(result.error?.message).toMatch(/^Guillemet non refermé/)
    expect(result.records.map((r) => r.line)).toEqual([1, 2, 3])
    expect(result.records[2]!.fields[1]).toBe('Librairie "Les Pages"')
  })

  it('reads the realistic questionnaire: 16 records, a multi-line one shifting the lines after', () => {
    const result = parseCsv(fixtureText('questionnaire-grand-poitiers.csv'))
    expect(result.error).toBeNull()
    expect(result.delimiter).toBe(';')
    expect(result.records).toHaveLength(16)
    expect(result.records.every((r) => r.fields.length === 19)).toBe(true)
    expect(result.records[2]).toMatchObject({ line: 3 })
    expect(result.records[2]!.fields[18]).toContain('\n')
    expect(result.records[3]).toMatchObject({ line: 5 })
  })

  it('parses a large file in linear time (200,000 fields with quotes and line breaks)', () => {
    const line = 'x;"a ""b"" c";"multi\nligne";4.5\n'
    const result = parseCsv(`h1;h2;h3;h4\n${line.repeat(50_000)}`)
    expect(result.records).toHaveLength(50_001)
    expect(result.records.at(-1)).toEqual({
      line: 100_000,
      fields: ['x', 'a "b" c', 'multi\nligne', '4.5'],
    })
  })
})
