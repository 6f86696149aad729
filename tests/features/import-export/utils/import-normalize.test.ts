import { describe, expect, it } from 'vitest'
import {
  cleanLine,
  cleanMultiline,
  normalizePhone,
  normalizePostcode,
  normalizeUrl,
  parseCoordinate,
  slugKey,
} from '@/features/import-export/utils/import-normalize'
import { isHttpUrl, isPhone } from '@/shop/shop-rules'

describe('normalizePhone', () => {
  it('writes French numbers the national way, in pairs', () => {
    for (const input of [
      '05 49 00 00 00',
      '0549000000',
      '05.49.00.00.00',
      '05-49-00-00-00',
      '+33 5 49 00 00 00',
      '+33549000000',
      '0033 5 49 00 00 00',
      '+33 (0)5 49 00 00 00',
      ' 05 49 00 00 00 ',
    ]) {
      expect([input, normalizePhone(input)]).toEqual([
        input,
        { kind: 'ok', phone: '05 49 00 00 00', note: null },
      ])
    }
  })

  it('keeps other numbers the database accepts as written', () => {
    expect(normalizePhone('+32 63 42 23 45')).toEqual({
      kind: 'ok',
      phone: '+32 63 42 23 45',
      note: null,
    })
  })

  it('keeps a short French number the database accepts, and flags it', () => {
    expect(normalizePhone('05 49 00')).toEqual({
      kind: 'ok',
      phone: '05 49 00',
      note: 'unusual-length',
    })
  })

  it('keeps the first of several numbers and says so', () => {
    expect(normalizePhone('05 49 00 00 00 / 06 12 34 56 78')).toEqual({
      kind: 'ok',
      phone: '05 49 00 00 00',
      note: 'first-of-several',
    })
    expect(normalizePhone('+33549000000;+33612345678')).toMatchObject({ phone: '05 49 00 00 00' })
  })

  it('refuses what is not a number, and every result passes the database rule', () => {
    for (const input of [
      'Tél. 05 49 00 00 00',
      '3631',
      'voir site',
      '05 49 00 00 00 poste 12',
      '',
    ]) {
      expect(normalizePhone(input)).toEqual({ kind: 'invalid' })
    }
    const ok = normalizePhone('+33 5 49 00 00 00')
    expect(ok.kind === 'ok' && isPhone(ok.phone)).toBe(true)
  })
})

describe('normalizeUrl', () => {
  it('refuses control characters, which the database refuses in links', () => {
    expect(normalizeUrl('https://exemple.fr/\u0001')).toEqual({
      kind: 'invalid',
      reason: 'control',
    })
  })

  it('keeps http(s) addresses', () => {
    expect(normalizeUrl(' https://www.example.fr/a?b=1 ')).toEqual({
      kind: 'ok',
      url: 'https://www.example.fr/a?b=1',
      schemeAdded: false,
    })
    expect(normalizeUrl('http://example.fr')).toMatchObject({ url: 'http://example.fr' })
  })

  it('adds https:// to what clearly is a domain', () => {
    for (const [input, url] of [
      ['www.pharmacie-niort.com', 'https://www.pharmacie-niort.com'],
      ['fromagerie-chabichou.fr', 'https://fromagerie-chabichou.fr'],
      ['facebook.com/boulangerie.temoin', 'https://facebook.com/boulangerie.temoin'],
    ]) {
      expect(normalizeUrl(input!)).toEqual({ kind: 'ok', url, schemeAdded: true })
      expect(isHttpUrl(url)).toBe(true)
    }
  })

  it('refuses other schemes, words, spaces and malformed addresses', () => {
    expect(normalizeUrl('javascript:alert(1)')).toEqual({ kind: 'invalid', reason: 'scheme' })
    expect(normalizeUrl('htp://boulangerie.fr')).toEqual({ kind: 'invalid', reason: 'scheme' })
    expect(normalizeUrl('facebook')).toEqual({ kind: 'invalid', reason: 'scheme' })
    expect(normalizeUrl('www.example.fr et www.autre.fr')).toEqual({
      kind: 'invalid',
      reason: 'scheme',
    })
    expect(normalizeUrl('https://localhost')).toEqual({ kind: 'invalid', reason: 'invalid' })
    expect(normalizeUrl('mailto:a@b.fr')).toEqual({ kind: 'invalid', reason: 'scheme' })
  })
})

describe('normalizePostcode', () => {
  it('keeps five digits, repairs what spreadsheets do to them', () => {
    expect(normalizePostcode('86000')).toEqual({ kind: 'ok', postcode: '86000', padded: false })
    expect(normalizePostcode('86 000')).toEqual({ kind: 'ok', postcode: '86000', padded: false })
    expect(normalizePostcode('86000.0')).toEqual({ kind: 'ok', postcode: '86000', padded: false })
    expect(normalizePostcode('1000')).toEqual({ kind: 'ok', postcode: '01000', padded: true })
    expect(normalizePostcode('ABCDE')).toEqual({ kind: 'invalid' })
    expect(normalizePostcode('860000')).toEqual({ kind: 'invalid' })
  })
})

describe('parseCoordinate', () => {
  it('reads decimal degrees with a point or a French comma', () => {
    expect(parseCoordinate('46.5802')).toBe(46.5802)
    expect(parseCoordinate('46,5802')).toBe(46.5802)
    expect(parseCoordinate(' -0,4594 ')).toBe(-0.4594)
    expect(parseCoordinate('+0.34')).toBe(0.34)
    expect(parseCoordinate('46')).toBe(46)
  })

  it('refuses other notations rather than guess', () => {
    for (const text of ['46°34′48″N', '46.58.02', '46,580,2', '1e3', '', 'abc', '46.58 N']) {
      expect([text, parseCoordinate(text)]).toEqual([text, null])
    }
  })
})

describe('text helpers', () => {
  it('cleans one-line and multi-line text', () => {
    expect(cleanLine('  Boulangerie \n du  Marché ')).toBe('Boulangerie du Marché')
    expect(cleanLine('   ')).toBeNull()
    expect(cleanMultiline(' Ligne 1  \r\nLigne 2\rLigne 3 ')).toBe('Ligne 1\nLigne 2\nLigne 3')
  })

  it('slugs names for keys', () => {
    expect(slugKey('Boulangerie du Marché')).toBe('boulangerie-du-marche')
    expect(slugKey('  L’Œil de Bœuf — Café ')).toBe('l-oeil-de-boeuf-cafe')
  })
})
