/**
 * The files the build prepares for the embedded backend (see supabase/tooling): a PGlite data
 * directory with the migrations and seed already applied, the seed for "reset", and per-territory
 * snapshots of what a visitor sees, so that shoppers see places before the database has started.
 */
export interface EmbeddedManifest {
  /** Hash of everything that shapes the database; names the browser's copy of it. */
  version: string
  pgdataUrl: string
  seedUrl: string
  snapshots: Record<string, string>
  categories: { slug: string; name_fr: string; name_en: string }[]
  /** The territories as a visitor reads them (public reference data, tiny). */
  territories: { slug: string; name: string; centre: string; bounds: string }[]
  demoAccounts: {
    email: string
    displayName: string
    curates: string[]
    shops: string[]
    userId: string
  }[]
}

export const EMBEDDED_DIR = 'embedded'
export const MANIFEST_FILE = 'manifest.json'

export function dataDirName(version: string): string {
  return `vitrine-${version}`
}
