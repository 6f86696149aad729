/**
 * Every SQL object the adapters name. Both adapters build their requests from these
 * constants, and a contract test checks each one against the migrated catalog.
 */

export const SHOP_COLUMNS = [
  'id',
  'territory_slug',
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

export const CATEGORY_COLUMNS = ['slug', 'name_fr', 'name_en', 'sort_order'] as const

export const SQL_TABLES = {
  shops: { name: 'shops', columns: SHOP_COLUMNS },
  territories: { name: 'territories', columns: TERRITORY_COLUMNS },
  categories: { name: 'categories', columns: CATEGORY_COLUMNS },
} as const

export const SQL_FUNCTIONS = {
  setShopStatus: {
    name: 'set_shop_status',
    args: ['shop_id', 'status', 'message', 'closed_until', 'services', 'expected_updated_at'],
  },
  myShops: { name: 'my_shops', args: [] },
} as const

/** Columns of `my_shops()`'s result. */
export const MY_SHOPS_COLUMNS = ['shop_id', 'role', 'name', 'territory_slug', 'published'] as const
