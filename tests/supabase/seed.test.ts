import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/lib/csv-parse'
import { openTestDatabase, type TestDatabase } from './test-database'

// The database the global setup builds includes supabase/seed.sql (npm run seed).
const CAMILLE = 'de000000-0000-4000-8000-000000000001'
const BRUNO = 'de000000-0000-4000-8000-000000000002'
const CURATRICE = 'de000000-0000-4000-8000-000000000003'
const CURATEUR_NIORT = 'de000000-0000-4000-8000-000000000004'
const VISITEUR = 'de000000-0000-4000-8000-000000000005'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db.close())

const user = (userId: string) => ({ role: 'authenticated' as const, userId })

async function count(sql: string): Promise<number> {
  const rows = await db.superuser<{ n: number | string }>(sql)
  return Number(rows[0]?.n)
}

const DATA_DIR = join(process.cwd(), 'supabase', 'data')

/** The FINESS register the seed reads, row by row (header names as keys). */
function finessRows(): Record<string, string>[] {
  const text = readFileSync(join(DATA_DIR, 'poi', 'finess-pharmacies-86-79-2026.csv'), 'utf8')
  const [header, ...rows] = parseCsv(text, { delimiter: ',' }).records.map((r) => r.fields)
  return rows
    .filter((fields) => fields.some((value) => value !== ''))
    .map((fields) => Object.fromEntries(header!.map((name, i) => [name, fields[i] ?? ''])))
}

/** The FINESS number each OSM object of the Niort export carries (`ref:FR:FINESS`). */
function osmFinessRefs(): Map<string, string> {
  const osm = JSON.parse(
    readFileSync(join(DATA_DIR, 'poi', 'osm-niort-79-2019-overpass.geojson'), 'utf8'),
  ) as { features: { properties: Record<string, unknown> }[] }
  return new Map(
    osm.features
      .filter((f) => typeof f.properties['ref:FR:FINESS'] === 'string')
      .map((f) => [String(f.properties['@id']), String(f.properties['ref:FR:FINESS'])]),
  )
}

/** Communes with an outline: where a register row without coordinates can be placed. */
function outlinedCommunes(): Set<string> {
  const outlines = JSON.parse(
    readFileSync(join(DATA_DIR, 'boundaries', 'grand-poitiers-communes.geojson'), 'utf8'),
  ) as { features: { properties: { code_insee: string } }[] }
  return new Set(outlines.features.map((f) => String(f.properties.code_insee)))
}

describe('seed: reference data', () => {
  it('has the two territories, each centre inside its bounds', async () => {
    const rows = await db.superuser<{ slug: string; ok: boolean }>(
      'select slug, bounds @> centre as ok from territories order by sort_order',
    )
    expect(rows).toEqual([
      { slug: 'grand-poitiers', ok: true },
      { slug: 'niort-agglo', ok: true },
    ])
  })

  it('has the 40 Grand Poitiers communes and Niort', async () => {
    expect(
      await count(`select count(*) as n from communes where territory_slug = 'grand-poitiers'`),
    ).toBe(40)
    expect(await count(`select count(*) as n from communes where insee_code = '79191'`)).toBe(1)
    expect(
      await count(
        `select sum(population) as n from communes where territory_slug = 'grand-poitiers'`,
      ),
    ).toBe(201413)
  })

  it('has 8 categories, 7 services, and subcategories in their category', async () => {
    expect(await count('select count(*) as n from categories')).toBe(8)
    expect(await count('select count(*) as n from services')).toBe(7)
    expect(await count('select count(*) as n from subcategories')).toBeGreaterThanOrEqual(32)
  })
})

