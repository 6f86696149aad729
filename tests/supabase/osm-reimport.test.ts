import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseOsmGeoJson } from '@/features/import-export/utils/osm-geojson-import'
import { openTestDatabase, type TestDatabase } from './test-database'
import { niortCatalog } from '../fixtures/curation/catalog'

// The seed's Niort places come from this very OpenStreetMap export (supabase/data): a curator who
// imports it again must be told that nothing changed.

const CURATEUR_NIORT = 'de000000-0000-4000-8000-000000000004'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db.close())

describe('re-importing the OpenStreetMap file Niort was seeded from', () => {
  it('reports every line unchanged', async () => {
    const text = readFileSync(
      join(process.cwd(), 'supabase/data/poi/osm-niort-79-2019-overpass.geojson'),
      'utf8',
    )
    const parsed = parseOsmGeoJson(text, niortCatalog())
    expect(parsed.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    const report = await db.session((step) =>
      step<{ line: number; action: string; message: string | null }>(
        { role: 'authenticated', userId: CURATEUR_NIORT },
        `select line, action, message
           from public.import_shops('niort-agglo', 'osm', $1::jsonb, true)`,
        [JSON.stringify(parsed.rows)],
      ),
    )
    expect(report.length).toBe(parsed.rows.length)
    expect(report.filter((line) => line.action !== 'unchanged')).toEqual([])
  })
})
