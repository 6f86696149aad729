import type { LonLat, Territory } from '@/backend/types'
import { env } from '@/lib/env'
import { MAP_CONTROL_LOCALE, useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { MapView } from '@/map/map-view'
import { otherCredits, useTerritoryCredits } from '@/shop/api/get-territory-credits'
import type { PlaceFeatureCollection } from '../utils/places-geojson'
import { PlacesLayer } from './places-layer'
import { RadiusLayer } from './radius-layer'
import { ViewportReporter } from './viewport-reporter'
import type { Bounds } from '../utils/viewport-query'

const OSM_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a> (ODbL)'

/** Text for the attribution's HTML: the credits are data (a place's source), never markup. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

export interface PlacesMapProps {
  territory: Territory
  features: PlaceFeatureCollection
  selectedId: string | null
  onSelect: (id: string) => void
  origin: LonLat | null
  radiusKm: number | null
  /** Told the visible area when the page loads shops by viewport. */
  onViewportChange?: (bounds: Bounds) => void
}

/**
 * The shoppers' map with its layers. Its own module, loaded apart from the page: MapLibre is
 * the largest dependency, and the list must not wait for it.
 */
export function PlacesMap({
  territory,
  features,
  selectedId,
  onSelect,
  origin,
  radiusKm,
  onViewportChange,
}: PlacesMapProps) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  // The map reads its attribution once, when it is created: it waits for the territory's
  // credits (they come with its places, from the snapshot or one request), or their failure.
  const { credits, settled } = useTerritoryCredits(territory.slug)
  if (!settled) return null
  const attribution = [OSM_ATTRIBUTION, ...otherCredits(credits).map(escapeHtml)].join(' · ')
  return (
    <MapView
      label={t('map.label')}
      bounds={territory.bounds}
      communesUrl={`${import.meta.env.BASE_URL}data/territories/${territory.slug}/communes.geojson`}
      styleUrl={env.mapStyleUrl}
      attribution={attribution}
      locale={MAP_CONTROL_LOCALE[locale]}
      noBasemapText={t('map.noBasemap')}
    >
      <RadiusLayer origin={origin} radiusKm={radiusKm} />
      <PlacesLayer
        data={features}
        selectedId={selectedId}
        onSelect={onSelect}
        clusterLabel={t('map.cluster')}
      />
      {onViewportChange ? <ViewportReporter onChange={onViewportChange} /> : null}
    </MapView>
  )
}
