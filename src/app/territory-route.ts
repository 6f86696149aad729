import { isTerritorySlug, pageFromSegment, pagePath, type AppPage } from '@/lib/routes'

/** The territory a URL points at: `/t/<slug>`, otherwise the configured default. */
export function territorySlugFromPath(pathname: string, fallback: string): string {
  const match = /^\/t\/([^/]+)(?:\/|$)/.exec(pathname)
  return match?.[1] && isTerritorySlug(match[1]) ? match[1] : fallback
}

/**
 * Which page a path shows. Pages live under a territory (`/t/niort-agglo/referencer`); the paths
 * of earlier versions at the root (`/mon-commerce`) still name their page, and are redirected.
 */
export function pageFromPath(pathname: string): AppPage {
  const rest = pathname.replace(/^\/t\/[^/]+(?=\/|$)/, '')
  const segment = rest.split('/').filter(Boolean)[0]
  return pageFromSegment(segment) ?? 'places'
}

/**
 * Where a path that is not a territory's page goes: `/`, and the earlier root paths
 * (`/mon-commerce`, `/referencer`, `/curation`, `/embed`), to the same page of the default
 * territory, with their query string (a shared link's filters).
 */
export function redirectTarget(pathname: string, search: string, fallback: string): string {
  return `${pagePath(fallback, pageFromPath(pathname))}${search}`
}
