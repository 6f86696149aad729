// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { normalizeForSearch, searchWords } from '@/shop/normalize-text'

describe('normalizeForSearch', () => {
  it('ignores case and accents', () => {
    expect(normalizeForSearch('SAINTE RADÉGONDE')).toBe('sainte radegonde')
    expect(normalizeForSearch('Épicerie Fine à Poitiers')).toBe('epicerie fine a poitiers')
    expect(normalizeForSearch('ÇA GARÇON Noël')).toBe('ca garcon noel')
  })

  it('reads hyphens, apostrophes and underscores as spaces', () => {
    expect(normalizeForSearch('Sainte-Radegonde')).toBe('sainte radegonde')
    expect(normalizeForSearch('L’Isle-Jourdain')).toBe('l isle jourdain')
    expect(normalizeForSearch("l'atelier_du--pont")).toBe('l atelier du pont')
    expect(normalizeForSearch('Saint‑Benoît – centre')).toBe('saint benoit centre')
  })

  it('collapses and trims white space', () => {
    expect(normalizeForSearch('  Café \t des\n  Halles  ')).toBe('cafe des halles')
    expect(normalizeForSearch('   ')).toBe('')
  })

  it('spells ligatures out', () => {
    expect(normalizeForSearch('Bœuf & Cœur')).toBe('boeuf & coeur')
    expect(normalizeForSearch('Ex æquo')).toBe('ex aequo')
  })

  it('makes the spellings of one name equal', () => {
    const spellings = [
      'Sainte-Radegonde',
      'sainte radegonde',
      'SAINTE RADÉGONDE',
      ' sainte–radégonde ',
    ]
    expect(new Set(spellings.map(normalizeForSearch))).toEqual(new Set(['sainte radegonde']))
  })
})

describe('searchWords', () => {
  it('splits a folded query into words', () => {
    expect(searchWords('  Boulangerie   Saint-Éloi ')).toEqual(['boulangerie', 'saint', 'eloi'])
  })

  it('gives no words for an empty or blank query', () => {
    expect(searchWords('')).toEqual([])
    expect(searchWords(' - ’ ')).toEqual([])
  })
})
