import type { Territory } from '@/backend/types'
import { MapView } from '@/map/map-view'
import { MAP_CONTROL_LOCALE, useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { useTerritoryShops } from '../api/get-territory-shops'
import { PlacesLayer } from '../map/places-layer'
import { PlaceList } from './place-list'
import { StatusLegend } from './status-legend'

const MAP_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a> (ODbL) · IGN, DGCL, Grand Poitiers Open Data, La Poste (Licence Ouverte)'

/** The shopper's page: the territory's map and the list of its places. */
export function PlacesPage({ territory }: { territory: Territory }) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const shops = useTerritoryShops(territory.slug)
  const list = shops.data ?? []

  return (
    <div className="places-page">
      <MapView
        label={t('map.label')}
        bounds={territory.bounds}
        communesUrl={`${import.meta.env.BASE_URL}data/territories/${territory.slug}/communes.geojson`}
        attribution={MAP_ATTRIBUTION}
        locale={MAP_CONTROL_LOCALE[locale]}
      >
        <PlacesLayer shops={list} />
      </MapView>
      <aside className="places-panel" aria-label={t('list.label')}>
        <StatusLegend />
        {shops.isPending ? (
          <p role="status">{t('list.loading')}</p>
        ) : shops.isError ? (
          <div role="alert">
            <p>{t('list.error')}</p>
            <p className="error-detail">{shops.error.message}</p>
            <button type="button" onClick={() => void shops.refetch()}>
              {t('list.retry')}
            </button>
          </div>
        ) : (
          <PlaceList shops={list} />
        )}
      </aside>
    </div>
  )
}
