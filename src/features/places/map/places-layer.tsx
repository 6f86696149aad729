import { useEffect, useRef } from 'react'
import {
  Marker,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type Map as MapLibreMap,
} from 'maplibre-gl'
import { useMap } from '@/map/map-context'
import { LAYER_IDS, SOURCE_IDS } from '@/map/layer-ids'
import type { PlaceFeatureCollection } from '../utils/places-geojson'
import { addStatusIcons } from './status-icons'
import {
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS,
  clustersLayer,
  placesSymbolLayer,
  selectedLayer,
} from './places-layers'

interface PlacesLayerProps {
  data: PlaceFeatureCollection
  selectedId: string | null
  onSelect: (placeId: string) => void
  clusterLabel: (count: number) => string
}

function ensureLayers(map: MapLibreMap, data: PlaceFeatureCollection) {
  if (map.getSource(SOURCE_IDS.places)) return
  addStatusIcons(map)
  map.addSource(SOURCE_IDS.places, {
    type: 'geojson',
    data,
    cluster: true,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    clusterRadius: CLUSTER_RADIUS,
  })
  map.addLayer(clustersLayer)
  map.addLayer(selectedLayer)
  map.addLayer(placesSymbolLayer)
}

/**
 * Draws the matching places. A filter change replaces the source's data; the map, the source and
 * the layers stay. Selection is feature state. Cluster counts are HTML labels because the offline
 * style carries no glyphs.
 */
export function PlacesLayer({ data, selectedId, onSelect, clusterLabel }: PlacesLayerProps) {
  const map = useMap()
  const onSelectRef = useRef(onSelect)
  const labelRef = useRef(clusterLabel)
  const dataRef = useRef(data)
  /** The cluster labels on the map, by cluster id, with the count each shows. */
  const labelsRef = useRef(new Map<number, { marker: Marker; count: number }>())
  useEffect(() => {
    onSelectRef.current = onSelect
    labelRef.current = clusterLabel
    dataRef.current = data
  })

  // Source, layers and interactions: once per map.
  useEffect(() => {
    if (!map) return
    ensureLayers(map, dataRef.current)
    const markers = labelsRef.current

    function updateClusterLabels() {
      if (!map) return
      const seen = new Set<number>()
      // The clusters drawn now, not those of every loaded tile: tiles of the zoom level just
      // left stay loaded a while, and their clusters' counts floated without a bubble.
      for (const feature of map.queryRenderedFeatures({ layers: [LAYER_IDS.clusters] })) {
        const id = feature.properties.cluster_id as number
        if (seen.has(id)) continue
        seen.add(id)
        const count = feature.properties.point_count as number
        if (!markers.has(id)) {
          const element = document.createElement('span')
          element.className = 'cluster-label'
          element.textContent = String(count)
          element.setAttribute('aria-hidden', 'true')
          element.title = labelRef.current(count)
          const marker = new Marker({ element }).setLngLat(
            (feature.geometry as GeoJSON.Point).coordinates as [number, number],
          )
          markers.set(id, { marker, count })
          marker.addTo(map)
        }
      }
      for (const [id, { marker }] of markers) {
        if (!seen.has(id)) {
          marker.remove()
          markers.delete(id)
        }
      }
    }

    const onPlaceClick = (event: { features?: MapGeoJSONFeature[] }) => {
      const id = event.features?.[0]?.properties.id
      if (typeof id === 'string') onSelectRef.current(id)
    }
    const onClusterClick = async (event: { features?: MapGeoJSONFeature[] }) => {
      const feature = event.features?.[0]
      if (!feature) return
      const source = map.getSource<GeoJSONSource>(SOURCE_IDS.places)
      const zoom = await source?.getClusterExpansionZoom(feature.properties.cluster_id as number)
      map.easeTo({
        center: (feature.geometry as GeoJSON.Point).coordinates as [number, number],
        zoom: zoom ?? map.getZoom() + 2,
      })
    }
    const pointer = () => (map.getCanvas().style.cursor = 'pointer')
    const noPointer = () => (map.getCanvas().style.cursor = '')

    map.on('click', LAYER_IDS.placesSymbol, onPlaceClick)
    map.on('click', LAYER_IDS.clusters, onClusterClick)
    for (const layer of [LAYER_IDS.placesSymbol, LAYER_IDS.clusters]) {
      map.on('mouseenter', layer, pointer)
      map.on('mouseleave', layer, noPointer)
    }
    // Once the map has drawn: after a move, a zoom, new data.
    map.on('idle', updateClusterLabels)
    return () => {
      map.off('click', LAYER_IDS.placesSymbol, onPlaceClick)
      map.off('click', LAYER_IDS.clusters, onClusterClick)
      for (const layer of [LAYER_IDS.placesSymbol, LAYER_IDS.clusters]) {
        map.off('mouseenter', layer, pointer)
        map.off('mouseleave', layer, noPointer)
      }
      map.off('idle', updateClusterLabels)
      for (const { marker } of markers.values()) marker.remove()
      markers.clear()
    }
  }, [map])

  // Another language: the labels already on the map say it too.
  useEffect(() => {
    for (const { marker, count } of labelsRef.current.values()) {
      marker.getElement().title = clusterLabel(count)
    }
  }, [clusterLabel])

  // New matches: new data for the same source.
  useEffect(() => {
    if (!map) return
    ensureLayers(map, data)
    map.getSource<GeoJSONSource>(SOURCE_IDS.places)?.setData(data)
    map.once('idle', () => {
      document.documentElement.dataset.mapReady = 'true'
      document.documentElement.dataset.mapPlaces = String(data.features.length)
      if (
        data.features.length > 0 &&
        performance.getEntriesByName('vitrine:map-interactive').length === 0
      ) {
        performance.mark('vitrine:map-interactive')
      }
    })
  }, [map, data])

  // Selection: feature state on the selected feature only.
  useEffect(() => {
    if (!map || !selectedId) return
    const feature = data.features.find((f) => f.properties.id === selectedId)
    if (!feature) return
    const target = { source: SOURCE_IDS.places, id: feature.id }
    map.setFeatureState(target, { selected: true })
    map.flyTo({
      center: feature.geometry.coordinates,
      zoom: Math.max(map.getZoom(), 15),
      duration: 800,
    })
    return () => {
      if (map.getSource(SOURCE_IDS.places)) map.removeFeatureState(target, 'selected')
    }
  }, [map, data, selectedId])

  return null
}
