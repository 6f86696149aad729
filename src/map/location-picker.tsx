import { useContext, useEffect, useRef } from 'react'
import { Marker, type MapMouseEvent } from 'maplibre-gl'
import type { LonLat, Territory } from '@/backend/types'
import { env } from '@/lib/env'
import { MAP_CONTROL_LOCALE, useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { MapContext } from '@/map/map-context'
import { MapView } from '@/map/map-view'
import './location-picker.css'

const MAP_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a> (ODbL) · IGN, DGCL (Licence Ouverte)'

export interface LocationPickerProps {
  territory: Territory
  location: LonLat | null
  /** The pin was dragged (pointer or arrow keys) or the map was tapped. */
  onLocationChange: (location: LonLat) => void
  /** The map region's name. */
  label: string
  /** The pin's name for assistive technologies. */
  pinLabel: string
}

/**
 * A small map of the territory with one draggable pin: where the search put the shop, corrected
 * by hand. Tapping the map puts the pin there. The position is also shown as text by the form,
 * so that the map is a help, not a requirement.
 */
export function LocationPicker({
  territory,
  location,
  onLocationChange,
  label,
  pinLabel,
}: LocationPickerProps) {
  const locale = useLocaleStore((s) => s.locale)
  const t = useT()
  return (
    <div className="location-picker">
      <MapView
        label={label}
        bounds={territory.bounds}
        communesUrl={`${import.meta.env.BASE_URL}data/territories/${territory.slug}/communes.geojson`}
        styleUrl={env.mapStyleUrl}
        attribution={MAP_ATTRIBUTION}
        locale={MAP_CONTROL_LOCALE[locale]}
        noBasemapText={t('map.noBasemap')}
      >
        <DraggablePin location={location} onLocationChange={onLocationChange} pinLabel={pinLabel} />
      </MapView>
    </div>
  )
}

const samePoint = (a: LonLat | null, b: LonLat | null) =>
  a !== null && b !== null && a.lon === b.lon && a.lat === b.lat

function DraggablePin({
  location,
  onLocationChange,
  pinLabel,
}: Pick<LocationPickerProps, 'location' | 'onLocationChange' | 'pinLabel'>) {
  const map = useContext(MapContext)
  const markerRef = useRef<Marker | null>(null)
  const onMapRef = useRef(false)
  /** The last position the pin itself gave: the camera stays put when it comes back. */
  const fromPinRef = useRef<LonLat | null>(null)
  const onChangeRef = useRef(onLocationChange)
  useEffect(() => {
    onChangeRef.current = onLocationChange
  }, [onLocationChange])

  useEffect(() => {
    if (!map) return
    const marker = new Marker({ draggable: true, color: '#0b5d4b' })
    const report = (lon: number, lat: number) => {
      const point = { lon, lat }
      fromPinRef.current = point
      onChangeRef.current(point)
    }
    marker.on('dragend', () => {
      const { lng, lat } = marker.getLngLat()
      report(lng, lat)
    })
    const tapped = (event: MapMouseEvent) => {
      const { lng, lat } = event.lngLat
      report(lng, lat)
      // A tap on the whole territory is rough: come closer so that the pin can be corrected.
      if (map.getZoom() < 15) map.easeTo({ center: [lng, lat], zoom: 16, duration: 600 })
    }
    map.on('click', tapped)
    markerRef.current = marker
    return () => {
      map.off('click', tapped)
      marker.remove()
      markerRef.current = null
      onMapRef.current = false
    }
  }, [map])

  useEffect(() => {
    markerRef.current?.getElement().setAttribute('aria-label', pinLabel)
  }, [map, pinLabel])

  const lon = location?.lon ?? null
  const lat = location?.lat ?? null
  useEffect(() => {
    const marker = markerRef.current
    if (!map || !marker) return
    if (lon === null || lat === null) {
      marker.remove()
      onMapRef.current = false
      return
    }
    marker.setLngLat([lon, lat])
    // Added once: adding again would rebuild the element and take the keyboard focus away.
    if (!onMapRef.current) {
      marker.addTo(map)
      onMapRef.current = true
    }
    if (samePoint(fromPinRef.current, { lon, lat })) return
    // A position from the search: show it close enough to correct it.
    map.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 16), duration: 600 })
  }, [map, lon, lat])

  return null
}
