import { describe, expect, it } from 'vitest'
import { parseBox, parsePoint, parseTextArray, toShop, type ShopRow } from '@/backend/rows'

describe('parsePoint', () => {
  it('reads PostgreSQL point output as lon/lat', () => {
    expect(parsePoint('(0.3404,46.5802)')).toEqual({ lon: 0.3404, lat: 46.5802 })
    expect(parsePoint('(-0.0470, 46.3049)')).toEqual({ lon: -0.047, lat: 46.3049 })
    expect(parsePoint('(1e-05,46)')).toEqual({ lon: 0.00001, lat: 46 })
  })
  it('refuses anything else', () => {
    expect(() => parsePoint('0.34,46.58')).toThrow(/Not a point/)
    expect(() => parsePoint('(a,b)')).toThrow(/Not a point/)
  })
})

describe('parseBox', () => {
  it('orders corners as west, south, east, north whatever the input order', () => {
    expect(parseBox('(0.7744,46.7852),(-0.047,46.3049)')).toEqual([
      -0.047, 46.3049, 0.7744, 46.7852,
    ])
    expect(parseBox('(-0.047,46.3049),(0.7744,46.7852)')).toEqual([
      -0.047, 46.3049, 0.7744, 46.7852,
    ])
  })
  it('refuses a malformed box', () => {
    expect(() => parseBox('(1,2)')).toThrow(/Not a box/)
  })
})

describe('parseTextArray', () => {
  it('passes arrays through and parses array literals', () => {
    expect(parseTextArray(['a'])).toEqual(['a'])
    expect(parseTextArray(null)).toEqual([])
    expect(parseTextArray('{}')).toEqual([])
    expect(parseTextArray('{delivery,click_and_collect}')).toEqual([
      'delivery',
      'click_and_collect',
    ])
    expect(parseTextArray('{"https://a.fr/x,y","b \\"q\\""}')).toEqual([
      'https://a.fr/x,y',
      'b "q"',
    ])
  })
})

describe('toShop', () => {
  const row: ShopRow = {
    id: 'id-1',
    territory_slug: 'grand-poitiers',
    location_approximate: false,
    kind: 'commercant',
    name: 'Épicerie',
    category_slug: 'alimentation',
    subcategory_slug: null,
    description: null,
    address: '1 rue X',
    postcode: '86000',
    commune_insee: '86194',
    commune_name: 'Poitiers',
    location: '(0.34,46.58)',
    phone: null,
    email: null,
    website: null,
    social_links: '{}',
    opening_hours: 'Mo-Sa 09:00-19:00',
    opening_hours_note: null,
    ordering_instructions: null,
    services: '{delivery}',
    status: 'open',
    status_message: null,
    closed_until: null,
    status_updated_at: '2026-11-22T04:00:57.003123+00:00',
    published: true,
    source: 'demo',
    source_ref: 'demo-1',
    source_attribution: null,
    created_at: '2026-11-22T04:00:00.000001+00:00',
    updated_at: '2026-11-22T04:00:57.003123+00:00',
  }

  it('keeps the update timestamp exactly as the database wrote it', () => {
    expect(toShop(row).updatedAt).toBe('2026-11-22T04:00:57.003123+00:00')
  })
  it('maps geometry, arrays and names', () => {
    const shop = toShop(row)
    expect(shop.location).toEqual({ lon: 0.34, lat: 46.58 })
    expect(shop.services).toEqual(['delivery'])
    expect(shop.socialLinks).toEqual([])
    expect(shop.territorySlug).toBe('grand-poitiers')
    expect(shop.communeName).toBe('Poitiers')
  })
  it('turns a Date closed_until into a calendar date', () => {
    expect(
      toShop({ ...row, status: 'closed', closed_until: new Date('2026-12-01T00:00:00Z') as never })
        .closedUntil,
    ).toBe('2026-12-01')
  })
})
