import { describe, expect, it } from 'vitest'
import { shopId, uuidV5 } from '../../supabase/seed-generator/ids'
import { compareNatural } from '../../supabase/seed-generator/shop'

describe('ids', () => {
  it('computes RFC 4122 version-5 UUIDs', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    )
  })

  it('derives a shop id from its source and source ref only', () => {
    const id = shopId('osm', 'node/738663571')
    expect(id).toBe(shopId('osm', 'node/738663571'))
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(shopId('osm', 'node/738663572')).not.toBe(id)
    expect(shopId('open_data', 'node/738663571')).not.toBe(id)
  })
})

describe('compareNatural', () => {
  it('orders digit runs as numbers without locale data', () => {
    const refs = [
      'node/10',
      'way/2',
      'node/9',
      'equipements-publics-2015:10808',
      'equipements-publics-2015:67',
    ]
    expect([...refs].sort(compareNatural)).toEqual([
      'equipements-publics-2015:67',
      'equipements-publics-2015:10808',
      'node/9',
      'node/10',
      'way/2',
    ])
  })
})
