/** Configuration read once from Vite's environment. */

export interface SupabaseConfig {
  url: string
  anonKey: string
}

function positiveInteger(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value.trim()) : Number.NaN
  return Number.isInteger(number) && number > 0 ? number : null
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
  /** The national address service; empty string turns online address search off. */
  addressSearchUrl:
    import.meta.env.VITE_ADDRESS_SEARCH_URL === ''
      ? null
      : (nonEmpty(import.meta.env.VITE_ADDRESS_SEARCH_URL) ??
        'https://api-adresse.data.gouv.fr/search/'),
  /**
   * The national address service's batch geocoder, which places imported shops that have an
   * address but no coordinates; empty string: offline placing only (the commune's point).
   */
  geocoderUrl:
    import.meta.env.VITE_GEOCODER_URL === ''
      ? null
      : (nonEmpty(import.meta.env.VITE_GEOCODER_URL) ??
        'https://api-adresse.data.gouv.fr/search/csv/'),
  /**
   * Above this many shops a territory's map loads the shops of its viewport only (the national
   * directory case) instead of the whole territory at once.
   */
  viewportLoadingAbove: positiveInteger(import.meta.env.VITE_VIEWPORT_LOADING_ABOVE) ?? 3000,
  /** A vector style URL for the basemap; the bundled offline style is the fallback. */
  mapStyleUrl:
    import.meta.env.VITE_MAP_STYLE_URL === ''
      ? null
      : (nonEmpty(import.meta.env.VITE_MAP_STYLE_URL) ??
        'https://tiles.openfreemap.org/styles/liberty'),
} as const
