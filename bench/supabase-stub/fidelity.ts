/**
 * Does the stub answer as the real thing would? The embedded build ships, per territory, a
 * snapshot of what a visitor sees, made at build time by querying the migrated and seeded
 * database as `anon` (supabase/tooling). The stub's answer to the shopper page's shops request
 * must hold the same rows, in the same order, with the same values.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { SHOP_COLUMNS } from '../../src/backend/sql-objects.ts'

export interface FidelityCheck {
  territory: string
  snapshotRows: number
  stubRows: number
  /** Differences found (the first few), empty when the answers match. */
  mismatches: string[]
}

/** Set when the seed runs: they differ between the build's database and the stub's. */
const SEED_TIME_COLUMNS = new Set(['created_at', 'updated_at', 'status_updated_at'])

/** Arrays may come as JSON arrays or as PostgreSQL array literals (`{a,b}`). */
function normalise(value: unknown): unknown {
  if (typeof value === 'string' && /^\{.*\}$/.test(value) && !value.startsWith('{"')) {
    return value === '{}' ? [] : value.slice(1, -1).split(',')
  }
  return value
}

export async function checkStubAgainstSnapshots(
  stubUrl: string,
  embeddedDist: string,
): Promise<FidelityCheck[]> {
  const dir = join(embeddedDist, 'embedded')
  const snapshots = readdirSync(dir).filter((f) => /^snapshot-.+\.json$/.test(f))
  if (snapshots.length === 0) throw new Error(`no snapshot in ${dir}`)
  const checks: FidelityCheck[] = []
  for (const file of snapshots) {
    const territory = /^snapshot-(.+)-[0-9a-f]+\.json$/.exec(file)?.[1] ?? file
    const expected = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>[]
    const url = new URL('/rest/v1/shops', stubUrl)
    // The request the Supabase adapter's listShops makes.
    url.searchParams.set('select', SHOP_COLUMNS.join(','))
    url.searchParams.set('territory_slug', `eq.${territory}`)
    url.searchParams.set('order', 'name.asc,id.asc')
    const response = await fetch(url)
    if (!response.ok) throw new Error(`stub answered ${response.status} for ${territory}`)
    const actual = (await response.json()) as Record<string, unknown>[]
    const mismatches: string[] = []
    if (actual.length !== expected.length) {
      mismatches.push(`${actual.length} rows, the snapshot has ${expected.length}`)
    }
    expected.forEach((row, i) => {
      const other = actual[i]
      if (!other) return
      for (const column of SHOP_COLUMNS) {
        if (SEED_TIME_COLUMNS.has(column)) continue
        const a = JSON.stringify(normalise(row[column]))
        const b = JSON.stringify(normalise(other[column]))
        if (a !== b) mismatches.push(`row ${i} (${String(row.id)}) ${column}: ${b} ≠ ${a}`)
      }
    })
    checks.push({
      territory,
      snapshotRows: expected.length,
      stubRows: actual.length,
      mismatches: mismatches.slice(0, 5),
    })
  }
  return checks
}
