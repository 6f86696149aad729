import { isTerritorySlug } from './routes'

const STORAGE_KEY = 'vitrine.territory'

/**
 * The territory this device last showed: the installed app's start (`/`) and its "Mon commerce"
 * shortcut open a Niort merchant's Niort, not the build's default territory.
 */
export function lastTerritory(): string | null {
  try {
    const slug = localStorage.getItem(STORAGE_KEY)
    return slug && isTerritorySlug(slug) ? slug : null
  } catch {
    return null // storage refused (a third-party frame): the default territory
  }
}

export function rememberTerritory(slug: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, slug)
  } catch {
    // Not kept: `/` opens the default territory.
  }
}
