import { env } from '../lib/env'
import type { VitrineBackend } from './port'

/**
 * Picks the adapter. The condition uses only Vite's build-time constants, so a Supabase build
 * drops the embedded branch (PGlite and its files) and an embedded build drops supabase-js.
 */
let backend: Promise<VitrineBackend> | null = null

/** One backend per page (React may mount the providers twice in development). */
export function getBackend(): Promise<VitrineBackend> {
  backend ??= createBackend()
  backend.catch(() => {
    backend = null
  })
  return backend
}

async function createBackend(): Promise<VitrineBackend> {
  if (import.meta.env.VITE_SUPABASE_URL && import.meta.env.VITE_SUPABASE_ANON_KEY) {
    if (!env.supabase)
      throw new Error('VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY must not be blank.')
    const { createSupabaseBackend } = await import('./supabase/supabase-backend')
    return createSupabaseBackend(env.supabase)
  }
  const { createEmbeddedBackend } = await import('./embedded/embedded-backend')
  return createEmbeddedBackend()
}
