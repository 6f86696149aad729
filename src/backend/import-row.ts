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
  /**
   * What to do when the row's place is already in the territory under another key (same name
   * and address, same name within 150 m, or same phone): update it (the database's default),
   * create a new place, or ignore the row. The curator chooses after the dry run.
   */
  onDuplicate?: DuplicateChoice
  /** The position was only guessed (the commune's centre): it never moves a place it updates. */
  positionApproximate?: boolean
}

export const DUPLICATE_CHOICES = ['update', 'create', 'ignore'] as const
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number]

/** A problem found while reading a file, before the database sees it. Messages are French. */
export interface ImportIssue {
  line: number
  /** The column or tag concerned, when there is one. */
  field: string | null
  severity: 'error' | 'warning'
  message: string
  /** A position placed at the commune's centre: moot when the line updates a place it keeps. */
  topic?: 'approximate-position'
}

/** What an importer read: rows the database will judge, and what it could not read. */
export interface ParsedImport {
  rows: ImportRow[]
  issues: ImportIssue[]
}
