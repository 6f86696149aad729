import { describe, expect, it } from 'vitest'
import {
  cleanLine,
  cleanText,
  normalizeEmail,
  normalizePhone,
  normalizePostcode,
  normalizeWebsite,
} from '../../supabase/seed-generator/normalize'

// The same patterns as the CHECK constraints of public.shops.
const DB_PHONE = /^\+?[0-9][0-9 .()-]{5,24}$/
const DB_URL = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$/i

describe('normalizePhone', () => {
  it('keeps a valid number as written, trimmed', () => {
    expect(normalizePhone('05 49 60 67 00 ')).toBe('05 49 60 67 00')
    expect(normalizePhone('+33549240041')).toBe('+33549240041')
    expect(normalizePhone('+33 5 49 08 00 17')).toBe('+33 5 49 08 00 17')
  })

  it('regroups a French number written with other separators', () => {
    expect(normalizePhone('Tél : 05/49/41/07/53')).toBe('05 49 41 07 53')
    expect(normalizePhone('+33 5 49 41 07 53 (standard)')).toBe('+33 5 49 41 07 53')
  })

  it('drops what it cannot read without guessing', () => {
    expect(normalizePhone('3631')).toBeNull()
    expect(normalizePhone('05 49 41 07 53 / 05 49 41 07 54')).toBeNull()
    expect(normalizePhone('voir le site')).toBeNull()
    expect(normalizePhone('')).toBeNull()
    expect(normalizePhone(null)).toBeNull()
  })

  it('only ever returns values the database accepts', () => {
    for (const input of ['05 49 60 67 00 ', 'Tél : 05/49/41/07/53', '+33549240041', '0549']) {
      const phone = normalizePhone(input)
      if (phone !== null) expect(phone).toMatch(DB_PHONE)
    }
  })
})

describe('normalizeWebsite', () => {
  it('keeps http and https URLs as written', () => {
    expect(normalizeWebsite('http://le-dietrich.fr')).toBe('http://le-dietrich.fr')
    expect(normalizeWebsite('https://example.org/a?b=c')).toBe('https://example.org/a?b=c')
  })

  it('prefixes http:// to a bare host, without assuming https', () => {
    expect(normalizeWebsite('www.pharmacie-niort.com')).toBe('http://www.pharmacie-niort.com')
    expect(normalizeWebsite('art86.over-blog.com/')).toBe('http://art86.over-blog.com/')
  })

  it('drops what is not a web address', () => {
    expect(normalizeWebsite('ftp://example.org')).toBeNull()
    expect(normalizeWebsite('mailto:a@b.fr')).toBeNull()
    expect(normalizeWebsite('http://localhost')).toBeNull()
    expect(normalizeWebsite('voir page facebook')).toBeNull()
    expect(normalizeWebsite('')).toBeNull()
  })

  it('only ever returns values the database accepts', () => {
    for (const input of ['www.x.fr', 'http://a.fr/b c', 'x.fr', 'http://bm-poitiers.fr']) {
      const url = normalizeWebsite(input)
      if (url !== null) expect(url).toMatch(DB_URL)
    }
  })
})

describe('other fields', () => {
  it('validates e-mail addresses and drops empty ones', () => {
    expect(normalizeEmail(' bdv@cg86.fr ')).toBe('bdv@cg86.fr')
    expect(normalizeEmail('')).toBeNull()
    expect(normalizeEmail('mairie at poitiers')).toBeNull()
  })

  it('reads postcodes written as numbers', () => {
    expect(normalizePostcode('86000')).toBe('86000')
    expect(normalizePostcode('86000.0')).toBe('86000')
    expect(normalizePostcode('860')).toBeNull()
  })

  it('cleans text: CRLF folded, control characters removed, ends trimmed', () => {
    expect(cleanText(' Lundi : 8h\r\n Mardi\u0007 ')).toBe('Lundi : 8h\n Mardi')
    expect(cleanLine('RUE  DE\nL’EGLISE')).toBe('RUE DE L’EGLISE')
    expect(cleanText('   ')).toBeNull()
  })
})
