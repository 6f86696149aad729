import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseOsmGeoJson } from '@/features/import-export/utils/osm-geojson-import'
import { openTestDatabase, type TestDatabase } from './test-database'
import { niortCatalog } from '../fixtures/curation/catalog'

// The seed's Niort places come from this very OpenStreetMap export (supabase/data): a curator who
// imports it again must be told that nothing changed. The pharmacies the seed joined with the
// FINESS register (by their ref:FR:FINESS) took the register's current address and phone and
// credit both sources: for them, and only for those fields, the 2019 file is older.

const CURATEUR_NIORT = 'de000000-0000-4000-8000-000000000004'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(() => db.close())

describe('re-importing the OpenStreetMap file Niort was seeded from', () => {
  it('reports every line unchanged, but the register’s newer fields of the joined pharmacies', async () => {
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
    const joined = new Set(
      (
        await db.superuser<{ ref: string }>(
          `select source_ref as ref from public.shops
            where territory_slug = 'niort-agglo' and source = 'osm'
              and source_attribution like '%FINESS%'`,
        )
      ).map((row) => row.ref),
    )
    expect(joined.size, 'pharmacies joined with the register').toBeGreaterThan(0)
    const lineRef = new Map(parsed.rows.map((row) => [row.line, row.sourceRef]))
    const isJoined = (line: { line: number }) => joined.has(lineRef.get(line.line)!)
    expect(report.filter((line) => !isJoined(line) && line.action !== 'unchanged')).toEqual([])
    // The register's fields only: the place's name, kind, position and hours are OSM's.
    const REGISTER_FIELDS = new Set(['adresse', 'code postal', 'commune', 'crédit', 'téléphone'])
    for (const line of report.filter(isJoined)) {
      if (line.action === 'unchanged') continue
      expect(line.action).toBe('update')
      const fields = (line.message ?? '').replace(/^Modifié : /, '').split(', ')
      expect(
        fields.filter((field) => !REGISTER_FIELDS.has(field)),
        line.message ?? '',
      ).toEqual([])
    }
  })
})
