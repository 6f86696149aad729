import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
      ['open_data', 97], // 53 équipements publics + 44 La Poste points
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
        `select count(*) as n from shops where source <> 'demo' and source_attribution is null`,
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
