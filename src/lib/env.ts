/** Configuration read once from Vite's environment. */

export interface SupabaseConfig {
  url: string
  anonKey: string
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

const supabaseUrl = nonEmpty(import.meta.env.VITE_SUPABASE_URL)
const supabaseAnonKey = nonEmpty(import.meta.env.VITE_SUPABASE_ANON_KEY)

export const env = {
  /** Both variables set: production on Supabase. Otherwise the embedded database. */
  supabase:
    supabaseUrl && supabaseAnonKey
      ? ({ url: supabaseUrl, anonKey: supabaseAnonKey } satisfies SupabaseConfig)
      : null,
  defaultTerritory: nonEmpty(import.meta.env.VITE_DEFAULT_TERRITORY) ?? 'grand-poitiers',
} as const
