/**
 * The policy tests' own data, inserted as the owner with fixed ids so that the tests never
 * depend on supabase/seed.sql (which may or may not be applied to the template database).
 * Every slug starts with `test-` and every id with `00000000-7e57-` ("test") to stay clear of
 * the seed.
 *
 *   territory test-x: shops A (published), B (published), U (unpublished, no members)
 *   territory test-y: shops Y1 (published), YU (unpublished)
 *   ownerA owns A, staffA is staff of A, ownerB owns B; curatorX curates test-x, curatorY
 *   curates test-y; stranger is signed in and nothing else.
 */
import type { Actor, TestDatabase } from '../test-database'

export const ANON: Actor = { role: 'anon' }

export const TERRITORY = { X: 'test-x', Y: 'test-y' } as const

/** Bounds are (east, north), (west, south) in lon/lat; a point is (lon, lat). */
export const BOUNDS = {
  X: { west: 1, south: 45, east: 2, north: 46 },
  Y: { west: 3, south: 47, east: 4, north: 48 },
} as const

/** A point well inside each territory, as a SQL expression. */
export const INSIDE = { X: 'point(1.5, 45.5)', Y: 'point(3.5, 47.5)' } as const

export const CATEGORY = { food: 'test-food', craft: 'test-craft' } as const
export const SUBCATEGORY = {
  /** belongs to test-food */
  bakery: 'test-bakery',
  /** belongs to test-craft */
  pottery: 'test-pottery',
} as const

export const COMMUNE = { X: '00001', Y: '00002' } as const

export const USER = {
  ownerA: '00000000-7e57-4000-a000-000000000001',
  ownerB: '00000000-7e57-4000-a000-000000000002',
  staffA: '00000000-7e57-4000-a000-000000000003',
  stranger: '00000000-7e57-4000-a000-000000000004',
  curatorX: '00000000-7e57-4000-a000-000000000005',
  curatorY: '00000000-7e57-4000-a000-000000000006',
} as const

export type UserName = keyof typeof USER

export const SHOP = {
  A: '00000000-7e57-4000-b000-00000000000a',
  B: '00000000-7e57-4000-b000-00000000000b',
  U: '00000000-7e57-4000-b000-00000000000c',
  Y1: '00000000-7e57-4000-b000-00000000000d',
  YU: '00000000-7e57-4000-b000-00000000000e',
} as const

export type ShopName = keyof typeof SHOP
export const SHOP_NAMES = Object.keys(SHOP) as ShopName[]

/** A fixture shop's name from its id; other ids (the seed's) are returned as they are. */
export function shopNameOf(id: string): ShopName | string {
  return (Object.keys(SHOP) as ShopName[]).find((name) => SHOP[name] === id) ?? id
}

export const SHOP_TERRITORY: Record<ShopName, string> = {
  A: TERRITORY.X,
  B: TERRITORY.X,
  U: TERRITORY.X,
  Y1: TERRITORY.Y,
  YU: TERRITORY.Y,
}

function userActor(name: UserName): Actor {
  return { role: 'authenticated', userId: USER[name], email: `${name.toLowerCase()}@test.invalid` }
}

export const ACTOR = {
  anon: ANON,
  stranger: userActor('stranger'),
  ownerA: userActor('ownerA'),
  /** owner of another shop (B) of the same territory */
  ownerB: userActor('ownerB'),
  staffA: userActor('staffA'),
  curatorX: userActor('curatorX'),
  curatorY: userActor('curatorY'),
} as const

export type ActorName = keyof typeof ACTOR
export const ACTOR_NAMES = Object.keys(ACTOR) as ActorName[]
export const SIGNED_IN_NAMES = ACTOR_NAMES.filter((name) => name !== 'anon')

/** `[name, actor]` pairs for `describe.each` / `it.each`. */
export const ACTORS = ACTOR_NAMES.map((name) => [name, ACTOR[name]] as const)
export const SIGNED_IN_ACTORS = ACTORS.filter(([name]) => name !== 'anon')

export const MEMBERS: { shop: ShopName; user: UserName; role: 'owner' | 'staff' }[] = [
  { shop: 'A', user: 'ownerA', role: 'owner' },
  { shop: 'A', user: 'staffA', role: 'staff' },
  { shop: 'B', user: 'ownerB', role: 'owner' },
]

export const CURATORS: { territory: string; user: UserName }[] = [
  { territory: TERRITORY.X, user: 'curatorX' },
  { territory: TERRITORY.Y, user: 'curatorY' },
]

function box(b: { west: number; south: number; east: number; north: number }): string {
  return `box(point(${b.east}, ${b.north}), point(${b.west}, ${b.south}))`
}

