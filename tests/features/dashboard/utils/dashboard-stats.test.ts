import { describe, expect, it } from 'vitest'
import type { ShopSubmission } from '@/backend/types'
import { lastNews, sortShops, territoryDashboard } from '@/features/dashboard/utils/dashboard-stats'
import { makeShop } from '../../../fixtures/shops'

// Monday 23 November 2026, 10:00 in Paris.
const NOW = new Date('2026-11-23T09:00:00Z')
const DAY = 24 * 60 * 60 * 1000
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString()

function submission(status: ShopSubmission['status']): ShopSubmission {
  return { status } as ShopSubmission
}

describe('territoryDashboard', () => {
  const shops = [
    makeShop({
      id: 'a',
      status: 'open',
      statusUpdatedAt: daysAgo(1),
      communeName: 'Poitiers',
      services: ['delivery', 'click_and_collect'],
    }),
    makeShop({
      id: 'b',
      status: 'closed',
      statusUpdatedAt: daysAgo(2),
      communeName: 'Poitiers',
      services: ['delivery'],
    }),
    // Silent for ten days: to be confirmed, whatever it said.
    makeShop({
      id: 'c',
      status: 'open',
      statusUpdatedAt: daysAgo(10),
      communeName: 'Buxerolles',
      services: [],
    }),
    // No status, but its hours say open on Monday morning.
    makeShop({
      id: 'd',
      status: 'unknown',
      statusUpdatedAt: null,
      openingHours: 'Mo-Fr 09:00-18:00',
      communeName: 'Buxerolles',
      services: ['shipping'],
    }),
    makeShop({
      id: 'e',
      published: false,
      status: 'open',
      statusUpdatedAt: daysAgo(1),
      services: ['delivery'],
    }),
  ]

  it('counts published shops by what shoppers see, and pending submissions', () => {
    const { counts } = territoryDashboard(
      shops,
      [submission('pending'), submission('pending'), submission('refused')],
      NOW,
    )
    expect(counts).toEqual({
      published: 4,
      unpublished: 1,
      openNow: 2,
      open: 1,
      closed: 1,
      unknown: 1,
      toConfirm: 1,
      pendingSubmissions: 2,
    })
  })

  it('counts services of published shops, overall and by commune', () => {
    const { services, byCommune } = territoryDashboard(shops, [], NOW)
    expect(services.delivery).toBe(2)
    expect(services.click_and_collect).toBe(1)
    expect(services.shipping).toBe(1)
    expect(byCommune.map((c) => [c.commune, c.shops, c.services.delivery])).toEqual([
      ['Buxerolles', 2, 0],
      ['Poitiers', 2, 2],
    ])
  })
})

describe('sortShops', () => {
  it('puts the longest silent first when sorting by last update', () => {
    const shops = [
      makeShop({ id: 'recent', name: 'B', statusUpdatedAt: daysAgo(1) }),
      makeShop({ id: 'never', name: 'A', statusUpdatedAt: null, createdAt: daysAgo(30) }),
      makeShop({ id: 'old', name: 'C', statusUpdatedAt: daysAgo(9) }),
    ]
    expect(sortShops(shops, 'lastUpdate', NOW).map((s) => s.id)).toEqual(['never', 'old', 'recent'])
    expect(lastNews(shops[1]!)).toBe(daysAgo(30))
    expect(sortShops(shops, 'name', NOW).map((s) => s.id)).toEqual(['never', 'recent', 'old'])
  })
})
