/**
 * Entry point of `npm run seed`: rebuilds supabase/seed.sql and the offline map's communes file
 * from supabase/data. Deterministic, so a re-run on unchanged data changes no byte.
 *
 *   npx tsx supabase/seed-generator/build-seed.ts              # writes into the repository
 *   npx tsx supabase/seed-generator/build-seed.ts --out-dir D  # writes D/seed.sql, D/communes.geojson
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildSeed } from './seed-builder'

const repoRoot = join(import.meta.dirname, '..', '..')

const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } })
const outDir = values['out-dir'] ? resolve(values['out-dir']) : null

const paths = {
  dataDir: join(repoRoot, 'supabase', 'data'),
  seedSql: outDir ? join(outDir, 'seed.sql') : join(repoRoot, 'supabase', 'seed.sql'),
  communesGeojson: outDir
    ? join(outDir, 'communes.geojson')
    : join(repoRoot, 'public', 'data', 'territories', 'grand-poitiers', 'communes.geojson'),
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  console.log(
    `wrote ${relative(process.cwd(), path) || path} (${Buffer.byteLength(content)} bytes)`,
  )
}

const { sql, communesGeojson, model } = buildSeed(paths.dataDir)
write(paths.seedSql, sql)
write(paths.communesGeojson, communesGeojson)
console.log(
  `shops: ${model.equipements.length} équipements publics, ${model.laposte.length} La Poste, ` +
    `${model.osm.length} OpenStreetMap, ${model.finess.length} FINESS, ${model.demo.length} demo`,
)
for (const r of model.finessReports) {
  console.log(
    `FINESS ${r.territorySlug}: ${r.registerRows} register rows, ${r.joinedWithOsm} joined with ` +
      `OpenStreetMap, ${r.added} added (${r.placedAtCommune} at their commune's point, ` +
      `${r.approximate} approximate), ${r.unplaced.length} left out without a position` +
      (r.unplaced.length ? ` (${r.unplaced.join(', ')})` : ''),
  )
}