/** Inserts the fixtures, committed, as the owner. Call once per file after `openTestDatabase()`. */
export async function loadFixtures(db: TestDatabase): Promise<void> {
  const reference = [
    `insert into public.territories (slug, name, centre, bounds, sort_order) values
      ('${TERRITORY.X}', 'Test territory X', ${INSIDE.X}, ${box(BOUNDS.X)}, 900),
      ('${TERRITORY.Y}', 'Test territory Y', ${INSIDE.Y}, ${box(BOUNDS.Y)}, 901)`,
    `insert into public.communes (insee_code, territory_slug, name, postcodes, population) values
      ('${COMMUNE.X}', '${TERRITORY.X}', 'Testville X', '{00100}', 100),
      ('${COMMUNE.Y}', '${TERRITORY.Y}', 'Testville Y', '{00200}', 200)`,
    `insert into public.categories (slug, name_fr, name_en, sort_order) values
      ('${CATEGORY.food}', 'Alimentation (test)', 'Food (test)', 900),
      ('${CATEGORY.craft}', 'Artisanat (test)', 'Craft (test)', 901)`,
    `insert into public.subcategories (slug, category_slug, name_fr, name_en, osm_tags) values
      ('${SUBCATEGORY.bakery}', '${CATEGORY.food}', 'Boulangerie (test)', 'Bakery (test)', '{shop=bakery}'),
      ('${SUBCATEGORY.pottery}', '${CATEGORY.craft}', 'Poterie (test)', 'Pottery (test)', '{craft=pottery}')`,
    // The seed (when applied) lists every service already; keep its labels.
    `insert into public.services (code, name_fr, name_en, sort_order) values
      ('delivery', 'Livraison', 'Delivery', 1),
      ('click_and_collect', 'Retrait', 'Click and collect', 2)
    on conflict (code) do nothing`,
  ]
  for (const sql of reference) await db.superuser(sql)

  const users = Object.entries(USER)
    .map(([name, id]) => `('${id}', '${name.toLowerCase()}@test.invalid')`)
    .join(', ')
  await db.superuser(`insert into auth.users (id, email) values ${users}`)

  await db.superuser(`
    insert into public.shops (id, territory_slug, kind, name, category_slug, subcategory_slug,
      description, address, postcode, commune_insee, commune_name, location, phone, email, website,
      social_links, opening_hours, services, status, status_message, published, source, source_ref,
      source_attribution)
    values
      ('${SHOP.A}', '${TERRITORY.X}', 'commercant', 'Test shop A', '${CATEGORY.food}', null,
       'Shop A', '1 rue A', '00100', '${COMMUNE.X}', 'Testville X', point(1.5, 45.5),
       '+33 1 00 00 00 01', 'a@example.fr', 'https://a.example.fr', '{https://social.example/a}',
       'Mo-Sa 08:00-19:00', '{in_store}', 'closed', 'Closed for works', true, 'import',
       'test-policies/A', 'Test data'),
      ('${SHOP.B}', '${TERRITORY.X}', 'artisan', 'Test shop B', '${CATEGORY.food}', '${SUBCATEGORY.bakery}',
       'Shop B', '1 rue B', '00100', '${COMMUNE.X}', 'Testville X', point(1.4, 45.4),
       null, null, null, '{}',
       null, '{}', 'open', null, true, 'import', 'test-policies/B', 'Test data'),
      ('${SHOP.U}', '${TERRITORY.X}', 'producteur', 'Test shop U', '${CATEGORY.food}', null,
       'Shop U (unpublished)', null, null, null, null, point(1.6, 45.6),
       null, null, null, '{}',
       null, '{}', 'unknown', null, false, 'import', 'test-policies/U', null),
      ('${SHOP.Y1}', '${TERRITORY.Y}', 'commercant', 'Test shop Y1', '${CATEGORY.craft}', '${SUBCATEGORY.pottery}',
       'Shop Y1', '1 rue Y', '00200', '${COMMUNE.Y}', 'Testville Y', point(3.5, 47.5),
       null, null, null, '{}',
       null, '{}', 'open', null, true, 'import', 'test-policies/Y1', null),
      ('${SHOP.YU}', '${TERRITORY.Y}', 'marche', 'Test shop YU', '${CATEGORY.craft}', null,
       'Shop YU (unpublished)', null, null, null, null, point(3.6, 47.6),
       null, null, null, '{}',
       null, '{}', 'unknown', null, false, 'import', 'test-policies/YU', null)
  `)

  const members = MEMBERS.map((m) => `('${SHOP[m.shop]}', '${USER[m.user]}', '${m.role}')`).join(
    ', ',
  )
  await db.superuser(`insert into public.shop_members (shop_id, user_id, role) values ${members}`)

  const curators = CURATORS.map((c) => `('${c.territory}', '${USER[c.user]}')`).join(', ')
  await db.superuser(
    `insert into public.territory_curators (territory_slug, user_id) values ${curators}`,
  )

  // A second status event for A, so that its history has a before/after pair.
  await db.superuser(
    `update public.shops set status_message = 'Closed for works until spring' where id = '${SHOP.A}'`,
  )
}
