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

/** What a shop's record says about it, without the record's own state: also what a merchant's
 * questionnaire (and a curator's edit of it) says. */
export interface ShopDraft {
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
}

export interface Shop extends ShopDraft {
  id: string
  territorySlug: string
  /** The position is a guess (the commune's centre): curators are asked to place it. */
  locationApproximate: boolean
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
  /** The territories it curates and the shops it is a member of, by name (data, not text). */
  curates: string[]
  shops: string[]
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

/**
 * What changed, so that the app updates just the queries it affects. Each adapter reports every
 * write it makes (and a stale refusal, which tells that the record changed elsewhere) and every
 * change it hears from other tabs or the server.
 */
export type BackendChange =
  | {
      kind: 'shops'
      /** The shops' territory; null when unknown (every territory's lists are affected). */
      territorySlug: string | null
      shopId: string | null
      /** The changed shop as its writer got it back, when known: views show it before refetching. */
      shop?: Shop
    }
  /** Who is signed in changed; `user` is the new one when the adapter knows it (null: nobody). */
  | { kind: 'session'; user?: SessionUser | null }
  /** Referencing requests were made, edited, withdrawn, published or refused (a territory's, when known). */
  | { kind: 'submissions'; territorySlug: string | null }
  /** The members of these shops, or the invitations to them, changed (null: shops unknown). */
  | {
      kind: 'members'
      shopIds: string[] | null
      /** The users who joined or left these shops (their own shops changed). */
      userIds?: string[]
    }
  /** The demonstration's data was put back: everything is read again. */
  | { kind: 'reset' }

// --- Curation: submissions, invitations, imports -------------------------------------------

export interface Subcategory {
  slug: string
  categorySlug: string
  nameFr: string
  nameEn: string
  /** OpenStreetMap `key=value` tags that mean this subcategory. */
  osmTags: string[]
}

export const SUBMISSION_STATUSES = ['pending', 'published', 'refused'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

export interface ShopSubmission extends ShopDraft {
  id: string
  territorySlug: string
  submittedBy: string
  status: SubmissionStatus
  refusalReason: string | null
  /** The published shop, once published. */
  shopId: string | null
  reviewedAt: string | null
  createdAt: string
  /** Exact database value; the optimistic-concurrency token of publish, refuse and edits. */
  updatedAt: string
}

export interface PossibleDuplicate {
  shopId: string
  name: string
  address: string | null
  communeName: string | null
  distanceM: number | null
  reason: 'same_name_nearby' | 'same_phone'
}

export type MemberRole = 'owner' | 'staff'

export interface ShopMember {
  userId: string
  email: string | null
  role: MemberRole
  createdAt: string
}

export interface ShopInvitation {
  id: string
  shopId: string
  email: string
  role: MemberRole
  createdAt: string
  acceptedAt: string | null
}

export type ImportSource = 'import' | 'osm'

export interface ImportReportLine {
  line: number
  action: 'create' | 'update' | 'unchanged' | 'error'
  shopId: string | null
  message: string | null
}
