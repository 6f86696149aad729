import { describe, expect, it } from 'vitest'
import { decodeText } from '@/features/import-export/utils/decode-text'
import { fixtureBytes } from '../../../fixtures/curation/files'
import { encodeWindows1252 } from '../../../fixtures/curation/windows-1252'

const utf8 = (text: string) => new TextEncoder().encode(text)
const BOM = [0xef, 0xbb, 0xbf]

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    const result = decodeText(utf8('Nom;Catégorie\nBoulangerie;Alimentation\n'))
    expect(result).toEqual({
      ok: true,
      text: 'Nom;Catégorie\nBoulangerie;Alimentation\n',
      encoding: 'utf-8',
      bom: false,
    })
  })

  it('reads UTF-8 with a BOM and removes it', () => {
    const result = decodeText(new Uint8Array([...BOM, ...utf8('Nom;Marché')]))
    expect(result).toEqual({ ok: true, text: 'Nom;Marché', encoding: 'utf-8', bom: true })
  })

  it('accepts an ArrayBuffer as well as a Uint8Array', () => {
    const bytes = utf8('Nom;Catégorie')
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    expect(decodeText(buffer)).toMatchObject({ ok: true, text: 'Nom;Catégorie' })
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8, and says so', () => {
    const text = 'Catégorie;Téléphone;Œuvre d’art;Prix en €;« Coup de cœur »'
    const result = decodeText(encodeWindows1252(text))
    expect(result).toEqual({ ok: true, text, encoding: 'windows-1252', bom: false })
  })

  it('keeps a plain ASCII file as UTF-8 (both readings agree)', () => {
    expect(decodeText(utf8('Nom;Latitude\nA;46.5\n'))).toMatchObject({ encoding: 'utf-8' })
  })

  it('decodes the realistic questionnaire as UTF-8', () => {
    const bytes = fixtureBytes('questionnaire-grand-poitiers.csv')
    const result = decodeText(bytes)
    expect(result.ok && result.encoding).toBe('utf-8')
    expect(result.ok && result.text).toContain('Pharmacie des Trois Cités')
  })

  it('refuses an empty file, and one of blanks or a lone BOM', () => {
    for (const bytes of [new Uint8Array(), utf8(' \r\n\t\n'), new Uint8Array(BOM)]) {
      expect(decodeText(bytes)).toEqual({ ok: false, error: 'Le fichier est vide.' })
    }
  })

  it('refuses binary files with a French message', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const result = decodeText(png)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(/pas de texte lisible/)
  })

  it('names the usual wrong uploads: a spreadsheet, an old Excel file, a PDF, UTF-16', () => {
    const cases: [number[], RegExp][] = [
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], /classeur.*CSV UTF-8/],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /ancien classeur Excel/],
      [[...utf8('%PDF-1.7\n')], /PDF/],
      [[0xff, 0xfe, 0x4e, 0x00, 0x6f, 0x00], /UTF-16/],
    ]
    for (const [bytes, message] of cases) {
      const result = decodeText(new Uint8Array(bytes))
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error).toMatch(message)
    }
  })

  it('refuses a file that announces UTF-8 with a BOM but holds other bytes', () => {
    const result = decodeText(new Uint8Array([...BOM, ...encodeWindows1252('Catégorie')]))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(/annonce de l’UTF-8/)
  })
})
