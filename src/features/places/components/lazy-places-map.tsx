import { Component, lazy, Suspense, useState, type ReactNode } from 'react'
import { useT } from '@/lib/i18n'
import type { PlacesMapProps } from '../map/places-map'

let placesMapModule: Promise<typeof import('../map/places-map')> | null = null

/**
 * Downloads the map (MapLibre and the layers) once. The page's first render starts it, in
 * parallel with its places' request; a failed download can be tried again.
 */
function loadPlacesMap() {
  placesMapModule ??= import('../map/places-map').catch((error: unknown) => {
    // A failed download (offline, a redeploy) can be tried again.
    placesMapModule = null
    throw error
  })
  return placesMapModule
}

// React keeps a lazy component's failure for good: each attempt gets its own.
const lazyPlacesMap = () =>
  lazy(() => loadPlacesMap().then((module) => ({ default: module.PlacesMap })))

function MapPlaceholder({ children }: { children?: ReactNode }) {
  const t = useT()
  return (
    <section className="map-view map-view--placeholder" role="region" aria-label={t('map.label')}>
      {children}
    </section>
  )
}

/** A map that could not be downloaded says so and offers a retry; the list keeps working. */
class MapLoadBoundary extends Component<
  { children: ReactNode; onRetry: () => void },
  { failed: boolean }
> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    if (this.state.failed)
      return (
        <MapLoadError
          retry={() => {
            this.props.onRetry()
            this.setState({ failed: false })
          }}
        />
      )
    return <Suspense fallback={<MapPlaceholder />}>{this.props.children}</Suspense>
  }
}

function MapLoadError({ retry }: { retry: () => void }) {
  const t = useT()
  return (
    <MapPlaceholder>
      <div role="alert" className="map-view__error">
        <p>{t('map.loadError')}</p>
        <button type="button" onClick={retry}>
          {t('list.retry')}
        </button>
      </div>
    </MapPlaceholder>
  )
}

/**
 * The shoppers' map, downloaded apart from the page once `load` is true (a placeholder of the
 * same size holds its place until then, so nothing moves).
 */
export function LazyPlacesMap({ load = true, ...props }: PlacesMapProps & { load?: boolean }) {
  const [PlacesMap, setPlacesMap] = useState(lazyPlacesMap)
  if (!load) return <MapPlaceholder />
  return (
    <MapLoadBoundary onRetry={() => setPlacesMap(lazyPlacesMap)}>
      <PlacesMap {...props} />
    </MapLoadBoundary>
  )
}
