import type { ImportIssue, ImportRow } from '@/backend/import-row'
import type { ImportSource } from '@/backend/types'
import type { ImportCatalog } from '@/features/import-export/utils/import-catalog'
import { decodeText } from '@/features/import-export/utils/decode-text'
import { parseOsmGeoJson } from '@/features/import-export/utils/osm-geojson-import'
import { parseQuestionnaireCsv } from '@/features/import-export/utils/questionnaire-csv'
import {
  placeRows,
  type GeocoderOptions,
  type GeocoderOutcome,
} from '@/features/import-export/utils/locate-rows'

export interface ReadImportFile {
  source: ImportSource
  rows: ImportRow[]
  issues: ImportIssue[]
  skipped: { line: number; reason: string }[]
  encoding: string | null
  delimiter: string | null
  /** Whether rows without coordinates were placed by the address service, and how it went. */
  geocoder: GeocoderOutcome
}

/** A GeoJSON export starts with `{`; anything else is read as the questionnaire's CSV. */
export async function readImportFile(
  file: Pick<File, 'name' | 'arrayBuffer'>,
  catalog: ImportCatalog,
  geocoder: GeocoderOptions = { url: null },
): Promise<ReadImportFile> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const looksJson = /\.(geo)?json$/i.test(file.name) || firstNonSpace(bytes) === '{'
  if (looksJson) {
    const decoded = decodeText(bytes)
    if (!decoded.ok) {
      return {
        source: 'osm',
        rows: [],
        issues: [{ line: 1, field: null, severity: 'error', message: decoded.error }],
        skipped: [],
        encoding: null,
        delimiter: null,
        geocoder: 'not-needed',
      }
    }
    const parsed = parseOsmGeoJson(decoded.text, catalog)
    return {
      source: 'osm',
      rows: parsed.rows,
      issues: parsed.issues,
      skipped: parsed.skipped.map(({ line, reason }) => ({ line, reason })),
      encoding: null,
      delimiter: null,
      geocoder: 'not-needed',
    }
  }
  const parsed = parseQuestionnaireCsv(bytes, catalog)
  const placed = await placeRows(parsed.unplaced, catalog, geocoder)
  return {
    source: 'import',
    rows: [...parsed.rows, ...placed.rows].sort((a, b) => a.line - b.line),
    issues: [...parsed.issues, ...placed.issues].sort((a, b) => a.line - b.line),
    skipped: [],
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    geocoder: placed.geocoder,
  }
}

function firstNonSpace(bytes: Uint8Array): string {
  for (const byte of bytes.subarray(0, 64)) {
    const char = String.fromCharCode(byte)
    if (char.trim() !== '' && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) return char
  }
  return ''
}
