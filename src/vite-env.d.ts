/// <reference types="vite/client" />

/**
 * The build's configuration, all optional (see .env.example and src/lib/env.ts, which reads and
 * checks them once). Typed here so that a misspelt name is a type error, not a silent default.
 */
interface ImportMetaEnv {
  /** The Supabase project's URL; with the anon key, the build uses Supabase instead of PGlite. */
  readonly VITE_SUPABASE_URL?: string
  /** The project's anon (public) key: never the service key. */
  readonly VITE_SUPABASE_ANON_KEY?: string
  /** The territory `/` opens (a slug of the territories table). */
  readonly VITE_DEFAULT_TERRITORY?: string
  /** The national address service's search endpoint; empty: communes only. */
  readonly VITE_ADDRESS_SEARCH_URL?: string
  readonly VITE_GEOCODER_URL?: string
  /** Above this many shops a territory's map loads its viewport only. */
  readonly VITE_VIEWPORT_LOADING_ABOVE?: string
  /** A vector basemap style; empty: the bundled offline style only. */
  readonly VITE_MAP_STYLE_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
