import type {
  Category,
  LonLat,
  MyShop,
  Shop,
  ShopKind,
  ShopService,
  ShopStatus,
  Territory,
  StatusEvent,
  StatusSnapshot,
  Subcategory,
  ShopDraft,
  ShopSubmission,
  SubmissionStatus,
  PossibleDuplicate,
  ShopMember,
  ShopInvitation,
  ImportReportLine,
} from './types'

/** A `shops` row as PostgREST or PGlite return it (snake_case, geometric types as text). */
export type ShopRow = ShopDraftRow & {
  id: string
  territory_slug: string
  location_approximate: boolean
  status: string
  status_message: string | null
  closed_until: string | null
  status_updated_at: string | null
  published: boolean
  source: string
  source_ref: string | null
  source_attribution: string | null
  created_at: string
  updated_at: string
}

export type CategoryRow = { slug: string; name_fr: string; name_en: string }

export function toCategory(row: CategoryRow): Category {
  return { slug: row.slug, nameFr: row.name_fr, nameEn: row.name_en }
}

export type TerritoryRow = { slug: string; name: string; centre: string; bounds: string }

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e-?\d+)?`

/** Parses PostgreSQL's `point` text output: "(lon,lat)". */
export function parsePoint(text: string): LonLat {
  const match = new RegExp(String.raw`^\(\s*(${NUMBER})\s*,\s*(${NUMBER})\s*\)$`, 'i').exec(
    text.trim(),
  )
  if (!match) throw new Error(`Not a point: ${text}`)
  return { lon: Number(match[1]), lat: Number(match[2]) }
}

/** Parses PostgreSQL's `box` text output "(x1,y1),(x2,y2)" into [west, south, east, north]. */
export function parseBox(text: string): [number, number, number, number] {
  const numbers = text.match(new RegExp(NUMBER, 'gi'))?.map(Number) ?? []
  if (numbers.length !== 4) throw new Error(`Not a box: ${text}`)
  const [x1, y1, x2, y2] = numbers as [number, number, number, number]
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)]
}

/** Parses a PostgreSQL array literal such as {a,b,"c d"} when a driver returns it as text. */
export function parseTextArray(value: string[] | string | null): string[] {
  if (value == null) return []
  if (Array.isArray(value)) return value
  const inner = value.replace(/^\{|\}$/g, '')
  if (inner === '') return []
  const items: string[] = []
  const pattern = /"((?:[^"\\]|\\.)*)"|([^,]+)/g
  for (const match of inner.matchAll(pattern)) {
    items.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? ''))
  }
  return items
}

/** Timestamps travel as strings so that the microseconds survive (they are the concurrency token). */
function timestampText(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  return String(value)
}

function nullableTimestampText(value: unknown): string | null {
  return value == null ? null : timestampText(value)
}

function dateText(value: unknown): string | null {
  if (value == null) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).slice(0, 10)
}

export function toShop(row: ShopRow): Shop {
  return {
    ...toShopDraft(row),
    id: row.id,
    territorySlug: row.territory_slug,
    locationApproximate: row.location_approximate === true,
    status: row.status as ShopStatus,
    statusMessage: row.status_message,
    closedUntil: dateText(row.closed_until),
    statusUpdatedAt: nullableTimestampText(row.status_updated_at),
    published: row.published,
    source: row.source,
    sourceRef: row.source_ref,
    sourceAttribution: row.source_attribution,
    createdAt: timestampText(row.created_at),
    updatedAt: timestampText(row.updated_at),
  }
}

export function toTerritory(row: TerritoryRow): Territory {
  return {
    slug: row.slug,
    name: row.name,
    centre: parsePoint(row.centre),
    bounds: parseBox(row.bounds),
  }
}

export type MyShopRow = {
  shop_id: string
  role: string
  name: string
  territory_slug: string
  published: boolean
}

export function toMyShop(row: MyShopRow): MyShop {
  return {
    shopId: row.shop_id,
    role: row.role === 'staff' ? 'staff' : 'owner',
    name: row.name,
    territorySlug: row.territory_slug,
    published: row.published,
  }
}

type SnapshotJson = {
  status: string
  status_message: string | null
  closed_until: string | null
  services: string[] | null
}

export type StatusEventRow = {
  id: number | string
  changed_by: string | null
  changed_at: string
  before: SnapshotJson | null
  after: SnapshotJson
}

function toSnapshot(json: SnapshotJson): StatusSnapshot {
  return {
    status: json.status as StatusSnapshot['status'],
    statusMessage: json.status_message,
    closedUntil: json.closed_until,
    services: (json.services ?? []) as StatusSnapshot['services'],
  }
}

export function toStatusEvent(row: StatusEventRow): StatusEvent {
  return {
    id: Number(row.id),
    changedAt: timestampText(row.changed_at),
    changedBy: row.changed_by,
    before: row.before ? toSnapshot(row.before) : null,
    after: toSnapshot(row.after),
  }
}

// --- Curation rows ------------------------------------------------------------------------

export type SubcategoryRow = {
  slug: string
  category_slug: string
  name_fr: string
  name_en: string
  osm_tags: string[] | string | null
}

export function toSubcategory(row: SubcategoryRow): Subcategory {
  return {
    slug: row.slug,
    categorySlug: row.category_slug,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    osmTags: parseTextArray(row.osm_tags),
  }
}

/** The questionnaire columns as a row (insert, update, or read). */
export type ShopDraftRow = {
  kind: string
  name: string
  category_slug: string
  subcategory_slug: string | null
  description: string | null
  address: string | null
  postcode: string | null
  commune_insee: string | null
  commune_name: string | null
  location: string
  phone: string | null
  email: string | null
  website: string | null
  social_links: string[] | string | null
  opening_hours: string | null
  opening_hours_note: string | null
  ordering_instructions: string | null
  services: string[] | string | null
}

/** PostgreSQL's `point` text input for a position. */
export function pointText({ lon, lat }: LonLat): string {
  return `(${lon},${lat})`
}

export function fromShopDraft(draft: ShopDraft): ShopDraftRow {
  return {
    kind: draft.kind,
    name: draft.name,
    category_slug: draft.categorySlug,
    subcategory_slug: draft.subcategorySlug,
    description: draft.description,
    address: draft.address,
    postcode: draft.postcode,
    commune_insee: draft.communeInsee,
    commune_name: draft.communeName,
    location: pointText(draft.location),
    phone: draft.phone,
    email: draft.email,
    website: draft.website,
    social_links: draft.socialLinks,
    opening_hours: draft.openingHours,
    opening_hours_note: draft.openingHoursNote,
    ordering_instructions: draft.orderingInstructions,
    services: draft.services,
  }
}

function toShopDraft(row: ShopDraftRow): ShopDraft {
  return {
    kind: row.kind as ShopKind,
    name: row.name,
    categorySlug: row.category_slug,
    subcategorySlug: row.subcategory_slug,
    description: row.description,
    address: row.address,
    postcode: row.postcode,
    communeInsee: row.commune_insee,
    communeName: row.commune_name,
    location: parsePoint(row.location),
    phone: row.phone,
    email: row.email,
    website: row.website,
    socialLinks: parseTextArray(row.social_links),
    openingHours: row.opening_hours,
    openingHoursNote: row.opening_hours_note,
    orderingInstructions: row.ordering_instructions,
    services: parseTextArray(row.services) as ShopService[],
  }
}

export type SubmissionRow = ShopDraftRow & {
  id: string
  territory_slug: string
  submitted_by: string
  status: string
  refusal_reason: string | null
  shop_id: string | null
  reviewed_at: string | null
  created_at: string
  updated_at: string
}

export function toSubmission(row: SubmissionRow): ShopSubmission {
  return {
    ...toShopDraft(row),
    id: row.id,
    territorySlug: row.territory_slug,
    submittedBy: row.submitted_by,
    status: row.status as SubmissionStatus,
    refusalReason: row.refusal_reason,
    shopId: row.shop_id,
    reviewedAt: nullableTimestampText(row.reviewed_at),
    createdAt: timestampText(row.created_at),
    updatedAt: timestampText(row.updated_at),
  }
}

export type PossibleDuplicateRow = {
  shop_id: string
  name: string
  address: string | null
  commune_name: string | null
  distance_m: number | string | null
  reason: string
}

export function toPossibleDuplicate(row: PossibleDuplicateRow): PossibleDuplicate {
  return {
    shopId: row.shop_id,
    name: row.name,
    address: row.address,
    communeName: row.commune_name,
    distanceM: row.distance_m == null ? null : Number(row.distance_m),
    reason: row.reason === 'same_phone' ? 'same_phone' : 'same_name_nearby',
  }
}

export type ShopMemberRow = {
  user_id: string
  email: string | null
  role: string
  created_at: string
}

export function toShopMember(row: ShopMemberRow): ShopMember {
  return {
    userId: row.user_id,
    email: row.email,
    role: row.role === 'staff' ? 'staff' : 'owner',
    createdAt: timestampText(row.created_at),
  }
}

export type InvitationRow = {
  id: string
  shop_id: string
  email: string
  role: string
  created_at: string
  accepted_at: string | null
}

export function toInvitation(row: InvitationRow): ShopInvitation {
  return {
    id: row.id,
    shopId: row.shop_id,
    email: row.email,
    role: row.role === 'staff' ? 'staff' : 'owner',
    createdAt: timestampText(row.created_at),
    acceptedAt: nullableTimestampText(row.accepted_at),
  }
}

export type ImportReportRow = {
  line: number
  action: string
  shop_id: string | null
  message: string | null
}

export function toImportReportLine(row: ImportReportRow): ImportReportLine {
  return {
    line: Number(row.line),
    action: row.action as ImportReportLine['action'],
    shopId: row.shop_id,
    message: row.message,
  }
}
