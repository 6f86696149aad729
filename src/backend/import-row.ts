import type { ShopDraft } from './types'

/**
 * One shop as an importer read it from a file, ready to be checked by the database's
 * `import_shops` function (which decides, and reports per line). The fields are a shop's, with
 * the position as `lon`/`lat` (the function's JSON keys). `categorySlug` may be what the file said
 * when it matched no category (the database refuses it); `openingHours` is valid OSM syntax and
 * `openingHoursNote` keeps hours that could not be converted without guessing.
 */
export interface ImportRow extends Omit<ShopDraft, 'location'> {
  /** Where the row is in its file: the CSV line number (header = 1), or the feature's index + 1. */
  line: number
  /**
   * The row's key in its source, so that re-importing updates instead of duplicating:
   * an OpenStreetMap id (`node/123`) or the questionnaire's key (see questionnaire-csv.ts).
   */
  sourceRef: string
  lon: number
  lat: number
}

/** A problem found while reading a file, before the database sees it. Messages are French. */
export interface ImportIssue {
  line: number
  /** The column or tag concerned, when there is one. */
  field: string | null
  severity: 'error' | 'warning'
  message: string
}

/** What an importer read: rows the database will judge, and what it could not read. */
export interface ParsedImport {
  rows: ImportRow[]
  issues: ImportIssue[]
}
