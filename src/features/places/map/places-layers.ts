import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl'
import { LAYER_IDS, SOURCE_IDS } from '@/map/layer-ids'
import { CLUSTER_COLOUR } from '@/shop/status-style'
import { STATUS_ICON_IDS } from './status-icons'

export const CLUSTER_MAX_ZOOM = 13
export const CLUSTER_RADIUS = 40

/** Groups of places; their counts are HTML labels (the offline style has no glyphs). */
export const clustersLayer: CircleLayerSpecification = {
  id: LAYER_IDS.clusters,
  type: 'circle',
  source: SOURCE_IDS.places,
  filter: ['has', 'point_count'],
  paint: {
    'circle-color': CLUSTER_COLOUR,
    'circle-opacity': 0.85,
    'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24],
    'circle-stroke-width': 2,
    'circle-stroke-color': '#ffffff',
  },
}

/** A halo under the selected place, driven by feature state so selection never touches data. */
export const selectedLayer: CircleLayerSpecification = {
  id: LAYER_IDS.placesSelected,
  type: 'circle',
  source: SOURCE_IDS.places,
  filter: ['!', ['has', 'point_count']],
  paint: {
    'circle-radius': 20,
    'circle-color': '#1a56db',
    'circle-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.35, 0],
    'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 0],
    'circle-stroke-color': '#1a56db',
  },
}

export const placesSymbolLayer: SymbolLayerSpecification = {
  id: LAYER_IDS.placesSymbol,
  type: 'symbol',
  source: SOURCE_IDS.places,
  filter: ['!', ['has', 'point_count']],
  layout: {
    'icon-image': [
      'match',
      ['get', 'display'],
      'open',
      STATUS_ICON_IDS.open,
      'closed',
      STATUS_ICON_IDS.closed,
      'to-confirm',
      STATUS_ICON_IDS['to-confirm'],
      STATUS_ICON_IDS.unknown,
    ],
    'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.75, 15, 1.1],
    'icon-allow-overlap': true,
    // Open places on top: they are what shoppers look for.
    'symbol-sort-key': ['match', ['get', 'display'], 'open', 3, 'to-confirm', 2, 'closed', 1, 0],
  },
}

export const radiusFillLayer: FillLayerSpecification = {
  id: LAYER_IDS.radiusFill,
  type: 'fill',
  source: SOURCE_IDS.radius,
  paint: { 'fill-color': '#1a56db', 'fill-opacity': 0.08 },
}

export const radiusLineLayer: LineLayerSpecification = {
  id: LAYER_IDS.radiusLine,
  type: 'line',
  source: SOURCE_IDS.radius,
  paint: { 'line-color': '#1a56db', 'line-width': 2, 'line-dasharray': [2, 1.5] },
}
