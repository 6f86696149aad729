import type { ShopDetailsInput } from './types'
import type { ViewportQuery } from './port'

/**
 * Every SQL object the adapters name. Both adapters build their requests from these
 * constants, and a contract test checks each one against the migrated catalog.
 */

/** What a shop says about itself: shared by shops and by submissions (the questionnaire). */
export const SHOP_DRAFT_COLUMNS = [
  'kind',
  'name',
  'category_slug',
  'subcategory_slug',
  'description',
  'address',
  'postcode',
  'commune_insee',
  'commune_name',
  'location',
  'phone',
  'email',
  'website',
  'social_links',
  'opening_hours',
  'opening_hours_note',
  'ordering_instructions',
  'services',
] as const

export const SHOP_COLUMNS = [
  'id',
  'territory_slug',
  ...SHOP_DRAFT_COLUMNS,
  'location_approximate',
  'status',
  'status_message',
  'closed_until',
  'status_updated_at',
  'published',
  'source',
  'source_ref',
  'source_attribution',
  'created_at',
  'updated_at',
] as const

export const TERRITORY_COLUMNS = ['slug', 'name', 'centre', 'bounds', 'sort_order'] as const

export const STATUS_EVENT_COLUMNS = [
  'id',
  'shop_id',
  'changed_by',
  'changed_at',
  'before',
  'after',
] as const

export const CATEGORY_COLUMNS = ['slug', 'name_fr', 'name_en', 'sort_order'] as const

export const SUBCATEGORY_COLUMNS = [
  'slug',
  'category_slug',
  'name_fr',
  'name_en',
  'osm_tags',
  'sort_order',
] as const

export const SUBMISSION_COLUMNS = [
  'id',
  'territory_slug',
  'submitted_by',
  'status',
  'refusal_reason',
  'shop_id',
  'reviewed_at',
  ...SHOP_DRAFT_COLUMNS,
  'created_at',
  'updated_at',
] as const

export const INVITATION_COLUMNS = [
  'id',
  'shop_id',
  'email',
  'role',
  'created_at',
  'accepted_at',
] as const

export const SQL_TABLES = {
  shops: { name: 'shops', columns: SHOP_COLUMNS, readers: ['anon', 'authenticated'] },
  territories: {
    name: 'territories',
    columns: TERRITORY_COLUMNS,
    readers: ['anon', 'authenticated'],
  },
  categories: { name: 'categories', columns: CATEGORY_COLUMNS, readers: ['anon', 'authenticated'] },
  subcategories: {
    name: 'subcategories',
    columns: SUBCATEGORY_COLUMNS,
    readers: ['anon', 'authenticated'],
  },
  // A submitter's own and their curators' only.
  submissions: {
    name: 'shop_submissions',
    columns: SUBMISSION_COLUMNS,
    readers: ['authenticated'],
  },
  invitations: {
    name: 'shop_invitations',
    columns: INVITATION_COLUMNS,
    readers: ['authenticated'],
  },
  shopMembers: {
    name: 'shop_members',
    columns: ['shop_id', 'user_id', 'role', 'created_at'],
    readers: ['authenticated'],
  },
  // Members' and curators' history: never readable by visitors.
  statusEvents: {
    name: 'shop_status_events',
    columns: STATUS_EVENT_COLUMNS,
    readers: ['authenticated'],
  },
} as const

