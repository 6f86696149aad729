import { pageFromPath, pagePath } from '@/lib/routes'

/**
 * Where a path that is not a territory's page goes: `/`, and the earlier root paths
 * (`/mon-commerce`, `/referencer`, `/curation`, `/embed`), to the same page of the default
 * territory, with their query string (a shared link's filters).
 */
export function redirectTarget(pathname: string, search: string, fallback: string): string {
  return `${pagePath(fallback, pageFromPath(pathname))}${search}`
}