describe('seed: places', () => {
  it('has the 17 markets of Grand Poitiers', async () => {
    expect(
      await count(
        `select count(*) as n from shops where kind = 'marche' and territory_slug = 'grand-poitiers'`,
      ),
    ).toBe(17)
  })

  it('counts places by source', async () => {
    const rows = await db.superuser<{ source: string; n: number | string }>(
      'select source, count(*) as n from shops group by source order by source',
    )
    expect(rows.map((r) => [r.source, Number(r.n)])).toEqual([
      ['demo', 8],
      // 53 équipements publics + 44 La Poste points + 60 FINESS pharmacies (59 in Grand Poitiers,
      // 1 in Niort; the other 21 of Niort are OSM places joined with the register)
      ['open_data', 157],
      ['osm', 33],
    ])
  })

  it('claims no status or service for any real place', async () => {
    expect(
      await count(
        `select count(*) as n from shops
         where source <> 'demo'
           and (status <> 'unknown' or services <> '{}' or status_message is not null
                or closed_until is not null or ordering_instructions is not null or not published)`,
      ),
    ).toBe(0)
    expect(
      await count(
        `select count(*) as n from shops
         where source <> 'demo' and coalesce(btrim(source_attribution), '') = ''`,
      ),
    ).toBe(0)
  })

  it('holds every FINESS pharmacy of each territory’s communes, once', async () => {
    const register = finessRows()
    const refs = osmFinessRefs()
    const outlined = outlinedCommunes()
    const territories = await db.superuser<{ slug: string; codes: string[] }>(
      `select territory_slug as slug, array_agg(insee_code order by insee_code) as codes
       from communes group by territory_slug order by territory_slug`,
    )
    const seeded: Record<string, number> = {}
    for (const { slug, codes } of territories) {
      // A row without coordinates is placed at its commune's point, if the commune has an outline.
      const expected = register
        .filter((r) => codes.includes(r.citycode!))
        .filter((r) => r.lat !== '' || outlined.has(r.citycode!))
        .map((r) => r.finess_id!)
      const pharmacies = await db.superuser<{ source: string; source_ref: string }>(
        `select source, source_ref from shops
         where territory_slug = $1 and subcategory_slug = 'pharmacie'
           and (source_ref like 'finess:%' or source_attribution like '%FINESS (DREES)%')`,
        [slug],
      )
      const numbers = pharmacies.map((p) =>
        p.source === 'osm' ? refs.get(p.source_ref) : p.source_ref.replace(/^finess:/, ''),
      )
      expect(numbers.sort(), slug).toEqual(expected.sort())
      seeded[slug] = pharmacies.length
    }
    expect(seeded).toEqual({ 'grand-poitiers': 59, 'niort-agglo': 22 })
  })

  it('credits both sources on an OSM pharmacy joined with the register', async () => {
    const rows = await db.superuser<{ source_attribution: string; n: number | string }>(
      `select source_attribution, count(*) as n from shops
       where source = 'osm' and source_attribution like '%FINESS%' group by source_attribution`,
    )
    expect(rows.map((r) => [r.source_attribution, Number(r.n)])).toEqual([
      [
        '© OpenStreetMap contributors; FINESS (DREES), extrait du 05/10/2026, Licence Ouverte 2.0 ; géocodage BAN/IGN',
        21,
      ],
    ])
  })

  it('flags the positions the register calls approximate, and no other', async () => {
    const flaggedInRegister = new Set(
      finessRows()
        .filter((r) => r.approximate === 'true' || r.lat === '')
        .map((r) => `finess:${r.finess_id}`),
    )
    const rows = await db.superuser<{ source_ref: string; location_approximate: boolean }>(
      `select source_ref, location_approximate from shops where source_ref like 'finess:%'`,
    )
    for (const row of rows) {
      expect(row.location_approximate, row.source_ref).toBe(flaggedInRegister.has(row.source_ref))
    }
    expect(rows.filter((r) => r.location_approximate)).toHaveLength(6)
    expect(
      await count(
        `select count(*) as n from shops
         where location_approximate and coalesce(source_ref, '') not like 'finess:%'`,
      ),
    ).toBe(0)
  })

  it('keeps free-text market hours as a note, never as opening_hours', async () => {
    expect(
      await count(
        `select count(*) as n from shops where kind = 'marche' and opening_hours_note is not null`,
      ),
    ).toBe(17)
    expect(
      await count(
        `select count(*) as n from shops where source = 'open_data' and opening_hours is not null`,
      ),
    ).toBe(0)
  })

  it('places every shop inside its territory', async () => {
    expect(
      await count(
        `select count(*) as n from shops s join territories t on t.slug = s.territory_slug
         where not t.bounds @> s.location`,
      ),
    ).toBe(0)
  })

  it('recorded the first status event of every shop', async () => {
    expect(
      await count(
        'select count(*) as n from shops s where not exists (select 1 from shop_status_events e where e.shop_id = s.id)',
      ),
    ).toBe(0)
  })
})