export const SQL_FUNCTIONS = {
  setShopStatus: {
    name: 'set_shop_status',
    args: ['shop_id', 'status', 'message', 'closed_until', 'services', 'expected_updated_at'],
  },
  myShops: { name: 'my_shops', args: [] },
  updateShopDetails: {
    name: 'update_shop_details',
    args: [
      'shop_id',
      'opening_hours',
      'ordering_instructions',
      'description',
      'phone',
      'email',
      'website',
      'social_links',
      'expected_updated_at',
    ],
  },
  confirmShopStatus: { name: 'confirm_shop_status', args: ['shop_id', 'expected_updated_at'] },
  moveShop: { name: 'move_shop', args: ['shop_id', 'lon', 'lat', 'expected_updated_at'] },
  publishSubmission: {
    name: 'publish_submission',
    args: ['submission_id', 'expected_updated_at'],
  },
  refuseSubmission: {
    name: 'refuse_submission',
    args: ['submission_id', 'reason', 'expected_updated_at'],
  },
  possibleDuplicates: { name: 'possible_duplicates', args: ['submission_id'] },
  acceptShopInvitations: { name: 'accept_shop_invitations', args: [] },
  shopMemberList: { name: 'shop_member_list', args: ['shop_id'] },
  // Deletes go through functions: a client holding a table-level DELETE grant could also
  // LOCK TABLE (supabase/migrations/20261207092000_keys_locks_and_limits.sql). Each returns the
  // deleted row's id, or nothing when the caller may not delete it.
  withdrawSubmission: { name: 'withdraw_submission', args: ['submission_id'] },
  removeShopMember: { name: 'remove_shop_member', args: ['shop_id', 'user_id'] },
  revokeShopInvitation: { name: 'revoke_shop_invitation', args: ['invitation_id'] },
  importShops: { name: 'import_shops', args: ['territory_slug', 'source', 'rows', 'dry_run'] },
  // Open data: visitors may call it too.
  publishedShopsGeojson: {
    name: 'published_shops_geojson',
    args: ['territory_slug'],
    anonCallable: true,
  },
  curatorTerritories: { name: 'curator_territories', args: [] },
  // The credits of a territory's sources, for its map and pages; visitors call it too.
  territoryCredits: { name: 'territory_credits', args: ['territory_slug'], anonCallable: true },
  // The map of a national directory loads by viewport; visitors call it too.
  shopsInViewport: {
    name: 'shops_in_viewport',
    args: [
      'west',
      'south',
      'east',
      'north',
      'services',
      'categories',
      'kinds',
      'statuses',
      'search',
      'row_limit',
    ],
    anonCallable: true,
  },
} as const

/** Columns of the table-returning curation functions' results. */
export const POSSIBLE_DUPLICATE_COLUMNS = [
  'shop_id',
  'name',
  'address',
  'commune_name',
  'distance_m',
  'reason',
] as const
export const SHOP_MEMBER_LIST_COLUMNS = ['user_id', 'email', 'role', 'created_at'] as const
export const IMPORT_REPORT_COLUMNS = ['line', 'action', 'shop_id', 'message'] as const

/** Columns of `my_shops()`'s result. */
export const MY_SHOPS_COLUMNS = ['shop_id', 'role', 'name', 'territory_slug', 'published'] as const

/** Named arguments of update_shop_details, in one place for both adapters. */
export function shopDetailsArgs(
  input: ShopDetailsInput,
): Record<(typeof SQL_FUNCTIONS.updateShopDetails.args)[number], unknown> {
  return {
    shop_id: input.shopId,
    opening_hours: input.openingHours,
    ordering_instructions: input.orderingInstructions,
    description: input.description,
    phone: input.phone,
    email: input.email,
    website: input.website,
    social_links: input.socialLinks,
    expected_updated_at: input.expectedUpdatedAt,
  }
}

/** shops_in_viewport's row limit when none is given, and the most it accepts (Supabase's API
 * answers at most 1,000 rows anyway). */
export const DEFAULT_VIEWPORT_ROWS = 500
export const MAX_VIEWPORT_ROWS = 1000

/** Named arguments of shops_in_viewport, in one place for both adapters; empty filters are null. */
export function viewportArgs(
  query: ViewportQuery,
): Record<(typeof SQL_FUNCTIONS.shopsInViewport.args)[number], unknown> {
  const [west, south, east, north] = query.bounds
  const list = <T>(values: T[] | undefined) => (values && values.length > 0 ? values : null)
  return {
    west,
    south,
    east,
    north,
    services: list(query.services),
    categories: list(query.categories),
    kinds: list(query.kinds),
    statuses: list(query.statuses),
    search: query.query?.trim() ? query.query : null,
    row_limit: query.limit ?? DEFAULT_VIEWPORT_ROWS,
  }
}
