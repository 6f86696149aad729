import { createContext, useContext } from 'react'

/**
 * The app's one route table. Every page lives under its territory, so that a link never lands
 * in another territory: `/t/<territory>` is the shoppers' map, and the other pages are segments
 * below it. Links are built from here with the current territory (`usePagePath`).
 */
export const PAGE_SEGMENTS = {
  merchant: 'mon-commerce',
  referencing: 'referencer',
  curation: 'curation',
  embed: 'embed',
} as const

export type AppPage = 'places' | keyof typeof PAGE_SEGMENTS

const TERRITORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function isTerritorySlug(value: string): boolean {
  return value.length <= 60 && TERRITORY_SLUG.test(value)
}

/** The path of a page of a territory: `/t/niort-agglo/mon-commerce`. */
export function pagePath(territory: string, page: AppPage = 'places'): string {
  const base = `/t/${territory}`
  return page === 'places' ? base : `${base}/${PAGE_SEGMENTS[page]}`
}

/** The URL parameter naming the place selected on the map (its sheet open). */
export const SELECTED_PLACE_PARAM = 'place'

/** The territory's map with one place selected: `/t/niort-agglo?place=<id>`. */
export function placeOnMapPath(territory: string, placeId: string): string {
  return `${pagePath(territory)}?${new URLSearchParams({ [SELECTED_PLACE_PARAM]: placeId })}`
}

/** The page a path segment under `/t/<territory>/` names, or null for an unknown one. */
export function pageFromSegment(segment: string | undefined): AppPage | null {
  if (segment === undefined || segment === '') return 'places'
  const found = (Object.keys(PAGE_SEGMENTS) as (keyof typeof PAGE_SEGMENTS)[]).find(
    (page) => PAGE_SEGMENTS[page] === segment,
  )
  return found ?? null
}

/**
 * Which page a path shows, or null when it is not a territory's page. Pages live under a
 * territory (`/t/niort-agglo/referencer`); the root paths of earlier versions (`/mon-commerce`)
 * name their page too, for the redirects.
 */
export function pageFromPath(pathname: string): AppPage {
  const rest = pathname.replace(/^\/t\/[^/]+(?=\/|$)/, '')
  const segment = rest.split('/').filter(Boolean)[0]
  return pageFromSegment(segment) ?? 'places'
}

/** The territory the page being shown belongs to (provided by the app's router). */
export const CurrentTerritoryContext = createContext<string | null>(null)

/** `path('merchant')`: the path of a page of the current territory. */
export function usePagePath(): (page?: AppPage) => string {
  const territory = useContext(CurrentTerritoryContext)
  return (page = 'places') => (territory ? pagePath(territory, page) : '/')
}
