import { useEffect, useMemo, useRef, useState } from 'react'
import type { Territory } from '@/backend/types'
import { env } from '@/lib/env'
import { useErrorText } from '@/lib/error-messages'
import { useT } from '@/lib/i18n'
import { useCategories } from '@/shop/api/get-categories'
import { useShopperShops, useViewportShops } from '../api/get-shopper-shops'
import { usePlacesViewStore } from '../stores/places-view-store'
import { knownCategoriesLoaded, useUrlSync } from '../stores/use-url-sync'
import { useOpeningHoursLoaded } from '@/shop/use-opening-hours-loaded'
import { RADIUS_PRESETS_KM } from '../utils/filters-url'
import { createPlaceIndex, filterPlaces } from '../utils/place-index'
import { EMPTY_FILTERS } from '../utils/place-filters'
import { displayStatus, labelMarker, statusLabel } from '@/shop/shop-status'
import { placesToFeatureCollection } from '../utils/places-geojson'
import { VIEWPORT_ROWS, viewportQuery } from '../utils/viewport-query'
import { FilterPanel } from './filter-panel'
import { LazyPlacesMap } from './lazy-places-map'
import { PlaceList, type PlaceListItem } from './place-list'
import { PlaceSheet } from './place-sheet'
import { TerritoryPicker } from './territory-picker'
import { StatusLegend } from './status-legend'
import '../places.css'

/** "Now", moving once a minute so that open-now and "à confirmer" stay true while the page is open. */
function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** The shopper's page: one filter state drives the map, the list and the URL. */
export function PlacesPage({
  territory,
  territories = [],
  wholeUpTo = env.viewportLoadingAbove,
  active = true,
}: {
  /** False while another page of the territory is shown over it (kept mounted, hidden). */
  active?: boolean
  territory: Territory
  /** The deployment's territories, offered to switch to; none on an embedded map. */
  territories?: readonly Territory[]
  /** A territory with more shops loads by viewport (see VITE_VIEWPORT_LOADING_ABOVE). */
  wholeUpTo?: number
}) {
  const t = useT()
  const errorText = useErrorText()
  useUrlSync(active)
  const now = useNow()
  const categories = useCategories()
  const filters = usePlacesViewStore((s) => s.filters)
  useEffect(() => {
    if (categories.data) knownCategoriesLoaded(categories.data.map((category) => category.slug))
  }, [categories.data])
  const selectedId = usePlacesViewStore((s) => s.selectedPlaceId)
  const mapBounds = usePlacesViewStore((s) => s.mapBounds)
  const { placeSelected, radiusChanged, filtersCleared, mapMoved } = usePlacesViewStore.getState()

  // A territory loads whole up to `wholeUpTo` shops; above (a national directory), the shops
  // of the visible area, the territory's frame until the map has loaded.
  const whole = useShopperShops(territory.slug, wholeUpTo)
  const byViewport = (whole.data?.length ?? 0) > wholeUpTo
  const areaQuery = byViewport ? viewportQuery(mapBounds ?? territory.bounds, filters) : null
  const area = useViewportShops(territory.slug, areaQuery)
  const shops = byViewport ? area : whole
  const areaFull = byViewport && (area.data?.length ?? 0) >= VIEWPORT_ROWS
  // The hours' verdicts follow the first places, never delay them.
  const hoursLoaded = useOpeningHoursLoaded(shops.isSuccess)
  // The map (MapLibre, 300 KB) downloads once the places have come (or failed), in parallel
  // with the list's rendering rather than competing with its data on a slow network.
  const mapWanted = !shops.isPending

  const index = useMemo(
    () => createPlaceIndex(shops.data ?? []),
    // Built again with the hours once their library has arrived: the list does not wait for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shops.data, hoursLoaded],
  )
  const items: PlaceListItem[] = useMemo(
    () =>
      filterPlaces(index, filters, now).map(({ shop, distanceKm, openNow }) => {
        // The rule of `placeStatusStory`, from the index's cached "open now": the list, the
        // markers and the sheet cannot disagree.
        const label = statusLabel(displayStatus(shop, now), openNow)
        return { shop, distanceKm, display: labelMarker(label), label }
      }),
    [index, filters, now],
  )
  const features = useMemo(() => placesToFeatureCollection(items), [items])
  const selected = items.find((item) => item.shop.id === selectedId) ?? null
  const resultsRef = useRef<HTMLDivElement>(null)

  const nextRadius =
    filters.origin && filters.radiusKm !== null
      ? RADIUS_PRESETS_KM.find((km) => km > (filters.radiusKm ?? 0))
      : undefined
  const hasFilters =
    JSON.stringify({ ...filters, origin: null, radiusKm: null }) !== JSON.stringify(EMPTY_FILTERS)
  const emptyState = (
    <div className="place-list__empty">
      <p>{(shops.data?.length ?? 0) > 0 ? t('list.emptyFiltered') : t('list.empty')}</p>
      {nextRadius ? (
        <button type="button" onClick={() => radiusChanged(nextRadius)}>
          {t('list.widenRadius')(nextRadius)}
        </button>
      ) : null}
      {hasFilters ? (
        <button type="button" onClick={() => filtersCleared()}>
          {t('list.removeFilters')}
        </button>
      ) : null}
    </div>
  )

  return (
    <div className="places-page">
      <LazyPlacesMap
        load={mapWanted}
        territory={territory}
        features={features}
        selectedId={selectedId}
        onSelect={placeSelected}
        origin={filters.origin}
        radiusKm={filters.radiusKm}
        {...(byViewport ? { onViewportChange: mapMoved } : {})}
      />
      <aside className="places-panel" aria-label={t('filters.title')}>
        {/* Always there (disabled while loading), so that the panel does not jump when the
            places arrive. */}
        <button
          type="button"
          className="results-jump"
          disabled={!shops.isSuccess}
          onClick={() => {
            // Scroll the panel only: the page itself is a fixed-height layout.
            const results = resultsRef.current
            results?.parentElement?.scrollTo({ top: results.offsetTop, behavior: 'smooth' })
          }}
        >
          {shops.isSuccess ? t('list.show')(items.length) : t('list.loading')}
        </button>
        <TerritoryPicker territories={territories} current={territory} />
        <FilterPanel territorySlug={territory.slug} categories={categories.data ?? []} />
        <div ref={resultsRef} className="places-results">
          <StatusLegend />
          {byViewport ? (
            <p className="viewport-notice" role="note">
              {areaFull ? t('list.viewportFull')(VIEWPORT_ROWS) : t('list.viewport')}
            </p>
          ) : null}
          {shops.isPending ? (
            <p role="status">{t('list.loading')}</p>
          ) : shops.isError ? (
            <div role="alert">
              <p>{t('list.error')}</p>
              <p className="error-detail">{errorText(shops.error)}</p>
              <button type="button" onClick={() => void shops.refetch()}>
                {t('list.retry')}
              </button>
            </div>
          ) : (
            <PlaceList
              items={items}
              selectedId={selectedId}
              onSelect={placeSelected}
              empty={emptyState}
            />
          )}
        </div>
      </aside>
      {selected ? (
        <PlaceSheet
          shop={selected.shop}
          now={now}
          distanceKm={selected.distanceKm}
          categories={categories.data ?? []}
          onClose={() => placeSelected(null)}
        />
      ) : null}
    </div>
  )
}
