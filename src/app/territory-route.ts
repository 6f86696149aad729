import { CURATION_PATH, MERCHANT_PATH, REFERENCING_PATH } from '@/lib/routes'

/** The territory a URL points at: `/t/<slug>`, otherwise the configured default. */
export function territorySlugFromPath(pathname: string, fallback: string): string {
  const match = /^\/t\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/.exec(pathname)
  return match?.[1] ?? fallback
}

export type AppPage = 'places' | 'embed' | 'merchant' | 'referencing' | 'curation'

const under = (pathname: string, base: string) =>
  pathname === base || pathname.startsWith(`${base}/`)

/**
 * Which page a path shows. The merchant's, referencing and curation pages live at the root or
 * under a territory (`/t/niort-agglo/referencer`); `/t/<slug>/embed` is the map and list alone,
 * for a commune's website.
 */
export function pageFromPath(pathname: string): AppPage {
  const rest = pathname.replace(/^\/t\/[a-z0-9]+(?:-[a-z0-9]+)*(?=\/|$)/, '') || '/'
  if (under(rest, '/embed')) return 'embed'
  if (under(rest, MERCHANT_PATH)) return 'merchant'
  if (under(rest, REFERENCING_PATH)) return 'referencing'
  if (under(rest, CURATION_PATH)) return 'curation'
  return 'places'
}
