import type { ShopKind, ShopService } from './types'

/**
 * One shop as an importer read it from a file, ready to be checked by the database's
 * `import_shops` function (which decides, and reports per line). Field names follow `Shop`.
 */
export interface ImportRow {
  /** Where the row is in its file: the CSV line number (header = 1), or the feature's index + 1. */
  line: number
  /**
   * The row's key in its source, so that re-importing updates instead of duplicating:
   * an OpenStreetMap id (`node/123`) or the questionnaire's key (see questionnaire-csv.ts).
   */
  sourceRef: string
  kind: ShopKind
  name: string
  /** A category slug, or what the file said when it matched none (the database refuses it). */
  categorySlug: string
  subcategorySlug: string | null
  description: string | null
  address: string | null
  postcode: string | null
  communeInsee: string | null
  communeName: string | null
  lon: number
  lat: number
  phone: string | null
  email: string | null
  website: string | null
  socialLinks: string[]
  /** OpenStreetMap `opening_hours` syntax, valid for the opening_hours library. */
  openingHours: string | null
  /** Hours that could not be converted without guessing, kept as the file wrote them. */
  openingHoursNote: string | null
  orderingInstructions: string | null
  services: ShopService[]
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
