/** Domain types shared by the app and both backend adapters. Field names follow the UI, not SQL. */

export const SHOP_STATUSES = ['open', 'closed', 'unknown'] as const
export type ShopStatus = (typeof SHOP_STATUSES)[number]

export const SHOP_SERVICES = [
  'click_and_collect',
  'delivery',
  'shipping',
  'gift_cards',
  'visit_by_appointment',
  'remote_ordering',
  'in_store',
] as const
export type ShopService = (typeof SHOP_SERVICES)[number]

export const SHOP_KINDS = [
  'commercant',
  'artisan',
  'producteur',
  'marche',
  'service_public',
] as const
export type ShopKind = (typeof SHOP_KINDS)[number]

export interface LonLat {
  lon: number
  lat: number
}

export interface Territory {
  slug: string
  name: string
  centre: LonLat
  /** [west, south, east, north] */
  bounds: [number, number, number, number]
}

export interface Shop {
  id: string
  territorySlug: string
  kind: ShopKind
  name: string
  categorySlug: string
  subcategorySlug: string | null
  description: string | null
  address: string | null
  postcode: string | null
  communeInsee: string | null
  communeName: string | null
  location: LonLat
  phone: string | null
  email: string | null
  website: string | null
  socialLinks: string[]
  openingHours: string | null
  openingHoursNote: string | null
  orderingInstructions: string | null
  services: ShopService[]
  status: ShopStatus
  statusMessage: string | null
  closedUntil: string | null
  statusUpdatedAt: string | null
  published: boolean
  source: string
  sourceRef: string | null
  sourceAttribution: string | null
  createdAt: string
  /** Exact database value (microseconds); sent back as the optimistic-concurrency token. */
  updatedAt: string
}

export interface Category {
  slug: string
  nameFr: string
  nameEn: string
}

export interface StatusSnapshot {
  status: ShopStatus
  statusMessage: string | null
  closedUntil: string | null
  services: ShopService[]
}

export interface StatusEvent {
  id: number
  changedAt: string
  changedBy: string | null
  before: StatusSnapshot | null
  after: StatusSnapshot
}

export interface SessionUser {
  id: string
  email: string | null
  displayName: string | null
}

export interface MyShop {
  shopId: string
  role: 'owner' | 'staff'
  name: string
  territorySlug: string
  published: boolean
}

export interface DemoAccount {
  email: string
  displayName: string
  description: string
}

export interface SetShopStatusInput {
  shopId: string
  status: ShopStatus
  message: string | null
  closedUntil: string | null
  services: ShopService[] | null
  expectedUpdatedAt: string
}

export interface ShopDetailsInput {
  shopId: string
  openingHours: string | null
  orderingInstructions: string | null
  description: string | null
  phone: string | null
  email: string | null
  website: string | null
  socialLinks: string[]
  expectedUpdatedAt: string
}

export type SignInMethod =
  | { kind: 'demo'; email: string }
  | { kind: 'magic-link'; email: string; redirectTo?: string }
  | { kind: 'email-code-request'; email: string }
  | { kind: 'email-code-verify'; email: string; code: string }

export type SignInResult = { kind: 'signed-in'; user: SessionUser } | { kind: 'email-sent' }

/** What changed, so that listeners can invalidate just enough. */
export type BackendChange =
  | {
      kind: 'shops'
      territorySlug: string | null
      shopId: string | null
      /** The changed shop as its writer got it back, when known: views show it before refetching. */
      shop?: Shop
    }
  | { kind: 'session' }
  | { kind: 'reset' }
