import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv, type CsvDelimiter } from '../../src/lib/csv-parse.ts'
import type { Geometry } from './geo'

/**
 * A CSV file's rows as objects keyed by its header, read with the app's own parser. Some exports
 * start the header with `#` to mark it as a comment line. A row of another width is an error:
 * the generator never guesses what a shifted column meant.
 */
export function csvObjects(text: string, delimiter: CsvDelimiter): Record<string, string>[] {
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''), { delimiter })
  if (parsed.error) throw new Error(`CSV line ${parsed.error.line}: ${parsed.error.message}`)
  const [header, ...rows] = parsed.records.filter((record) =>
    record.fields.some((value) => value !== ''),
  )
  if (!header) return []
  const names = header.fields.map((name, index) =>
    (index === 0 ? name.replace(/^#/, '') : name).trim(),
  )
  return rows.map((row) => {
    if (row.fields.length !== names.length) {
      throw new Error(
        `CSV line ${row.line} has ${row.fields.length} fields, header has ${names.length}`,
      )
    }
    return Object.fromEntries(names.map((name, index) => [name, row.fields[index] ?? '']))
  })
}

export interface Feature {
  type: 'Feature'
  properties: Record<string, unknown>
  geometry: Geometry
}

export interface FeatureCollection {
  type: 'FeatureCollection'
  features: Feature[]
  [key: string]: unknown
}

/** Every file the seed is built from; all live in supabase/data (see its PROVENANCE.md). */
export interface SeedInputs {
  communesCsv: Record<string, string>[]
  communesGeojson: FeatureCollection
  epciGeojson: FeatureCollection
  equipements: FeatureCollection
  laposte: Record<string, string>[]
  niortOsm: FeatureCollection
  finess: Record<string, string>[]
}

export const INPUT_FILES = {
  communesCsv: 'boundaries/grand-poitiers-communes.csv',
  communesGeojson: 'boundaries/grand-poitiers-communes.geojson',
  epciGeojson: 'boundaries/grand-poitiers-epci.geojson',
  equipements: 'poi/grand-poitiers-equipements-publics-2015.geojson',
  laposte: 'poi/laposte-points-de-contact-86-2016.csv',
  niortOsm: 'poi/osm-niort-79-2019-overpass.geojson',
  finess: 'poi/finess-pharmacies-86-79-2026.csv',
} as const

function readFeatureCollection(path: string): FeatureCollection {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new Error(`${path} is not a GeoJSON FeatureCollection`)
  }
  return parsed
}

export function readSeedInputs(dataDir: string): SeedInputs {
  const file = (name: keyof typeof INPUT_FILES) => join(dataDir, INPUT_FILES[name])
  return {
    communesCsv: csvObjects(readFileSync(file('communesCsv'), 'utf8'), ','),
    communesGeojson: readFeatureCollection(file('communesGeojson')),
    epciGeojson: readFeatureCollection(file('epciGeojson')),
    equipements: readFeatureCollection(file('equipements')),
    laposte: csvObjects(readFileSync(file('laposte'), 'utf8'), ';'),
    niortOsm: readFeatureCollection(file('niortOsm')),
    finess: csvObjects(readFileSync(file('finess'), 'utf8'), ','),
  }
}
