import { describe, expect, it } from 'vitest'
import {
  csvField,
  formatCsv,
  neutralizeFormula,
  restoreNeutralized,
} from '@/features/import-export/utils/csv-format'
import { parseCsv } from '@/lib/csv-parse'

describe('neutralizeFormula', () => {
  it('prefixes what a spreadsheet would run as a formula', () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil.example","x")')).toBe(
      `'=HYPERLINK("http://evil.example","x")`,
    )
    expect(neutralizeFormula("+cmd|' /C calc'!A0")).toBe(`'+cmd|' /C calc'!A0`)
    expect(neutralizeFormula('-2+3+cmd|x')).toBe(`'-2+3+cmd|x`)
    expect(neutralizeFormula('@SUM(A1:A2)')).toBe(`'@SUM(A1:A2)`)
    expect(neutralizeFormula('\t=1')).toBe(`'\t=1`)
    expect(neutralizeFormula('- pain bio')).toBe(`'- pain bio`)
  })

  it('leaves phone numbers and negative coordinates as they are', () => {
    expect(neutralizeFormula('+33 5 49 00 00 00')).toBe('+33 5 49 00 00 00')
    expect(neutralizeFormula('+33 (0)5 49.00.00.00')).toBe('+33 (0)5 49.00.00.00')
    expect(neutralizeFormula('-0.4594')).toBe('-0.4594')
    expect(neutralizeFormula('Boulangerie = bonheur')).toBe('Boulangerie = bonheur')
  })

  it('is undone by restoreNeutralized, which leaves other apostrophes alone', () => {
    for (const value of ['=1+1', '@x', '- pain bio', "+cmd|' /C calc'!A0"]) {
      expect(restoreNeutralized(neutralizeFormula(value))).toBe(value)
    }
    expect(restoreNeutralized("'Les Halles'")).toBe("'Les Halles'")
  })
})

describe('csvField and formatCsv', () => {
  it('quotes delimiters, quotes, line breaks, outer blanks and a leading +', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"')
    expect(csvField('a,b', ';')).toBe('a,b')
    expect(csvField('dit "bonjour"', ';')).toBe('"dit ""bonjour"""')
    expect(csvField('deux\nlignes', ';')).toBe('"deux\nlignes"')
    expect(csvField(' espace', ';')).toBe('" espace"')
    expect(csvField('+33 5 49 00 00 00', ';')).toBe('"+33 5 49 00 00 00"')
    expect(csvField('=1+1', ';')).toBe("'=1+1")
    expect(csvField('simple', ';')).toBe('simple')
  })

  it('writes a BOM, CRLF line ends, and reads back to the same values', () => {
    const rows = [
      ['Nom', 'Téléphone', 'Description'],
      ['Café ; bar', '+33 5 49 00 00 00', 'Ligne 1\nLigne "2"'],
      ['=danger', '-0.45', ''],
    ]
    const text = formatCsv(rows)
    expect(text.startsWith('\uFEFFNom;Téléphone;Description\r\n')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    const back = parseCsv(text.slice(1)).records.map((r) => r.fields.map(restoreNeutralized))
    expect(back).toEqual(rows)
  })
})
