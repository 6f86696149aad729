import type { LonLat, Territory } from '@/backend/types'
import { env } from '@/lib/env'
import { MAP_CONTROL_LOCALE, useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { MapView } from '@/map/map-view'
import type { PlaceFeatureCollection } from '../utils/places-geojson'
import { PlacesLayer } from './places-layer'
import { RadiusLayer } from './radius-layer'
import { ViewportReporter } from './viewport-reporter'
import type { Bounds } from '../utils/viewport-query'

const MAP_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a> (ODbL) · IGN, DGCL, Grand Poitiers Open Data, La Poste (Licence Ouverte)'

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
  return (
    <MapView
      label={t('map.label')}
      bounds={territory.bounds}
      communesUrl={`${import.meta.env.BASE_URL}data/territories/${territory.slug}/communes.geojson`}
      styleUrl={env.mapStyleUrl}
      attribution={MAP_ATTRIBUTION}
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
