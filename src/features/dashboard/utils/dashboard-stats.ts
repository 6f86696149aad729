import { SHOP_SERVICES, type Shop, type ShopService, type ShopSubmission } from '@/backend/types'
import { displayStatus, openNowState } from '@/shop/shop-status'

export interface StatusCounts {
  published: number
  unpublished: number
  /** Open at `now`, by the merchant's word or the opening hours (what shoppers see). */
  openNow: number
  /** The merchant's own status, as the map shows it. */
  open: number
  closed: number
  unknown: number
  /** A status older than a week: the merchant should confirm it. */
  toConfirm: number
  pendingSubmissions: number
}

export interface CommuneServices {
  commune: string
  shops: number
  services: Record<ShopService, number>
}

export interface TerritoryDashboard {
  counts: StatusCounts
  /** How many published shops offer each service. */
  services: Record<ShopService, number>
  /** The same by commune, most shops first. */
  byCommune: CommuneServices[]
}

function zeroServices(): Record<ShopService, number> {
  return Object.fromEntries(SHOP_SERVICES.map((service) => [service, 0])) as Record<
    ShopService,
    number
  >
}

/** The figures a curator looks at first; the shops are every shop the curator can read. */
export function territoryDashboard(
  shops: readonly Shop[],
  submissions: readonly ShopSubmission[],
  now: Date,
): TerritoryDashboard {
  const counts: StatusCounts = {
    published: 0,
    unpublished: 0,
    openNow: 0,
    open: 0,
    closed: 0,
    unknown: 0,
    toConfirm: 0,
    pendingSubmissions: submissions.filter((s) => s.status === 'pending').length,
  }
  const services = zeroServices()
  const communes = new Map<string, CommuneServices>()
  for (const shop of shops) {
    if (!shop.published) {
      counts.unpublished += 1
      continue
    }
    counts.published += 1
    if (openNowState(shop, now).open === true) counts.openNow += 1
    const status = displayStatus(shop, now)
    if (status === 'to-confirm') counts.toConfirm += 1
    else counts[status] += 1
    const commune = shop.communeName ?? '—'
    let entry = communes.get(commune)
    if (!entry) {
      entry = { commune, shops: 0, services: zeroServices() }
      communes.set(commune, entry)
    }
    entry.shops += 1
    for (const service of new Set(shop.services)) {
      services[service] += 1
      entry.services[service] += 1
    }
  }
  const byCommune = [...communes.values()].sort(
    (a, b) => b.shops - a.shops || a.commune.localeCompare(b.commune, 'fr'),
  )
  return { counts, services, byCommune }
}

export type ShopSortKey = 'name' | 'lastUpdate' | 'commune' | 'status'

/**
 * The shops list for chasing the silent ones: by default the longest without news first. The
 * last update is the merchant's last status, or the record's creation when there never was one.
 */
export function lastNews(shop: Shop): string {
  return shop.statusUpdatedAt ?? shop.createdAt
}

export function sortShops(shops: readonly Shop[], key: ShopSortKey, now: Date): Shop[] {
  const byName = (a: Shop, b: Shop) => a.name.localeCompare(b.name, 'fr')
  const compare: Record<ShopSortKey, (a: Shop, b: Shop) => number> = {
    name: byName,
    lastUpdate: (a, b) => lastNews(a).localeCompare(lastNews(b)) || byName(a, b),
    commune: (a, b) =>
      (a.communeName ?? '').localeCompare(b.communeName ?? '', 'fr') || byName(a, b),
    status: (a, b) => displayStatus(a, now).localeCompare(displayStatus(b, now)) || byName(a, b),
  }
  return [...shops].sort(compare[key])
}
