import { describe, expect, it } from 'vitest'
import { pageFromPath, territorySlugFromPath } from '@/app/territory-route'

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

describe('pageFromPath', () => {
  it.each([
    ['/', 'places'],
    ['/t/niort-agglo', 'places'],
    ['/t/niort-agglo/embed', 'embed'],
    ['/t/grand-poitiers/embed/', 'embed'],
    ['/mon-commerce', 'merchant'],
    ['/t/niort-agglo/mon-commerce', 'merchant'],
    ['/referencer', 'referencing'],
    ['/t/niort-agglo/referencer', 'referencing'],
    ['/curation', 'curation'],
    ['/curationx', 'places'],
    ['/embed-not', 'places'],
  ] as const)('%s shows the %s page', (path, page) => {
    expect(pageFromPath(path)).toBe(page)
  })
})
