import { describe, expect, it } from 'vitest'
import { territorySlugFromPath } from '@/app/territory-route'

describe('territorySlugFromPath', () => {
  it('reads /t/<slug>', () => {
    expect(territorySlugFromPath('/t/niort-agglo', 'grand-poitiers')).toBe('niort-agglo')
    expect(territorySlugFromPath('/t/niort-agglo/embed', 'grand-poitiers')).toBe('niort-agglo')
  })
  it('falls back to the default for anything else', () => {
    expect(territorySlugFromPath('/', 'grand-poitiers')).toBe('grand-poitiers')
    expect(territorySlugFromPath('/t/Bad_Slug', 'grand-poitiers')).toBe('grand-poitiers')
    expect(territorySlugFromPath('/t/', 'grand-poitiers')).toBe('grand-poitiers')
  })
})
