import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIST_SHOPS_SQL } from '../../src/backend/embedded/embedded-queries'
import { toShop, type ShopRow } from '../../src/backend/rows'
import { shopsToGeoJson } from '../../src/features/import-export/utils/export-shops'
import { openTestDatabase, type TestDatabase } from './test-database'
import { ACTOR, TERRITORY, loadFixtures } from './policies/fixtures'

/**
 * One open-data shape: the curators' "Télécharger en GeoJSON" writes what the public
 * `published_shops_geojson` serves, key for key, licence and credits included. Run on PGlite and
 * on PostgreSQL (DATABASE_URL).
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

async function territories(): Promise<{ slug: string; name: string }[]> {
  return db.superuser<{ slug: string; name: string }>(
    'select slug, name from public.territories order by slug',
  )
}

describe('the open data', () => {
  it('is the same from the curators’ button and from the public function, in every territory', async () => {
    const all = await territories()
    let places = 0
    expect(all.map((t) => t.slug)).toContain(TERRITORY.X)
    for (const territory of all) {
      const [row] = await db.as<{ geojson: unknown }>(
        ACTOR.anon,
        'select public.published_shops_geojson($1) as geojson',
        [territory.slug],
      )
      // The curator's page holds the territory's shops, unpublished ones included.
      const shops = (
        await db.superuser<ShopRow>(
          LIST_SHOPS_SQL.replace('$1', `'${territory.slug}'`).replace('$2', 'null'),
        )
      ).map(toShop)
      const fromButton = JSON.parse(JSON.stringify(shopsToGeoJson(shops, territory)))
      expect(fromButton, territory.slug).toEqual(row!.geojson)
      places += (fromButton as { features: unknown[] }).features.length
    }
    expect(places, 'published places compared').toBeGreaterThan(1)
  })
})