describe('seed: visibility and roles', () => {
  it('hides the unpublished demo shop from visitors', async () => {
    const total = await count('select count(*) as n from shops')
    const rows = await db.as<{ n: number | string; unpublished: number | string }>(
      { role: 'anon' },
      'select count(*) as n, count(*) filter (where not published) as unpublished from shops',
    )
    expect(Number(rows[0]?.unpublished)).toBe(0)
    expect(Number(rows[0]?.n)).toBe(total - 1)
    const visitor = await db.as<{ n: number | string }>(
      user(VISITEUR),
      'select count(*) as n from shops where not published',
    )
    expect(Number(visitor[0]?.n)).toBe(0)
  })

  it('lets each demo merchant see their own shops, unpublished included', async () => {
    const camille = await db.as<{ name: string; role: string; published: boolean }>(
      user(CAMILLE),
      'select name, role, published from my_shops()',
    )
    expect(camille).toHaveLength(3)
    expect(camille.every((s) => s.role === 'owner' && s.name.startsWith('Démo — '))).toBe(true)
    expect(camille.filter((s) => !s.published)).toHaveLength(1)
    const seen = await db.as<{ n: number | string }>(
      user(CAMILLE),
      'select count(*) as n from shops where not published',
    )
    expect(Number(seen[0]?.n)).toBe(1)

    const bruno = await db.as<{ name: string; role: string }>(
      user(BRUNO),
      'select name, role from my_shops()',
    )
    expect(bruno).toHaveLength(2)
    expect(bruno.every((s) => s.role === 'owner')).toBe(true)
    expect(await db.as(user(VISITEUR), 'select * from my_shops()')).toHaveLength(0)
  })

  it('makes each curator curator of one territory', async () => {
    const rows = await db.superuser<{ email: string; territory_slug: string }>(
      `select u.email, c.territory_slug from territory_curators c join auth.users u on u.id = c.user_id
       order by c.territory_slug`,
    )
    expect(rows).toEqual([
      { email: 'curatrice@demo.vitrine.test', territory_slug: 'grand-poitiers' },
      { email: 'curateur.niort@demo.vitrine.test', territory_slug: 'niort-agglo' },
    ])
    const curatrice = await db.as<{ n: number | string }>(
      user(CURATRICE),
      'select count(*) as n from shops where not published',
    )
    expect(Number(curatrice[0]?.n)).toBe(1)
    const niort = await db.as<{ n: number | string }>(
      user(CURATEUR_NIORT),
      'select count(*) as n from shops where not published',
    )
    expect(Number(niort[0]?.n)).toBe(0)
  })

  it('has five confirmed demo accounts with a display name', async () => {
    const rows = await db.superuser<{
      email: string
      confirmed: boolean
      name: string
      provider: string
    }>(
      `select email, email_confirmed_at is not null as confirmed, raw_user_meta_data ->> 'display_name' as name,
              raw_app_meta_data ->> 'provider' as provider
       from auth.users where email like '%@demo.vitrine.test' order by email`,
    )
    expect(rows).toHaveLength(5)
    expect(rows.every((r) => r.confirmed && r.name && r.provider === 'email')).toBe(true)
  })
})
