import { localStorageIfAllowed } from './device-storage'
import { isTerritorySlug } from './routes'

const STORAGE_KEY = 'vitrine.territory'

/**
 * The territory this device last showed: the installed app's start (`/`) and its "Mon commerce"
 * shortcut open a Niort merchant's Niort, not the build's default territory. Without storage (a
 * third-party frame), the default territory.
 */
export function lastTerritory(): string | null {
  const slug = localStorageIfAllowed()?.getItem(STORAGE_KEY)
  return slug && isTerritorySlug(slug) ? slug : null
}

export function rememberTerritory(slug: string): void {
  try {
    localStorageIfAllowed()?.setItem(STORAGE_KEY, slug)
  } catch {
    // Full: `/` opens the default territory.
  }
}
