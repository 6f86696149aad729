import { describe, expect, it } from 'vitest'
import { redirectTarget } from '@/app/territory-route'
import { pageFromPath } from '@/lib/routes'

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

describe('redirectTarget', () => {
  it.each([
    ['/', '', '/t/grand-poitiers'],
    ['/', '?services=delivery', '/t/grand-poitiers?services=delivery'],
    ['/mon-commerce', '', '/t/grand-poitiers/mon-commerce'],
    ['/referencer', '', '/t/grand-poitiers/referencer'],
    ['/curation', '', '/t/grand-poitiers/curation'],
    ['/embed', '?open=1', '/t/grand-poitiers/embed?open=1'],
  ] as const)('%s%s → %s', (path, search, target) => {
    expect(redirectTarget(path, search, 'grand-poitiers')).toBe(target)
  })
})
