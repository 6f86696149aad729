import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../test-database'
import { ACTOR, ACTOR_NAMES, CATEGORY, SHOP, TERRITORY, loadFixtures } from './fixtures'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

type Feature = {
  type: string
  id: string
  geometry: { type: string; coordinates: [number, number] }
  properties: Record<string, unknown>
}
type Collection = {
  type: string
  name: string
  license: string
  attribution: string
  features: Feature[]
}

const GEOJSON = 'select public.published_shops_geojson($1) as geojson'

describe('published_shops_geojson', () => {
  it.each(ACTOR_NAMES)(
    '%s gets the published places of test-x only, ordered by name',
    async (actor) => {
      const [row] = await db.as<{ geojson: Collection }>(ACTOR[actor], GEOJSON, [TERRITORY.X])
      const collection = row!.geojson
      expect(collection.type).toBe('FeatureCollection')
      expect(collection.features.map((f) => f.id)).toEqual([SHOP.A, SHOP.B])
    },
  )

  it('carries the licence and the credits, naming the territory and OpenStreetMap', async () => {
    const [row] = await db.as<{ geojson: Collection }>(ACTOR.anon, GEOJSON, [TERRITORY.X])
    expect(row!.geojson).toMatchObject({
      type: 'FeatureCollection',
      name: TERRITORY.X,
      license: 'ODbL-1.0',
    })
    expect(row!.geojson.attribution).toMatch(/OpenStreetMap contributors/)
    expect(row!.geojson.attribution).toMatch(/Test territory X/)
  })

  it('each feature is a GeoJSON point (lon, lat) with the documented properties', async () => {
    const [row] = await db.as<{ geojson: Collection }>(ACTOR.anon, GEOJSON, [TERRITORY.X])
    const a = row!.geojson.features[0]!
    expect(a).toEqual({
      type: 'Feature',
      id: SHOP.A,
      geometry: { type: 'Point', coordinates: [1.5, 45.5] },
      properties: {
        id: SHOP.A,
        name: 'Test shop A',
        kind: 'commercant',
        category: CATEGORY.food,
        subcategory: null,
        address: '1 rue A',
        postcode: '00100',
        commune: 'Testville X',
        phone: '+33 1 00 00 00 01',
        email: 'a@example.fr',
        website: 'https://a.example.fr',
        opening_hours: 'Mo-Sa 08:00-19:00',
        services: ['in_store'],
        status: 'closed',
        status_updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        source: 'import',
        source_attribution: 'Test data',
      },
    })
  })

  it('never lists what the merchant keeps to the members (message, closed until)', async () => {
    const [row] = await db.as<{ geojson: Collection }>(ACTOR.anon, GEOJSON, [TERRITORY.X])
    for (const feature of row!.geojson.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(
        [
          'id',
          'name',
          'kind',
          'category',
          'subcategory',
          'address',
          'postcode',
          'commune',
          'phone',
          'email',
          'website',
          'opening_hours',
          'services',
          'status',
          'status_updated_at',
          'source',
          'source_attribution',
        ].sort(),
      )
    }
  })

  it('places with the same name are ordered by id; an unpublished one stays out', async () => {
    const ids = ['00000000-7e57-4000-b000-0000000000f2', '00000000-7e57-4000-b000-0000000000f1']
    await db.session(async (step) => {
      for (const [i, id] of ids.entries()) {
        await step(
          'superuser',
          `insert into public.shops (id, territory_slug, kind, name, category_slug, location, published, source, source_ref)
           values ($1, $2, 'artisan', 'Same name', $3, point(1.3, 45.3), true, 'import', $4)`,
          [id, TERRITORY.X, CATEGORY.food, `geojson/${i}`],
        )
      }
      await step('superuser', `update public.shops set published = false where id = $1`, [SHOP.B])
      const [row] = await step<{ geojson: Collection }>(ACTOR.curatorX, GEOJSON, [TERRITORY.X])
      expect(row!.geojson.features.map((f) => f.properties.name)).toEqual([
        'Same name',
        'Same name',
        'Test shop A',
      ])
      expect(row!.geojson.features.slice(0, 2).map((f) => f.id)).toEqual([...ids].sort())
    })
  })

  it('test-y lists its own published place only', async () => {
    const [row] = await db.as<{ geojson: Collection }>(ACTOR.curatorX, GEOJSON, [TERRITORY.Y])
    expect(row!.geojson.features.map((f) => f.id)).toEqual([SHOP.Y1])
  })

  it('a territory without published places has an empty list of features', async () => {
    await db.session(async (step) => {
      await step(
        'superuser',
        `update public.shops set published = false where territory_slug = $1`,
        [TERRITORY.Y],
      )
      const [row] = await step<{ geojson: Collection }>(ACTOR.anon, GEOJSON, [TERRITORY.Y])
      expect(row!.geojson.features).toEqual([])
    })
  })

  it('an unknown territory: null', async () => {
    expect(await db.as(ACTOR.anon, GEOJSON, ['test-nowhere'])).toEqual([{ geojson: null }])
  })

  it('is security invoker and executable by anon and authenticated', async () => {
    const [row] = await db.superuser(
      `select p.prosecdef as definer,
              has_function_privilege('anon', p.oid, 'EXECUTE') as anon,
              has_function_privilege('authenticated', p.oid, 'EXECUTE') as authenticated
         from pg_proc p where p.oid = 'public.published_shops_geojson(text)'::regprocedure`,
    )
    expect(row).toEqual({ definer: false, anon: true, authenticated: true })
  })
})

describe('curation functions: catalog', () => {
  const FUNCTIONS = [
    ['publish_submission(uuid, timestamp with time zone)', true],
    ['refuse_submission(uuid, text, timestamp with time zone)', true],
    ['possible_duplicates(uuid)', false],
    ['accept_shop_invitations()', true],
    ['shop_member_list(uuid)', true],
    ['import_shops(text, text, jsonb, boolean)', false],
    ['curator_territories()', false],
  ] as const

  it.each(FUNCTIONS)(
    '%s: authenticated only, security definer=%s, search_path pinned',
    async (signature, definer) => {
      const [row] = await db.superuser(
        `select p.prosecdef as definer,
                has_function_privilege('anon', p.oid, 'EXECUTE') as anon,
                has_function_privilege('authenticated', p.oid, 'EXECUTE') as authenticated,
                has_function_privilege('public', p.oid, 'EXECUTE') as public,
                -- Definer functions search pg_temp last; invoker ones search nothing.
                (case when p.prosecdef then 'search_path=pg_catalog, pg_temp'
                      else 'search_path=""' end) = any(p.proconfig) as pinned
           from pg_proc p where p.oid = $1::regprocedure`,
        [`public.${signature}`],
      )
      expect(row).toEqual({
        definer,
        anon: false,
        authenticated: true,
        public: false,
        pinned: true,
      })
    },
  )

  // Trigger functions cannot be called directly, whatever their grants.
  it('no private security definer function is executable by the public', async () => {
    const rows = await db.superuser(
      `select p.proname from pg_proc p
        where p.pronamespace = 'private'::regnamespace and p.prosecdef
          and p.prorettype <> 'trigger'::regtype
          and has_function_privilege('public', p.oid, 'EXECUTE')
        order by 1`,
    )
    expect(rows).toEqual([])
  })
})
